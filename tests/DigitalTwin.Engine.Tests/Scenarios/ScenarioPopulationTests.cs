using System.Text.Json.Nodes;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Tests.Population;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

public sealed class ScenarioPopulationTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private static Residents Synthesise(string scenarioPath, HomeSet homes)
    {
        InputResult<Residents> result = ScenarioPopulation.Synthesise(ScenarioLoader.Load(scenarioPath).Unwrap(), homes);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Unwrap();
    }

    private static string Fingerprint(Residents r) => string.Join(",", r.AgeYears.ToArray()) + "|" + string.Join(",", r.Home.ToArray())
        + "|" + string.Join(",", r.Gender.ToArray()) + "|" + string.Join(",", r.Income.ToArray());

    [Fact]
    public void The_bundled_baseline_population_fills_a_hand_made_home_set()
    {
        // The baseline's map may not be bundled on every branch, so its population object (and seed) is loaded in a
        // scenario of its own, beside a copy of the CBS file (a scenario reads only inside its folder tree); the rest of
        // the baseline is tested in ScenarioSchemaTests.
        string root = Path.GetDirectoryName(Path.GetDirectoryName(PopulationFixtures.UtrechtCsv))!;
        string baselinePath = Path.Combine(root, "..", "delft-wippolder", "baseline.json");
        JsonObject baseline = JsonNode.Parse(File.ReadAllText(baselinePath))!.AsObject();
        JsonObject population = baseline["population"]!.DeepClone().AsObject();
        JsonObject cbs = population["cbs"]!.AsObject();
        string csv = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(baselinePath)!, cbs["file"]!.GetValue<string>()));
        File.Copy(csv, Path.Combine(_files.Directory, Path.GetFileName(csv)));
        cbs["file"] = Path.GetFileName(csv);
        string scenario = _files.Set("population", population).Set("seed", baseline["seed"]!.DeepClone()).Write();

        Residents residents = Synthesise(scenario, PopulationFixtures.Homes(60, 80)); // 4,800 dwellings

        // BU03440511 Buiten Wittevrouwen: 4,760 inhabitants and 3,175 households (CBS 2023), scaled by 1.5.
        Assert.Equal(7140, residents.Count);
        Assert.Equal(4762, residents.HouseholdCount); // 4,762.5 rounded to even
        Assert.DoesNotContain(residents.Warnings, w => w.Contains("dwellings", StringComparison.Ordinal)); // one household per dwelling
    }

    [Fact]
    public void A_variant_with_the_same_seed_has_the_same_residents_and_another_seed_other_ones()
    {
        HomeSet homes = PopulationFixtures.Homes(40, 1, 4, 12);
        string baseline = _files.Set("seed", 7).Write("baseline.json");
        string variant = _files.Empty().Extends("baseline.json").Set("name", "benches").WidenPavement("Mekelweg", 3).Write("variant.json");
        string reseeded = _files.Empty().Extends("baseline.json").Set("seed", 8).Write("reseeded.json");

        string first = Fingerprint(Synthesise(baseline, homes));

        Assert.Equal(first, Fingerprint(Synthesise(variant, homes)));
        Assert.NotEqual(first, Fingerprint(Synthesise(reseeded, homes)));
    }

    [Fact]
    public void New_housing_keeps_everyone_who_lived_there_and_puts_its_newcomers_in_the_new_homes_only()
    {
        HomeSet mapHomes = PopulationFixtures.Homes(40, 1, 4, 12);
        var added = new HomeRecord { X = 500, Y = 500, Segment = mapHomes[0].Segment, Dwellings = 30 };
        var homes = new HomeSet([.. mapHomes.Records, added]);
        Scenario scenario = ScenarioLoader.Load(_files.Set("seed", 7).Write()).Unwrap();
        Residents before = ScenarioPopulation.Synthesise(scenario, mapHomes).Unwrap();

        Residents after = ScenarioPopulation.Synthesise(scenario, homes, extraResidents: 57, firstAddedHome: mapHomes.Count).Unwrap();

        Assert.Equal(before.Count + 57, after.Count);
        int n = before.Count;
        Assert.Equal(before.AgeYears.ToArray(), after.AgeYears[..n].ToArray());
        Assert.Equal(before.Home.ToArray(), after.Home[..n].ToArray());
        Assert.Equal(before.Gender.ToArray(), after.Gender[..n].ToArray());
        Assert.Equal(before.Occupation.ToArray(), after.Occupation[..n].ToArray());
        Assert.Equal(before.Household.ToArray(), after.Household[..n].ToArray());
        Assert.All(after.Home[n..].ToArray(), home => Assert.Equal(mapHomes.Count, home));
        Assert.Equal(before.HouseholdCount + 30, after.HouseholdCount); // one household per new dwelling
        // The newcomers' households follow on: contiguous members, starts continuing the map's households.
        Assert.Equal(before.HouseholdStart.ToArray(), after.HouseholdStart[..(before.HouseholdCount + 1)].ToArray());
        Assert.Equal(after.Count, after.HouseholdStart[^1]);
        for (int h = before.HouseholdCount; h < after.HouseholdCount; h++)
        {
            Assert.All(after.Household[after.MembersOf(h)].ToArray(), member => Assert.Equal(h, member));
            Assert.Equal(mapHomes.Count, after.HouseholdHome[h]);
        }
    }

    [Fact]
    public void No_homes_is_a_problem_of_the_map()
    {
        Scenario scenario = ScenarioLoader.Load(_files.Write()).Unwrap();

        InputProblem problem = Assert.Single(ScenarioPopulation.Synthesise(scenario, HomeSet.Empty).Problems);

        Assert.Equal((scenario.MapPath, "homes"), (problem.File, problem.Field));
    }

    [Fact]
    public void A_profile_that_cannot_be_synthesised_points_at_the_population_in_the_scenario()
    {
        // Only children: no adult can head a household.
        string path = _files.Set("population", new JsonObject
        {
            ["explicit"] = new JsonObject
            {
                ["residents"] = 50,
                ["ageShares"] = new JsonObject { ["age0To14"] = 1, ["age15To24"] = 0, ["age25To44"] = 0, ["age45To64"] = 0, ["age65Plus"] = 0 },
            },
        }).Write();

        InputProblem problem = Assert.Single(ScenarioPopulation.Synthesise(ScenarioLoader.Load(path).Unwrap(), PopulationFixtures.Homes(30, 2)).Problems);

        Assert.EndsWith("scenario.json", problem.File, StringComparison.Ordinal);
        Assert.StartsWith("$.population.explicit (line ", problem.Field, StringComparison.Ordinal);
        Assert.StartsWith("explicit numbers: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scenario_s_population_parameters_shape_its_residents()
    {
        Residents usual = Synthesise(_files.Write("usual.json"), PopulationFixtures.Homes(30, 2));
        foreach (string group in new[] { "child", "youth", "youngAdult", "middleAge", "age65To74", "age75Plus" })
        {
            _files.Parameter("population.limitedMobilityShare." + group, 1);
        }

        Residents limited = Synthesise(_files.Write("limited.json"), PopulationFixtures.Homes(30, 2));

        Assert.Contains(usual.Health.ToArray(), h => h != Health.LimitedMobility);
        Assert.All(limited.Health.ToArray(), h => Assert.Equal(Health.LimitedMobility, h));
    }
}
