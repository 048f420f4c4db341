using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>Whether a tree holds the best routes to its root (everyone going there) or from it (everyone leaving).</summary>
public enum TreeDirection : byte
{
    ToRoot = 0,
    FromRoot = 1,
}

/// <summary>What identifies a tree: where it is rooted, which way it points and whose costs it uses.</summary>
public readonly record struct TreeKey(NetworkPosition Root, TreeDirection Direction, CostProfile Profile);

/// <summary>
/// All best routes to (or from) one position on the network for one cost profile, found by an edge-based Dijkstra
/// so turn and crossing costs are exact. Rooting trees at places rather than at every home is what keeps routing
/// cheap: a trip home reads the tree of the place it leaves, walking away from the root.
/// Per arc (segment * 2 + direction, 0 = from start node to end node):
/// ToRoot: the perceived cost from the arc's start to the root when the arc is taken first, and the next arc.
/// FromRoot: the perceived cost from the root to the arc's end, and the previous arc. -1 ends the chain (an arc
/// on the root's own segment, counted from or to the root position only).
/// </summary>
public sealed class ShortestPathTree
{

    private readonly float[] _cost;
    private readonly int[] _link;
    private bool[]? _closed;

    private ShortestPathTree(TreeKey key, float[] cost, int[] link)
    {
        Key = key;
        _cost = cost;
        _link = link;
    }

    public TreeKey Key { get; private set; }

    public long Bytes => (_cost.Length * (long)sizeof(float)) + (_link.Length * (long)sizeof(int)) + 64;

    public float Cost(int arc) => _cost[arc];

    /// <summary>The next arc towards the root (ToRoot) or the previous arc back to the root (FromRoot).</summary>
    public int Link(int arc) => _link[arc];

    /// <summary>Runs the search. <paramref name="heap"/> is reused between calls to avoid allocation.</summary>
    public static ShortestPathTree Build(RouteCostModel model, TreeKey key, ArcHeap heap)
    {
        int arcCount = model.Network.SegmentCount * 2;
        var tree = new ShortestPathTree(key, new float[arcCount], new int[arcCount]);
        tree.Search(model, heap);
        return tree;
    }

    /// <summary>
    /// Landmark bounds are scaled down by this much so float rounding in the landmark trees can never make the bound
    /// exceed the true cost (a scaled consistent bound stays consistent).
    /// </summary>
    private const float LandmarkSlack = 0.999f;

    /// <summary>
    /// A reusable tree for one-off searches (visits between two homes): <see cref="SearchUntil"/> refills it, stopping
    /// as soon as both directions of the origin's segment are settled, so a short trip explores only its surroundings.
    /// </summary>
    public static ShortestPathTree Scratch(RouteCostModel model)
    {
        int arcCount = model.Network.SegmentCount * 2;
        return new ShortestPathTree(default, new float[arcCount], new int[arcCount]);
    }

    /// <summary>
    /// Re-roots this scratch tree at <paramref name="key"/> (a ToRoot key) and searches, A* style, until the directions
    /// of the origin's segment the mode may use are settled. The heuristic is the larger of two lower bounds on the
    /// cost still to go, both consistent: the straight-line distance to the origin segment times the profile's lowest
    /// cost per metre, and the landmark bound (<see cref="RouteCostModel.LandmarkDistances"/>). So the first time an
    /// arc is settled its cost is final and the route is the same least-cost route a full tree gives.
    /// </summary>
    public ShortestPathTree SearchUntil(RouteCostModel model, TreeKey key, int originSegment, ArcHeap heap)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(heap);
        if (key.Direction != TreeDirection.ToRoot)
        {
            throw new ArgumentException("One-off searches run towards their root.", nameof(key));
        }
        Key = key;
        var network = model.Network;
        var cost = _cost;
        var link = _link;
        var closed = _closed ??= new bool[cost.Length];
        Array.Fill(cost, float.PositiveInfinity);
        Array.Fill(link, -1);
        Array.Clear(closed);
        var arcCosts = model.ArcCosts(key.Profile);
        float perMetre = model.LowestCostPerMetre(key.Profile);
        var (targetX, targetY, reach) = model.Midpoint(originSegment);
        var landmarks = model.LandmarkDistances(key.Profile);
        const int landmarkCount = RouteCostModel.LandmarkCount;
        // Per landmark, the origin's least cost to it (over the origin arcs the mode may use); NaN when unreachable.
        Span<float> originToLandmark = stackalloc float[landmarkCount];
        int usableOriginArcs = 0;
        originToLandmark.Fill(float.PositiveInfinity);
        for (int direction = 0; direction < 2; direction++)
        {
            int arc = (originSegment * 2) + direction;
            if (float.IsPositiveInfinity(arcCosts[arc]))
            {
                continue;
            }
            usableOriginArcs++;
            for (int l = 0; l < landmarkCount; l++)
            {
                originToLandmark[l] = Math.Min(originToLandmark[l], landmarks[(arc * landmarkCount) + l]);
            }
        }
        for (int l = 0; l < landmarkCount; l++)
        {
            if (float.IsPositiveInfinity(originToLandmark[l]))
            {
                originToLandmark[l] = float.NaN;
            }
        }
        float Heuristic(int arc, ReadOnlySpan<float> landmarks, ReadOnlySpan<float> originToLandmark)
        {
            int node = model.StartNode(arc);
            double dx = network.NodeX[node] - targetX, dy = network.NodeY[node] - targetY;
            float bound = (float)Math.Max(0, (Math.Sqrt((dx * dx) + (dy * dy)) - reach) * perMetre);
            var own = landmarks.Slice(arc * landmarkCount, landmarkCount);
            for (int l = 0; l < landmarkCount; l++)
            {
                // NaN (unusable landmark) and -infinity (the arc cannot reach it) never win the comparison.
                float viaLandmark = (originToLandmark[l] - own[l]) * LandmarkSlack;
                if (viaLandmark > bound)
                {
                    bound = viaLandmark;
                }
            }
            return bound;
        }
        heap.Clear();
        int root = key.Root.Segment;
        float length = Math.Max(network.LengthMetres[root], 1e-3f);
        float fraction = Math.Clamp(key.Root.OffsetMetres / length, 0, 1);
        for (int direction = 0; direction < 2; direction++)
        {
            int arc = (root * 2) + direction;
            if (!float.IsPositiveInfinity(arcCosts[arc]))
            {
                cost[arc] = arcCosts[arc] * (direction == 0 ? fraction : 1 - fraction);
                heap.Push(cost[arc] + Heuristic(arc, landmarks, originToLandmark), arc);
            }
        }
        int settledOrigin = 0;
        var mode = key.Profile.Mode;
        while (heap.TryPop(out _, out int arc))
        {
            if (closed[arc])
            {
                continue;
            }
            closed[arc] = true;
            if ((arc >> 1) == originSegment && ++settledOrigin == usableOriginArcs)
            {
                break;
            }
            float g = cost[arc];
            var (first, end) = model.Predecessors(arc);
            for (int k = first; k < end; k++)
            {
                int neighbour = model.PredecessorArc(k);
                float own = arcCosts[neighbour];
                if (closed[neighbour] || float.IsPositiveInfinity(own))
                {
                    continue;
                }
                float candidate = g + model.PredecessorTurn(k, mode) + own;
                if (candidate < cost[neighbour])
                {
                    cost[neighbour] = candidate;
                    link[neighbour] = arc;
                    heap.Push(candidate + Heuristic(neighbour, landmarks, originToLandmark), neighbour);
                }
            }
        }
        return this;
    }

    private void Search(RouteCostModel model, ArcHeap heap)
    {
        var network = model.Network;
        var profile = Key.Profile;
        var cost = _cost;
        var link = _link;
        Array.Fill(cost, float.PositiveInfinity);
        Array.Fill(link, -1);
        var arcCosts = model.ArcCosts(profile);
        heap.Clear();

        // Seeds: the root's own segment in both directions, counted only between the root and a node.
        int root = Key.Root.Segment;
        float length = Math.Max(network.LengthMetres[root], 1e-3f);
        float fraction = Math.Clamp(Key.Root.OffsetMetres / length, 0, 1);
        bool toRoot = Key.Direction == TreeDirection.ToRoot;
        // ToRoot: arriving forward covers [0, offset]; FromRoot: leaving forward covers [offset, length].
        for (int direction = 0; direction < 2; direction++)
        {
            int arc = (root * 2) + direction;
            float part = (direction == 0) == toRoot ? fraction : 1 - fraction;
            if (!float.IsPositiveInfinity(arcCosts[arc]))
            {
                cost[arc] = arcCosts[arc] * part;
                heap.Push(cost[arc], arc);
            }
        }

        var mode = profile.Mode;
        while (heap.TryPop(out float settled, out int arc))
        {
            if (settled > cost[arc])
            {
                continue; // stale: reached more cheaply since
            }
            // ToRoot extends backwards with an arc arriving at the settled arc's start; FromRoot forwards.
            var (first, end) = toRoot ? model.Predecessors(arc) : model.Successors(arc);
            for (int k = first; k < end; k++)
            {
                int neighbour = toRoot ? model.PredecessorArc(k) : model.SuccessorArc(k);
                float own = arcCosts[neighbour];
                if (float.IsPositiveInfinity(own))
                {
                    continue;
                }
                float candidate = settled + (toRoot ? model.PredecessorTurn(k, mode) : model.SuccessorTurn(k, mode)) + own;
                if (candidate < cost[neighbour])
                {
                    cost[neighbour] = candidate;
                    link[neighbour] = arc;
                    heap.Push(candidate, neighbour);
                }
            }
        }
    }
}

/// <summary>
/// A 4-ary min-heap of (cost, arc) with ties broken by arc index, reused across searches. Four children per node
/// halve the depth of a binary heap, and keys and arcs sit in separate arrays, so a pop touches less memory: popping
/// is most of a tree search's time.
/// </summary>
public sealed class ArcHeap
{
    private float[] _keys = new float[1024];
    private int[] _arcs = new int[1024];
    private int _count;

    public void Clear() => _count = 0;

    public void Push(float key, int arc)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _arcs, _arcs.Length * 2);
        }
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            if (!Less(key, arc, _keys[parent], _arcs[parent]))
            {
                break;
            }
            _keys[i] = _keys[parent];
            _arcs[i] = _arcs[parent];
            i = parent;
        }
        _keys[i] = key;
        _arcs[i] = arc;
    }

    public bool TryPop(out float key, out int arc)
    {
        if (_count == 0)
        {
            key = 0;
            arc = -1;
            return false;
        }
        key = _keys[0];
        arc = _arcs[0];
        int last = --_count;
        float lastKey = _keys[last];
        int lastArc = _arcs[last];
        int i = 0;
        while (true)
        {
            int first = (i << 2) + 1;
            if (first >= last)
            {
                break;
            }
            int best = first;
            int end = Math.Min(first + 4, last);
            for (int c = first + 1; c < end; c++)
            {
                if (Less(_keys[c], _arcs[c], _keys[best], _arcs[best]))
                {
                    best = c;
                }
            }
            if (!Less(_keys[best], _arcs[best], lastKey, lastArc))
            {
                break;
            }
            _keys[i] = _keys[best];
            _arcs[i] = _arcs[best];
            i = best;
        }
        _keys[i] = lastKey;
        _arcs[i] = lastArc;
        return true;
    }

    private static bool Less(float a, int arcA, float b, int arcB) => a < b || (a == b && arcA < arcB);
}
