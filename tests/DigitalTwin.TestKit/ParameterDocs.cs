using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.TestKit;

/// <summary>
/// The two documents generated from <see cref="ParameterRegistry"/>: the <c>parameters</c> definition of
/// <c>scenarios/scenario.schema.json</c> and the parameter table of <c>scenarios/README.md</c>. Agreement tests compare
/// the files with these; <see cref="Update"/> rewrites them (run the tests with <see cref="UpdateVariable"/>=1).
/// </summary>
internal static class ParameterDocs
{
    /// <summary>Set this environment variable to 1 and the documentation tests rewrite the files before comparing.</summary>
    public const string UpdateVariable = "TWIN_UPDATE_PARAMETER_DOCS";

    public const string TableBegin = "<!-- parameter table: generated from the engine's ParameterRegistry by tests/DigitalTwin.TestKit/ParameterDocs.cs -->";

    public const string TableEnd = "<!-- end of parameter table -->";

    public static string SchemaPath => Path.Combine(RepositoryFiles.Root, "scenarios", "scenario.schema.json");

    public static string ReadmePath => Path.Combine(RepositoryFiles.Root, "scenarios", "README.md");

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The schema's <c>$defs/parameters</c>: a flat object of dotted names, nothing else allowed.</summary>
    public static JsonObject SchemaDefinition()
    {
        var properties = new JsonObject();
        foreach (string name in ParameterRegistry.Names)
        {
            ParameterInfo info = ParameterRegistry.All[name];
            properties[name] = new JsonObject
            {
                ["type"] = info.IsInteger ? "integer" : "number",
                ["minimum"] = info.Min,
                ["maximum"] = info.Max,
                ["default"] = info.Default,
                ["description"] = info.Unit.Length > 0 ? $"{info.Unit}. {info.Source}" : info.Source,
            };
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["description"] = "Model parameter overrides by group.name (see the table in scenarios/README.md); generated from the engine's ParameterRegistry.",
            ["properties"] = properties,
        };
    }

    /// <summary>The README table: name, default, unit, range and source of every parameter, in name order.</summary>
    public static string ReadmeTable()
    {
        var table = new StringBuilder();
        table.Append("| Parameter | Default | Unit | Range | Source or reasoning |\n");
        table.Append("|---|---|---|---|---|\n");
        foreach (string name in ParameterRegistry.Names)
        {
            ParameterInfo info = ParameterRegistry.All[name];
            string range = string.Create(CultureInfo.InvariantCulture, $"{info.Min} – {info.Max}{(info.IsInteger ? ", whole" : string.Empty)}");
            table.Append(CultureInfo.InvariantCulture,
                $"| `{name}` | {info.Default.ToString(CultureInfo.InvariantCulture)} | {info.Unit} | {range} | {info.Source.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }
        return table.ToString();
    }

    /// <summary>The schema file with its parameters definition replaced by <see cref="SchemaDefinition"/>.</summary>
    public static string SchemaText()
    {
        JsonObject schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        schema["$defs"]!["parameters"] = SchemaDefinition();
        return schema.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The README with the text between the table markers replaced by <see cref="ReadmeTable"/>.</summary>
    public static string ReadmeText()
    {
        string readme = File.ReadAllText(ReadmePath);
        int begin = readme.IndexOf(TableBegin, StringComparison.Ordinal);
        int end = readme.IndexOf(TableEnd, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"{ReadmePath} lacks the parameter table markers.");
        }
        int tableStart = begin + TableBegin.Length;
        return readme[..tableStart] + "\n" + ReadmeTable() + readme[end..];
    }

    /// <summary>Rewrites both files from the registry.</summary>
    public static void Update()
    {
        File.WriteAllText(SchemaPath, SchemaText());
        File.WriteAllText(ReadmePath, ReadmeText());
    }
}
