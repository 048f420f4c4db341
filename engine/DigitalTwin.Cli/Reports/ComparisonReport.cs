using System.Globalization;
using DigitalTwin.Engine.Outcomes;

namespace DigitalTwin.Cli.Reports;

/// <summary>What the report says about one scenario that took part.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="File">The scenario file as given on the command line.</param>
/// <param name="Description">The scenario's description.</param>
/// <param name="MapFile">The map's file name.</param>
/// <param name="SameMapAsBaseline">Whether it uses the baseline's map and boundary (always true for the baseline).</param>
/// <param name="Residents">Residents in its first replication.</param>
/// <param name="Slug">A file-name-safe form of the name, unique within the comparison.</param>
internal sealed record ScenarioInfo(string Name, string File, string Description, string MapFile, bool SameMapAsBaseline, int Residents, string Slug);

/// <summary>A variant, its comparison with the baseline, and what the command noticed about it.</summary>
internal sealed record VariantReport(ScenarioInfo Scenario, VariantComparison Comparison, IReadOnlyList<string> Notes);

/// <summary>
/// The comparison as people read it: per variant a paragraph in plain language, then the tables and charts. Every
/// number shown is also in comparison.json and comparison.csv.
/// </summary>
internal sealed record ComparisonReport(ScenarioInfo Baseline, IReadOnlyList<VariantReport> Variants, IReadOnlyList<ulong> Seeds, int Days, string EngineVersion)
{
    /// <summary>Streets and places listed per direction (gains, losses) in the report; the data files hold all.</summary>
    public const int TopAreas = 5;

    public const string OverallChartFile = "outcomes.png";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The measures as a non-modeller reads them, in <see cref="OutcomeMeasures.Values"/> order.</summary>
    public static string Describe(string outcome) => outcome switch
    {
        "encountersPerResidentPerDay" => "encounters per resident per day",
        "nodsPerResidentPerDay" => "nods (greetings) per resident per day",
        "distinctPeopleMetPerResident" => "different people met per resident",
        "familiarStrangersPerResident" => "familiar strangers per resident",
        "noddingContactsPerResident" => "nodding contacts per resident",
        "acquaintancesPerResident" => "acquaintances per resident",
        "shareWithoutNoddingContact" => "share of residents without a nodding contact",
        _ => outcome,
    };

    /// <summary>A group in words: "ageBand"/"Older" → "older residents (65+)".</summary>
    public static string DescribeGroup(string trait, string group) => (trait, group) switch
    {
        ("ageBand", "Child") => "children (0-14)",
        ("ageBand", "Youth") => "young people (15-24)",
        ("ageBand", "YoungAdult") => "young adults (25-44)",
        ("ageBand", "MiddleAge") => "middle-aged residents (45-64)",
        ("ageBand", "Older") => "older residents (65+)",
        ("gender", "Woman") => "women",
        ("gender", "Man") => "men",
        ("income", _) => $"{group.ToLowerInvariant()}-income residents",
        ("health", "Good") => "residents in good health",
        ("health", "LimitedMobility") => "residents with limited mobility",
        ("background", "Dutch") => "residents with a Dutch background",
        ("background", "European") => "residents with a European migration background",
        ("background", "NonEuropean") => "residents with a non-European migration background",
        ("tenure", "Owner") => "owner-occupiers",
        ("tenure", "Renter") => "renters",
        _ => $"{trait} {group}",
    };

    public ReportDocument Build(IReadOnlyDictionary<string, byte[]> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Baseline: **{Baseline.Name}** ({Baseline.File}, map {Baseline.MapFile}, {Baseline.Residents:N0} residents). "
                + $"Variants: {string.Join(", ", Variants.Select(v => $"**{v.Scenario.Name}**"))}."),
            new Paragraph(string.Create(C, $"How to read this: every scenario ran {Seeds.Count} times ({Seeds.Count} replications) for {Days} days each. ")
                + $"Replication r used seed {SeedRule} for every scenario (seeds {string.Join(", ", Seeds)}), so the baseline and each variant "
                + "have the very same residents and random draws (common random numbers) and a difference comes from the change, not from chance. "
                + "A change is the mean over replications of (variant − baseline) with the same seed; the 95 % interval is a Student t interval over "
                + "those paired differences, and a change is **distinguishable from noise** when that interval does not include zero (paired t-test, p < 0.05). "
                + "Percentages are relative to the baseline mean. Street rates are per metre of street per day (streets grouped by name), place rates per day."),
        };
        if (charts.TryGetValue(OverallChartFile, out byte[]? overall))
        {
            blocks.Add(new Chart(OverallChartFile, "Change in each outcome per variant, % of the baseline, with 95 % intervals", overall));
        }
        foreach (var variant in Variants)
        {
            blocks.AddRange(VariantBlocks(variant, charts));
        }
        blocks.Add(new Heading(2, "Files"));
        blocks.Add(new Paragraph("comparison.json and comparison.csv hold every number above and the change for every street, place and group; "
            + "difference-<variant>.geojson holds per street segment the baseline, variant and difference rates for QGIS. "
            + $"Engine {EngineVersion}."));
        return new ReportDocument($"Comparison: {Baseline.Name}", blocks);
    }

    /// <summary>How seeds were chosen, in words for the report and the command's output.</summary>
    public string SeedRule => Seeds.Count == 0 ? "-" : $"{Seeds[0]} + r (r = 0 to {Seeds.Count - 1})";

    private IEnumerable<ReportBlock> VariantBlocks(VariantReport variant, IReadOnlyDictionary<string, byte[]> charts)
    {
        var comparison = variant.Comparison;
        yield return new Heading(2, variant.Scenario.Name);
        yield return new Paragraph(PlainLanguage(variant));
        if (!string.IsNullOrWhiteSpace(variant.Scenario.Description) && variant.Scenario.Description != Baseline.Description)
        {
            yield return new Paragraph($"What it changes: {variant.Scenario.Description}");
        }
        foreach (string note in variant.Notes)
        {
            yield return new Paragraph($"Note: {note}");
        }
        yield return new Heading(3, "Outcomes");
        yield return new Table(
            ["outcome", "baseline", "variant", "change", "95 % interval", "change %", "p", "distinguishable"],
            [.. comparison.Overall.Select(o => (IReadOnlyList<string>)[Describe(o.Outcome), Number(o.Change.BaselineMean), Number(o.Change.VariantMean),
                Signed(o.Change.MeanDifference), Interval(o.Change), Percent(o.Change.RelativeChange), P(o.Change.PValue), YesNo(o.Change)])]);

        yield return new Heading(3, "Who gains, who loses");
        var ranked = Comparison.GroupsByRelativeChange(comparison, Comparison.HeadlineOutcome);
        yield return new Paragraph($"Groups ordered by the change in {Describe(Comparison.HeadlineOutcome)}, largest gain first; "
            + "the last columns give the change in nodding contacts per resident.");
        yield return new Table(
            ["group", "residents", "baseline", "change", "95 % interval", "change %", "distinguishable", "nodding contacts change", "its 95 % interval"],
            [.. ranked.Select(g =>
            {
                var nodding = comparison.ByGroup.First(o => o.Trait == g.Trait && o.Group == g.Group && o.Outcome == "noddingContactsPerResident").Change;
                return (IReadOnlyList<string>)[DescribeGroup(g.Trait, g.Group), g.Residents.ToString("0", C), Number(g.Change.BaselineMean), Signed(g.Change.MeanDifference),
                    Interval(g.Change), Percent(g.Change.RelativeChange), YesNo(g.Change), Signed(nodding.MeanDifference), Interval(nodding)];
            })]);
        if (charts.TryGetValue(GroupChartFile(variant), out byte[]? groupChart))
        {
            yield return new Chart(GroupChartFile(variant), $"{variant.Scenario.Name}: change in {Describe(Comparison.HeadlineOutcome)} per group, % of the baseline, with 95 % intervals", groupChart);
        }

        yield return new Heading(3, "Streets with the largest changes");
        yield return new Paragraph(ResolvedSentence("streets", comparison.Streets));
        if (charts.TryGetValue(ComparisonMaps.FileOf(variant), out byte[]? beyondNoise))
        {
            yield return new Chart(ComparisonMaps.FileOf(variant),
                $"{variant.Scenario.Name}: segments whose encounters change beyond the noise, all segments tested together; grey: within the noise", beyondNoise);
        }
        yield return AreaTable("street", "encounters per m per day", comparison.Streets);
        yield return new Heading(3, "Places with the largest changes");
        yield return new Paragraph(ResolvedSentence("places", comparison.Places));
        yield return AreaTable("place", "encounters per day", comparison.Places);
    }

    public static string GroupChartFile(VariantReport variant) => $"groups-{variant.Scenario.Slug}.png";

    private Table AreaTable(string kind, string unit, IReadOnlyList<AreaChange> areas)
    {
        var rows = Comparison.LargestGains(areas, TopAreas).Concat(Comparison.LargestLosses(areas, TopAreas))
            .Select(a => (IReadOnlyList<string>)[a.Label, Number(a.Encounters.BaselineMean), Number(a.Encounters.VariantMean), Signed(a.Encounters.MeanDifference),
                Interval(a.Encounters), Percent(a.Encounters.RelativeChange), YesNo(a.Encounters), a.EncountersResolved ? "yes" : "no", Signed(a.Nods.MeanDifference)])
            .ToList();
        if (rows.Count == 0)
        {
            rows.Add([$"(no {kind} changed)", "", "", "", "", "", "", "", ""]);
        }
        return new Table([kind, $"baseline {unit}", "variant", "change", "95 % interval", "change %", "distinguishable on its own", $"beyond noise among all {kind}s", "nods change"], rows);
    }

    /// <summary>
    /// How many of the streets (or places) change beyond the noise once all are tested together: one street in twenty
    /// would pass its own 95 % test by chance, so the map and this count use Benjamini–Hochberg at a 5 % false discovery rate.
    /// </summary>
    private static string ResolvedSentence(string kinds, IReadOnlyList<AreaChange> areas)
    {
        int changed = areas.Count(a => a.Encounters.MeanDifference != 0);
        int own = areas.Count(a => a.Encounters.Distinguishable);
        int resolved = areas.Count(a => a.EncountersResolved);
        return string.Create(C, $"Of {areas.Count} {kinds}, {changed} differ at all in encounters; {own} differ beyond their own 95 % interval, and {resolved} "
            + $"beyond the noise once all {areas.Count} are tested together (Benjamini–Hochberg, {FalseDiscovery.Rate * 100:0} % false discoveries). "
            + $"Per segment, the variant's difference layer (difference-*.geojson) carries the same test among all segments in resolved_encounters and resolved_nods, for a GIS to grey out the rest.");
    }

    /// <summary>
    /// The paragraph a non-modeller reads first: how often residents meet people on the street, how many nodding
    /// contacts they have, who gains and who loses, where, and whether the change stands out from noise.
    /// </summary>
    public static string PlainLanguage(VariantReport variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var comparison = variant.Comparison;
        var encounters = comparison.OverallOf(Comparison.HeadlineOutcome).Change;
        var nodding = comparison.OverallOf("noddingContactsPerResident").Change;
        var text = new List<string>();
        text.Add($"With **{variant.Scenario.Name}**, residents {MeetSentence(encounters)}. ");
        text.Add($"They end with {Number(nodding.VariantMean)} nodding contacts each against {Number(nodding.BaselineMean)} in the baseline "
            + $"({ChangeWords(nodding)}). ");
        var ranked = Comparison.GroupsByRelativeChange(comparison, Comparison.HeadlineOutcome);
        if (ranked.Count >= 2)
        {
            var most = ranked[0];
            var least = ranked[^1];
            // When the intervals of the top and bottom groups overlap, the ranking is within the noise: say so instead.
            bool overlap = most.Change.RelativeInterval!.Value.Lower <= least.Change.RelativeInterval!.Value.Upper;
            text.Add(overlap
                ? $"The change is about the same for every group (from {Percent(least.Change.RelativeChange)} for {DescribeGroup(least.Trait, least.Group)} to {Percent(most.Change.RelativeChange)} for {DescribeGroup(most.Trait, most.Group)}; the differences between groups are within the noise). "
                : least.Change.MeanDifference < 0 && most.Change.MeanDifference > 0
                ? $"{Capitalise(DescribeGroup(most.Trait, most.Group))} gain most ({Percent(most.Change.RelativeChange)}); {DescribeGroup(least.Trait, least.Group)} lose most ({Percent(least.Change.RelativeChange)}). "
                : $"{Capitalise(DescribeGroup(most.Trait, most.Group))} change most ({Percent(most.Change.RelativeChange)}), {DescribeGroup(least.Trait, least.Group)} least ({Percent(least.Change.RelativeChange)}). ");
        }
        var gains = Comparison.LargestGains(comparison.Streets, 1);
        var losses = Comparison.LargestLosses(comparison.Streets, 1);
        if (gains.Count > 0)
        {
            text.Add($"The street that gains most is {gains[0].Label} ({Percent(gains[0].Encounters.RelativeChange, "new encounters")})");
            text.Add(losses.Count > 0 ? $"; the one that loses most is {losses[0].Label} ({Percent(losses[0].Encounters.RelativeChange, "none left")}). " : ". ");
        }
        text.Add(encounters.Distinguishable
            ? "The change is **distinguishable from noise**: its 95 % interval does not include zero."
            : string.Create(C, $"The change is **not distinguishable from noise** with {comparison.Replications} replications: its 95 % interval includes zero; ")
                + (FalseDiscovery.ReplicationsToResolve(encounters) is int needed
                    ? string.Create(C, $"a change of this size, with this spread, would need about {needed} replications to resolve.")
                    : "at this size and spread even 1,000 replications would not resolve it: the variant changes the area as a whole by about nothing."));
        return string.Concat(text);
    }

    private static string MeetSentence(PairedDifference change)
    {
        if (change.RelativeChange is not double relative || change.RelativeInterval is not var (lower, upper))
        {
            return $"meet people within social distance {Number(change.VariantMean)} times a day (none in the baseline)";
        }
        string direction = relative >= 0 ? "more" : "less";
        return string.Create(C, $"meet people on the street {Math.Abs(relative) * 100:0.#} % {direction} often ({Number(change.BaselineMean)} → {Number(change.VariantMean)} encounters a day; 95 % interval {lower * 100:+0.#;-0.#;0} to {upper * 100:+0.#;-0.#;0} %)");
    }

    private static string ChangeWords(PairedDifference change) =>
        string.Create(C, $"{Signed(change.MeanDifference)}, 95 % interval {Number(change.Lower)} to {Number(change.Upper)}");

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Four significant digits: enough to read, not so many that noise looks like a finding.</summary>
    public static string Number(double value) => value.ToString("G4", C);

    public static string Signed(double value) => (value > 0 ? "+" : "") + Number(value);

    public static string Interval(PairedDifference d) => $"{Number(d.Lower)} to {Number(d.Upper)}";

    public static string Percent(double? relative, string whenNoBaseline = "-") =>
        relative is double r ? string.Create(C, $"{r * 100:+0.0;-0.0;0.0} %") : whenNoBaseline;

    private static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", C);

    private static string YesNo(PairedDifference d) => d.Distinguishable ? "yes" : "no";
}
