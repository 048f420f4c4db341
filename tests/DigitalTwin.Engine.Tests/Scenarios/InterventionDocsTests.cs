using System.Text.Json.Nodes;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

/// <summary>
/// The schema's intervention and place definitions and the README's intervention types are generated from the
/// registry and must match it. To refresh them after adding or changing a type, run these tests with
/// TWIN_UPDATE_INTERVENTION_DOCS=1.
/// </summary>
[Collection(GeneratedDocs.Collection)]
public class InterventionDocsTests
{
    private const string HowToFix = "generated intervention docs are stale: run the InterventionDocs tests with TWIN_UPDATE_INTERVENTION_DOCS=1";

    static InterventionDocsTests()
    {
        if (InterventionDocs.UpdateRequested)
        {
            InterventionDocs.Update();
        }
    }

    [Fact]
    public void The_schema_file_holds_the_generated_definitions_and_no_others()
    {
        JsonObject definitions = JsonNode.Parse(File.ReadAllText(ParameterDocs.SchemaPath))!["$defs"]!.AsObject();
        JsonObject generated = InterventionDocs.SchemaDefinitions();

        Assert.Equal(generated.Select(d => d.Key), definitions.Select(d => d.Key).Where(InterventionDocs.IsGenerated));
        Assert.All(generated, d => Assert.True(JsonNode.DeepEquals(d.Value, definitions[d.Key]), $"$defs/{d.Key}: {HowToFix}"));
    }

    [Fact]
    public void The_readme_holds_the_generated_intervention_types()
    {
        string readme = File.ReadAllText(ParameterDocs.ReadmePath).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.True(readme.Contains(InterventionDocs.SectionBegin + "\n" + InterventionDocs.ReadmeSection() + InterventionDocs.SectionEnd, StringComparison.Ordinal), HowToFix);
    }

    [Fact]
    public void Every_type_has_a_description_and_distinct_described_fields_besides_type_and_note()
    {
        Assert.Equal(InterventionRegistry.TypeNames.Count, InterventionRegistry.TypeNames.Distinct(StringComparer.Ordinal).Count());
        foreach (InterventionType type in InterventionRegistry.Types)
        {
            string[] names = [.. type.Fields.Select(f => f.Name)];
            Assert.False(string.IsNullOrWhiteSpace(type.Description), type.Name);
            Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain("type", names);
            Assert.DoesNotContain("note", names);
            Assert.All(type.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{type.Name}.{f.Name}"));
        }
    }
}
