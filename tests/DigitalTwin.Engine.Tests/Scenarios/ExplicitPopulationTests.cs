using System.Text.Json.Nodes;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

/// <summary>
/// <c>population.explicit</c>: written-out numbers become a <see cref="NeighbourhoodProfile"/>; what is left out falls
/// back to the national figures (the fallbacks themselves are tested in NeighbourhoodProfileTests).
/// </summary>
public sealed class ExplicitPopulationTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private string WithExplicit(JsonObject numbers) =>
        _files.Set("population", new JsonObject { ["explicit"] = numbers }).Write();

    private static InputProblem Single(string path, string field) =>
        Assert.Single(ScenarioLoader.Load(path).Problems, p => p.Field == field || p.Field.StartsWith(field + " ", StringComparison.Ordinal));

    [Fact]
    public void The_test_kit_numbers_become_the_profile()
    {
        PopulationSpec population = ScenarioLoader.Load(_files.Write()).Unwrap().Population;

        NeighbourhoodProfile profile = population.Profile;
        Assert.Equal((100, 50), (profile.Residents, profile.EffectiveHouseholds));
        Assert.Equal(0.3, profile.EffectiveAge.YoungAdult, 12);
        HouseholdTypeShares types = profile.EffectiveHouseholdTypes; // the rest of the households: without children
        Assert.Equal((0.4, 0.3, 0.3), (Math.Round(types.OnePerson, 12), Math.Round(types.WithoutChildren, 12), Math.Round(types.WithChildren, 12)));
        Assert.Equal((0.5, 0.5), (profile.EffectiveWomenShare, profile.EffectiveOwnerShare));
        Assert.Null(profile.Background);
        Assert.IsType<ExplicitPopulationSource>(population.Source);
        Assert.Equal("explicit numbers", population.Describe());
    }

    [Fact]
    public void Only_residents_is_required_and_the_rest_is_national()
    {
        NeighbourhoodProfile profile = ScenarioLoader.Load(WithExplicit(new JsonObject { ["residents"] = 700 })).Unwrap().Population.Profile;

        Assert.Equal(700, profile.Residents);
        Assert.Equal((int)Math.Round(700 / DutchNationalDefaults.AverageHouseholdSize), profile.EffectiveHouseholds);
        Assert.Equal(DutchNationalDefaults.HouseholdTypes.Normalised(), profile.EffectiveHouseholdTypes);
    }

    [Fact]
    public void Average_household_size_labour_participation_background_and_education_are_read()
    {
        NeighbourhoodProfile profile = ScenarioLoader.Load(WithExplicit(new JsonObject
        {
            ["residents"] = 1000,
            ["averageHouseholdSize"] = 2.5,
            ["labourParticipation"] = 0.6,
            ["background"] = new JsonObject { ["dutch"] = 0.5, ["european"] = 0.2, ["nonEuropean"] = 0.3 },
            ["education"] = new JsonObject { ["low"] = 0.2, ["middle"] = 0.3, ["high"] = 0.5 },
        })).Unwrap().Population.Profile;

        Assert.Equal(400, profile.EffectiveHouseholds);
        Assert.Equal(0.6, profile.EffectiveLabourParticipation);
        Assert.Equal(0.3, profile.EffectiveBackground.NonEuropean, 12);
        Assert.Equal(0.5, profile.EffectiveEducation.High, 12);
    }

    [Fact]
    public void Households_and_average_household_size_together_are_an_error() =>
        Assert.Contains("not both", Single(WithExplicit(new JsonObject
        {
            ["residents"] = 100, ["households"] = 40, ["averageHouseholdSize"] = 2.5,
        }), "$.population.explicit.averageHouseholdSize").Message, StringComparison.Ordinal);

    [Fact]
    public void One_household_share_without_the_other_is_an_error() =>
        Assert.Contains("is required with the other household share", Single(WithExplicit(new JsonObject
        {
            ["residents"] = 100, ["singlePersonHouseholdShare"] = 0.4,
        }), "$.population.explicit.householdsWithChildrenShare").Message, StringComparison.Ordinal);

    [Fact]
    public void More_households_than_residents_is_an_error() =>
        Assert.Contains("cannot exceed residents", Single(WithExplicit(new JsonObject
        {
            ["residents"] = 10, ["households"] = 11,
        }), "$.population.explicit.households").Message, StringComparison.Ordinal);

    [Fact]
    public void Explicit_age_shares_must_add_up_to_one()
    {
        string path = _files.Write();
        string text = File.ReadAllText(path).Replace("\"age65Plus\": 0.1", "\"age65Plus\": 0.5", StringComparison.Ordinal);
        File.WriteAllText(path, text);

        Assert.Contains("add up to 1", Single(path, "$.population.explicit.ageShares").Message, StringComparison.Ordinal);
    }
}
