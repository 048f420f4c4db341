using DigitalTwin.Engine.Outcomes;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Outcomes;

public sealed class TravelByDistanceTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.999, 0)]
    [InlineData(1.0, 1)]
    [InlineData(3.699, 1)]
    [InlineData(3.7, 2)]
    [InlineData(7.5, 3)]
    [InlineData(14.99, 3)]
    [InlineData(15.0, 4)]
    [InlineData(400.0, 4)]
    public void A_trip_falls_in_the_class_whose_lower_bound_it_reaches(double kilometres, int expected) =>
        Assert.Equal(expected, TravelByDistance.ClassOf(kilometres));

    [Fact]
    public void Shares_divide_each_class_by_its_own_trips_and_keep_the_commute_apart()
    {
        var counters = new long[TravelByDistance.Cells];
        counters[TravelByDistance.IndexOf(false, 0.5, SurveyMode.Walk)] = 3;
        counters[TravelByDistance.IndexOf(false, 0.5, SurveyMode.Bike)] = 1;
        counters[TravelByDistance.IndexOf(true, 0.5, SurveyMode.Car)] = 5;
        counters[TravelByDistance.IndexOf(false, 10, SurveyMode.Transit)] = 2;

        var all = TravelByDistance.Shares(counters, commute: false);
        var commute = TravelByDistance.Shares(counters, commute: true);

        Assert.Equal((4L, 0.75, 0.25, 0.0, 0.0), (all[0].Trips, all[0].Walk, all[0].Bike, all[0].Car, all[0].Transit));
        Assert.Equal((2L, 1.0), (all[3].Trips, all[3].Transit));
        Assert.True(double.IsNaN(all[1].Walk), "a class without trips has no share");
        Assert.Equal((5L, 1.0), (commute[0].Trips, commute[0].Car));
    }

    [Fact]
    public void A_run_counts_every_routed_trip_of_its_residents_aged_six_and_over_once()
    {
        var world = SimulationWorlds.Grid(residents: 300);
        var totals = world.Run(2, 1).Totals;
        long surveyed = totals.SurveyedTrips.Sum();
        long transit = Enumerable.Range(0, TravelByDistance.Cells).Where(i => i % TravelByDistance.Modes == (int)SurveyMode.Transit).Sum(i => totals.SurveyedTrips[i]);

        Assert.True(surveyed > 0, "no trips counted");
        // Every trip of a resident aged 6+ is counted when it was routed (a round walk once).
        Assert.InRange(surveyed, totals.TripsAgedSixPlus - totals.UnroutableTrips, totals.TripsAgedSixPlus);
        Assert.True(transit <= totals.TripsByTransit, $"{transit} transit trips by distance, {totals.TripsByTransit} in all");
        // The same trips by the survey's motive: each once, and several motives present.
        Assert.Equal(surveyed, totals.SurveyedTrips.ByMotive.Sum());
        Assert.True(totals.SurveyedTrips.ByMotive.Count(n => n > 0) >= 4, string.Join(" ", totals.SurveyedTrips.ByMotive));
        Assert.Equal(totals.SurveyedTrips.ByMotive.Sum() / (double)(totals.ResidentsAgedSixPlus * totals.Days), TravelByMotive.PerPersonPerDay(totals).Sum(), 9);
    }

    [Fact]
    public void The_surveys_motives_add_up_to_its_trips_per_person()
    {
        // CBS 84710 by motive against its own total (2.59 / 2.55 extremely urbanised; 2.71 / 2.72 the Netherlands), to rounding.
        foreach (var (area, totals) in new[] { ((int?)1, (2.59, 2.55)), (null, (2.71, 2.72)) })
        {
            var survey = TravelByMotive.SurveyFor(area)!.Value;
            Assert.InRange(survey.Odin2019.Sum() - totals.Item1, -0.015, 0.015);
            Assert.InRange(survey.Odin2023.Sum() - totals.Item2, -0.015, 0.015);
        }
        Assert.Null(TravelByMotive.SurveyFor(3));
    }
}
