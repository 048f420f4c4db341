using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Turns a street network and <see cref="RouteCostParameters"/> into the perceived cost of every arc (a segment in
/// one direction) for each <see cref="CostProfile"/>, and of every turn at a node. Arc costs are computed once per
/// profile and kept as flat float arrays; the network is immutable, so they never go stale.
/// </summary>
public sealed class RouteCostModel
{
    private readonly StreetNetwork _network;
    private readonly float[]?[] _arcCosts;
    private readonly float[] _entryHeading;
    private readonly float[] _exitHeading;
    private readonly bool[] _busy;
    private readonly int[] _busySegmentsAtNode;
    private readonly int[] _degree;
    private readonly double _turnCosine;
    private readonly Lock _gate = new();

    public RouteCostModel(StreetNetwork network, RouteCostParameters parameters, ulong seed)
    {
        _network = network;
        Parameters = parameters;
        Seed = seed;
        _arcCosts = new float[CostProfile.Count(parameters.RouteVariants)][];
        int arcs = network.SegmentCount * 2;
        _entryHeading = new float[arcs];
        _exitHeading = new float[arcs];
        _busy = new bool[network.SegmentCount];
        _busySegmentsAtNode = new int[network.NodeCount];
        _degree = new int[network.NodeCount];
        _turnCosine = Math.Cos(parameters.TurnAngleDegrees * Math.PI / 180);
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var (x, y) = network.Geometry(new SegmentId(s));
            var xs = x.Span;
            var ys = y.Span;
            int last = xs.Length - 1;
            float forwardStart = MathF.Atan2((float)(ys[1] - ys[0]), (float)(xs[1] - xs[0]));
            float forwardEnd = MathF.Atan2((float)(ys[last] - ys[last - 1]), (float)(xs[last] - xs[last - 1]));
            _entryHeading[s * 2] = forwardStart;
            _exitHeading[s * 2] = forwardEnd;
            _entryHeading[s * 2 + 1] = Opposite(forwardEnd);
            _exitHeading[s * 2 + 1] = Opposite(forwardStart);
            _busy[s] = network.CarVehiclesPerDay[s] >= parameters.BusyRoadVehiclesPerDay;
            int from = network.SegmentFrom[s];
            int to = network.SegmentTo[s];
            _degree[from]++;
            _degree[to]++;
            if (_busy[s])
            {
                _busySegmentsAtNode[from]++;
                _busySegmentsAtNode[to]++;
            }
        }
    }

    public StreetNetwork Network => _network;

    public RouteCostParameters Parameters { get; }

    public ulong Seed { get; }

    /// <summary>The node an arc starts from.</summary>
    public int StartNode(int arc) => (arc & 1) == 0 ? _network.SegmentFrom[arc >> 1] : _network.SegmentTo[arc >> 1];

    /// <summary>The node an arc ends at.</summary>
    public int EndNode(int arc) => (arc & 1) == 0 ? _network.SegmentTo[arc >> 1] : _network.SegmentFrom[arc >> 1];

    public bool Allows(int arc, TravelModes mode) =>
        (((arc & 1) == 0 ? _network.ModesForward[arc >> 1] : _network.ModesBackward[arc >> 1]) & mode) != 0;

    public int Degree(int node) => _degree[node];

    /// <summary>Perceived cost of every arc for a profile (positive infinity where the mode may not go).</summary>
    public ReadOnlySpan<float> ArcCosts(CostProfile profile)
    {
        int index = profile.Index(Parameters.RouteVariants);
        float[]? costs = Volatile.Read(ref _arcCosts[index]);
        if (costs is null)
        {
            costs = ComputeArcCosts(profile);
            lock (_gate)
            {
                _arcCosts[index] ??= costs;
                costs = _arcCosts[index]!;
            }
        }
        return costs;
    }

    /// <summary>
    /// Cost of moving from arc <paramref name="incoming"/> onto arc <paramref name="outgoing"/> at their shared node:
    /// a turn penalty when the heading changes by more than the turn angle, and, on foot or by bike, a busy-road
    /// crossing when both arcs are quiet streets but a busy road runs through the node (the walker must cross it).
    /// </summary>
    public float TransitionCost(int incoming, int outgoing, TravelModes mode)
    {
        float cost = 0;
        float a = _exitHeading[incoming];
        float b = _entryHeading[outgoing];
        if (MathF.Cos(b - a) < _turnCosine && _degree[EndNode(incoming)] > 2)
        {
            cost += (float)Parameters.TurnPenaltyMetres;
        }
        if (mode != TravelModes.Car && !_busy[incoming >> 1] && !_busy[outgoing >> 1] && _busySegmentsAtNode[EndNode(incoming)] > 0)
        {
            cost += (float)Parameters.BusyCrossingPenaltyMetres;
        }
        return cost;
    }

    private float[] ComputeArcCosts(CostProfile profile)
    {
        var p = Parameters;
        var network = _network;
        var costs = new float[network.SegmentCount * 2];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            double length = network.LengthMetres[s];
            double factor = 1;
            if (profile.Mode == TravelModes.Walk)
            {
                if (_busy[s])
                {
                    factor *= p.BusyRoadFactor;
                }
                if (network.Frontage[s] == Frontage.Active)
                {
                    factor *= p.ActiveFrontageFactor;
                }
                double missingWidth = p.ComfortablePavementWidthMetres - network.PavementWidthMetres[s];
                if (missingWidth > 0)
                {
                    factor *= 1 + p.NarrowPavementFactorPerMetre * missingWidth;
                }
                if (profile.LimitedMobility)
                {
                    factor *= network.Surface[s] switch
                    {
                        SurfaceQuality.Uneven => p.UnevenSurfaceLimitedMobilityFactor,
                        SurfaceQuality.Poor => p.PoorSurfaceLimitedMobilityFactor,
                        _ => 1,
                    };
                }
            }
            else if (profile.Mode == TravelModes.Bike)
            {
                if (network.Highway[s] != HighwayKind.Cycleway)
                {
                    factor *= 1 + p.BikeTrafficFactorPerThousandVehicles * network.CarVehiclesPerDay[s] / 1000.0;
                }
            }
            if (profile.AfterDark && profile.Mode != TravelModes.Car && network.Lighting[s] == Lighting.Unlit)
            {
                double extra = p.UnlitAfterDarkFactor - 1;
                factor *= 1 + extra * (profile.DarknessSensitive ? p.DarknessSensitiveMultiplier : 1);
            }
            if (p.PerceptionNoiseSigma > 0 && p.RouteVariants > 1)
            {
                var noise = new Randomness.RandomStream(Seed, Randomness.StreamPurpose.Route, (ulong)s, (ulong)(profile.Variant + 1));
                factor *= Math.Exp(p.PerceptionNoiseSigma * noise.NextGaussian());
            }
            float cost = (float)(length * factor);
            costs[s * 2] = (network.ModesForward[s] & profile.Mode) != 0 ? cost : float.PositiveInfinity;
            costs[s * 2 + 1] = (network.ModesBackward[s] & profile.Mode) != 0 ? cost : float.PositiveInfinity;
        }
        return costs;
    }

    private static float Opposite(float heading) => heading > 0 ? heading - MathF.PI : heading + MathF.PI;
}
