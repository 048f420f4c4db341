using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Turns a street network and <see cref="RouteCostParameters"/> into the perceived cost of every arc (a segment in
/// one direction) for each <see cref="CostProfile"/>, and of every turn at a node. Arc costs are computed once per
/// profile and kept as flat float arrays; the network is immutable, so they never go stale.
/// </summary>
internal sealed partial class RouteCostModel
{
    private readonly StreetNetwork _network;
    private readonly float[]?[] _arcCosts;
    private readonly float[] _entryHeading;
    private readonly float[] _exitHeading;
    private readonly bool[] _busy;
    private readonly float[] _crossingWait;
    private readonly int[] _degree;
    private readonly double _turnCosine;
    private readonly Lock _gate = new();
    private readonly float[] _lowestPerMetre;
    private readonly float[] _bucketWidth;

    // Turn tables, built once: for every arc, the arcs that may follow it (successors) and precede it
    // (predecessors) at its end or start node, with the transition cost on foot, by bike and by car (walkers and
    // cyclists differ only at zebras). The searches read these flat arrays instead of recomputing angles, which is
    // most of a tree's cost.
    private readonly int[] _successorStart;
    private readonly int[] _successorArc;
    private readonly float[] _successorTurnWalk;
    private readonly float[] _successorTurnBike;
    private readonly float[] _successorTurnCar;
    private readonly int[] _predecessorStart;
    private readonly int[] _predecessorArc;
    private readonly float[] _predecessorTurnWalk;
    private readonly float[] _predecessorTurnBike;
    private readonly float[] _predecessorTurnCar;
    private readonly TravelModes _reversibleModes;

    public RouteCostModel(StreetNetwork network, RouteCostParameters parameters, ulong seed, StreetCrossSectionParameters? crossSection = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(parameters);
        _network = network;
        Parameters = parameters;
        Seed = seed;
        _arcCosts = new float[CostProfile.Count(parameters.RouteVariants)][];
        _landmarkDistances = new float[CostProfile.Count(parameters.RouteVariants)][];
        _lowestPerMetre = new float[CostProfile.Count(parameters.RouteVariants)];
        Array.Fill(_lowestPerMetre, float.NaN); // NaN: not computed yet (a float is written atomically, a float? is not)
        _bucketWidth = new float[CostProfile.Count(parameters.RouteVariants)];
        Array.Fill(_bucketWidth, float.NaN);
        int arcs = network.SegmentCount * 2;
        _entryHeading = new float[arcs];
        _exitHeading = new float[arcs];
        _busy = new bool[network.SegmentCount];
        _crossingWait = new float[network.SegmentCount];
        crossSection ??= StreetCrossSectionParameters.Default;
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
            _crossingWait[s] = (float)CrossingWaitSeconds(network.CarVehiclesPerDay[s], LateralPlacement.CarriagewayMetres(network, s, crossSection), parameters);
        }
        (_successorStart, _successorArc, _successorTurnWalk, _successorTurnBike, _successorTurnCar) = BuildTurnTable(successors: true);
        (_predecessorStart, _predecessorArc, _predecessorTurnWalk, _predecessorTurnBike, _predecessorTurnCar) = BuildTurnTable(successors: false);
        foreach (var mode in (ReadOnlySpan<TravelModes>)[TravelModes.Walk, TravelModes.Bike, TravelModes.Car])
        {
            if (AllowedBothWays(mode) && TurnsMirror(SuccessorTurns(mode)))
            {
                _reversibleModes |= mode;
            }
        }
    }

    /// <summary>
    /// True when every route by <paramref name="mode"/> costs the same walked (or ridden, driven) backwards, for every
    /// profile of the mode: the mode may use every segment both ways or neither, and every turn costs what its mirror
    /// costs (checked turn by turn, so float rounding at the turn-angle threshold cannot slip through). The best route
    /// from a place to a home is then the best route from the home to the place, reversed: one tree serves both
    /// (<see cref="TripMaker.RoutesReversed"/>). An arc's perceived cost is its segment's, so both directions agree once
    /// both are allowed. On foot this holds in any map whose footpaths are not one-way; by bike, where cycling
    /// contra-flow is allowed (most Dutch one-way streets); by car, only without one-way streets.
    /// </summary>
    public bool Reversible(TravelModes mode) => mode != TravelModes.None && (_reversibleModes & mode) == mode;

    private bool AllowedBothWays(TravelModes mode)
    {
        var network = _network;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            if (((network.ModesForward[s] & mode) != 0) != ((network.ModesBackward[s] & mode) != 0))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether each turn a → b in the successor table costs the same as its mirror, b reversed → a reversed.</summary>
    private bool TurnsMirror(float[] turn)
    {
        int arcs = _network.SegmentCount * 2;
        for (int a = 0; a < arcs; a++)
        {
            for (int k = _successorStart[a]; k < _successorStart[a + 1]; k++)
            {
                int mirrorFrom = _successorArc[k] ^ 1;
                int mirror = -1;
                for (int j = _successorStart[mirrorFrom]; j < _successorStart[mirrorFrom + 1]; j++)
                {
                    if (_successorArc[j] == (a ^ 1))
                    {
                        mirror = j;
                        break;
                    }
                }
                if (mirror < 0 || turn[mirror] != turn[k])
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The lowest perceived cost per metre of any usable arc for a profile: the A* heuristic's scale.</summary>
    public float LowestCostPerMetre(CostProfile profile) =>
        OncePerProfileValue(_lowestPerMetre, profile, static (model, p) => model.ComputeLowestCostPerMetre(p));

    private float ComputeLowestCostPerMetre(CostProfile profile)
    {
        var costs = ArcCosts(profile);
        float lowest = float.PositiveInfinity;
        for (int arc = 0; arc < costs.Length; arc++)
        {
            float length = _network.LengthMetres[arc >> 1];
            if (length > 0.5f && !float.IsPositiveInfinity(costs[arc]))
            {
                lowest = Math.Min(lowest, costs[arc] / length);
            }
        }
        // An arc's cost over its length is its factor; sub-half-metre arcs are skipped only to keep rounding out, and
        // the 1 % margin covers that rounding.
        return float.IsPositiveInfinity(lowest) ? 0 : lowest * 0.99f;
    }

    /// <summary>
    /// The bucket width of a search's queue (<see cref="ArcHeap.Clear(float)"/>) for a profile: the mean cost of a
    /// usable arc over <see cref="QueueBucketsPerArc"/>. A frontier spans about one arc's cost of keys, so each bucket
    /// then holds a small share of it. The width changes how fast a search runs, never what it finds.
    /// </summary>
    public float QueueBucketWidth(CostProfile profile) =>
        OncePerProfileValue(_bucketWidth, profile, static (model, p) => model.ComputeQueueBucketWidth(p));

    private float ComputeQueueBucketWidth(CostProfile profile)
    {
        var costs = ArcCosts(profile);
        double sum = 0;
        int usable = 0;
        foreach (float cost in costs)
        {
            if (!float.IsPositiveInfinity(cost))
            {
                sum += cost;
                usable++;
            }
        }
        return usable == 0 ? 0 : (float)(sum / usable / QueueBucketsPerArc);
    }

    /// <summary>
    /// A per-profile number, computed on first use and kept in <paramref name="values"/> (NaN: not yet; a float is
    /// written atomically, a float? is not). Threads may race to compute one; each gets the same number.
    /// </summary>
    private float OncePerProfileValue(float[] values, CostProfile profile, Func<RouteCostModel, CostProfile, float> compute)
    {
        int index = profile.Index(Parameters.RouteVariants);
        float known = Volatile.Read(ref values[index]);
        if (float.IsNaN(known))
        {
            known = compute(this, profile);
            Volatile.Write(ref values[index], known);
        }
        return known;
    }

    /// <summary>Buckets per mean arc cost in a search's queue (see <see cref="QueueBucketWidth"/>).</summary>
    /// <remarks>
    /// Measured (trees phase, 2 threads): 300k residents 6.9 s as a plain heap, 6.2 s at 4, 5.6 at 16, 5.2 at 32,
    /// 4.9 at 64 and 128, 4.9 at 256; Delft, one day: 0.47 s plain, 0.36 s at 64. Beyond 64 a key more often lands
    /// past the window of <see cref="ArcHeap"/> (1,024 buckets, 16 mean arcs at 64) and waits in its overflow.
    /// </remarks>
    internal const int QueueBucketsPerArc = 64;

    /// <summary>A segment's midpoint and half its length: every point of it lies within that distance of the midpoint.</summary>
    public (double X, double Y, double HalfLength) Midpoint(int segment)
    {
        int from = _network.SegmentFrom[segment], to = _network.SegmentTo[segment];
        return ((_network.NodeX[from] + _network.NodeX[to]) / 2, (_network.NodeY[from] + _network.NodeY[to]) / 2, _network.LengthMetres[segment] / 2.0);
    }

    /// <summary>Positions in the turn tables of the arcs that may follow <paramref name="arc"/> (use with <see cref="TurnArc"/>).</summary>
    public (int Start, int End) Successors(int arc) => (_successorStart[arc], _successorStart[arc + 1]);

    /// <summary>Positions in the turn tables of the arcs that may precede <paramref name="arc"/>.</summary>
    public (int Start, int End) Predecessors(int arc) => (_predecessorStart[arc], _predecessorStart[arc + 1]);

    /// <summary>
    /// The whole turn table a search walks (predecessors towards a root, successors away from it) with the mode's
    /// transition costs: arcs next to arc a at positions Start[a] .. Start[a + 1]. Read as arrays so the search's
    /// inner loop does not choose a table per step.
    /// </summary>
    internal (int[] Start, int[] Arc, float[] Turn) TurnTable(bool predecessors, TravelModes mode) => predecessors
        ? (_predecessorStart, _predecessorArc, PredecessorTurns(mode))
        : (_successorStart, _successorArc, SuccessorTurns(mode));

    private float[] SuccessorTurns(TravelModes mode) => mode switch
    {
        TravelModes.Car => _successorTurnCar,
        TravelModes.Bike => _successorTurnBike,
        _ => _successorTurnWalk,
    };

    private float[] PredecessorTurns(TravelModes mode) => mode switch
    {
        TravelModes.Car => _predecessorTurnCar,
        TravelModes.Bike => _predecessorTurnBike,
        _ => _predecessorTurnWalk,
    };

    public int SuccessorArc(int position) => _successorArc[position];

    public int PredecessorArc(int position) => _predecessorArc[position];

    /// <summary>The transition cost stored at a turn-table position, for the mode.</summary>
    public float SuccessorTurn(int position, TravelModes mode) => SuccessorTurns(mode)[position];

    public float PredecessorTurn(int position, TravelModes mode) => PredecessorTurns(mode)[position];

    private (int[] Start, int[] Arc, float[] Walk, float[] Bike, float[] Car) BuildTurnTable(bool successors)
    {
        var network = _network;
        int arcs = network.SegmentCount * 2;
        var start = new int[arcs + 1];
        var arc = new List<int>(arcs * 3);
        var walk = new List<float>(arcs * 3);
        var bike = new List<float>(arcs * 3);
        var car = new List<float>(arcs * 3);
        for (int a = 0; a < arcs; a++)
        {
            start[a] = arc.Count;
            int node = successors ? EndNode(a) : StartNode(a);
            bool deadEnd = _degree[node] <= 1;
            foreach (int leaving in network.ArcsFrom(new NodeId(node)))
            {
                int other = successors ? leaving : leaving ^ 1;
                if ((other >> 1) == (a >> 1) && !deadEnd)
                {
                    continue; // no U-turn in the middle of a street
                }
                arc.Add(other);
                walk.Add(successors ? TransitionCost(a, other, TravelModes.Walk) : TransitionCost(other, a, TravelModes.Walk));
                bike.Add(successors ? TransitionCost(a, other, TravelModes.Bike) : TransitionCost(other, a, TravelModes.Bike));
                car.Add(successors ? TransitionCost(a, other, TravelModes.Car) : TransitionCost(other, a, TravelModes.Car));
            }
        }
        start[arcs] = arc.Count;
        return (start, [.. arc], [.. walk], [.. bike], [.. car]);
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

    /// <summary>Perceived cost of every arc for a profile (positive infinity where the mode may not go).</summary>
    public ReadOnlySpan<float> ArcCosts(CostProfile profile) => ArcCostTable(profile);

    /// <summary>As <see cref="ArcCosts"/>, the array itself (read only, for search state that outlives a span).</summary>
    internal float[] ArcCostTable(CostProfile profile) => OncePerProfile(_arcCosts, profile, static (model, p) => model.ComputeArcCosts(p));

    /// <summary>
    /// The table of <paramref name="profile"/> in <paramref name="tables"/>, built on first use. Threads may race to
    /// build one; the first stored wins and every caller gets that one (each build gives the same numbers anyway).
    /// Builders are static lambdas given the model: a method group of this instance would allocate a delegate on
    /// every call, and every search and every route asks for its table.
    /// </summary>
    private float[] OncePerProfile(float[]?[] tables, CostProfile profile, Func<RouteCostModel, CostProfile, float[]> build)
    {
        int index = profile.Index(Parameters.RouteVariants);
        float[]? table = Volatile.Read(ref tables[index]);
        if (table is null)
        {
            table = build(this, profile);
            lock (_gate)
            {
                tables[index] ??= table;
                table = tables[index]!;
            }
        }
        return table;
    }

    /// <summary>
    /// The mean wait (seconds) of a pedestrian for a gap to cross a carriageway of <paramref name="carriagewayMetres"/>
    /// carrying <paramref name="vehiclesPerDay"/>, with vehicles arriving at random: the gap-acceptance delay of the
    /// Highway Capacity Manual (HCM 2010, ch. 19, after Adams 1936), d = (e^(qτ) − qτ − 1) / q, with q the flow (vehicles
    /// a second in an average daytime hour) and τ = width / walking speed + start-up time the critical gap. It grows
    /// with traffic steeply (a quiet street: well under a second; 20,000 vehicles a day over 7 m: about a minute), and is
    /// capped at <see cref="RouteCostParameters.MaximumCrossingWaitSeconds"/>. 0 without a carriageway.
    /// </summary>
    public static double CrossingWaitSeconds(double vehiclesPerDay, double carriagewayMetres, RouteCostParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (carriagewayMetres <= 0 || vehiclesPerDay <= 0)
        {
            return 0;
        }
        double q = vehiclesPerDay / (parameters.TrafficHoursPerDay * 3600);
        double gap = (carriagewayMetres / parameters.CrossingWalkSpeedMetresPerSecond) + parameters.CrossingStartUpSeconds;
        double qt = q * gap;
        // e^x − x − 1 loses its digits for small x: the series, to x³, is exact to 1e-10 there.
        double excess = qt < 1e-3 ? (qt * qt / 2) + (qt * qt * qt / 6) : Math.Exp(qt) - qt - 1;
        return Math.Min(parameters.MaximumCrossingWaitSeconds, excess / q);
    }

    /// <summary>
    /// Cost of moving from arc <paramref name="incoming"/> onto arc <paramref name="outgoing"/> at their shared node:
    /// a turn penalty when the heading changes by more than the turn angle, and on foot or by bike the expected wait to
    /// cross carriageways there (<see cref="CrossingWaitSeconds"/>, cut at signals, and at zebras on foot), in perceived metres. Which
    /// carriageways a walker crosses depends on the pavement they are on, which a route does not know: going on past a
    /// side street crosses it on one of the two pavements (each arm not walked along: half its wait); turning, one
    /// pavement turns without crossing and the other crosses the street left or the street joined (a quarter of each).
    /// So turning onto or off a busy road costs part of its crossing, and a busy road through a junction costs the quiet
    /// streets that cross it. The cost is the same for a turn and its mirror (routes stay reversible).
    /// </summary>
    public float TransitionCost(int incoming, int outgoing, TravelModes mode)
    {
        float cost = 0;
        float a = _exitHeading[incoming];
        float b = _entryHeading[outgoing];
        int node = EndNode(incoming);
        bool turn = MathF.Cos(b - a) < _turnCosine && _degree[node] > 2;
        if (turn)
        {
            cost += (float)Parameters.TurnPenaltyMetres;
        }
        if (mode != TravelModes.Car && _degree[node] > 2)
        {
            int walkedIn = incoming >> 1, walkedOut = outgoing >> 1;
            double wait = turn ? 0.25 * (_crossingWait[walkedIn] + (walkedOut != walkedIn ? _crossingWait[walkedOut] : 0)) : 0;
            foreach (int leaving in _network.ArcsFrom(new NodeId(node)))
            {
                int arm = leaving >> 1;
                if (arm != walkedIn && arm != walkedOut)
                {
                    wait += 0.5 * _crossingWait[arm];
                }
            }
            double share = Parameters.CrossingShare(_network.NodeCrossing[node], mode);
            cost += (float)(wait * share * Parameters.CrossingWaitMetresPerSecond);
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
                factor *= p.WalkCostFactor;
                if (network.GreenOrWaterAdjacent[s])
                {
                    factor *= p.GreenStreetFactor;
                }
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
                factor *= p.BikeCostFactor;
                if (network.Highway[s] != HighwayKind.Cycleway)
                {
                    factor *= 1 + p.BikeTrafficFactorPerThousandVehicles * network.CarVehiclesPerDay[s] / 1000.0;
                }
            }
            else
            {
                factor *= p.CarCostFactor;
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
            double barrier = 0;
            if (profile.Mode != TravelModes.Car)
            {
                // Residents' own judgement of the street (perceived-quality): their rating stretches or shrinks it, an
                // observed barrier costs a fixed detour-like amount to pass.
                factor *= 1 + network.PerceivedLengthChange[s];
                barrier = network.ObservedBarrierMetres[s];
            }
            float cost = (float)((length * factor) + barrier);
            costs[s * 2] = (network.ModesForward[s] & profile.Mode) != 0 ? cost : float.PositiveInfinity;
            costs[s * 2 + 1] = (network.ModesBackward[s] & profile.Mode) != 0 ? cost : float.PositiveInfinity;
        }
        return costs;
    }

    private static float Opposite(float heading) => heading > 0 ? heading - MathF.PI : heading + MathF.PI;
}
