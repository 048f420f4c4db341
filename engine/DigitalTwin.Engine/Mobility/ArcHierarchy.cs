namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// A contraction hierarchy (Geisberger, Sanders, Schultes &amp; Delling 2008) over the arc graph of one cost profile:
/// arcs are the graph's nodes and a turn from one arc onto the next is an edge weighing the turn plus the next arc,
/// so turn and crossing costs are as exact as in <see cref="ShortestPathTree"/>. Arcs are contracted one by one in
/// order of importance, adding a shortcut wherever a least-cost path ran through the contracted arc; a query then
/// searches only upward from both ends and meets at the path's most important arc. A visit between two homes in
/// Delft takes 27 µs so, against 146 µs for a guided search (640 arcs settled); building costs 330 ms, or 140 ms in
/// the order of another profile of the mode (benchmarks: VisitRoutingBenchmarks).
/// <para>
/// It answers one-off routes (visits between homes: no two visitors share a tree). A route is a least-cost route,
/// as a tree's is; where two routes cost exactly the same the two may choose differently, so which of the two
/// answers a profile's visits is decided only from the run's own history (<see cref="ArcHierarchyCache"/>), never
/// from timing or threads.
/// </para>
/// </summary>
internal sealed partial class ArcHierarchy
{
    /// <summary>
    /// Arcs a witness search settles before giving up (a shortcut is then added, which is always correct). Small
    /// limits build fast with a few more shortcuts (Geisberger et al. use limits of this order).
    /// </summary>
    private const int WitnessSettleLimit = 48;

    /// <summary>
    /// Shortcuts per original turn beyond which a build gives up. Delft's walking graph needs 2.4 and answers a visit
    /// five times faster than a guided search; generated grids pass 6 and answer slower (a 100k city's would need
    /// half a million shortcuts and a minute: refused after 3 s).
    /// </summary>
    public const int MaxShortcutsPerTurn = 4;

    // Every edge, original or shortcut, in the driving direction From -> To; a shortcut's children are the two edges
    // it stands for (-1 for an original turn).
    private readonly int[] _edgeFrom;
    private readonly int[] _edgeTo;
    private readonly int[] _childA;
    private readonly int[] _childB;

    // Upward graphs: at arc u, the edges u -> x to more important arcs (searched from the origin), and the edges
    // x -> u from more important arcs (searched backwards from the destination), as neighbour, weight and edge id.
    private readonly int[] _upStart;
    private readonly int[] _upArc;
    private readonly float[] _upWeight;
    private readonly int[] _upEdge;
    private readonly int[] _downStart;
    private readonly int[] _downArc;
    private readonly float[] _downWeight;
    private readonly int[] _downEdge;

    private ArcHierarchy(CostProfile profile, EdgeList edges, int[] rank, int[] order)
    {
        Profile = profile;
        Order = order;
        int arcCount = rank.Length;
        _edgeFrom = edges.From.AsSpan(0, edges.Count).ToArray();
        _edgeTo = edges.To.AsSpan(0, edges.Count).ToArray();
        _childA = edges.ChildA.AsSpan(0, edges.Count).ToArray();
        _childB = edges.ChildB.AsSpan(0, edges.Count).ToArray();
        ShortcutCount = edges.Count - edges.OriginalCount;
        _upStart = new int[arcCount + 1];
        _downStart = new int[arcCount + 1];
        for (int e = 0; e < edges.Count; e++)
        {
            int from = _edgeFrom[e], to = _edgeTo[e];
            if (rank[from] < rank[to])
            {
                _upStart[from + 1]++;
            }
            else
            {
                _downStart[to + 1]++;
            }
        }
        for (int a = 0; a < arcCount; a++)
        {
            _upStart[a + 1] += _upStart[a];
            _downStart[a + 1] += _downStart[a];
        }
        _upArc = new int[_upStart[arcCount]];
        _upWeight = new float[_upArc.Length];
        _upEdge = new int[_upArc.Length];
        _downArc = new int[_downStart[arcCount]];
        _downWeight = new float[_downArc.Length];
        _downEdge = new int[_downArc.Length];
        var upCursor = _upStart[..arcCount];
        var downCursor = _downStart[..arcCount];
        for (int e = 0; e < edges.Count; e++)
        {
            int from = _edgeFrom[e], to = _edgeTo[e];
            if (rank[from] < rank[to])
            {
                int at = upCursor[from]++;
                (_upArc[at], _upWeight[at], _upEdge[at]) = (to, edges.Weight[e], e);
            }
            else
            {
                int at = downCursor[to]++;
                (_downArc[at], _downWeight[at], _downEdge[at]) = (from, edges.Weight[e], e);
            }
        }
    }

    public CostProfile Profile { get; }

    public int ShortcutCount { get; }

    /// <summary>The usable arcs in the order they were contracted (least important first).</summary>
    public int[] Order { get; }

    public long Bytes =>
        (Order.Length * (long)sizeof(int)) + ((long)_edgeFrom.Length * 4 * sizeof(int)) + ((_upStart.Length + _downStart.Length) * (long)sizeof(int))
        + ((_upArc.Length + _downArc.Length) * (long)(sizeof(int) + sizeof(float) + sizeof(int)));

    /// <summary>
    /// The least-cost route from <paramref name="origin"/> to <paramref name="destination"/> (on different segments):
    /// writes its arcs into <c>scratch.Arcs</c>, the first on the origin's segment and the last on the destination's,
    /// and returns its perceived cost, or +infinity when the destination cannot be reached. Costs count the origin's
    /// arc from the origin on and the destination's up to the destination, as a tree's do.
    /// </summary>
    public float Route(RouteCostModel model, Network.NetworkPosition origin, Network.NetworkPosition destination, HierarchyScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scratch);
        var network = model.Network;
        var costs = model.ArcCosts(Profile);
        scratch.Begin(costs.Length);
        var heap = scratch.Heap;

        // Forward, upward from the origin's arcs, each counted from the origin to its end.
        heap.Clear();
        float lengthA = Math.Max(network.LengthMetres[origin.Segment], 1e-3f);
        for (int direction = 0; direction < 2; direction++)
        {
            int arc = (origin.Segment * 2) + direction;
            if (!float.IsPositiveInfinity(costs[arc]))
            {
                float remaining = direction == 0 ? lengthA - origin.OffsetMetres : origin.OffsetMetres;
                scratch.Forward.Set(arc, costs[arc] * remaining / lengthA, -1);
                heap.Push(scratch.Forward.Cost[arc], arc);
            }
        }
        var forward = scratch.Forward;
        while (heap.TryPop(out float key, out int arc))
        {
            if (key <= forward.Cost[arc]) // else a stale entry: reached cheaper since
            {
                Relax(forward, heap, arc, key, _upStart, _upArc, _upWeight, _upEdge);
            }
        }

        // Backward, upward from the destination's arcs. An edge into an arc weighs the whole arc; the destination's
        // arc is walked only up to the destination, so its start value takes off the part beyond (never below zero
        // in total: the turn and arcs before it come first).
        heap.Clear();
        float lengthB = Math.Max(network.LengthMetres[destination.Segment], 1e-3f);
        float fraction = Math.Clamp(destination.OffsetMetres / lengthB, 0, 1);
        for (int direction = 0; direction < 2; direction++)
        {
            int arc = (destination.Segment * 2) + direction;
            if (!float.IsPositiveInfinity(costs[arc]))
            {
                float part = direction == 0 ? fraction : 1 - fraction;
                scratch.Backward.Set(arc, costs[arc] * (part - 1), -1);
                heap.Push(scratch.Backward.Cost[arc], arc);
            }
        }
        var backward = scratch.Backward;
        float best = float.PositiveInfinity;
        int meet = -1;
        while (heap.TryPop(out float key, out int arc))
        {
            if (key > backward.Cost[arc])
            {
                continue;
            }
            if (key >= best)
            {
                break; // forward costs are never negative: nothing still queued can beat the best meeting
            }
            float total = forward.CostOf(arc) + key;
            if (total < best)
            {
                best = total;
                meet = arc;
            }
            Relax(backward, heap, arc, key, _downStart, _downArc, _downWeight, _downEdge);
        }
        var arcs = scratch.Arcs;
        arcs.Clear();
        if (meet < 0)
        {
            return float.PositiveInfinity;
        }
        // Origin to meeting arc: the forward links read backwards, then each edge unpacked in driving order.
        var stack = scratch.Edges;
        stack.Clear();
        int at = meet;
        for (int edge = forward.Link[at]; edge >= 0; edge = forward.Link[at])
        {
            stack.Add(edge);
            at = _edgeFrom[edge];
        }
        arcs.Add(at);
        for (int i = stack.Count - 1; i >= 0; i--)
        {
            Unpack(stack[i], arcs, scratch.Unpacking);
        }
        at = meet;
        for (int edge = backward.Link[at]; edge >= 0; edge = backward.Link[at])
        {
            Unpack(edge, arcs, scratch.Unpacking);
            at = _edgeTo[edge];
        }
        return best;
    }

    /// <summary>One settled arc of either search: every upward edge that reaches a neighbour more cheaply is taken.</summary>
    private static void Relax(HierarchyScratch.Side side, ArcHeap heap, int arc, float key, int[] start, int[] neighbours, float[] weights, int[] edges)
    {
        for (int k = start[arc]; k < start[arc + 1]; k++)
        {
            int next = neighbours[k];
            float candidate = key + weights[k];
            if (candidate < side.CostOf(next))
            {
                side.Set(next, candidate, edges[k]);
                heap.Push(candidate, next);
            }
        }
    }

    /// <summary>Appends the arcs an edge stands for, after its start (a shortcut is two edges, recursively).</summary>
    private void Unpack(int edge, List<int> arcs, Stack<int> pending)
    {
        pending.Clear();
        pending.Push(edge);
        while (pending.TryPop(out int e))
        {
            if (_childA[e] < 0)
            {
                arcs.Add(_edgeTo[e]);
            }
            else
            {
                pending.Push(_childB[e]);
                pending.Push(_childA[e]);
            }
        }
    }
}
