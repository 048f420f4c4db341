namespace DigitalTwin.Engine.Network;

/// <summary>
/// The one way to make or change a <see cref="StreetNetwork"/>: add nodes and segments (with a polyline
/// from the start node to the end node), change attributes, then <see cref="Build"/>.
/// </summary>
public sealed class StreetNetworkBuilder(GeoReference geoReference)
{
    private readonly List<double> _nodeX = [];
    private readonly List<double> _nodeY = [];
    private readonly List<long> _nodeOsmId = [];
    private readonly List<CrossingControl> _nodeCrossing = [];
    private readonly List<int> _segmentFrom = [];
    private readonly List<int> _segmentTo = [];
    private readonly List<int> _geometryStart = [0];
    private readonly List<double> _geometryX = [];
    private readonly List<double> _geometryY = [];
    private readonly List<SegmentAttributes> _attributes = [];

    public GeoReference GeoReference { get; } = geoReference;

    public int NodeCount => _nodeX.Count;

    public int SegmentCount => _segmentFrom.Count;

    public NodeId AddNode(double x, double y, long osmId = 0)
    {
        _nodeX.Add(x);
        _nodeY.Add(y);
        _nodeOsmId.Add(osmId);
        _nodeCrossing.Add(CrossingControl.None);
        return new NodeId(_nodeX.Count - 1);
    }

    public CrossingControl GetCrossing(NodeId node) => _nodeCrossing[node.Value];

    public void SetCrossing(NodeId node, CrossingControl crossing) => _nodeCrossing[node.Value] = crossing;

    public int SegmentFrom(SegmentId segment) => _segmentFrom[segment.Value];

    public int SegmentTo(SegmentId segment) => _segmentTo[segment.Value];

    /// <summary>Adds a straight segment between two nodes.</summary>
    public SegmentId AddSegment(NodeId from, NodeId to, SegmentAttributes attributes)
    {
        ReadOnlySpan<double> x = [_nodeX[from.Value], _nodeX[to.Value]];
        ReadOnlySpan<double> y = [_nodeY[from.Value], _nodeY[to.Value]];
        return AddSegment(from, to, attributes, x, y);
    }

    /// <summary>Adds a segment whose polyline runs from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public SegmentId AddSegment(NodeId from, NodeId to, SegmentAttributes attributes, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if ((uint)from.Value >= (uint)_nodeX.Count || (uint)to.Value >= (uint)_nodeX.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(from), "Both nodes must exist before a segment joins them.");
        }
        if (x.Length != y.Length || x.Length < 2)
        {
            throw new ArgumentException("A segment's polyline needs at least two points and as many x as y.", nameof(x));
        }
        _segmentFrom.Add(from.Value);
        _segmentTo.Add(to.Value);
        foreach (double v in x)
        {
            _geometryX.Add(v);
        }
        foreach (double v in y)
        {
            _geometryY.Add(v);
        }
        _geometryStart.Add(_geometryX.Count);
        _attributes.Add(attributes);
        return new SegmentId(_segmentFrom.Count - 1);
    }

    public SegmentAttributes GetAttributes(SegmentId segment) => _attributes[segment.Value];

    public void SetAttributes(SegmentId segment, SegmentAttributes attributes) => _attributes[segment.Value] = attributes;

    public StreetNetwork Build() => new(
        [.. _nodeX], [.. _nodeY], [.. _nodeOsmId], [.. _nodeCrossing],
        [.. _segmentFrom], [.. _segmentTo],
        [.. _geometryStart], [.. _geometryX], [.. _geometryY],
        [.. _attributes], GeoReference);
}
