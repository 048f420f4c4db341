namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Shortest-path trees by <see cref="TreeKey"/>, built in parallel in their own phase before the routing phase
/// reads them, so no search races with another. A tree is a pure function of its key: the cache changes how fast a
/// result comes, never the result. Beyond the memory budget the least recently used trees are dropped.
/// </summary>
public sealed class ShortestPathTreeCache(RouteCostModel model)
{
    private readonly Dictionary<TreeKey, Entry> _trees = [];
    private long _bytes;
    private int _generation;

    public RouteCostModel Model { get; } = model;

    public int Count => _trees.Count;

    public long Bytes => _bytes;

    public long TreesBuilt { get; private set; }

    /// <summary>Builds every tree in <paramref name="keys"/> that is not cached yet; call before the routing phase.</summary>
    public void Prepare(IEnumerable<TreeKey> keys, int maxThreads)
    {
        _generation++;
        var missing = new List<TreeKey>();
        var seen = new HashSet<TreeKey>();
        foreach (var key in keys)
        {
            if (_trees.TryGetValue(key, out var entry))
            {
                entry.LastUsed = _generation;
            }
            else if (seen.Add(key))
            {
                missing.Add(key);
            }
        }
        var built = new ShortestPathTree[missing.Count];
        Parallel.For(
            0,
            missing.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxThreads) },
            () => new ArcHeap(),
            (i, _, heap) =>
            {
                built[i] = ShortestPathTree.Build(Model, missing[i], heap);
                return heap;
            },
            _ => { });
        foreach (var tree in built)
        {
            _trees[tree.Key] = new Entry(tree) { LastUsed = _generation };
            _bytes += tree.Bytes;
        }
        TreesBuilt += built.Length;
        EvictBeyondBudget();
    }

    /// <summary>A tree prepared earlier; asking for one that was not prepared is a bug in the caller's phases.</summary>
    public ShortestPathTree Get(TreeKey key) =>
        _trees.TryGetValue(key, out var entry)
            ? entry.Tree
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
