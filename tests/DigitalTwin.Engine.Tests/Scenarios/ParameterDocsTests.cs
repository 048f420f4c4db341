using System.Text.Json.Nodes;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

/// <summary>
/// The schema's parameters and the README's table are generated from the registry and must match it. To refresh them
/// after changing a parameter, run these tests with TWIN_UPDATE_PARAMETER_DOCS=1.
/// </summary>
[Collection(GeneratedDocs.Collection)]
public class ParameterDocsTests
{
    private const string HowToFix = "generated parameter docs are stale: run the ParameterDocs tests with TWIN_UPDATE_PARAMETER_DOCS=1";

    static ParameterDocsTests()
    {
        if (ParameterDocs.UpdateRequested)
        {
            ParameterDocs.Update();
        }
    }

    [Fact]
    public void The_schema_file_holds_the_generated_parameters_definition()
    {
        JsonNode schema = JsonNode.Parse(File.ReadAllText(ParameterDocs.SchemaPath))!;

        Assert.True(JsonNode.DeepEquals(ParameterDocs.SchemaDefinition(), schema["$defs"]!["parameters"]), HowToFix);
    }

    [Fact]
    public void The_readme_holds_the_generated_parameter_table()
    {
        string readme = File.ReadAllText(ParameterDocs.ReadmePath).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.True(readme.Contains(ParameterDocs.TableBegin + "\n" + ParameterDocs.ReadmeTable() + ParameterDocs.TableEnd, StringComparison.Ordinal), HowToFix);
    }

    [Fact]
    public void The_table_has_a_row_for_every_parameter_and_nothing_else()
    {
        string[] rows = ParameterDocs.ReadmeTable().Split('\n', StringSplitOptions.RemoveEmptyEntries)[2..];

        Assert.Equal(ParameterRegistry.Names.Select(n => $"| `{n}` |"), rows.Select(r => r[..(r.IndexOf('`', 3) + 3)]));
    }
}
