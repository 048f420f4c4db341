namespace DigitalTwin.Engine.Outcomes;

/// <summary>One outcome's change for one set of residents: everyone (Trait and Group "all") or one group of a trait.</summary>
/// <param name="Residents">Residents in the set, averaged over the baseline's replications (the population depends on the seed).</param>
public sealed record OutcomeChange(string Trait, string Group, string Outcome, double Residents, PairedDifference Change)
{
    public const string All = "all";
}

/// <summary>
/// A street's or a place's change in encounters and nods (per metre per day for streets, per day for places), and
/// whether each stands out from the noise once every street (or place) is tested at once (<see cref="FalseDiscovery"/>).
/// </summary>
public sealed record AreaChange(string Label, PairedDifference Encounters, PairedDifference Nods)
{
    public bool EncountersResolved { get; init; }

    public bool NodsResolved { get; init; }
}

/// <summary>
/// Per segment changes, only when baseline and variant have the same segments (same map, same network), and per
/// segment whether the change stands out once all segments are tested at once (<see cref="FalseDiscovery"/>).
/// </summary>
public sealed record SegmentChanges(PairedDifference[] Encounters, PairedDifference[] Nods, bool[] EncountersResolved, bool[] NodsResolved);

/// <summary>Everything a report says about one variant against the baseline.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="Seeds">The seeds, in replication order; baseline and variant ran with each of them.</param>
/// <param name="Overall">Every outcome for all residents, in <see cref="OutcomeMeasures.Values"/> order.</param>
/// <param name="ByGroup">Every outcome per trait and group, in the summary's order (traits, then groups, then outcomes).</param>
/// <param name="Streets">Every street name in either run, sorted by label.</param>
/// <param name="Places">Every place in either run, sorted by label.</param>
/// <param name="Segments">Per segment, or null when the networks differ.</param>
public sealed record VariantComparison(
    string Variant,
    IReadOnlyList<ulong> Seeds,
    IReadOnlyList<OutcomeChange> Overall,
    IReadOnlyList<OutcomeChange> ByGroup,
    IReadOnlyList<AreaChange> Streets,
    IReadOnlyList<AreaChange> Places,
    SegmentChanges? Segments)
{
    public int Replications => Seeds.Count;

    public OutcomeChange OverallOf(string outcome) => Overall.First(o => o.Outcome == outcome);
}

/// <summary>
/// Baseline against variant over replications with common random numbers: replication r of every scenario runs with
/// the same seed, so the same residents meet the same random draws and a difference is the variant's, not noise from a
/// different draw. Pure functions over <see cref="ReplicationOutcomes"/>; every list comes out in a fixed order.
/// </summary>
public static class Comparison
{
    /// <summary>The outcome a report leads with: how often residents come within social distance of someone.</summary>
    public const string HeadlineOutcome = "encountersPerResidentPerDay";

    /// <summary>
    /// Compares <paramref name="variantRuns"/> with <paramref name="baselineRuns"/>, replication by replication.
    /// Both lists must hold the same seeds in the same order, at least two.
    /// </summary>
    public static VariantComparison Compare(string variant, IReadOnlyList<ReplicationOutcomes> baselineRuns, IReadOnlyList<ReplicationOutcomes> variantRuns)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(baselineRuns);
        ArgumentNullException.ThrowIfNull(variantRuns);
        if (baselineRuns.Count != variantRuns.Count)
        {
            throw new ArgumentException($"The baseline has {baselineRuns.Count} replications and the variant {variantRuns.Count}.", nameof(variantRuns));
        }
        if (baselineRuns.Count < 2)
        {
            throw new ArgumentException($"An interval needs at least 2 replications, got {baselineRuns.Count}.", nameof(baselineRuns));
        }
        for (int r = 0; r < baselineRuns.Count; r++)
        {
            if (baselineRuns[r].Seed != variantRuns[r].Seed)
            {
                throw new ArgumentException($"Replication {r} ran the baseline with seed {baselineRuns[r].Seed} and the variant with {variantRuns[r].Seed}; common random numbers need the same seeds.", nameof(variantRuns));
            }
        }
        var overall = Outcomes(OutcomeChange.All, OutcomeChange.All, baselineRuns.Select(b => b.Summary.Overall).ToArray(), variantRuns.Select(v => v.Summary.Overall).ToArray());
        var byGroup = new List<OutcomeChange>();
        var first = baselineRuns[0].Summary.ByGroup;
        for (int t = 0; t < first.Count; t++)
        {
            for (int g = 0; g < first[t].Groups.Count; g++)
            {
                var baseline = baselineRuns.Select(b => b.Summary.ByGroup[t].Groups[g].Measures).ToArray();
                var changed = variantRuns.Select(v => v.Summary.ByGroup[t].Groups[g].Measures).ToArray();
                // A group nobody belongs to (no residents of that trait value in this population) has nothing to say.
                if (baseline.All(m => m.Residents == 0) && changed.All(m => m.Residents == 0))
                {
                    continue;
                }
                byGroup.AddRange(Outcomes(first[t].Trait, first[t].Groups[g].Group, baseline, changed));
            }
        }
        return new VariantComparison(
            variant,
            [.. baselineRuns.Select(b => b.Seed)],
            overall,
            byGroup,
            Areas(baselineRuns.Select(b => b.Streets).ToArray(), variantRuns.Select(v => v.Streets).ToArray()),
            Areas(baselineRuns.Select(b => b.Places).ToArray(), variantRuns.Select(v => v.Places).ToArray()),
            Segments(baselineRuns, variantRuns));
    }

    /// <summary>The areas whose encounters rose most, largest first (ties by label); only those that rose.</summary>
    public static IReadOnlyList<AreaChange> LargestGains(IReadOnlyList<AreaChange> areas, int count)
    {
        ArgumentNullException.ThrowIfNull(areas);
        return [.. areas.Where(a => a.Encounters.MeanDifference > 0)
            .OrderByDescending(a => a.Encounters.MeanDifference).ThenBy(a => a.Label, StringComparer.Ordinal).Take(count)];
    }

    /// <summary>The areas whose encounters fell most, largest fall first (ties by label); only those that fell.</summary>
    public static IReadOnlyList<AreaChange> LargestLosses(IReadOnlyList<AreaChange> areas, int count)
    {
        ArgumentNullException.ThrowIfNull(areas);
        return [.. areas.Where(a => a.Encounters.MeanDifference < 0)
            .OrderBy(a => a.Encounters.MeanDifference).ThenBy(a => a.Label, StringComparer.Ordinal).Take(count)];
    }

    /// <summary>
    /// The groups ranked by the relative change of <paramref name="outcome"/>, largest gain first (ties by trait, then
    /// group): who gains most and, at the end, who loses. Groups with a zero baseline have no relative change and are left out.
    /// </summary>
    public static IReadOnlyList<OutcomeChange> GroupsByRelativeChange(VariantComparison comparison, string outcome)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return [.. comparison.ByGroup.Where(g => g.Outcome == outcome && g.Change.RelativeChange is not null)
            .OrderByDescending(g => g.Change.RelativeChange!.Value)
            .ThenBy(g => g.Trait, StringComparer.Ordinal).ThenBy(g => g.Group, StringComparer.Ordinal)];
    }

    private static List<OutcomeChange> Outcomes(string trait, string group, OutcomeMeasures[] baseline, OutcomeMeasures[] variant)
    {
        var baselineValues = baseline.Select(m => m.Values().ToArray()).ToArray();
        var variantValues = variant.Select(m => m.Values().ToArray()).ToArray();
        var changes = new List<OutcomeChange>();
        int n = baseline.Length;
        long residents = 0;
        foreach (var m in baseline)
        {
            residents += m.Residents;
        }
        for (int k = 0; k < baselineValues[0].Length; k++)
        {
            var b = new double[n];
            var v = new double[n];
            for (int r = 0; r < n; r++)
            {
                b[r] = baselineValues[r][k].Value;
                v[r] = variantValues[r][k].Value;
            }
            changes.Add(new OutcomeChange(trait, group, baselineValues[0][k].Name, (double)residents / n, PairedDifference.Of(b, v)));
        }
        return changes;
    }

    /// <summary>Pairs areas by label over the union of both runs' labels; an area missing from a run counts as 0 there.</summary>
    private static List<AreaChange> Areas(AreaRates[] baseline, AreaRates[] variant)
    {
        var labels = baseline.Concat(variant).SelectMany(a => a.Labels).Distinct().Order(StringComparer.Ordinal).ToArray();
        int n = baseline.Length;
        var changes = new List<AreaChange>(labels.Length);
        var be = new double[n];
        var ve = new double[n];
        var bn = new double[n];
        var vn = new double[n];
        foreach (string label in labels)
        {
            for (int r = 0; r < n; r++)
            {
                (be[r], bn[r]) = Rates(baseline[r], label);
                (ve[r], vn[r]) = Rates(variant[r], label);
            }
            changes.Add(new AreaChange(label, PairedDifference.Of(be, ve), PairedDifference.Of(bn, vn)));
        }
        var encounters = FalseDiscovery.Discoveries([.. changes.Select(c => c.Encounters.PValue)]);
        var nods = FalseDiscovery.Discoveries([.. changes.Select(c => c.Nods.PValue)]);
        for (int i = 0; i < changes.Count; i++)
        {
            changes[i] = changes[i] with { EncountersResolved = encounters[i], NodsResolved = nods[i] };
        }
        return changes;
    }

    private static (double Encounters, double Nods) Rates(AreaRates rates, string label)
    {
        int i = rates.IndexOf(label);
        return i < 0 ? (0, 0) : (rates.Encounters[i], rates.Nods[i]);
    }

    private static SegmentChanges? Segments(IReadOnlyList<ReplicationOutcomes> baseline, IReadOnlyList<ReplicationOutcomes> variant)
    {
        int segments = baseline[0].SegmentEncountersPerMetreDay.Length;
        if (baseline.Concat(variant).Any(r => r.SegmentEncountersPerMetreDay.Length != segments))
        {
            return null;
        }
        int n = baseline.Count;
        var encounters = new PairedDifference[segments];
        var nods = new PairedDifference[segments];
        var b = new double[n];
        var v = new double[n];
        for (int s = 0; s < segments; s++)
        {
            for (int r = 0; r < n; r++)
            {
                b[r] = baseline[r].SegmentEncountersPerMetreDay[s];
                v[r] = variant[r].SegmentEncountersPerMetreDay[s];
            }
            encounters[s] = PairedDifference.Of(b, v);
            for (int r = 0; r < n; r++)
            {
                b[r] = baseline[r].SegmentNodsPerMetreDay[s];
                v[r] = variant[r].SegmentNodsPerMetreDay[s];
            }
            nods[s] = PairedDifference.Of(b, v);
        }
        return new SegmentChanges(encounters, nods,
            FalseDiscovery.Discoveries([.. encounters.Select(d => d.PValue)]), FalseDiscovery.Discoveries([.. nods.Select(d => d.PValue)]));
    }
}
