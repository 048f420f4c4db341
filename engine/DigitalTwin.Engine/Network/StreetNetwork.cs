namespace DigitalTwin.Engine.Network;

/// <summary>
/// An immutable street graph in flat arrays: nodes with projected coordinates (metres), segments with their
/// attributes as one array per field, the geometry of every segment as a polyline in two coordinate arrays,
/// and a compressed adjacency (CSR) for routing. Build one with <see cref="StreetNetworkBuilder"/>; change one
/// with <see cref="ToBuilder"/> (interventions return a new network and never mutate this one).
/// </summary>
public sealed partial class StreetNetwork
{
    // Nodes.
    private readonly double[] _nodeX;
    private readonly double[] _nodeY;
    private readonly long[] _nodeOsmId;
    private readonly CrossingControl[] _nodeCrossing;

    // Segments: topology.
    private readonly int[] _segmentFrom;
    private readonly int[] _segmentTo;

    // Segments: geometry, polyline i is points [_geometryStart[i], _geometryStart[i + 1]).
    private readonly int[] _geometryStart;
    private readonly double[] _geometryX;
    private readonly double[] _geometryY;

    // Segments: attributes, one array per field.
    private readonly float[] _lengthMetres;
    private readonly HighwayKind[] _highway;
    private readonly TravelModes[] _modesForward;
    private readonly TravelModes[] _modesBackward;
    private readonly float[] _pavementWidthMetres;
    private readonly float[] _carVehiclesPerDay;
    private readonly float[] _speedLimitKmh;
    private readonly Lighting[] _lighting;
    private readonly SurfaceQuality[] _surface;
    private readonly Frontage[] _frontage;
    private readonly bool[] _greenOrWater;
    private readonly float[] _frontZoneDepthMetres;
    private readonly float[] _perceivedLengthChange;
    private readonly float[] _observedBarrierMetres;
    private readonly int[] _nameIndex;
    private readonly string[] _names;
    private readonly long[] _osmWayId;

    // CSR adjacency: the arcs leaving node n are _arcs[_firstArc[n] .. _firstArc[n + 1]).
    // An arc is segment * 2 + direction (0: from -> to, 1: to -> from), so no second array is needed.
    private readonly int[] _firstArc;
    private readonly int[] _arcs;

    internal StreetNetwork(
        double[] nodeX, double[] nodeY, long[] nodeOsmId, CrossingControl[] nodeCrossing,
        int[] segmentFrom, int[] segmentTo,
        int[] geometryStart, double[] geometryX, double[] geometryY,
        SegmentAttributes[] attributes, GeoReference geoReference)
    {
        _nodeX = nodeX;
        _nodeY = nodeY;
        _nodeOsmId = nodeOsmId;
        _nodeCrossing = nodeCrossing;
        _segmentFrom = segmentFrom;
        _segmentTo = segmentTo;
        _geometryStart = geometryStart;
        _geometryX = geometryX;
        _geometryY = geometryY;
        GeoReference = geoReference;

        int count = segmentFrom.Length;
        _lengthMetres = new float[count];
        _highway = new HighwayKind[count];
        _modesForward = new TravelModes[count];
        _modesBackward = new TravelModes[count];
        _pavementWidthMetres = new float[count];
        _carVehiclesPerDay = new float[count];
        _speedLimitKmh = new float[count];
        _lighting = new Lighting[count];
        _surface = new SurfaceQuality[count];
        _frontage = new Frontage[count];
        _greenOrWater = new bool[count];
        _frontZoneDepthMetres = new float[count];
        _perceivedLengthChange = new float[count];
        _observedBarrierMetres = new float[count];
        _nameIndex = new int[count];
        _osmWayId = new long[count];

        var names = new List<string> { string.Empty };
        var nameLookup = new Dictionary<string, int>(StringComparer.Ordinal) { [string.Empty] = 0 };
        for (int s = 0; s < count; s++)
        {
            ref readonly SegmentAttributes a = ref attributes[s];
            _lengthMetres[s] = (float)PolylineLength(s);
            _highway[s] = a.Highway;
            _modesForward[s] = a.ModesForward;
            _modesBackward[s] = a.ModesBackward;
            _pavementWidthMetres[s] = a.PavementWidthMetres;
            _carVehiclesPerDay[s] = a.CarVehiclesPerDay;
            _speedLimitKmh[s] = a.SpeedLimitKmh;
            _lighting[s] = a.Lighting;
            _surface[s] = a.Surface;
            _frontage[s] = a.Frontage;
            _greenOrWater[s] = a.GreenOrWaterAdjacent;
            _frontZoneDepthMetres[s] = a.FrontZoneDepthMetres;
            _perceivedLengthChange[s] = a.PerceivedLengthChange;
            _observedBarrierMetres[s] = a.ObservedBarrierMetres;
            _osmWayId[s] = a.OsmWayId;
            string name = a.Name ?? string.Empty;
            if (!nameLookup.TryGetValue(name, out int index))
            {
                index = names.Count;
                names.Add(name);
                nameLookup.Add(name, index);
            }
            _nameIndex[s] = index;
        }
        _names = [.. names];

        (_firstArc, _arcs) = BuildAdjacency(nodeX.Length, segmentFrom, segmentTo);
    }

    /// <summary>How projected metres map back to longitude/latitude (for export).</summary>
    public GeoReference GeoReference { get; }

    public int NodeCount => _nodeX.Length;

    public int SegmentCount => _segmentFrom.Length;

    public ReadOnlySpan<double> NodeX => _nodeX;

    public ReadOnlySpan<double> NodeY => _nodeY;

    public ReadOnlySpan<long> NodeOsmId => _nodeOsmId;

    public ReadOnlySpan<int> SegmentFrom => _segmentFrom;

    public ReadOnlySpan<int> SegmentTo => _segmentTo;

    public ReadOnlySpan<float> LengthMetres => _lengthMetres;

    public ReadOnlySpan<HighwayKind> Highway => _highway;

    public ReadOnlySpan<TravelModes> ModesForward => _modesForward;

    public ReadOnlySpan<TravelModes> ModesBackward => _modesBackward;

    public ReadOnlySpan<float> PavementWidthMetres => _pavementWidthMetres;

    public ReadOnlySpan<float> CarVehiclesPerDay => _carVehiclesPerDay;

    public ReadOnlySpan<float> SpeedLimitKmh => _speedLimitKmh;

    public ReadOnlySpan<Lighting> Lighting => _lighting;

    public ReadOnlySpan<SurfaceQuality> Surface => _surface;

    public ReadOnlySpan<Frontage> Frontage => _frontage;

    public ReadOnlySpan<bool> GreenOrWaterAdjacent => _greenOrWater;

    public ReadOnlySpan<float> FrontZoneDepthMetres => _frontZoneDepthMetres;

    /// <summary>Per segment, how much longer (positive) or shorter walking and cycling it feels from residents' ratings (<see cref="SegmentAttributes.PerceivedLengthChange"/>).</summary>
    public ReadOnlySpan<float> PerceivedLengthChange => _perceivedLengthChange;

    /// <summary>Per segment, the perceived metres a barrier residents observed adds to passing it (<see cref="SegmentAttributes.ObservedBarrierMetres"/>).</summary>
    public ReadOnlySpan<float> ObservedBarrierMetres => _observedBarrierMetres;

    /// <summary>How walkers cross the roads at each node.</summary>
    public ReadOnlySpan<CrossingControl> NodeCrossing => _nodeCrossing;

    public ReadOnlySpan<long> OsmWayId => _osmWayId;

    /// <summary>Distinct street names; index 0 is the empty name of unnamed segments.</summary>
    public ReadOnlySpan<string> Names => _names;

    public ReadOnlySpan<int> NameIndex => _nameIndex;

    public string NameOf(SegmentId segment) => _names[_nameIndex[segment.Value]];

    /// <summary>Modes allowed in either direction.</summary>
    public TravelModes ModesEither(SegmentId segment) =>
        _modesForward[segment.Value] | _modesBackward[segment.Value];

    /// <summary>Arcs (segment * 2 + direction) leaving a node, for routing.</summary>
    public ReadOnlySpan<int> ArcsFrom(NodeId node) =>
        _arcs.AsSpan(_firstArc[node.Value], _firstArc[node.Value + 1] - _firstArc[node.Value]);

    /// <summary>The segment's polyline from its start node to its end node, in projected metres.</summary>
    public (ReadOnlyMemory<double> X, ReadOnlyMemory<double> Y) Geometry(SegmentId segment)
    {
        int start = _geometryStart[segment.Value];
        int length = _geometryStart[segment.Value + 1] - start;
        return (_geometryX.AsMemory(start, length), _geometryY.AsMemory(start, length));
    }

    /// <summary>The point at <paramref name="offsetMetres"/> along a segment's polyline (clamped to its ends).</summary>
    public (double X, double Y) PointAt(SegmentId segment, double offsetMetres)
    {
        int start = _geometryStart[segment.Value];
        int end = _geometryStart[segment.Value + 1];
        double remaining = Math.Max(0, offsetMetres);
        for (int i = start + 1; i < end; i++)
        {
            double dx = _geometryX[i] - _geometryX[i - 1], dy = _geometryY[i] - _geometryY[i - 1];
            double piece = Math.Sqrt((dx * dx) + (dy * dy));
            if (remaining <= piece && piece > 0)
            {
                double t = remaining / piece;
                return (_geometryX[i - 1] + (t * dx), _geometryY[i - 1] + (t * dy));
            }
            remaining -= piece;
        }
        return (_geometryX[end - 1], _geometryY[end - 1]);
    }

    /// <summary>Reads every attribute of one segment back into a record (for builders and export).</summary>
    public SegmentAttributes AttributesOf(SegmentId segment)
    {
        int s = segment.Value;
        return new SegmentAttributes
        {
            Highway = _highway[s],
            ModesForward = _modesForward[s],
            ModesBackward = _modesBackward[s],
            PavementWidthMetres = _pavementWidthMetres[s],
            CarVehiclesPerDay = _carVehiclesPerDay[s],
            SpeedLimitKmh = _speedLimitKmh[s],
            Lighting = _lighting[s],
            Surface = _surface[s],
            Frontage = _frontage[s],
            GreenOrWaterAdjacent = _greenOrWater[s],
            FrontZoneDepthMetres = _frontZoneDepthMetres[s],
            PerceivedLengthChange = _perceivedLengthChange[s],
            ObservedBarrierMetres = _observedBarrierMetres[s],
            Name = _names[_nameIndex[s]],
            OsmWayId = _osmWayId[s],
        };
    }

    /// <summary>A builder holding a copy of this network, for interventions that return a changed network.</summary>
    public StreetNetworkBuilder ToBuilder()
    {
        var builder = new StreetNetworkBuilder(GeoReference);
        for (int n = 0; n < NodeCount; n++)
        {
            builder.AddNode(_nodeX[n], _nodeY[n], _nodeOsmId[n]);
            builder.SetCrossing(new NodeId(n), _nodeCrossing[n]);
        }
        for (int s = 0; s < SegmentCount; s++)
        {
            var (x, y) = Geometry(new SegmentId(s));
            builder.AddSegment(new NodeId(_segmentFrom[s]), new NodeId(_segmentTo[s]), AttributesOf(new SegmentId(s)), x.Span, y.Span);
        }
        return builder;
    }

    private double PolylineLength(int segment)
    {
        double length = 0;
        for (int i = _geometryStart[segment] + 1; i < _geometryStart[segment + 1]; i++)
        {
            length += Math.Sqrt(Square(_geometryX[i] - _geometryX[i - 1]) + Square(_geometryY[i] - _geometryY[i - 1]));
        }
        return length;
    }

    private static double Square(double v) => v * v;

    private static (int[] FirstArc, int[] Arcs) BuildAdjacency(int nodeCount, int[] from, int[] to)
    {
        var firstArc = new int[nodeCount + 1];
        for (int s = 0; s < from.Length; s++)
        {
            firstArc[from[s] + 1]++;
            if (to[s] != from[s])
            {
                firstArc[to[s] + 1]++;
            }
        }
        for (int n = 0; n < nodeCount; n++)
        {
            firstArc[n + 1] += firstArc[n];
        }
        var arcs = new int[firstArc[nodeCount]];
        var fill = firstArc.AsSpan(0, nodeCount).ToArray();
        // Segments in index order keep the adjacency, and so every route, independent of build order details.
        for (int s = 0; s < from.Length; s++)
        {
            arcs[fill[from[s]]++] = s * 2;
            if (to[s] != from[s])
            {
                arcs[fill[to[s]]++] = s * 2 + 1;
            }
        }
        return (firstArc, arcs);
    }
}
