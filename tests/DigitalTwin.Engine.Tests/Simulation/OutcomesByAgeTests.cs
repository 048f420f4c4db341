using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Planning;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Simulation;

public class OutcomesByAgeTests
{
    [Fact]
    public void Street_counts_by_age_band_add_up_to_the_totals()
    {
        var world = SimulationWorlds.Grid(residents: 400);
        var result = world.Run(days: 2, seed: 3);
        var streets = result.Streets;
        long encountersWithTwoBands = 0;
        for (int s = 0; s < streets.SegmentCount; s++)
        {
            for (int p = 0; p < DayPeriods.Count; p++)
            {
                int index = StreetOutcomes.Index(s, (DayPeriod)p);
                long passages = 0, encounters = 0, nods = 0;
                for (int band = 0; band < StreetOutcomes.AgeBands; band++)
                {
                    passages += streets.PassagesByAge[StreetOutcomes.AgeIndex(s, (DayPeriod)p, band)];
                    encounters += streets.EncountersByAge[StreetOutcomes.AgeIndex(s, (DayPeriod)p, band)];
                    nods += streets.NodsByAge[StreetOutcomes.AgeIndex(s, (DayPeriod)p, band)];
                }
                Assert.Equal(streets.WalkPassages[index] + streets.BikePassages[index], passages);
                // Each encounter counts once per band involved: between one and two times.
                Assert.InRange(encounters, streets.Encounters[index], 2 * streets.Encounters[index]);
                Assert.InRange(nods, streets.Nods[index], 2 * streets.Nods[index]);
                encountersWithTwoBands += encounters - streets.Encounters[index];
            }
        }
        Assert.True(streets.Encounters.Sum() > 0);
        Assert.True(encountersWithTwoBands > 0, "some encounters are between people of different ages");
    }

    [Fact]
    public void Car_passages_are_counted_per_street_and_add_up_to_the_total()
    {
        var world = SimulationWorlds.Grid(residents: 400);
        var result = world.Run(days: 2, seed: 5);
        Assert.True(result.Totals.CarPassages > 0, "some residents drive");
        Assert.Equal(result.Totals.CarPassages, result.Streets.CarPassages.Sum());
    }
}
