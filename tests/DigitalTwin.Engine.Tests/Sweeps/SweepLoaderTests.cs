using System.Text.Json.Nodes;
using DigitalTwin.Engine.Sweeps;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Sweeps;

/// <summary>Reading sweep files: what a valid one gives, and every mistake named by file, field and what is allowed.</summary>
public sealed class SweepLoaderTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public SweepLoaderTests() => _files.Write("baseline.json");

    public void Dispose() => _files.Dispose();

    private static JsonObject Valid() => new()
    {
        ["name"] = "attention",
        ["scenarios"] = new JsonArray("baseline.json"),
        ["parameters"] = new JsonObject
        {
            ["attention.noticeRatePerSecond"] = new JsonObject { ["min"] = 0.2, ["max"] = 1.0, ["scale"] = "log" },
            ["familiarity.familiarStrangerDays"] = new JsonObject { ["min"] = 2, ["max"] = 5 },
        },
        ["design"] = new JsonObject { ["method"] = "latin-hypercube", ["draws"] = 4, ["seed"] = 5 },
        ["seeds"] = new JsonObject { ["count"] = 2 },
        ["days"] = 1,
    };

    private InputResult<SweepDefinition> Load(JsonObject sweep) => SweepLoader.Load(_files.WriteText("sweep.json", sweep.ToJsonString()));

    private InputProblem OnlyProblem(JsonObject sweep) => Assert.Single(Load(sweep).Problems);

    [Fact]
    public void A_valid_sweep_gives_scenarios_times_draws_times_seeds_runs_with_the_scenario_seed_first()
    {
        var sweep = Load(Valid()).Unwrap();

        Assert.Equal(1 * 4 * 2, sweep.RunCount);
        Assert.Equal([42UL, 43UL], sweep.Seeds);
        Assert.Equal(1, sweep.Days);
        var runs = sweep.Runs();
        Assert.Equal(["test-d0-s42", "test-d0-s43", "test-d1-s42"], runs.Take(3).Select(r => r.Id));
        Assert.Equal(runs.Count, runs.Select(r => r.Id).Distinct().Count());
        Assert.All(runs, r => Assert.InRange(r.Values[0], 0.2, 1.0));
        Assert.All(runs, r => Assert.Contains(r.Values[1], new[] { 2.0, 3, 4, 5 }));
    }

    [Fact]
    public void A_run_scenario_has_the_drawn_values_the_seed_and_the_days_and_keeps_the_scenario_own_overrides()
    {
        _files.Parameter("encounters.socialDistanceMetres", 3).Write("baseline.json");
        var sweep = Load(Valid()).Unwrap();
        var run = sweep.Runs()[3];

        var scenario = sweep.ScenarioOf(run);

        Assert.Equal((run.Seed, 1), (scenario.Seed, scenario.Days));
        Assert.Equal(run.Values[0], scenario.Parameters.Attention.NoticeRatePerSecond);
        Assert.Equal((int)run.Values[1], scenario.Parameters.Familiarity.FamiliarStrangerDays);
        Assert.Equal(3, scenario.Parameters.Encounters.SocialDistanceMetres);
        Assert.Equal(["attention.noticeRatePerSecond", "encounters.socialDistanceMetres", "familiarity.familiarStrangerDays"],
            scenario.ParameterOverrides.Select(p => p.Key));
    }

    [Fact]
    public void The_bundled_example_sweep_loads()
    {
        string file = Path.Combine(RepositoryFiles.Root, "scenarios", "delft-wippolder", "attention.sweep.json");

        var sweep = SweepLoader.Load(file);

        Assert.True(sweep.Succeeded, string.Join("\n", sweep.Problems));
        Assert.Equal(16, sweep.Unwrap().RunCount);
        Assert.Equal("Delft-Wippolder baseline", sweep.Unwrap().Scenarios[0].Scenario.Name);
    }

    [Fact]
    public void An_unknown_parameter_is_named_with_the_nearest_one()
    {
        var sweep = Valid();
        sweep["parameters"]!["attention.noticeRatePerSecnd"] = new JsonObject { ["min"] = 0.2, ["max"] = 1.0 };

        var problem = OnlyProblem(sweep);

        Assert.Equal("$.parameters.attention.noticeRatePerSecnd (line 1)", problem.Field);
        Assert.EndsWith("sweep.json", problem.File, StringComparison.Ordinal);
        Assert.Contains("unknown model parameter", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'attention.noticeRatePerSecond'", problem.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_outside_the_parameter_allowed_range_says_what_is_allowed()
    {
        var sweep = Valid();
        sweep["parameters"]!["familiarity.familiarStrangerDays"]!["max"] = 90;

        var problem = OnlyProblem(sweep);

        Assert.StartsWith("$.parameters.familiarity.familiarStrangerDays.max", problem.Field, StringComparison.Ordinal);
        Assert.Contains("must be a whole number between 1 and 64 days (the parameter's allowed range), got 90", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_whose_min_is_above_its_max_is_refused()
    {
        var sweep = Valid();
        sweep["parameters"]!["attention.noticeRatePerSecond"] = new JsonObject { ["min"] = 0.8, ["max"] = 0.4 };

        Assert.Contains("is above max", OnlyProblem(sweep).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_design_is_refused_for_no_draws_and_for_no_parameters()
    {
        var noDraws = Valid();
        noDraws["design"]!["draws"] = 0;
        var noParameters = Valid();
        noParameters["parameters"] = new JsonObject();

        var draws = OnlyProblem(noDraws);
        var parameters = OnlyProblem(noParameters);

        Assert.StartsWith("$.design.draws", draws.Field, StringComparison.Ordinal);
        Assert.Contains("from 1 to 100000", draws.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.parameters", parameters.Field, StringComparison.Ordinal);
        Assert.Contains("a sweep varies at least one parameter", parameters.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_base_scenario_names_the_field_and_the_path_looked_for()
    {
        var sweep = Valid();
        sweep["scenarios"] = new JsonArray("baseline.json", "missing.json");

        var problem = OnlyProblem(sweep);

        Assert.StartsWith("$.scenarios[1]", problem.Field, StringComparison.Ordinal);
        Assert.Contains("base scenario not found: missing.json", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_method_and_an_unknown_field_are_both_reported()
    {
        var sweep = Valid();
        sweep["design"]!["method"] = "sobbol";
        sweep["seed"] = 3;

        var problems = Load(sweep).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Field.StartsWith("$.seed", StringComparison.Ordinal) && p.Suggestion!.Contains("'seeds'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field.StartsWith("$.design.method", StringComparison.Ordinal) && p.Suggestion == "did you mean 'sobol'?");
    }

    [Fact]
    public void Two_scenarios_with_the_same_name_get_distinct_variant_labels()
    {
        _files.Write("variant.json");
        var sweep = Valid();
        sweep["scenarios"] = new JsonArray("baseline.json", "variant.json");

        var loaded = Load(sweep).Unwrap();

        Assert.Equal(["test", "test-2"], loaded.Scenarios.Select(s => s.Variant));
        Assert.Equal(16, loaded.RunCount);
    }
}
