using System.Text.Json.Nodes;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;
using Json.Schema;

namespace DigitalTwin.Engine.Tests.Scenarios;

/// <summary>The published schema, the loader and the bundled scenarios must agree, so none can drift.</summary>
public class ScenarioSchemaTests
{
    private static readonly string RepositoryRoot = FindRoot();
    private static readonly string SchemaPath = Path.Combine(RepositoryRoot, "scenarios", "scenario.schema.json");
    private static readonly JsonObject SchemaJson = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
    private static readonly JsonObject Defs = SchemaJson["$defs"]!.AsObject();

    public static TheoryData<string> BundledScenarios()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot, "scenarios"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal) && !f.EndsWith(".sweep.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Every_bundled_scenario_validates_against_the_schema(string file)
    {
        JsonSchema schema = JsonSchema.FromFile(SchemaPath);
        JsonNode scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, file)))!;

        EvaluationResults results = schema.Evaluate(scenario, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, string.Join("; ", results.Details
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Schema_and_loader_know_the_same_fields_for_every_object()
    {
        foreach ((string shape, IReadOnlySet<string> fields) in ScenarioFormat.Shapes.Select(p => (p.Key, (IReadOnlySet<string>)p.Value)))
        {
            JsonObject definition = Defs[shape]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"schema has no $defs/{shape}");
            Assert.Equal(fields.Order(StringComparer.Ordinal), definition["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.False(definition["additionalProperties"]!.GetValue<bool>(), $"{shape} must forbid unknown fields, as the loader does");
        }
        string[] schemaObjects = [.. Defs.Where(d => d.Value?["properties"] is not null && d.Value["additionalProperties"] is not null).Select(d => d.Key)];
        Assert.Equal(
            ScenarioFormat.Shapes.Keys.Append("parameters").Order(StringComparer.Ordinal),
            schemaObjects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_lists_every_intervention_type()
    {
        Assert.Equal(InterventionRegistry.TypeNames, Defs["intervention"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public void Schema_parameters_match_the_registry_with_ranges_and_defaults()
    {
        JsonObject properties = Defs["parameters"]!["properties"]!.AsObject();

        Assert.Equal(ParameterRegistry.Names, properties.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (ParameterInfo info in ParameterRegistry.All.Values)
        {
            JsonNode property = properties[info.Name]!;
            Assert.Equal((info.Min, info.Max, info.Default),
                (property["minimum"]!.GetValue<double>(), property["maximum"]!.GetValue<double>(), property["default"]!.GetValue<double>()));
            Assert.Equal(info.IsInteger ? "integer" : "number", property["type"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_schema_refuses_unknown_and_out_of_range_parameters()
    {
        JsonSchema schema = JsonSchema.FromFile(SchemaPath);
        JsonObject scenario = ScenarioBuilder.ValidScenario();
        scenario["parameters"] = new JsonObject { ["routing.turnPenaltyMetres"] = 40, ["population.employmentRate.youth"] = 0.5 };
        Assert.True(schema.Evaluate(scenario).IsValid);

        scenario["parameters"] = new JsonObject { ["turnPenaltyMetres"] = 40 };
        Assert.False(schema.Evaluate(scenario).IsValid);
        scenario["parameters"] = new JsonObject { ["routing.turnPenaltyMetres"] = -5 };
        Assert.False(schema.Evaluate(scenario).IsValid);
        scenario["parameters"] = new JsonObject { ["familiarity.familiarStrangerDays"] = 2.5 };
        Assert.False(schema.Evaluate(scenario).IsValid);
    }

    [Fact]
    public void The_schema_rejects_what_the_loader_rejects()
    {
        JsonSchema schema = JsonSchema.FromFile(SchemaPath);
        JsonObject scenario = ScenarioBuilder.ValidScenario();
        Assert.True(schema.Evaluate(scenario).IsValid);

        scenario["dayz"] = 3;
        Assert.False(schema.Evaluate(scenario).IsValid);
        scenario.Remove("dayz");
        scenario["interventions"] = new JsonArray(new JsonObject
        {
            ["type"] = "widen-pavement", ["streets"] = new JsonObject { ["name"] = "Mekelweg" }, ["widthMetres"] = -2,
        });
        Assert.False(schema.Evaluate(scenario).IsValid);
        scenario.Remove("interventions");
        scenario["population"] = new JsonObject
        {
            ["explicit"] = new JsonObject { ["residents"] = 100, ["households"] = 40, ["averageHouseholdSize"] = 2.5 },
        };
        Assert.False(schema.Evaluate(scenario).IsValid);
        scenario["population"] = new JsonObject { ["explicit"] = new JsonObject { ["residents"] = 100, ["singlePersonHouseholdShare"] = 0.4 } };
        Assert.False(schema.Evaluate(scenario).IsValid);
        scenario["population"] = new JsonObject { ["explicit"] = new JsonObject { ["residents"] = 100 } };
        Assert.True(schema.Evaluate(scenario).IsValid);
    }

    [Fact]
    public void The_bundled_baseline_loads()
    {
        string baseline = Path.Combine(RepositoryRoot, "scenarios", "delft-wippolder", "baseline.json");
        InputResult<Scenario> result = ScenarioLoader.Load(baseline);

        if (File.Exists(Path.Combine(RepositoryRoot, "scenarios", "data", "osm", "delft-wippolder-2025.osm.pbf")))
        {
            Scenario scenario = result.Unwrap();
            Assert.Equal((28, 5), (scenario.Days, scenario.Replications));
            Assert.InRange(scenario.Population.Profile.Residents, 6_000, 8_000);
        }
        else
        {
            // Until the OSM data is bundled, the map is the only thing allowed to be missing.
            Assert.StartsWith("$.map", Assert.Single(result.Problems).Field, StringComparison.Ordinal);
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalTwin.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("DigitalTwin.sln not found above " + AppContext.BaseDirectory);
    }
}
