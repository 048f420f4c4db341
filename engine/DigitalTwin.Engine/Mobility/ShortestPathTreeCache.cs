namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Where a trip meets a tree: the tree's key and the segment whose route the trip reads from it (the origin of a
/// trip towards the root, the destination of a trip away from it).
/// </summary>
internal readonly record struct TreeRequest(TreeKey Key, int Segment);

/// <summary>
/// Shortest-path trees by <see cref="TreeKey"/>, built in parallel in their own phase before the routing phase
/// reads them, so no search races with another. A tree's routes are a pure function of its key: the cache changes
/// how fast a result comes, never the result.
/// <para>
/// Two regimes, chosen per day by memory. When the day's missing trees fit the budget as full trees (a neighbourhood:
/// a tree is 8 bytes an arc), full trees are built and kept across days, least recently used dropped beyond the
/// budget. When they do not (a city: thousands of places times a network of a hundred thousand arcs), each tree is
/// built only as far as the day's trips need and pruned to their routes (<see cref="ShortestPathTree.BuildPruned"/>),
/// then dropped at the next day: time and memory grow with the trips, not with places times the network.
/// </para>
/// </summary>
internal sealed class ShortestPathTreeCache(RouteCostModel model)
{
    private readonly Dictionary<TreeKey, Entry> _trees = [];
    private readonly Dictionary<TreeKey, ShortestPathTree> _dayTrees = [];
    private long _bytes;
    private long _dayBytes;
    private int _generation;

    public RouteCostModel Model { get; } = model;

    public int Count => _trees.Count + _dayTrees.Count;

    /// <summary>Bytes held by the kept full trees and today's pruned trees.</summary>
    public long Bytes => _bytes + _dayBytes;

    public long TreesBuilt { get; private set; }

    /// <summary>Pruned trees built (each for one day's trips).</summary>
    public long PrunedTreesBuilt { get; private set; }

    /// <summary>Builds every full tree in <paramref name="keys"/> that is not cached yet; call before the routing phase.</summary>
    public void Prepare(IEnumerable<TreeKey> keys, int maxThreads)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Prepare(keys.Select(key => new TreeRequest(key, key.Root.Segment)).ToList(), maxThreads, allowPruned: false);
    }

    /// <summary>
    /// Prepares the trees the day's trips read (<paramref name="requests"/>, in the trips' order): full trees while they
    /// fit the memory budget, pruned trees for the day otherwise.
    /// </summary>
    public void PrepareDay(IReadOnlyList<TreeRequest> requests, int maxThreads) => Prepare(requests, maxThreads, allowPruned: true);

    private void Prepare(IReadOnlyList<TreeRequest> requests, int maxThreads, bool allowPruned)
    {
        ArgumentNullException.ThrowIfNull(requests);
        _generation++;
        _dayTrees.Clear();
        _dayBytes = 0;
        // The missing keys in first-request order, each with the segments asked of it (a deterministic order).
        var missing = new List<TreeKey>();
        var targets = new List<List<int>>();
        var indexOf = new Dictionary<TreeKey, int>();
        foreach (var request in requests)
        {
            if (_trees.TryGetValue(request.Key, out var entry))
            {
                entry.LastUsed = _generation;
                continue;
            }
            if (!indexOf.TryGetValue(request.Key, out int index))
            {
                index = missing.Count;
                indexOf[request.Key] = index;
                missing.Add(request.Key);
                targets.Add([]);
            }
            targets[index].Add(request.Segment);
        }
        long fullTreeBytes = (Model.Network.SegmentCount * 2L * (sizeof(float) + sizeof(int))) + 64;
        bool pruned = allowPruned && _bytes + (fullTreeBytes * missing.Count) > Model.Parameters.TreeCacheBytes;
        var built = new ShortestPathTree[missing.Count];
        int arcCount = Model.Network.SegmentCount * 2;
        // Built in order of their roots' segments, so a worker's next search mostly reads the same part of the
        // network's arrays as its last: a city's arrays are larger than a core's cache. Each tree is its own, so the
        // order never shows in them.
        var order = new int[missing.Count];
        var roots = new long[missing.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            roots[i] = ((long)missing[i].Root.Segment << 32) | (uint)i;
        }
        Array.Sort(roots, order);
        Parallel.For(
            0,
            missing.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxThreads) },
            () => new SearchScratch(arcCount),
            (position, _, scratch) =>
            {
                int i = order[position];
                built[i] = pruned
                    ? ShortestPathTree.BuildPruned(Model, missing[i], System.Runtime.InteropServices.CollectionsMarshal.AsSpan(targets[i]), scratch)
                    : ShortestPathTree.Build(Model, missing[i], scratch);
                return scratch;
            },
            _ => { });
        foreach (var tree in built)
        {
            if (pruned)
            {
                _dayTrees[tree.Key] = tree;
                _dayBytes += tree.Bytes;
            }
            else
            {
                _trees[tree.Key] = new Entry(tree) { LastUsed = _generation };
                _bytes += tree.Bytes;
            }
        }
        TreesBuilt += built.Length;
        PrunedTreesBuilt += pruned ? built.Length : 0;
        EvictBeyondBudget();
    }

    /// <summary>Drops today's pruned trees before the next <see cref="PrepareDay"/> would (a run's last day, once everyone has moved).</summary>
    public void ForgetDayTrees()
    {
        _dayTrees.Clear();
        _dayBytes = 0;
    }

    /// <summary>A tree prepared earlier; asking for one that was not prepared is a bug in the caller's phases.</summary>
    public ShortestPathTree Get(TreeKey key) =>
        _trees.TryGetValue(key, out var entry) ? entry.Tree
        : _dayTrees.TryGetValue(key, out var tree) ? tree
        : throw new InvalidOperationException($"Tree {key} was not prepared before routing.");

    private void EvictBeyondBudget()
    {
        if (_bytes <= Model.Parameters.TreeCacheBytes)
        {
            return;
        }
        // Only trees not used in this generation go; order is fixed so eviction is reproducible.
        var victims = _trees
            .Where(pair => pair.Value.LastUsed < _generation)
            .OrderBy(pair => pair.Value.LastUsed)
            .ThenBy(pair => pair.Key.Root.Segment)
            .ThenBy(pair => pair.Key.Root.OffsetMetres)
            .ThenBy(pair => pair.Key.Direction)
            .ThenBy(pair => pair.Key.Profile.Index(Model.Parameters.RouteVariants))
            .Select(pair => pair.Key)
            .ToList();
        foreach (var key in victims)
        {
            if (_bytes <= Model.Parameters.TreeCacheBytes)
            {
                break;
            }
            _bytes -= _trees[key].Tree.Bytes;
            _trees.Remove(key);
        }
    }

    private sealed class Entry(ShortestPathTree tree)
    {
        public ShortestPathTree Tree { get; } = tree;

        public int LastUsed { get; set; }
    }
}
