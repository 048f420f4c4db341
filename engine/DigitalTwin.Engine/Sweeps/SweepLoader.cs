using DigitalTwin.Engine.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Sweeps;

/// <summary>
/// Reads a sweep file (README, "Sweeps"): base scenarios, parameter ranges by the names a scenario's
/// <c>parameters</c> block uses, the sampling design, seeds and days. Like <see cref="ScenarioLoader"/> it collects
/// every problem (file, field, line, what is allowed, the nearest parameter name) instead of stopping at the first.
/// </summary>
public static class SweepLoader
{
    public const int MaxSeeds = 1_000;

    /// <summary>More runs than this is a typo in draws or seeds, not a sweep.</summary>
    public const long MaxRuns = 1_000_000;

    private static readonly HashSet<string> RootFields = ["$schema", "name", "description", "scenarios", "parameters", "design", "seeds", "days"];
    private static readonly HashSet<string> RangeFields = ["min", "max", "scale"];
    private static readonly HashSet<string> DesignFields = ["method", "draws", "seed"];
    private static readonly HashSet<string> SeedsFields = ["first", "count"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Loads a sweep file; its scenarios, and every file they name, must lie under <paramref name="inputs"/>' data root
    /// (by default the sweep file's: the nearest folder above it with <c>scenario.schema.json</c>, else its own).
    /// </summary>
    public static InputResult<SweepDefinition> Load(string path, ScenarioInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return InputResult<SweepDefinition>.Failure(new InputProblem(path, string.Empty, "sweep file not found"));
        }
        inputs = ScenarioLoader.WithRoot(inputs ?? ScenarioInputs.Default, fullPath);
        byte[]? bytes;
        try
        {
            bytes = IO.BoundedFile.ReadAllBytes(fullPath, ScenarioLoader.MaxScenarioBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputResult<SweepDefinition>.Failure(new InputProblem(path, string.Empty, "cannot be read: " + e.Message));
        }
        if (bytes is null)
        {
            return InputResult<SweepDefinition>.Failure(new InputProblem(path, string.Empty,
                $"is larger than {IO.BoundedFile.Describe(ScenarioLoader.MaxScenarioBytes)}; a sweep file is a few kilobytes (is this the right file?)"));
        }
        ReadOnlySpan<byte> utf8 = bytes.AsSpan();
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        if ((ScenarioLoader.EncodingProblem(utf8) ?? ScenarioLoader.EscapeProblem(utf8)) is { } encoding)
        {
            return InputResult<SweepDefinition>.Failure(new InputProblem(path, string.Empty, encoding));
        }
        JsonDocument document;
        JsonLineMap lines;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions);
            lines = JsonLineMap.Build(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            string message = DecoderText.JsonInLine(e);
            return InputResult<SweepDefinition>.Failure(new InputProblem(path, $"line {(e.LineNumber ?? 0) + 1}", "is not valid JSON at " + message));
        }
        var problems = new List<InputProblem>();
        using (document)
        {
            var context = new FileContext(fullPath, path, lines, problems, inputs, reached: false);
            var definition = Read(context, document.RootElement);
            return definition is not null && problems.Count == 0
                ? InputResult<SweepDefinition>.Success(definition)
                : InputResult<SweepDefinition>.Failure(problems.Count > 0 ? problems : [new InputProblem(path, string.Empty, "could not be read")]);
        }
    }

    private static SweepDefinition? Read(FileContext context, JsonElement root)
    {
        ObjectReader? reader = ObjectReader.Open(context, root, "$", RootFields);
        if (reader is null)
        {
            return null;
        }
        reader.String("$schema");
        reader.String("description");
        string name = reader.String("name") ?? Path.GetFileNameWithoutExtension(context.File);
        var scenarios = ReadScenarios(context, reader.Get("scenarios"));
        var ranges = ReadRanges(context, reader.Get("parameters"));
        var design = ReadDesign(context, reader.Get("design"), ranges?.Count ?? 0);
        int? days = reader.Integer("days", ScenarioLoader.MinDays, ScenarioLoader.MaxDays, "days");
        var (first, count) = ReadSeeds(context, reader.Get("seeds"));
        if (scenarios is null || ranges is null || design is null || context.Problems.Count > 0)
        {
            return null;
        }
        ulong firstSeed = first ?? scenarios[0].Scenario.Seed;
        if ((ulong)(count - 1) > ulong.MaxValue - firstSeed)
        {
            context.Error("$.seeds.first", string.Create(CultureInfo.InvariantCulture, $"{firstSeed} + {count - 1} seeds run past {ulong.MaxValue}"));
            return null;
        }
        var definition = new SweepDefinition(name, context.File, scenarios, ranges, design,
            [.. Enumerable.Range(0, count).Select(r => firstSeed + (ulong)r)], days ?? scenarios[0].Scenario.Days);
        if ((long)scenarios.Count * design.Draws * count > MaxRuns)
        {
            context.Error("$.design.draws", string.Create(CultureInfo.InvariantCulture,
                $"{scenarios.Count} scenario(s) × {design.Draws} draws × {count} seeds is {(long)scenarios.Count * design.Draws * count:N0} runs, more than {MaxRuns:N0}"),
                "check draws and seeds.count");
            return null;
        }
        return definition;
    }

    private static List<SweepScenario>? ReadScenarios(FileContext context, JsonElement? element)
    {
        const string Field = "$.scenarios";
        if (element is null)
        {
            context.Error(Field, "is required: a list of scenario files (paths relative to the sweep file), e.g. [\"../scenarios/delft-wippolder/baseline.json\"]");
            return null;
        }
        if (element.Value.ValueKind != JsonValueKind.Array || element.Value.GetArrayLength() == 0)
        {
            context.Error(Field, $"must be a non-empty list of scenario files (paths relative to the sweep file), got {context.Describe(element.Value)}");
            return null;
        }
        var scenarios = new List<SweepScenario>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        bool ok = true;
        foreach (JsonElement item in element.Value.EnumerateArray())
        {
            string field = $"{Field}[{index++}]";
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                context.Error(field, $"must be the path of a scenario file, got {context.Describe(item)}");
                ok = false;
                continue;
            }
            string written = item.GetString()!;
            string? full = ScenarioLoader.FullPathOf(context, field, written);
            if (full is null)
            {
                ok = false;
                continue;
            }
            if (!File.Exists(full))
            {
                context.Error(field, $"base scenario not found: {written} (looked for {full})", "paths are relative to the sweep file's folder");
                ok = false;
                continue;
            }
            var loaded = ScenarioLoader.Load(full, context.Inputs, reached: true);
            if (!loaded.Succeeded)
            {
                context.Problems.AddRange(loaded.Problems);
                ok = false;
                continue;
            }
            var scenario = loaded.Unwrap();
            scenarios.Add(new SweepScenario(written, scenario, UniqueSlug(scenario.Name, used)));
        }
        return ok ? scenarios : null;
    }

    private static List<ParameterRange>? ReadRanges(FileContext context, JsonElement? element)
    {
        const string Field = "$.parameters";
        const string Example = "e.g. {\"attention.noticeBaseProbability\": {\"min\": 0.2, \"max\": 0.6}}";
        if (element is null)
        {
            context.Error(Field, $"is required: the parameters to vary, each with a range, {Example}");
            return null;
        }
        if (element.Value.ValueKind != JsonValueKind.Object)
        {
            context.Error(Field, $"must be an object of parameter ranges, {Example}; got {context.Describe(element.Value)}");
            return null;
        }
        var ranges = new List<ParameterRange>();
        bool ok = true;
        foreach (JsonProperty property in element.Value.EnumerateObject())
        {
            string field = $"{Field}.{property.Name}";
            if (!ParameterRegistry.All.TryGetValue(property.Name, out ParameterInfo? info))
            {
                context.Error(field, $"unknown model parameter '{property.Name}'",
                    Suggestions.DidYouMean(property.Name, ParameterRegistry.Names) ?? "the names are those of a scenario's parameters block: see the parameter list in scenarios/README.md");
                ok = false;
                continue;
            }
            var range = ReadRange(context, property.Value, field, info);
            ok &= range is not null;
            if (range is not null)
            {
                ranges.Add(range);
            }
        }
        if (ok && ranges.Count == 0)
        {
            context.Error(Field, $"is empty: a sweep varies at least one parameter, {Example}",
                "to repeat a scenario over seeds with fixed parameters, use twin compare --replications");
            return null;
        }
        return ok ? ranges : null;
    }

    private static ParameterRange? ReadRange(FileContext context, JsonElement element, string field, ParameterInfo info)
    {
        var reader = ObjectReader.Open(context, element, field, RangeFields);
        if (reader is null)
        {
            return null;
        }
        int before = context.Problems.Count;
        string allowed = info.AllowedRange();
        double? min = Bound(reader, "min", info, allowed);
        double? max = Bound(reader, "max", info, allowed);
        string? scaleText = reader.String("scale", what: "\"linear\" or \"log\"");
        var scale = RangeScale.Linear;
        if (scaleText is not null)
        {
            switch (scaleText)
            {
                case "linear":
                    break;
                case "log":
                    scale = RangeScale.Log;
                    break;
                default:
                    context.Error(reader.Child("scale"), $"must be \"linear\" or \"log\", got \"{scaleText}\"");
                    break;
            }
        }
        if (min is not null && max is not null)
        {
            if (min > max)
            {
                context.Error(reader.Child("min"), string.Create(CultureInfo.InvariantCulture, $"{min} is above max {max}"), "min is the low end of the range");
            }
            if (scale == RangeScale.Log && min <= 0)
            {
                context.Error(reader.Child("scale"), string.Create(CultureInfo.InvariantCulture, $"\"log\" needs min above 0, got {min}"), "use \"linear\", or a min above 0");
            }
            if (scale == RangeScale.Log && info.IsInteger)
            {
                context.Error(reader.Child("scale"), "\"log\" is for continuous parameters; this one takes whole numbers", "leave scale out");
            }
        }
        return context.Problems.Count == before && min is not null && max is not null
            ? new ParameterRange(info.Name, min.Value, max.Value, scale, info.IsInteger, info.Default, info.Unit)
            : null;
    }

    private static double? Bound(ObjectReader reader, string name, ParameterInfo info, string allowed)
    {
        JsonElement? value = reader.Get(name);
        string field = reader.Child(name);
        if (value is null)
        {
            reader.Missing(name, $"{allowed} (the parameter's allowed range; default {info.Default.ToString(CultureInfo.InvariantCulture)})");
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.Number || !info.Allows(value.Value.GetDouble()))
        {
            reader.Context.Error(field, $"must be {allowed} (the parameter's allowed range), got {value.Value.GetRawText()}",
                $"default {info.Default.ToString(CultureInfo.InvariantCulture)}; source: {info.Source}");
            return null;
        }
        return value.Value.GetDouble();
    }

    private static SweepDesign? ReadDesign(FileContext context, JsonElement? element, int dimensions)
    {
        if (element is null)
        {
            context.Error("$.design", "is required: {\"method\": \"latin-hypercube\" or \"sobol\", \"draws\": N, \"seed\": N}");
            return null;
        }
        var reader = ObjectReader.Open(context, element.Value, "$.design", DesignFields);
        if (reader is null)
        {
            return null;
        }
        string? methodText = reader.String("method", required: true, what: "\"latin-hypercube\" or \"sobol\"");
        int? draws = reader.Integer("draws", 1, SweepDesign.MaxDraws, "draws", required: true);
        ulong seed = reader.UnsignedLong("seed") ?? 1;
        SamplingMethod? method = methodText switch
        {
            null => null,
            "latin-hypercube" => SamplingMethod.LatinHypercube,
            "sobol" => SamplingMethod.Sobol,
            _ => null,
        };
        if (methodText is not null && method is null)
        {
            context.Error(reader.Child("method"), $"must be \"latin-hypercube\" or \"sobol\", got \"{methodText}\"",
                Suggestions.DidYouMean(methodText, ["latin-hypercube", "sobol"]));
        }
        if (method == SamplingMethod.Sobol && dimensions > SobolSequence.MaxDimensions)
        {
            context.Error(reader.Child("method"), string.Create(CultureInfo.InvariantCulture,
                $"\"sobol\" takes up to {SobolSequence.MaxDimensions} parameters here, and the sweep has {dimensions}"), "use \"latin-hypercube\"");
            return null;
        }
        return method is null || draws is null ? null : new SweepDesign(method.Value, draws.Value, seed);
    }

    private static (ulong? First, int Count) ReadSeeds(FileContext context, JsonElement? element)
    {
        if (element is null)
        {
            return (null, 1);
        }
        var reader = ObjectReader.Open(context, element.Value, "$.seeds", SeedsFields);
        if (reader is null)
        {
            return (null, 1);
        }
        return (reader.UnsignedLong("first"), reader.Integer("count", 1, MaxSeeds, "seeds per draw") ?? 1);
    }

    /// <summary>File-name-safe, unique labels from scenario names: lower-case letters and digits joined by dashes; a repeat gets -2, -3, ….</summary>
    private static string UniqueSlug(string name, HashSet<string> used)
    {
        var slug = new StringBuilder();
        foreach (char ch in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(ch);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        string baseSlug = slug.ToString().Trim('-');
        baseSlug = baseSlug.Length == 0 ? "scenario" : baseSlug;
        string candidate = baseSlug;
        for (int k = 2; !used.Add(candidate); k++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{k}");
        }
        return candidate;
    }
}
