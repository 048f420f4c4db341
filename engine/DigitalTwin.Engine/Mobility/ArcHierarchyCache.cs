namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// A contraction hierarchy per cost profile for the one-off routes of visits, built once a profile's guided searches
/// have cost more than building it would: when the arcs they settled, summed over the run so far, pass
/// <see cref="RouteCostParameters.HierarchyAfterSettledArcsPerArc"/> times the network's arcs. A long run of a
/// neighbourhood builds the hierarchies its visitors use after a day or two and answers the rest of its visits in a
/// tenth of the time; a single day of a city never pays for one. The counts come from the searches themselves
/// (integers added per worker), so the day a profile switches is the same on any thread count.
/// </summary>
public sealed class ArcHierarchyCache(RouteCostModel model)
{
    private readonly ArcHierarchy?[] _hierarchies = new ArcHierarchy?[CostProfile.Count(model.Parameters.RouteVariants)];
    private readonly bool[] _refused = new bool[CostProfile.Count(model.Parameters.RouteVariants)];
    private readonly Dictionary<Network.TravelModes, int[]?> _orders = []; // null: the mode's graph does not contract well

    public RouteCostModel Model { get; } = model;

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>The profile's hierarchy, or null while its visits are still searched one by one.</summary>
    public ArcHierarchy? Get(CostProfile profile) => _hierarchies[profile.Index(Model.Parameters.RouteVariants)];

    /// <summary>
    /// Builds, in parallel, the hierarchy of every profile whose searches have settled enough arcs
    /// (<paramref name="settledByProfile"/>: the run's totals so far, by <see cref="CostProfile.Index"/>). A profile
    /// whose graph does not contract well is refused once and stays with guided searches; a mode refused (its plain
    /// profile) ends all tries: a grid-like map costs one refused build per run (the 10k city: 0.4 s), not one a mode.
    /// </summary>
    public void Prepare(ReadOnlySpan<long> settledByProfile, int maxThreads)
    {
        if (_orders.ContainsValue(null))
        {
            return; // one mode's street graph did not contract: the others share its streets, so none is tried again
        }
        long threshold = (long)Math.Ceiling(Model.Parameters.HierarchyAfterSettledArcsPerArc * Model.Network.SegmentCount * 2);
        int variants = Model.Parameters.RouteVariants;
        var due = new List<int>();
        for (int index = 0; index < settledByProfile.Length; index++)
        {
            if (_hierarchies[index] is null && !_refused[index] && settledByProfile[index] > 0 && settledByProfile[index] >= threshold)
            {
                due.Add(index);
            }
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxThreads) };
        // Each mode's order comes from its plain profile (daylight, no sensitivities, first variant), contracted with
        // its own priorities once; the others reuse it. So a profile's hierarchy never depends on which came first.
        var modes = due.Select(index => CostProfile.FromIndex(index, variants).Mode).Distinct().Where(mode => !_orders.ContainsKey(mode)).ToList();
        var plain = new ArcHierarchy?[modes.Count];
        Parallel.For(0, modes.Count, options, i => plain[i] = ArcHierarchy.Build(Model, new CostProfile(modes[i], false, false, false, 0)));
        for (int i = 0; i < modes.Count; i++)
        {
            _orders[modes[i]] = plain[i]?.Order;
            if (plain[i] is { } hierarchy)
            {
                Keep(hierarchy.Profile.Index(variants), hierarchy); // built for its order, and exact: kept even if not due yet
            }
        }
        due.RemoveAll(index => _hierarchies[index] is not null || _orders[CostProfile.FromIndex(index, variants).Mode] is null);
        var built = new ArcHierarchy?[due.Count];
        Parallel.For(0, due.Count, options, i =>
        {
            var profile = CostProfile.FromIndex(due[i], variants);
            built[i] = ArcHierarchy.Build(Model, profile, _orders[profile.Mode]);
        });
        for (int i = 0; i < due.Count; i++)
        {
            if (built[i] is { } hierarchy)
            {
                Keep(due[i], hierarchy);
            }
            else
            {
                _refused[due[i]] = true;
            }
        }
    }

    private void Keep(int index, ArcHierarchy hierarchy)
    {
        _hierarchies[index] = hierarchy;
        Bytes += hierarchy.Bytes;
        Count++;
    }
}
