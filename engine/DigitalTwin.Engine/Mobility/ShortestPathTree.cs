namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// All best routes to one node for one profile, found by an edge-based Dijkstra run backwards from the node (so
/// turn and crossing costs are exact). For every arc: the perceived cost from the arc's start to the root when the
/// arc is taken first, and the arc that follows it (-1 when the arc ends at the root). Packed in two flat arrays.
/// </summary>
public sealed class ShortestPathTree
{
    internal ShortestPathTree(int root, float[] costToRoot, int[] nextArc)
    {
        Root = root;
        CostToRoot = costToRoot;
        NextArc = nextArc;
    }

    public int Root { get; }

    internal float[] CostToRoot { get; }

    internal int[] NextArc { get; }

    public long Bytes => (CostToRoot.Length * sizeof(float)) + (NextArc.Length * sizeof(int)) + 64;

    public float Cost(int arc) => CostToRoot[arc];

    public int Next(int arc) => NextArc[arc];

    /// <summary>Runs the backward search. <paramref name="heap"/> is reused between calls to avoid allocation.</summary>
    public static ShortestPathTree Build(RouteCostModel model, CostProfile profile, int root, ArcHeap heap)
    {
        var network = model.Network;
        int arcCount = network.SegmentCount * 2;
        var cost = new float[arcCount];
        var next = new int[arcCount];
        Array.Fill(cost, float.PositiveInfinity);
        Array.Fill(next, -1);
        var arcCosts = model.ArcCosts(profile);
        heap.Clear();

        // Seed: every arc that ends at the root.
        foreach (int leaving in network.ArcsFrom(new Network.NodeId(root)))
        {
            int arriving = leaving ^ 1;
            float c = arcCosts[arriving];
            if (c < cost[arriving])
            {
                cost[arriving] = c;
                heap.Push(c, arriving);
            }
        }

        while (heap.TryPop(out float settled, out int arc))
        {
            if (settled > cost[arc])
            {
                continue; // a stale entry: this arc was reached more cheaply since
            }
            int node = model.StartNode(arc);
            bool deadEnd = model.Degree(node) <= 1;
            foreach (int leaving in network.ArcsFrom(new Network.NodeId(node)))
            {
                int previous = leaving ^ 1; // arrives at `node`
                if ((previous >> 1) == (arc >> 1) && !deadEnd)
                {
                    continue; // no U-turn in the middle of a street
                }
                float own = arcCosts[previous];
                if (float.IsPositiveInfinity(own))
                {
                    continue;
                }
                float candidate = own + model.TransitionCost(previous, arc, profile.Mode) + settled;
                if (candidate < cost[previous])
                {
                    cost[previous] = candidate;
                    next[previous] = arc;
                    heap.Push(candidate, previous);
                }
            }
        }
        return new ShortestPathTree(root, cost, next);
    }
}

/// <summary>A binary min-heap of (cost, arc) with ties broken by arc index, reused across searches.</summary>
public sealed class ArcHeap
{
    private (float Key, int Arc)[] _items = new (float, int)[1024];
    private int _count;

    public void Clear() => _count = 0;

    public void Push(float key, int arc)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(key, arc, _items[parent].Key, _items[parent].Arc))
            {
                break;
            }
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = (key, arc);
    }

    public bool TryPop(out float key, out int arc)
    {
        if (_count == 0)
        {
            key = 0;
            arc = -1;
            return false;
        }
        (key, arc) = _items[0];
        var last = _items[--_count];
        int i = 0;
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }
            if (child + 1 < _count && Less(_items[child + 1].Key, _items[child + 1].Arc, _items[child].Key, _items[child].Arc))
            {
                child++;
            }
            if (!Less(_items[child].Key, _items[child].Arc, last.Key, last.Arc))
            {
                break;
            }
            _items[i] = _items[child];
            i = child;
        }
        _items[i] = last;
        return true;
    }

    private static bool Less(float a, int arcA, float b, int arcB) => a < b || (a == b && arcA < arcB);
}
