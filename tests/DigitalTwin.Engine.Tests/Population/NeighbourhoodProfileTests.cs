using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Tests.Population;

public class NeighbourhoodProfileTests
{
    [Fact]
    public void Explicit_numbers_keep_what_is_given_and_default_the_rest()
    {
        var profile = NeighbourhoodProfile.FromNumbers(7000, ageShares: new AgeShares(1, 1, 2, 2, 2), ownerShare: 0.3).Unwrap();

        Assert.Equal(7000, profile.Residents);
        Assert.Equal(0.25, profile.EffectiveAge.Older, 12);
        Assert.Equal(0.3, profile.EffectiveOwnerShare);
        Assert.Equal(DutchNationalDefaults.WomenShare, profile.EffectiveWomenShare);
        Assert.Equal(DutchNationalDefaults.HouseholdTypes.Normalised(), profile.EffectiveHouseholdTypes);
        Assert.Equal(3302, profile.EffectiveHouseholds); // 7000 / 2.12
    }

    [Fact]
    public void Explicit_numbers_out_of_range_are_problems_with_scenario_paths()
    {
        var result = NeighbourhoodProfile.FromNumbers(
            0, ageShares: new AgeShares(-1, 0, 0, 0, 0), womenShare: 52, averageHouseholdSize: 0.5, file: "delft.json");

        Assert.False(result.Succeeded);
        Assert.All(result.Problems, p => Assert.Equal("delft.json", p.File));
        Assert.Equal(
            ["population.residents", "population.ageShares", "population.womenShare", "population.averageHouseholdSize"],
            result.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Scaling_multiplies_residents_and_households()
    {
        var profile = new NeighbourhoodProfile { Residents = 1810, Households = 1070 };

        NeighbourhoodProfile doubled = profile.Scale(2);
        NeighbourhoodProfile target = profile.WithResidents(905);

        Assert.Equal((3620, 2140), (doubled.Residents, doubled.Households));
        Assert.Equal((905, 535), (target.Residents, target.Households));
        Assert.Throws<ArgumentOutOfRangeException>(() => profile.Scale(0));
    }
}
