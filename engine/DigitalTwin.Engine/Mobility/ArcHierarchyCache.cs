namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// A contraction hierarchy per cost profile for the one-off routes of visits, built once a profile's guided searches
/// have cost more than building it would: when the arcs they settled, summed over the run so far, pass
/// <see cref="RouteCostParameters.HierarchyAfterSettledArcsPerArc"/> times the network's arcs. A long run of a
/// neighbourhood builds the hierarchies its visitors use after a day or two and answers the rest of its visits in a
/// tenth of the time; a single day of a city never pays for one. The counts come from the searches themselves
/// (integers added per worker), so the day a profile switches is the same on any thread count.
/// <para>
/// Hierarchies found due on one day are built beside that day's work, on a thread of their own, and answer visits
/// from the next day on: a build takes a single core for a tenth of a second or more, which a day's parallel phases
/// would otherwise wait for with the other core idle. On one thread they are built at once, and still used only from
/// the next day, so the day a profile switches never depends on the thread count.
/// </para>
/// </summary>
internal sealed class ArcHierarchyCache(RouteCostModel model)
{
    private readonly ArcHierarchy?[] _hierarchies = new ArcHierarchy?[CostProfile.Count(model.Parameters.RouteVariants)];
    private readonly bool[] _refused = new bool[CostProfile.Count(model.Parameters.RouteVariants)];
    private readonly Dictionary<Network.TravelModes, int[]?> _orders = []; // null: the mode's graph does not contract well
    private Task<Batch>? _building;

    public RouteCostModel Model { get; } = model;

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>The profile's hierarchy, or null while its visits are still searched one by one.</summary>
    public ArcHierarchy? Get(CostProfile profile) => _hierarchies[profile.Index(Model.Parameters.RouteVariants)];

    /// <summary>
    /// Takes in the hierarchies begun at the last call, then begins those of every profile whose searches have now
    /// settled enough arcs (<paramref name="settledByProfile"/>: the run's totals so far, by <see cref="CostProfile.Index"/>),
    /// for use from the next call on; <paramref name="beginBuilds"/> false on a run's last day, when none could be used.
    /// A profile whose graph does not contract well is refused once and stays with guided searches; a mode refused
    /// (its plain profile) ends all tries: a grid-like map costs one refused build per run (the 10k city: 0.4 s), not
    /// one a mode.
    /// </summary>
    public void Prepare(ReadOnlySpan<long> settledByProfile, int maxThreads, bool beginBuilds = true)
    {
        TakeBuilt();
        if (!beginBuilds || _orders.ContainsValue(null))
        {
            return; // one mode's street graph did not contract: the others share its streets, so none is tried again
        }
        long threshold = (long)Math.Ceiling(Model.Parameters.HierarchyAfterSettledArcsPerArc * Model.Network.SegmentCount * 2);
        var due = new List<int>();
        for (int index = 0; index < settledByProfile.Length; index++)
        {
            if (_hierarchies[index] is null && !_refused[index] && settledByProfile[index] > 0 && settledByProfile[index] >= threshold)
            {
                due.Add(index);
            }
        }
        if (due.Count == 0)
        {
            return;
        }
        var orders = new Dictionary<Network.TravelModes, int[]?>(_orders);
        _building = maxThreads > 1
            ? Task.Factory.StartNew(() => Build(due, orders), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.FromResult(Build(due, orders));
    }

    /// <summary>
    /// Builds, one after another, what <paramref name="due"/> needs: each mode's order comes from its plain profile
    /// (daylight, no sensitivities, first variant), contracted with its own priorities once; the other profiles of
    /// the mode reuse it. So a profile's hierarchy never depends on which came first.
    /// </summary>
    private Batch Build(List<int> due, Dictionary<Network.TravelModes, int[]?> orders)
    {
        int variants = Model.Parameters.RouteVariants;
        var batch = new Batch();
        foreach (var mode in due.Select(index => CostProfile.FromIndex(index, variants).Mode).Distinct().Where(mode => !orders.ContainsKey(mode)).ToList())
        {
            var plain = ArcHierarchy.Build(Model, new CostProfile(mode, false, false, false, 0));
            orders[mode] = plain?.Order;
            batch.Orders.Add((mode, plain?.Order));
            if (plain is not null)
            {
                batch.Built.Add((plain.Profile.Index(variants), plain)); // built for its order, and exact: kept even if not due yet
            }
        }
        foreach (int index in due)
        {
            var profile = CostProfile.FromIndex(index, variants);
            if (batch.Built.Any(built => built.Index == index) || orders[profile.Mode] is not { } order)
            {
                continue;
            }
            batch.Built.Add((index, ArcHierarchy.Build(Model, profile, order)));
        }
        return batch;
    }

    private void TakeBuilt()
    {
        if (_building is null)
        {
            return;
        }
        var batch = _building.Result;
        _building = null;
        foreach (var (mode, order) in batch.Orders)
        {
            _orders[mode] = order;
        }
        foreach (var (index, hierarchy) in batch.Built)
        {
            if (hierarchy is null)
            {
                _refused[index] = true;
                continue;
            }
            _hierarchies[index] = hierarchy;
            Bytes += hierarchy.Bytes;
            Count++;
        }
    }

    /// <summary>What one build produced: the orders of modes contracted for the first time, and the hierarchies (null: refused).</summary>
    private sealed class Batch
    {
        public List<(Network.TravelModes Mode, int[]? Order)> Orders { get; } = [];

        public List<(int Index, ArcHierarchy? Hierarchy)> Built { get; } = [];
    }
}
