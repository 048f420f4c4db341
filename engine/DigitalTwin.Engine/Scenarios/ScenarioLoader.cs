using DigitalTwin.Engine.IO;
using System.Text.Json;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// Reads a scenario file and the files it <c>extends</c> into one <see cref="Scenario"/>, collecting every problem
/// (unknown fields, wrong types, out-of-range values, unknown intervention types, missing files, unknown CBS
/// codes, extends cycles) instead of stopping at the first. Paths inside a file are relative to that file.
/// Inheritance: a child's values override its parent's, <c>parameters</c> merge by name, and the child's
/// interventions come after the parent's.
/// </summary>
public static partial class ScenarioLoader
{
    public const int MinDays = 1;
    public const int MaxDays = 365;
    public const int MinReplications = 1;
    public const int MaxReplications = 100;

    /// <summary>Map formats the importer reads.</summary>
    public static IReadOnlyList<string> MapExtensions { get; } = [".osm.pbf", ".osm", ".geojson", ".json"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads a scenario named by the user; the files it names must lie under <paramref name="inputs"/>' data root.</summary>
    public static InputResult<Scenario> Load(string path, ScenarioInputs? inputs = null) => Load(path, inputs, reached: false);

    /// <param name="reached">The file was named in another file (a sweep's scenario), not by the user: see <see cref="FileContext"/>.</param>
    internal static InputResult<Scenario> Load(string path, ScenarioInputs? inputs, bool reached)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<InputProblem>();
        string fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return InputResult<Scenario>.Failure(new InputProblem(path, string.Empty, "scenario file not found"));
        }
        inputs = WithRoot(inputs ?? ScenarioInputs.Default, fullPath);

        // Leaf first; each entry's parent follows it.
        var drafts = new List<ScenarioDraft>();
        var visited = new List<string> { fullPath };
        ScenarioDraft? draft = ReadDraft(fullPath, path, problems, inputs, reached);
        while (draft is not null)
        {
            drafts.Add(draft);
            if (draft.Extends is not { } parent)
            {
                break;
            }
            if (visited.Contains(parent, StringComparer.Ordinal))
            {
                string cycle = string.Join(" -> ", visited.Append(parent).Select(Path.GetFileName));
                problems.Add(draft.ExtendsOrigin.Problem($"extends cycle: {cycle}", "a scenario cannot extend itself, directly or through others"));
                break;
            }
            if (!File.Exists(parent))
            {
                problems.Add(draft.ExtendsOrigin.Problem($"extended scenario not found: {Display(parent)}"));
                break;
            }
            visited.Add(parent);
            draft = ReadDraft(parent, Display(parent), problems, inputs, reached: true);
        }
        if (drafts.Count == 0 || problems.Count > 0)
        {
            return InputResult<Scenario>.Failure(problems.Count > 0 ? problems : [new InputProblem(path, string.Empty, "could not be read")]);
        }
        return Merge(drafts, problems);
    }

    /// <summary>The inputs with their data root resolved for a file named on the command line: given, or the file's default.</summary>
    internal static ScenarioInputs WithRoot(ScenarioInputs inputs, string fullPath) => inputs with
    {
        DataRoot = (inputs.DataRoot is { } given ? DataRoot.RealPath(given) : null) ?? DataRoot.Of(fullPath),
    };

    private static InputResult<Scenario> Merge(List<ScenarioDraft> drafts, List<InputProblem> problems)
    {
        ScenarioDraft leaf = drafts[0];
        string? name = null;
        string? description = null;
        string? map = null;
        string? observations = null;
        IReadOnlyList<LonLat>? bounding = null;
        PopulationSpec? population = null;
        int? days = null;
        ulong? seed = null;
        int? replications = null;
        var parameters = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var interventions = new List<Intervention>();
        for (int i = drafts.Count - 1; i >= 0; i--)
        {
            ScenarioDraft d = drafts[i];
            name = d.Name ?? name;
            description = d.Description ?? description;
            map = d.Map ?? map;
            observations = d.Observations ?? observations;
            bounding = d.BoundingPolygon ?? bounding;
            population = d.Population ?? population;
            days = d.Days ?? days;
            seed = d.Seed ?? seed;
            replications = d.Replications ?? replications;
            foreach (KeyValuePair<string, double> pair in d.Parameters)
            {
                parameters[pair.Key] = pair.Value;
            }
            interventions.AddRange(d.Interventions);
        }
        const string Inherited = "not given here or in any scenario it extends";
        if (name is null)
        {
            problems.Add(leaf.Context.At("$.name").Problem($"is required: the scenario's name ({Inherited})"));
        }
        if (map is null)
        {
            problems.Add(leaf.Context.At("$.map").Problem($"is required: the map file, relative to the scenario ({Inherited})"));
        }
        if (population is null)
        {
            problems.Add(leaf.Context.At("$.population").Problem($"is required: {{\"cbs\": ...}} or {{\"explicit\": ...}} ({Inherited})"));
        }
        if (problems.Count > 0)
        {
            return InputResult<Scenario>.Failure(problems);
        }
        return InputResult<Scenario>.Success(new Scenario
        {
            Name = name!,
            Description = description ?? string.Empty,
            SourceFile = leaf.Context.File,
            ExtendsChain = [.. drafts.Skip(1).Select(d => d.Context.File)],
            Inputs = leaf.Context.Inputs,
            MapPath = map!,
            ObservationsPath = observations,
            BoundingPolygon = bounding,
            Population = population!,
            Days = days ?? Scenario.DefaultDays,
            Seed = seed ?? 0,
            Replications = replications ?? Scenario.DefaultReplications,
            Parameters = SimulationParameters.Default.With(parameters),
            ParameterOverrides = [.. parameters],
            Interventions = interventions,
        });
    }

    /// <summary>A scenario file is a few kilobytes; far more is the wrong file, and is not read to the end.</summary>
    internal const long MaxScenarioBytes = 16L << 20;

    /// <summary>
    /// A path from a scenario field, resolved against the scenario's folder; null, with the problem named, when the
    /// text cannot be a path (a NUL character, characters the file system refuses) or when it resolves, symbolic links
    /// followed, outside the data root (<see cref="ScenarioInputs"/>). The path returned is the one written, made
    /// absolute: opening it follows the same links that were checked here.
    /// </summary>
    internal static string? FullPathOf(FileContext context, string field, string relative)
    {
        if (relative.Contains('\0', StringComparison.Ordinal))
        {
            context.Error(field, "contains a NUL character, which no file path can hold");
            return null;
        }
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(context.Directory, relative));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            context.Error(field, "is not a usable file path: " + e.Message);
            return null;
        }
        string root = context.Inputs.DataRoot!;
        string shown = relative.Length > 60 ? relative[..60] + "…" : relative;
        if (DataRoot.RealPath(full) is not { } real)
        {
            context.Error(field, $"'{shown}' leads through a loop of symbolic links", "name the file itself");
            return null;
        }
        if (!DataRoot.Holds(root, real))
        {
            context.Error(field, $"'{shown}' resolves to {real}, outside the data root {root}",
                $"a scenario reads files only inside its data root: move the file into {root}, or {context.Inputs.WiderRoot}");
            return null;
        }
        return full;
    }

    /// <summary>
    /// Why the bytes are not a UTF-8 text, or null when they are. JSON is UTF-8 (RFC 8259); an editor that saved the
    /// file as UTF-16 or in a legacy code page (Windows-1252: "é" as one byte) is the usual cause, and the fix is to
    /// save it again as UTF-8.
    /// </summary>
    /// <summary>Why a JSON text cannot be read as text (a lone surrogate escape), or null when it can.</summary>
    internal static string? EscapeProblem(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOf("\\u"u8) < 0)
        {
            return null;
        }
        // JSON lets "\ud800" stand alone, but it is half of a character: System.Text.Json parses it and then throws
        // when the text is read, wherever that is. Found here, once, with where it is.
        string text = System.Text.Encoding.UTF8.GetString(utf8);
        var lone = LoneSurrogate().Match(text);
        if (!lone.Success)
        {
            return null;
        }
        int line = 1 + text.AsSpan(0, lone.Index).Count('\n');
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"line {line} holds '{lone.Value}', half of a UTF-16 character pair without its other half, which is no character: remove it or write the character itself");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogate();

    internal static string? EncodingProblem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "must be UTF-8, but is UTF-16: save it again as UTF-8";
        }
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }
        int line = 1, column = 1, at = 0;
        while (at < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                break;
            }
            if (bytes[at] == (byte)'\n')
            {
                line++;
                column = 0;
            }
            column++;
            at += consumed;
        }
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"must be UTF-8, but byte 0x{bytes[at]:X2} at line {line}, column {column} is not (a file saved in another encoding, e.g. Windows-1252): save it again as UTF-8");
    }

    private static ScenarioDraft? ReadDraft(string fullPath, string displayPath, List<InputProblem> problems, ScenarioInputs inputs, bool reached)
    {
        byte[]? bytes;
        try
        {
            bytes = IO.BoundedFile.ReadAllBytes(fullPath, MaxScenarioBytes);
        }
        catch (IOException e)
        {
            problems.Add(new InputProblem(displayPath, string.Empty, "cannot be read: " + e.Message));
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            problems.Add(new InputProblem(displayPath, string.Empty, "cannot be read: " + e.Message));
            return null;
        }
        if (bytes is null)
        {
            problems.Add(new InputProblem(displayPath, string.Empty,
                $"is larger than {IO.BoundedFile.Describe(MaxScenarioBytes)}; a scenario file is a few kilobytes (is this the right file?)"));
            return null;
        }
        ReadOnlySpan<byte> utf8 = bytes.AsSpan();
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        if ((EncodingProblem(utf8) ?? EscapeProblem(utf8)) is { } encoding)
        {
            problems.Add(new InputProblem(displayPath, string.Empty, encoding));
            return null;
        }
        JsonDocument document;
        JsonLineMap lines;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions);
            lines = JsonLineMap.Build(utf8, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            problems.Add(new InputProblem(displayPath, $"line {(e.LineNumber ?? 0) + 1}", "is not valid JSON at " + DecoderText.JsonInLine(e, quoting: !reached)));
            return null;
        }
        using (document)
        {
            var context = new FileContext(fullPath, displayPath, lines, problems, inputs, reached);
            return ReadScenario(context, document.RootElement);
        }
    }

    private static ScenarioDraft? ReadScenario(FileContext context, JsonElement root)
    {
        ObjectReader? reader = ObjectReader.Open(context, root, "$", ScenarioFormat.ScenarioShape);
        if (reader is null)
        {
            return null;
        }
        reader.String("$schema");
        var draft = new ScenarioDraft(context)
        {
            Name = NonEmpty(reader, "name"),
            Description = reader.String("description"),
            Days = reader.Integer("days", MinDays, MaxDays, "days"),
            Seed = reader.UnsignedLong("seed"),
            Replications = reader.Integer("replications", MinReplications, MaxReplications, "replications"),
            BoundingPolygon = reader.Points("boundingPolygon", 3),
        };
        string? extends = NonEmpty(reader, "extends");
        if (extends is not null)
        {
            draft.Extends = FullPathOf(context, "$.extends", extends);
            draft.ExtendsOrigin = context.At("$.extends");
        }
        draft.Map = ReadMap(reader);
        draft.Observations = ReadObservations(reader);
        if (reader.Get("population") is { } population)
        {
            draft.Population = ReadPopulation(context, population, "$.population");
        }
        if (reader.Get("parameters") is { } parameters)
        {
            ReadParameters(context, parameters, draft.Parameters);
        }
        if (reader.Get("interventions") is { } interventions)
        {
            if (interventions.ValueKind != JsonValueKind.Array)
            {
                context.Error("$.interventions", $"must be a list of interventions, got {context.Describe(interventions)}");
            }
            else
            {
                int index = 0;
                foreach (JsonElement item in interventions.EnumerateArray())
                {
                    Intervention? intervention = ReadIntervention(context, item, $"$.interventions[{index++}]");
                    if (intervention is not null)
                    {
                        draft.Interventions.Add(intervention);
                    }
                }
            }
        }
        return draft;
    }

    private static string? ReadMap(ObjectReader reader)
    {
        string? map = NonEmpty(reader, "map");
        if (map is null)
        {
            return null;
        }
        if (FullPathOf(reader.Context, "$.map", map) is not { } full)
        {
            return null;
        }
        if (!MapExtensions.Any(e => full.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            reader.Context.Error("$.map", $"'{map}' is not a map format the importer reads",
                "use " + string.Join(", ", MapExtensions));
            return null;
        }
        if (!File.Exists(full))
        {
            reader.Context.Error("$.map", $"map file not found: {map} (looked at {full})", "paths are relative to the scenario file");
            return null;
        }
        return full;
    }

    /// <summary>The observations layer: the file must exist and load cleanly, so a broken one is found before a run.</summary>
    private static string? ReadObservations(ObjectReader reader)
    {
        string? observations = NonEmpty(reader, "observations");
        if (observations is null || FullPathOf(reader.Context, "$.observations", observations) is not { } full)
        {
            return null;
        }
        var loaded = Observations.ObservationLoader.Load(full, observations);
        if (!loaded.Succeeded)
        {
            reader.Context.Problems.AddRange(loaded.Problems);
            return null;
        }
        return full;
    }

    private static void ReadParameters(FileContext context, JsonElement parameters, Dictionary<string, double> into)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            context.Error("$.parameters", $"must be an object of parameter overrides, got {context.Describe(parameters)}");
            return;
        }
        foreach (JsonProperty property in parameters.EnumerateObject())
        {
            string path = "$.parameters." + property.Name;
            if (!ParameterRegistry.All.TryGetValue(property.Name, out ParameterInfo? info))
            {
                context.Error(path, $"unknown model parameter '{property.Name}'",
                    Suggestions.DidYouMean(property.Name, ParameterRegistry.Names) ?? "see the parameter list in scenarios/README.md");
                continue;
            }
            if (property.Value.ValueKind != JsonValueKind.Number)
            {
                context.Error(path, $"must be {info.AllowedRange()}, got {context.Describe(property.Value)}");
                continue;
            }
            double value = property.Value.GetDouble();
            if (!info.Allows(value))
            {
                context.Error(path, $"must be {info.AllowedRange()}, got {property.Value.GetRawText()}", $"default {info.Default}; source: {info.Source}");
                continue;
            }
            if (!into.TryAdd(property.Name, value))
            {
                context.Error(path, "is given twice; keep one");
            }
        }
    }

    private static string? NonEmpty(ObjectReader reader, string name)
    {
        string? value = reader.String(name);
        if (value is not null && value.Trim().Length == 0)
        {
            reader.Context.Error(reader.Child(name), "must not be empty");
            return null;
        }
        return value;
    }

    private static string Display(string fullPath)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }

    /// <summary>Place kinds as scenario files write them: kebab-case of <see cref="PlaceKind"/>.</summary>
    internal static IReadOnlyDictionary<string, PlaceKind> PlaceKinds { get; } =
        Enum.GetValues<PlaceKind>().ToDictionary(k => Kebab(k.ToString()), k => k, StringComparer.Ordinal);

    internal static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>What one file says before inheritance: null means "not given here".</summary>
    private sealed class ScenarioDraft(FileContext context)
    {
        public FileContext Context { get; } = context;

        public string? Name { get; init; }

        public string? Description { get; init; }

        public string? Extends { get; set; }

        public SourceLocation ExtendsOrigin { get; set; }

        public string? Map { get; set; }

        public string? Observations { get; set; }

        public IReadOnlyList<LonLat>? BoundingPolygon { get; init; }

        public PopulationSpec? Population { get; set; }

        public int? Days { get; init; }

        public ulong? Seed { get; init; }

        public int? Replications { get; init; }

        public Dictionary<string, double> Parameters { get; } = new(StringComparer.Ordinal);

        public List<Intervention> Interventions { get; } = [];
    }
}
