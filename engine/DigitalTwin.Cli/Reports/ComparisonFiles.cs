using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Outcomes;

namespace DigitalTwin.Cli.Reports;

/// <summary>
/// The comparison's files, each written atomically: report.md with its PNGs, report.html (self-contained),
/// comparison.json and comparison.csv (every number, every street, place and group) and a difference layer per variant.
/// </summary>
internal static class ComparisonFiles
{
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "report.html";
    public const string JsonFile = "comparison.json";
    public const string CsvFile = "comparison.csv";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string DifferenceFile(VariantReport variant) => $"difference-{variant.Scenario.Slug}.geojson";

    /// <summary>Whether a name in a report folder is one a comparison writes (for any variants): the folder may be replaced whole.</summary>
    public static bool IsReportOutput(string name) =>
        name is MarkdownFile or HtmlFile or JsonFile or CsvFile or ComparisonRuns.FolderName
        || name.EndsWith(".png", StringComparison.Ordinal)
        || (name.StartsWith("difference-", StringComparison.Ordinal) && name.EndsWith(".geojson", StringComparison.Ordinal))
        || name.EndsWith(".partial", StringComparison.Ordinal);

    /// <summary>
    /// Writes everything into <paramref name="folder"/>; <paramref name="neighbourhoods"/> gives each variant's
    /// neighbourhood for its difference layer and map, when it has one (the same segments as the baseline).
    /// </summary>
    public static IReadOnlyList<InputProblem> WriteAll(string folder, ComparisonReport report, IReadOnlyDictionary<string, Engine.Neighbourhood> neighbourhoods)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new InputProblem(folder, string.Empty, $"cannot create the output folder: {e.Message}")];
        }
        var problems = new List<InputProblem>();
        var charts = ComparisonCharts.Draw(report);
        foreach (var (name, png) in ComparisonMaps.Draw(report, neighbourhoods))
        {
            charts[name] = png;
        }
        foreach (var (name, png) in charts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            problems.AddRange(AtomicFile.Write(Path.Combine(folder, name), s => s.Write(png)).Problems);
        }
        var document = report.Build(charts);
        problems.AddRange(WriteText(Path.Combine(folder, MarkdownFile), document.ToMarkdown()));
        problems.AddRange(WriteText(Path.Combine(folder, HtmlFile), document.ToHtml()));
        problems.AddRange(AtomicFile.Write(Path.Combine(folder, JsonFile), s => WriteJson(s, report)).Problems);
        problems.AddRange(WriteText(Path.Combine(folder, CsvFile), Csv(report)));
        foreach (var variant in report.Variants)
        {
            if (variant.Comparison.Segments is { } segments && neighbourhoods.TryGetValue(variant.Scenario.Slug, out var neighbourhood))
            {
                problems.AddRange(GeoJsonExporter.WriteSegments(neighbourhood.Network, Path.Combine(folder, DifferenceFile(variant)), DifferenceColumns(segments)).Problems);
            }
        }
        return problems;
    }

    /// <summary>Per segment: baseline, variant and difference (with its interval) of encounters and nods per metre per day.</summary>
    public static Dictionary<string, ReadOnlyMemory<double>> DifferenceColumns(SegmentChanges segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        double[] Column(PairedDifference[] values, Func<PairedDifference, double> pick) => [.. values.Select(v => Round(pick(v)))];
        return new Dictionary<string, ReadOnlyMemory<double>>(StringComparer.Ordinal)
        {
            ["baseline_encounters_per_m_day"] = Column(segments.Encounters, d => d.BaselineMean),
            ["variant_encounters_per_m_day"] = Column(segments.Encounters, d => d.VariantMean),
            ["difference_encounters_per_m_day"] = Column(segments.Encounters, d => d.MeanDifference),
            ["difference_encounters_lower_95"] = Column(segments.Encounters, d => d.Lower),
            ["difference_encounters_upper_95"] = Column(segments.Encounters, d => d.Upper),
            ["baseline_nods_per_m_day"] = Column(segments.Nods, d => d.BaselineMean),
            ["variant_nods_per_m_day"] = Column(segments.Nods, d => d.VariantMean),
            ["difference_nods_per_m_day"] = Column(segments.Nods, d => d.MeanDifference),
            // 1 where the change stands out once every segment is tested (Benjamini–Hochberg, 5 % false discoveries):
            // a GIS user styles the rest grey.
            ["resolved_encounters"] = Flags(segments.EncountersResolved),
            ["resolved_nods"] = Flags(segments.NodsResolved),
        };

        static double[] Flags(bool[] resolved) => [.. resolved.Select(r => r ? 1.0 : 0.0)];
    }

    private static IReadOnlyList<InputProblem> WriteText(string path, string text) =>
        AtomicFile.Write(path, s => s.Write(new UTF8Encoding(false).GetBytes(text))).Problems;

    private static void WriteJson(Stream stream, ComparisonReport report)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("engineVersion", report.EngineVersion);
        json.WriteNumber("days", report.Days);
        json.WriteNumber("replications", report.Seeds.Count);
        json.WriteString("seedRule", $"replication r of every scenario uses seed {report.SeedRule}");
        json.WriteStartArray("seeds");
        foreach (ulong seed in report.Seeds)
        {
            json.WriteNumberValue(seed);
        }
        json.WriteEndArray();
        json.WriteNumber("confidenceLevel", PairedDifference.ConfidenceLevel);
        json.WritePropertyName("baseline");
        WriteScenario(json, report.Baseline);
        json.WriteStartArray("variants");
        foreach (var variant in report.Variants)
        {
            json.WriteStartObject();
            json.WritePropertyName("scenario");
            WriteScenario(json, variant.Scenario);
            json.WriteStartArray("notes");
            foreach (string note in variant.Notes)
            {
                json.WriteStringValue(note);
            }
            json.WriteEndArray();
            json.WriteStartArray("outcomes");
            foreach (var change in variant.Comparison.Overall.Concat(variant.Comparison.ByGroup))
            {
                json.WriteStartObject();
                json.WriteString("trait", change.Trait);
                json.WriteString("group", change.Group);
                json.WriteString("outcome", change.Outcome);
                json.WriteNumber("residents", Round(change.Residents));
                WriteDifference(json, change.Change);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteAreas(json, "streets", "PerMetrePerDay", variant.Comparison.Streets);
            WriteAreas(json, "places", "PerDay", variant.Comparison.Places);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteScenario(Utf8JsonWriter json, ScenarioInfo scenario)
    {
        json.WriteStartObject();
        json.WriteString("name", scenario.Name);
        json.WriteString("file", scenario.File);
        json.WriteString("map", scenario.MapFile);
        json.WriteBoolean("sameMapAsBaseline", scenario.SameMapAsBaseline);
        json.WriteNumber("residents", scenario.Residents);
        json.WriteEndObject();
    }

    private static void WriteAreas(Utf8JsonWriter json, string name, string unit, IReadOnlyList<AreaChange> areas)
    {
        json.WriteStartArray(name);
        foreach (var area in areas)
        {
            json.WriteStartObject();
            json.WriteString("label", area.Label);
            json.WriteStartObject("encounters" + unit);
            WriteDifference(json, area.Encounters);
            json.WriteBoolean("resolvedAmongAll", area.EncountersResolved);
            json.WriteEndObject();
            json.WriteStartObject("nods" + unit);
            WriteDifference(json, area.Nods);
            json.WriteBoolean("resolvedAmongAll", area.NodsResolved);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteDifference(Utf8JsonWriter json, PairedDifference d)
    {
        json.WriteNumber("baselineMean", Round(d.BaselineMean));
        json.WriteNumber("variantMean", Round(d.VariantMean));
        json.WriteNumber("meanDifference", Round(d.MeanDifference));
        json.WriteNumber("standardError", Round(d.StandardError));
        json.WriteNumber("lower95", Round(d.Lower));
        json.WriteNumber("upper95", Round(d.Upper));
        json.WriteNumber("pValue", Round(d.PValue));
        json.WriteBoolean("distinguishable", d.Distinguishable);
        if (d.RelativeChange is double relative)
        {
            json.WriteNumber("relativeChange", Round(relative));
        }
        else
        {
            json.WriteNull("relativeChange");
        }
    }

    /// <summary>One long table: a row per variant × (outcome and group | street | place) × measure.</summary>
    public static string Csv(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        csv.AppendLine("variant,section,trait,group,item,measure,residents,replications,baseline_mean,variant_mean,mean_difference,standard_error,lower_95,upper_95,p_value,distinguishable,relative_change,resolved_among_all");
        foreach (var variant in report.Variants)
        {
            string name = variant.Scenario.Name;
            foreach (var change in variant.Comparison.Overall.Concat(variant.Comparison.ByGroup))
            {
                Row(csv, name, "outcome", change.Trait, change.Group, change.Outcome, change.Outcome, Number(change.Residents), change.Change);
            }
            foreach (var street in variant.Comparison.Streets)
            {
                Row(csv, name, "street", "", "", street.Label, "encounters_per_m_day", "", street.Encounters, street.EncountersResolved);
                Row(csv, name, "street", "", "", street.Label, "nods_per_m_day", "", street.Nods, street.NodsResolved);
            }
            foreach (var place in variant.Comparison.Places)
            {
                Row(csv, name, "place", "", "", place.Label, "encounters_per_day", "", place.Encounters, place.EncountersResolved);
                Row(csv, name, "place", "", "", place.Label, "nods_per_day", "", place.Nods, place.NodsResolved);
            }
        }
        return csv.ToString();
    }

    /// <summary>
    /// One row; <paramref name="resolvedAmongAll"/> (streets and places only) says whether the change stands out once all
    /// streets (or places) are tested together, empty for outcomes, which are few and read one by one.
    /// </summary>
    private static void Row(StringBuilder csv, string variant, string section, string trait, string group, string item, string measure, string residents, PairedDifference d,
        bool? resolvedAmongAll = null)
    {
        csv.AppendJoin(',', [Quote(variant), section, trait, group, Quote(item), measure, residents, d.Replications.ToString(C),
            Number(d.BaselineMean), Number(d.VariantMean), Number(d.MeanDifference), Number(d.StandardError), Number(d.Lower), Number(d.Upper),
            Number(d.PValue), d.Distinguishable ? "true" : "false", d.RelativeChange is double r ? Number(r) : "",
            resolvedAmongAll switch { true => "true", false => "false", null => "" }]).AppendLine();
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Number(double value) => Round(value).ToString("R", C);

    /// <summary>Six significant digits, as the run files: free of float noise, enough for any use.</summary>
    private static double Round(double value) => value == 0 || !double.IsFinite(value) ? value : double.Parse(value.ToString("G6", C), C);
}
