using System.Text.Json.Nodes;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Interventions.Types;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private static IReadOnlyList<InputProblem> Problems(string path, ScenarioInputs? inputs = null)
    {
        InputResult<Scenario> result = ScenarioLoader.Load(path, inputs);
        Assert.False(result.Succeeded);
        return result.Problems;
    }

    private static InputProblem Single(string path, string field)
    {
        IReadOnlyList<InputProblem> problems = Problems(path);
        return Assert.Single(problems, p => p.Field.StartsWith(field + " ", StringComparison.Ordinal) || p.Field == field);
    }

    [Fact]
    public void A_valid_scenario_loads_with_its_values_and_defaults()
    {
        string path = _files.Remove("days").Remove("replications").Parameter("encounters.socialDistanceMetres", 3).Write();

        Scenario scenario = ScenarioLoader.Load(path).Unwrap();

        Assert.Equal("test", scenario.Name);
        Assert.Equal(Scenario.DefaultDays, scenario.Days);
        Assert.Equal(Scenario.DefaultReplications, scenario.Replications);
        Assert.Equal(42UL, scenario.Seed);
        Assert.Equal(Path.Combine(_files.Directory, "map.osm"), scenario.MapPath);
        Assert.Equal(100, scenario.Population.Profile.Residents);
        Assert.Equal(3, scenario.Parameters.Encounters.SocialDistanceMetres);
        Assert.Equal(SimulationParameters.Default.Routing, scenario.Parameters.Routing);
    }

    [Fact]
    public void A_child_overrides_values_appends_interventions_and_merges_parameters()
    {
        _files.Set("name", "base").Set("days", 14)
            .Parameter("routing.turnPenaltyMetres", 40).Parameter("encounters.socialDistanceMetres", 3)
            .WidenPavement("Mekelweg", 2.5).Write("base.json");
        string child = _files.Empty().Extends("base.json").Set("name", "variant")
            .Parameter("encounters.socialDistanceMetres", 2).Parameter("population.employmentRate.age65To74", 0.2)
            .WidenPavement("Schoemakerstraat", 3).Write("variant.json");

        Scenario scenario = ScenarioLoader.Load(child).Unwrap();

        Assert.Equal("variant", scenario.Name);
        Assert.Equal(14, scenario.Days);
        Assert.Equal(40, scenario.Parameters.Routing.TurnPenaltyMetres);
        Assert.Equal(2, scenario.Parameters.Encounters.SocialDistanceMetres);
        Assert.Equal(0.2, scenario.Parameters.Population.EmploymentRate.Age65To74);
        Assert.Equal(["encounters.socialDistanceMetres", "population.employmentRate.age65To74", "routing.turnPenaltyMetres"],
            scenario.ParameterOverrides.Select(p => p.Key));
        Assert.Equal(["Mekelweg", "Schoemakerstraat"],
            scenario.Interventions.Cast<WidenPavement>().Select(w => ((StreetByName)w.Streets).Name));
        Assert.EndsWith("base.json", scenario.Interventions[0].Origin.File, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(_files.Directory, "base.json")], scenario.ExtendsChain);
        // Paths stay relative to the file that wrote them.
        Assert.Equal(Path.Combine(_files.Directory, "map.osm"), scenario.MapPath);
    }

    [Fact]
    public void Inheritance_goes_through_several_levels()
    {
        _files.Set("name", "grandparent").Set("days", 3).Write("a.json");
        _files.Empty().Extends("a.json").Set("seed", 7).Write("b.json");
        string leaf = _files.Empty().Extends("b.json").Set("replications", 9).Write("c.json");

        Scenario scenario = ScenarioLoader.Load(leaf).Unwrap();

        Assert.Equal((3, 7UL, 9, "grandparent"), (scenario.Days, scenario.Seed, scenario.Replications, scenario.Name));
    }

    [Fact]
    public void An_extends_cycle_is_reported_at_the_extends_field()
    {
        _files.Extends("b.json").Write("a.json");
        string a = Path.Combine(_files.Directory, "a.json");
        _files.Extends("a.json").Write("b.json");

        InputProblem problem = Single(a, "$.extends");

        Assert.Contains("extends cycle: a.json -> b.json -> a.json", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("b.json", problem.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_extended_file_is_reported()
    {
        string path = _files.Extends("nope.json").Write();

        Assert.Contains("not found", Single(path, "$.extends").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_scenario_file_is_one_problem() =>
        Assert.Contains("not found", Assert.Single(Problems(Path.Combine(_files.Directory, "none.json"))).Message, StringComparison.Ordinal);

    [Fact]
    public void Invalid_json_names_the_line()
    {
        string path = _files.WriteText("broken.json", "{\n  \"name\": \"x\",\n  \"days\" 3\n}");

        InputProblem problem = Assert.Single(Problems(path));

        Assert.Equal("line 3", problem.Field);
        Assert.Contains("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_gets_a_suggestion_and_its_line()
    {
        string path = _files.WriteText("typo.json", """
            {
              "name": "x",
              "map": "map.osm",
              "dayz": 3
            }
            """);

        InputProblem problem = Single(path, "$.dayz");

        Assert.Equal("$.dayz (line 4)", problem.Field);
        Assert.Equal("unknown field 'dayz'", problem.Message);
        Assert.Equal("did you mean 'days'?", problem.Suggestion);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        string path = _files.Set("dayz", 3).Set("days", 0).Set("replications", 101).Set("seed", -1)
            .Parameter("encounters.socialDistanceMeters", 3).WidenPavement("Mekelweg", -1)
            .Intervention(new JsonObject { ["type"] = "add-bench" }).Write();

        IReadOnlyList<InputProblem> problems = Problems(path);

        Assert.Equal(7, problems.Count);
        Assert.All(problems, p => Assert.Matches(@"\(line \d+\)$", p.Field));
    }

    [Theory]
    [InlineData("days", 0)]
    [InlineData("days", 366)]
    [InlineData("replications", 0)]
    [InlineData("replications", 101)]
    public void Out_of_range_run_settings_are_errors(string field, int value)
    {
        string path = _files.Set(field, value).Write();

        Assert.Contains("must be from", Single(path, "$." + field).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_is_an_error_that_says_what_it_got()
    {
        string path = _files.Set("days", "many").Write();

        Assert.Equal("must be a number from 1 to 365 days, got the text \"many\"", Single(path, "$.days").Message);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(0)]
    [InlineData(31)]
    public void A_negative_or_absurd_pavement_width_is_an_error(double width)
    {
        string path = _files.WidenPavement("Mekelweg", width).Write();

        InputProblem problem = Single(path, "$.interventions[0].widthMetres");

        Assert.Contains("from 0.5 to 30 m", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_woonerf_loads_with_walking_pace_and_its_traffic_kept_by_default()
    {
        string path = _files.Intervention(new JsonObject { ["type"] = "woonerf", ["streets"] = new JsonObject { ["name"] = "Mekelweg" } }).Write();

        var woonerf = Assert.IsType<Woonerf>(Assert.Single(ScenarioLoader.Load(path).Unwrap().Interventions));

        Assert.Equal(new StreetByName("Mekelweg") { Origin = woonerf.Streets.Origin }, woonerf.Streets);
        Assert.Equal(15, woonerf.SpeedKmh);
        Assert.Null(woonerf.TrafficFactor);
    }

    [Theory]
    [InlineData("speedKmh", 30, "must be from 5 to 20 km/h, got 30")]
    [InlineData("speedKmh", 2, "must be from 5 to 20 km/h, got 2")]
    [InlineData("speedKmh", 12.5, "must be a whole number from 5 to 20 km/h, got 12.5")]
    [InlineData("trafficFactor", 1.5, "must be from 0 to 1 (times today's vehicles per day), got 1.5")]
    [InlineData("trafficFactor", -0.1, "must be from 0 to 1 (times today's vehicles per day), got -0.1")]
    public void An_out_of_range_woonerf_value_is_an_error_naming_the_field(string field, double value, string message)
    {
        string path = _files.Intervention(new JsonObject
        {
            ["type"] = "woonerf",
            ["streets"] = new JsonObject { ["name"] = "Mekelweg" },
            [field] = value,
        }).Write();

        Assert.Equal(message, Single(path, "$.interventions[0]." + field).Message);
    }

    [Fact]
    public void An_unknown_intervention_type_suggests_the_nearest()
    {
        string path = _files.Intervention(new JsonObject { ["type"] = "widen-pavment" }).Write();

        InputProblem problem = Single(path, "$.interventions[0].type");

        Assert.Equal("did you mean 'widen-pavement'?", problem.Suggestion);
    }

    [Fact]
    public void An_unknown_field_inside_an_intervention_is_reported_with_its_path()
    {
        string path = _files.Intervention(new JsonObject
        {
            ["type"] = "add-benches",
            ["streets"] = new JsonObject { ["name"] = "Mekelweg" },
            ["spacingMetres"] = 50,
            ["seats"] = 3,
        }).Write();

        InputProblem problem = Single(path, "$.interventions[0].seats");

        Assert.Equal("did you mean 'seatsPerBench'?", problem.Suggestion);
    }

    [Fact]
    public void A_street_address_must_use_exactly_one_way()
    {
        string path = _files.Intervention(new JsonObject
        {
            ["type"] = "car-free",
            ["streets"] = new JsonObject { ["name"] = "Mekelweg", ["osmWayIds"] = new JsonArray(1) },
        }).Write();

        Assert.Contains("one way of addressing", Single(path, "$.interventions[0].streets").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_point_address_needs_a_radius()
    {
        string path = _files.Intervention(new JsonObject
        {
            ["type"] = "lighting",
            ["streets"] = new JsonObject { ["point"] = new JsonArray(4.37, 52.0) },
        }).Write();

        Assert.StartsWith("is required", Single(path, "$.interventions[0].streets.radiusMetres").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_intervention_type_loads_from_a_complete_entry()
    {
        JsonObject Streets() => new() { ["name"] = "Mekelweg" };
        JsonArray Point() => new(4.37, 52.0);
        JsonArray Ring() => new(new JsonArray(4.36, 51.99), new JsonArray(4.38, 51.99), new JsonArray(4.38, 52.01));
        JsonObject[] entries =
        [
            new() { ["type"] = "widen-pavement", ["streets"] = Streets(), ["addMetres"] = 1 },
            new() { ["type"] = "add-benches", ["points"] = new JsonArray(Point()), ["seatsPerBench"] = 4 },
            new() { ["type"] = "remove-benches", ["streets"] = new JsonObject { ["osmWayIds"] = new JsonArray(100, 200) } },
            new()
            {
                ["type"] = "mixed-use", ["streets"] = Streets(),
                ["places"] = new JsonArray(new JsonObject { ["kind"] = "cafe", ["openingHours"] = "Mo-Su 08:00-22:00", ["capacity"] = 30 }),
            },
            new() { ["type"] = "car-free", ["streets"] = Streets(), ["allowBikes"] = false },
            new() { ["type"] = "low-traffic", ["streets"] = Streets(), ["speedLimitKmh"] = 30 },
            new() { ["type"] = "woonerf", ["streets"] = Streets(), ["trafficFactor"] = 0.5 },
            new()
            {
                ["type"] = "stomp", ["walkCostFactor"] = 0.9, ["bikeCostFactor"] = 0.9, ["carCostFactor"] = 1.3,
                ["crossingPenaltyFactor"] = 0.5, ["carTrafficFactor"] = 0.7, ["parkingAtEdge"] = true,
            },
            new() { ["type"] = "lighting", ["streets"] = new JsonObject { ["polygon"] = Ring() }, ["lux"] = 10 },
            new() { ["type"] = "green-space", ["polygon"] = Ring(), ["name"] = "Park", ["benches"] = 4 },
            new() { ["type"] = "delft-stoep", ["streets"] = Streets(), ["depthMetres"] = 1, ["participationShare"] = 0.4 },
            new() { ["type"] = "remove-barrier", ["streets"] = Streets(), ["modes"] = new JsonArray("walk") },
            new()
            {
                ["type"] = "add-crossing", ["streets"] = new JsonObject { ["point"] = Point(), ["radiusMetres"] = 20 }, ["kind"] = "zebra",
            },
            new() { ["type"] = "new-place", ["point"] = Point(), ["kind"] = "transit-stop", ["name"] = "Halte" },
            new() { ["type"] = "population", ["point"] = Point(), ["dwellings"] = 40, ["householdSize"] = 2.1, ["note"] = "infill" },
            new() { ["type"] = "perceived-quality", ["streets"] = Streets(), ["place"] = "Coffee-star", ["rating"] = 2 },
        ];
        foreach (JsonObject entry in entries)
        {
            _files.Intervention(entry);
        }

        Scenario scenario = ScenarioLoader.Load(_files.Write()).Unwrap();

        Assert.Equal(InterventionRegistry.TypeNames, scenario.Interventions.Select(i => i.TypeName));
        Assert.Equal("infill", scenario.Interventions[^2].Note);
        Assert.Equal((2.0, "Coffee-star"), (((PerceivedQuality)scenario.Interventions[^1]).Rating, ((PerceivedQuality)scenario.Interventions[^1]).PlaceName));
        Assert.Equal(DigitalTwin.Engine.Network.TravelModes.Walk, ((RemoveBarrier)scenario.Interventions[11]).Modes);
        Assert.Equal(DigitalTwin.Engine.Places.PlaceKind.TransitStop, ((NewPlace)scenario.Interventions[13]).Place.Kind);
    }

    [Fact]
    public void A_missing_map_file_is_an_error()
    {
        string path = _files.Set("map", "elsewhere.osm.pbf").Write();

        Assert.Contains("map file not found", Single(path, "$.map").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_fields_missing_after_inheritance_are_reported()
    {
        string path = _files.Empty().Set("days", 3).Write();

        IReadOnlyList<InputProblem> problems = Problems(path);

        Assert.Equal(["$.name", "$.map", "$.population"], problems.Select(p => p.Field.Split(' ')[0]));
    }

    [Fact]
    public void An_unknown_or_out_of_range_parameter_is_an_error()
    {
        string path = _files.Parameter("routing.turnPenaltyMetre", 40).Parameter("socialDistanceMetres", 3)
            .Parameter("encounters.socialDistanceMetres", 20).Parameter("familiarity.familiarStrangerDays", 2.5).Write();

        Assert.Equal("did you mean 'routing.turnPenaltyMetres'?", Single(path, "$.parameters.routing.turnPenaltyMetre").Suggestion);
        // A name from before parameters were grouped points at its group.
        Assert.Equal("did you mean 'encounters.socialDistanceMetres'?", Single(path, "$.parameters.socialDistanceMetres").Suggestion);
        Assert.Contains("between 0.5 and 10 m", Single(path, "$.parameters.encounters.socialDistanceMetres").Message, StringComparison.Ordinal);
        Assert.Contains("a whole number between 1 and 64 days", Single(path, "$.parameters.familiarity.familiarStrangerDays").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_in_another_encoding_is_named_with_where_and_how_to_fix_it()
    {
        string latin1 = Path.Combine(_files.Directory, "latin1.json");
        File.WriteAllBytes(latin1, [.. "{\"name\": \"caf"u8, 0xE9, .. "\"}"u8]);
        string utf16 = Path.Combine(_files.Directory, "utf16.json");
        File.WriteAllText(utf16, "{\"name\": \"café\"}", System.Text.Encoding.Unicode);

        var notUtf8 = Assert.Single(Problems(latin1));
        var wide = Assert.Single(Problems(utf16));

        Assert.Equal("must be UTF-8, but byte 0xE9 at line 1, column 14 is not (a file saved in another encoding, e.g. Windows-1252): save it again as UTF-8", notUtf8.Message);
        Assert.Equal("must be UTF-8, but is UTF-16: save it again as UTF-8", wide.Message);
    }

    [Fact]
    public void A_path_holding_a_nul_character_is_named_as_such()
    {
        string path = _files.Set("extends", "base\0.json").Write();

        var problem = Single(path, "$.extends");

        Assert.Equal("contains a NUL character, which no file path can hold", problem.Message);
    }

    [Fact]
    public void An_endless_file_is_refused_at_its_limit_instead_of_read_until_memory_runs_out()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // no endless device to point at on this system
        }
        string path = _files.Set("extends", "/dev/zero").Write();

        // A data root of "/" lets the path through (the user's choice), so the size limit is what stops it.
        var problem = Assert.Single(Problems(path, new ScenarioInputs { DataRoot = "/" }));

        Assert.Equal("/dev/zero", problem.File);
        Assert.StartsWith("is larger than 16 MB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_of_megabytes_is_refused_before_it_is_copied_into_every_output()
    {
        string path = _files.Set("description", new string('x', 200_000)).Write();

        var problem = Single(path, "$.description");

        Assert.Equal("is 200,000 characters long, more than the 10,000 any name, description or path needs", problem.Message);
    }

    [Fact]
    public void A_boundary_of_more_points_than_any_outline_needs_is_refused_with_how_to_simplify_it()
    {
        var ring = new System.Text.Json.Nodes.JsonArray();
        for (int i = 0; i <= 20_000; i++)
        {
            double angle = 2 * Math.PI * (i % 20_000) / 20_000;
            ring.Add(new System.Text.Json.Nodes.JsonArray(4.37 + (0.01 * Math.Cos(angle)), 52.0 + (0.01 * Math.Sin(angle))));
        }
        string path = _files.Set("boundingPolygon", ring).Write();

        var problem = Single(path, "$.boundingPolygon");

        Assert.Equal("has 20,001 points, more than the 10,000 allowed", problem.Message);
        Assert.Contains("Simplify", problem.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_wrong_value_is_named_by_its_start_not_copied_whole()
    {
        string path = _files.Set("days", new string('7', 5_000)).Write();

        var problem = Single(path, "$.days");

        Assert.Contains("(5,000 characters)", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Message.Length < 200, problem.Message);
    }

    [Fact]
    public void Half_a_character_pair_is_named_by_its_line_not_an_internal_error()
    {
        string path = _files.Write();
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"name\": \"test\"", "\"name\": \"te\\udc00st\"", StringComparison.Ordinal));

        var problem = Assert.Single(Problems(path));

        Assert.Contains("holds '\\udc00', half of a UTF-16 character pair", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_named_by_line_and_column_without_the_parsers_bookkeeping()
    {
        string path = _files.Write();
        File.WriteAllText(path, "{\n  \"name\": \"x\",\n  \"days\" 3\n}");

        var problem = Assert.Single(Problems(path));

        Assert.StartsWith("line 3", problem.Field, StringComparison.Ordinal);
        Assert.StartsWith("is not valid JSON at column 10: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", problem.Message, StringComparison.Ordinal);
    }
}
