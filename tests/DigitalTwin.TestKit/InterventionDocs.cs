using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.TestKit;

/// <summary>
/// The two documents generated from the engine's <c>InterventionRegistry</c>: the intervention and place definitions
/// of <c>scenarios/scenario.schema.json</c> and the intervention types section of <c>scenarios/README.md</c>.
/// Agreement tests compare the files with these; <see cref="Update"/> rewrites them (run the tests with
/// <see cref="UpdateVariable"/>=1). The rest of the schema is written by hand.
/// </summary>
internal static class InterventionDocs
{
    /// <summary>Set this environment variable to 1 and the documentation tests rewrite the files before comparing.</summary>
    public const string UpdateVariable = "TWIN_UPDATE_INTERVENTION_DOCS";

    public const string SectionBegin = "<!-- intervention types: generated from the engine's InterventionRegistry by tests/DigitalTwin.TestKit/InterventionDocs.cs -->";

    public const string SectionEnd = "<!-- end of intervention types -->";

    private const string NoteDescription = "Your own words for this change, shown in reports.";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Whether the schema's <c>$defs</c> entry of this name is generated here.</summary>
    public static bool IsGenerated(string definition) =>
        definition is ScenarioFormat.PlaceShape or "intervention" || definition.StartsWith(ScenarioFormat.InterventionShape(string.Empty), StringComparison.Ordinal);

    /// <summary>The generated <c>$defs</c> entries in file order: place, one per intervention type, then the dispatch on <c>type</c>.</summary>
    public static JsonObject SchemaDefinitions()
    {
        var definitions = new JsonObject
        {
            [ScenarioFormat.PlaceShape] = ObjectSchema(PlaceSpec.Fields, new JsonObject(), [], "A place that an intervention adds."),
        };
        foreach (InterventionType type in InterventionRegistry.Types)
        {
            var common = new JsonObject
            {
                ["type"] = new JsonObject { ["const"] = type.Name },
                ["note"] = new JsonObject { ["type"] = "string", ["description"] = NoteDescription },
            };
            definitions[ScenarioFormat.InterventionShape(type.Name)] = ObjectSchema(type.Fields, common, ["type"], type.Description);
        }
        definitions["intervention"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("type"),
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["enum"] = new JsonArray([.. InterventionRegistry.TypeNames.Select(n => JsonValue.Create(n))]) },
            },
            ["allOf"] = new JsonArray([.. InterventionRegistry.TypeNames.Select(n => new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = n } },
                    ["required"] = new JsonArray("type"),
                },
                ["then"] = new JsonObject { ["$ref"] = "#/$defs/" + ScenarioFormat.InterventionShape(n) },
            })]),
        };
        return definitions;
    }

    /// <summary>The README section: a table of the types, then each type's fields, then the fields of a place.</summary>
    public static string ReadmeSection()
    {
        var text = new StringBuilder();
        text.Append("| type | what it does |\n|---|---|\n");
        foreach (InterventionType type in InterventionRegistry.Types)
        {
            text.Append($"| [`{type.Name}`](#{type.Name}) | {Cell(type.Description)} |\n");
        }
        foreach (InterventionType type in InterventionRegistry.Types)
        {
            text.Append($"\n### `{type.Name}`\n\n");
            FieldTable(text, type.Fields);
        }
        text.Append("\n### Places\n\nA place in the `places` of `mixed-use`; `new-place` takes the same fields beside its `point`.\n\n");
        FieldTable(text, PlaceSpec.Fields);
        text.Append($"\nPlace kinds: {string.Join(", ", PlaceSpec.KindField.Words)}.\n");
        return text.ToString();
    }

    /// <summary>The schema file with its generated definitions replaced, where the first of them stood.</summary>
    public static string SchemaText()
    {
        JsonObject schema = JsonNode.Parse(File.ReadAllText(ParameterDocs.SchemaPath))!.AsObject();
        JsonObject generated = SchemaDefinitions();
        var definitions = new JsonObject();
        bool placed = false;
        foreach ((string name, JsonNode? value) in schema["$defs"]!.AsObject())
        {
            if (IsGenerated(name) || name == "parameters")
            {
                if (!placed)
                {
                    foreach ((string generatedName, JsonNode? definition) in generated)
                    {
                        definitions[generatedName] = definition!.DeepClone();
                    }
                    placed = true;
                }
                if (IsGenerated(name))
                {
                    continue;
                }
            }
            definitions[name] = value?.DeepClone();
        }
        schema["$defs"] = definitions;
        return schema.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The README with the text between the section markers replaced by <see cref="ReadmeSection"/>.</summary>
    public static string ReadmeText()
    {
        string readme = File.ReadAllText(ParameterDocs.ReadmePath);
        int begin = readme.IndexOf(SectionBegin, StringComparison.Ordinal);
        int end = readme.IndexOf(SectionEnd, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"{ParameterDocs.ReadmePath} lacks the intervention types markers.");
        }
        int sectionStart = begin + SectionBegin.Length;
        return readme[..sectionStart] + "\n" + ReadmeSection() + readme[end..];
    }

    /// <summary>Rewrites both files from the registry.</summary>
    public static void Update()
    {
        File.WriteAllText(ParameterDocs.SchemaPath, SchemaText());
        File.WriteAllText(ParameterDocs.ReadmePath, ReadmeText());
    }

    private static JsonObject ObjectSchema(IReadOnlyList<InterventionField> fields, JsonObject properties, List<string> required, string description)
    {
        foreach (InterventionField field in fields)
        {
            properties[field.Name] = field.Schema();
            if (field.Required)
            {
                required.Add(field.Name);
            }
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
            ["required"] = new JsonArray([.. required.Select(r => JsonValue.Create(r))]),
            ["description"] = description,
        };
    }

    private static void FieldTable(StringBuilder text, IReadOnlyList<InterventionField> fields)
    {
        text.Append("| field | value | required or default | meaning |\n|---|---|---|---|\n");
        foreach (InterventionField field in fields)
        {
            text.Append($"| `{field.Name}` | {Cell(field.Value)} | {Cell(field.Presence)} | {Cell(field.Description)} |\n");
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
