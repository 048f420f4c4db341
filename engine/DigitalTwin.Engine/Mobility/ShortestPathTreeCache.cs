namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Shortest-path trees by (root node, profile), built in parallel in a separate phase before they are read, so no
/// search ever races with another. A tree is a pure function of its key, so the cache's contents never change a
/// result, only how fast it comes; when the memory budget is exceeded the least recently used trees are dropped.
/// </summary>
public sealed class ShortestPathTreeCache(RouteCostModel model)
{
    private readonly Dictionary<(int Root, int Profile), Entry> _trees = [];
    private long _bytes;
    private int _generation;

    public RouteCostModel Model { get; } = model;

    public int Count => _trees.Count;

    public long Bytes => _bytes;

    public long TreesBuilt { get; private set; }

    /// <summary>Builds every tree in <paramref name="keys"/> that is not cached yet; call before the routing phase.</summary>
    public void Prepare(IReadOnlyCollection<(int Root, CostProfile Profile)> keys, int maxThreads)
    {
        _generation++;
        int variants = Model.Parameters.RouteVariants;
        var missing = new List<(int Root, CostProfile Profile)>();
        var seen = new HashSet<(int, int)>();
        foreach (var key in keys)
        {
            var index = (key.Root, key.Profile.Index(variants));
            if (_trees.TryGetValue(index, out var entry))
            {
                entry.LastUsed = _generation;
            }
            else if (seen.Add(index))
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
                built[i] = ShortestPathTree.Build(Model, missing[i].Profile, missing[i].Root, heap);
                return heap;
            },
            _ => { });
        for (int i = 0; i < missing.Count; i++)
        {
            _trees[(missing[i].Root, missing[i].Profile.Index(variants))] = new Entry(built[i]) { LastUsed = _generation };
            _bytes += built[i].Bytes;
        }
        TreesBuilt += missing.Count;
        EvictBeyondBudget();
    }

    /// <summary>A tree prepared earlier; throws when the routing phase asks for one that was not prepared (a bug).</summary>
    public ShortestPathTree Get(int root, CostProfile profile) =>
        _trees.TryGetValue((root, profile.Index(Model.Parameters.RouteVariants)), out var entry)
            ? entry.Tree
            : throw new InvalidOperationException($"Tree for node {root}, profile {profile} was not prepared.");

    private void EvictBeyondBudget()
    {
        if (_bytes <= Model.Parameters.TreeCacheBytes)
        {
            return;
        }
        // Oldest generation first, then by key, so eviction is deterministic (it only affects speed anyway).
        var victims = _trees
            .Where(pair => pair.Value.LastUsed < _generation)
            .OrderBy(pair => pair.Value.LastUsed)
            .ThenBy(pair => pair.Key.Root)
            .ThenBy(pair => pair.Key.Profile)
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
