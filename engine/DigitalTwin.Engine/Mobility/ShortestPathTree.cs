using System.Runtime.CompilerServices;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>Whether a tree holds the best routes to its root (everyone going there) or from it (everyone leaving).</summary>
public enum TreeDirection : byte
{
    ToRoot = 0,
    FromRoot = 1,
}

/// <summary>What identifies a tree: where it is rooted, which way it points and whose costs it uses.</summary>
internal readonly record struct TreeKey(NetworkPosition Root, TreeDirection Direction, CostProfile Profile);

/// <summary>
/// Best routes to (or from) one position on the network for one cost profile, found by an edge-based Dijkstra so
/// turn and crossing costs are exact. Rooting trees at places rather than at every home is what keeps routing cheap:
/// a trip home reads the tree of the place it leaves, walking away from the root.
/// Per arc (segment * 2 + direction, 0 = from start node to end node):
/// ToRoot: the perceived cost from the arc's start to the root when the arc is taken first, and the next arc.
/// FromRoot: the perceived cost from the root to the arc's end, and the previous arc. -1 ends the chain (an arc
/// on the root's own segment, counted from or to the root position only).
/// <para>
/// Three forms hold the same numbers for the arcs they know: a <b>full</b> tree (every arc, dense arrays, cached
/// across days in a small city); a <b>pruned</b> tree (only the arcs on the best routes of the segments asked for,
/// sorted, for a city too large to keep full trees: the search stops once those segments are settled); and the
/// <b>scratch</b> view of a one-off search (<see cref="SearchUntil"/>). An arc a pruned or scratch tree does not know
/// reads as unreachable; route extraction only ever follows links from the segments that were asked for.
/// </para>
/// </summary>
internal sealed class ShortestPathTree
{
    /// <summary>
    /// Guided searches scale their bound down by this much: float rounding in the landmark trees can then never lift
    /// it above the true cost, and an arc's A* key stays strictly below that of an arc it leads to by a positive step,
    /// which keeps equal-cost ties to the same candidates as in a full Dijkstra (see <see cref="Search"/>).
    /// </summary>
    internal const float GuideScale = 0.99f;

    private readonly float[] _cost;
    private readonly int[] _link;            // pruned: the position of the linked arc in _arcs
    private readonly int[]? _arcs;           // pruned: the arcs kept, ascending
    private readonly SearchScratch? _scratch; // scratch view: the search's own stamped arrays

    private ShortestPathTree(TreeKey key, float[] cost, int[] link, int[]? arcs = null, SearchScratch? scratch = null)
    {
        Key = key;
        _cost = cost;
        _link = link;
        _arcs = arcs;
        _scratch = scratch;
    }

    public TreeKey Key { get; private set; }

    /// <summary>Arcs the last one-off search settled (what it cost: see <see cref="ArcHierarchyCache"/>).</summary>
    public int LastSettled { get; private set; }

    /// <summary>Arcs this tree holds (all arcs for a full tree).</summary>
    public int ArcCount => _arcs?.Length ?? _cost.Length;

    public long Bytes => (_cost.Length * (long)sizeof(float)) + (_link.Length * (long)sizeof(int)) + ((_arcs?.Length ?? 0) * (long)sizeof(int)) + 64;

    public float Cost(int arc)
    {
        if (_scratch is not null)
        {
            return _scratch.CostOf(arc);
        }
        if (_arcs is null)
        {
            return _cost[arc];
        }
        int at = Array.BinarySearch(_arcs, arc);
        return at >= 0 ? _cost[at] : float.PositiveInfinity;
    }

    /// <summary>The next arc towards the root (ToRoot) or the previous arc back to the root (FromRoot).</summary>
    public int Link(int arc)
    {
        int next = NextPosition(PositionOf(arc));
        return next < 0 ? -1 : ArcAt(next);
    }

    /// <summary>
    /// Where the tree holds <paramref name="arc"/> (−1: not in it). Routes walk a chain of links by position: a pruned
    /// tree finds the first arc by a binary search and every later one by its link (it links positions, not arcs).
    /// </summary>
    internal int PositionOf(int arc)
    {
        if (_scratch is not null)
        {
            return _scratch.Has(arc) ? arc : -1;
        }
        return _arcs is null ? arc : Math.Max(-1, Array.BinarySearch(_arcs, arc));
    }

    /// <summary>The position of the arc linked from the one at <paramref name="position"/> (−1: none, or none given).</summary>
    internal int NextPosition(int position) =>
        position < 0 ? -1 : _scratch is not null ? _scratch.States[position].Link : _link[position];

    /// <summary>The arc at a position from <see cref="PositionOf"/> or <see cref="NextPosition"/>.</summary>
    internal int ArcAt(int position) => _arcs is null ? position : _arcs[position];

    /// <summary>Builds the full tree: every arc the root reaches (or that reaches the root).</summary>
    public static ShortestPathTree Build(RouteCostModel model, TreeKey key, ArcHeap heap) =>
        Build(model, key, new SearchScratch(model.Network.SegmentCount * 2, heap));

    /// <summary>Builds the full tree with a worker's reusable search arrays.</summary>
    public static ShortestPathTree Build(RouteCostModel model, TreeKey key, SearchScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        Search(model, key, scratch, [], guided: false);
        int arcCount = model.Network.SegmentCount * 2;
        var cost = new float[arcCount];
        var link = new int[arcCount];
        for (int arc = 0; arc < arcCount; arc++)
        {
            bool known = scratch.Has(arc);
            cost[arc] = known ? scratch.States[arc].Cost : float.PositiveInfinity;
            link[arc] = known ? scratch.States[arc].Link : -1;
        }
        return new ShortestPathTree(key, cost, link);
    }

    /// <summary>
    /// Builds the pruned tree for <paramref name="segments"/>: the search stops once both directions of every one of
    /// them are settled (or nothing more can be reached), and only the arcs on their best routes are kept. Costs and
    /// links of those arcs are the full tree's, so routes read from it are the same.
    /// </summary>
    public static ShortestPathTree BuildPruned(RouteCostModel model, TreeKey key, ReadOnlySpan<int> segments, SearchScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var distinct = scratch.Distinct;
        distinct.Clear();
        distinct.AddRange(segments);
        distinct.Sort();
        int count = 0;
        for (int i = 0; i < distinct.Count; i++)
        {
            if (i == 0 || distinct[i] != distinct[count - 1])
            {
                distinct[count++] = distinct[i];
            }
        }
        segments = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(distinct)[..count];
        // Unguided: a place's tree serves trips from all around it, and a bound to the nearest of them measured no
        // faster (100k residents: 5.4 s of trees either way; 6.7 s guided up to 16 targets).
        Search(model, key, scratch, segments, guided: false);
        var kept = scratch.Kept;
        kept.Clear();
        int mark = scratch.NextMark();
        foreach (int segment in segments)
        {
            for (int direction = 0; direction < 2; direction++)
            {
                for (int arc = (segment * 2) + direction; arc >= 0 && scratch.Has(arc) && scratch.States[arc].Mark != mark; arc = scratch.States[arc].Link)
                {
                    scratch.States[arc].Mark = mark;
                    kept.Add(arc);
                }
            }
        }
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept);
        span.Sort();
        var arcs = span.ToArray();
        var cost = new float[arcs.Length];
        var link = new int[arcs.Length];
        for (int i = 0; i < arcs.Length; i++)
        {
            cost[i] = scratch.States[arcs[i]].Cost;
            int linked = scratch.States[arcs[i]].Link;
            link[i] = linked < 0 ? -1 : Array.BinarySearch(arcs, linked); // kept: a kept arc's chain is kept whole
        }
        return new ShortestPathTree(key, cost, link, arcs);
    }

    /// <summary>
    /// A reusable tree for one-off searches (visits between two homes): <see cref="SearchUntil"/> refills it, stopping
    /// as soon as the origin's segment is settled, so a short trip explores only its surroundings. Resetting costs
    /// nothing per search (stamped arrays), so a city of a million arcs pays only for what a search explores.
    /// </summary>
    public static ShortestPathTree Scratch(RouteCostModel model, ArcHeap? heap = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ShortestPathTree(default, [], [], scratch: new SearchScratch(model.Network.SegmentCount * 2, heap ?? new ArcHeap()));
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
        var scratch = _scratch ?? throw new InvalidOperationException("Only a scratch tree runs one-off searches.");
        if (key.Direction != TreeDirection.ToRoot)
        {
            throw new ArgumentException("One-off searches run towards their root.", nameof(key));
        }
        Key = key;
        LastSettled = Search(model, key, scratch, [originSegment], guided: true, heap);
        return this;
    }

    /// <summary>
    /// The one search behind every tree: from the root, over arcs in order of cost (plus, when <paramref name="guided"/>,
    /// a lower bound of the cost still to go to the nearest target: A*). With <paramref name="targets"/> (segments) it
    /// stops once every usable direction of each is settled; without, it settles everything reachable (Dijkstra).
    /// <para>
    /// Guided or not, the costs and links it settles are the full tree's. Costs: the bound is consistent, so an arc is
    /// final when first settled. Links: of several equally cheap ways into an arc the one from the lowest arc wins,
    /// whatever the order the ways were found in; every such way comes from an arc settled first (its cost is lower by
    /// a positive step; with the bound scaled by <see cref="GuideScale"/> below 1 its A* key is lower too), so the
    /// choice is made among the same candidates as in a full Dijkstra. So pruned trees, full trees and one-off searches
    /// give the same route, and the memory budget that picks between them never changes a result (short of float
    /// rounding swamping 1 % of a step: a tie between two equally cheap routes across a few centimetres of street).
    /// </para>
    /// </summary>
    /// <returns>The number of arcs settled.</returns>
    // Optimised from the first call: a run's first day builds thousands of trees before tiered compilation would
    // promote this loop, so without it a sixth of Delft's tree building ran unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Search(RouteCostModel model, TreeKey key, SearchScratch scratch, ReadOnlySpan<int> targets, bool guided, ArcHeap? heap = null)
    {
        var network = model.Network;
        var profile = key.Profile;
        var arcCosts = model.ArcCosts(profile);
        heap ??= scratch.Heap;
        var states = scratch.States;
        int targetMark = scratch.NextTargetMark();
        var target = scratch.Target;
        int stamp = scratch.Begin();
        heap.Clear(model.QueueBucketWidth(profile));
        bool toRoot = key.Direction == TreeDirection.ToRoot;
        int remaining = 0;
        foreach (int segment in targets)
        {
            for (int direction = 0; direction < 2; direction++)
            {
                int arc = (segment * 2) + direction;
                if (!float.IsPositiveInfinity(arcCosts[arc]) && target[arc] != targetMark)
                {
                    target[arc] = targetMark;
                    remaining++;
                }
            }
        }
        bool bounded = targets.Length > 0;
        if (bounded && remaining == 0)
        {
            return 0;
        }
        var guide = guided && bounded ? scratch.Guide.Prepare(model, key, targets, arcCosts) : null;
        int closedMark = scratch.NextMark();

        // Seeds: the root's own segment in both directions, counted only between the root and a node.
        int root = key.Root.Segment;
        float length = Math.Max(network.LengthMetres[root], 1e-3f);
        float fraction = Math.Clamp(key.Root.OffsetMetres / length, 0, 1);
        // ToRoot: arriving forward covers [0, offset]; FromRoot: leaving forward covers [offset, length].
        for (int direction = 0; direction < 2; direction++)
        {
            int arc = (root * 2) + direction;
            float part = (direction == 0) == toRoot ? fraction : 1 - fraction;
            if (!float.IsPositiveInfinity(arcCosts[arc]))
            {
                float seed = arcCosts[arc] * part;
                states[arc] = new ArcState { Cost = seed, Link = -1, Stamp = stamp, Mark = states[arc].Mark };
                heap.Push(seed + (guide?.Bound(arc) ?? 0), arc);
            }
        }

        // ToRoot extends backwards with an arc arriving at the settled arc's start; FromRoot forwards.
        var (turnStart, turnArc, turnCost) = model.TurnTable(predecessors: toRoot, profile.Mode);
        int settledCount = 0;
        while (heap.TryPop(out _, out int arc))
        {
            ref ArcState settledState = ref states[arc];
            if (settledState.Mark == closedMark)
            {
                continue; // settled before, at a lower key
            }
            settledState.Mark = closedMark;
            settledCount++;
            if (bounded && target[arc] == targetMark && --remaining == 0)
            {
                return settledCount;
            }
            float settled = settledState.Cost;
            for (int k = turnStart[arc], end = turnStart[arc + 1]; k < end; k++)
            {
                int neighbour = turnArc[k];
                float own = arcCosts[neighbour];
                ref ArcState state = ref states[neighbour];
                if (float.IsPositiveInfinity(own) || state.Mark == closedMark)
                {
                    continue;
                }
                float candidate = settled + turnCost[k] + own;
                float current = state.Stamp == stamp ? state.Cost : float.PositiveInfinity;
                if (candidate < current)
                {
                    state.Cost = candidate;
                    state.Link = arc;
                    state.Stamp = stamp;
                    heap.Push(candidate + (guide?.Bound(neighbour) ?? 0), neighbour);
                }
                else if (candidate == current && arc < state.Link)
                {
                    state.Link = arc; // an equally cheap way: the lowest arc wins, in any search order
                }
            }
        }
        return settledCount;
    }
}
