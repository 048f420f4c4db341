using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Simulation;

/// <summary>Per-segment counts by clock hour are the period counts, split finer.</summary>
public sealed class HourlyCountsTests
{
    private const int Days = 3;

    private static readonly Lazy<SimulationWorld> World = new(() => SimulationWorlds.Grid(residents: 400));

    private static readonly Lazy<RunResult> Result = new(() => World.Value.Run(Days, seed: 11, threads: 2));

    [Fact]
    public void Hourly_counts_of_each_mode_sum_to_its_period_counts()
    {
        var streets = Result.Value.Streets;

        AssertHoursSumToPeriods(streets.WalkPassagesByHour, streets.WalkPassages, streets.SegmentCount);
        AssertHoursSumToPeriods(streets.BikePassagesByHour, streets.BikePassages, streets.SegmentCount);
        AssertHoursSumToPeriods(streets.CarPassagesByHour, streets.CarPassages, streets.SegmentCount);
        Assert.True(streets.WalkPassagesByHour.Sum() > 0 && streets.BikePassagesByHour.Sum() > 0 && streets.CarPassagesByHour.Sum() > 0,
            "every mode must be counted somewhere, or the sums prove nothing");
    }

    [Fact]
    public void Streets_are_busier_by_day_than_in_the_small_hours()
    {
        var walk = Result.Value.Streets.WalkPassagesByHour;
        long HourTotal(int hour) => Enumerable.Range(0, Result.Value.Streets.SegmentCount).Sum(s => (long)walk[(s * StreetOutcomes.HoursPerDay) + hour]);

        Assert.True(HourTotal(10) > HourTotal(3), $"10:00 {HourTotal(10)}, 03:00 {HourTotal(3)}");
    }

    [Fact]
    public void Street_stops_and_front_of_house_time_are_counted_where_they_happen()
    {
        var streets = Result.Value.Streets;

        Assert.Equal(streets.SegmentCount * DayPeriods.Count, streets.StreetStops.Length);
        Assert.Equal(streets.SegmentCount * DayPeriods.Count, streets.FrontOfHouseSeconds.Length);
        Assert.True(streets.StreetStops.Sum() > 0, "walkers stop on the way");
        Assert.True(streets.FrontOfHouseSeconds.Sum() > 0, "residents spend time in front of their homes");
        // Nobody stops where nobody walks, and time in front of a home is on a segment with homes.
        var homeSegments = World.Value.Neighbourhood.Homes.Segment.ToArray().ToHashSet();
        for (int i = 0; i < streets.StreetStops.Length; i++)
        {
            Assert.True(streets.StreetStops[i] == 0 || streets.WalkPassages[i] > 0, $"stops without walkers at {i}");
            Assert.True(streets.FrontOfHouseSeconds[i] == 0 || homeSegments.Contains(i / DayPeriods.Count), $"front-of-house time off a home street at {i}");
        }
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(3599.9, 0)]
    [InlineData(3600.0, 1)]
    [InlineData(86_399.0, 23)]
    [InlineData(86_400.0 + 7200.0, 2)] // a trip running past midnight wraps, as its period does
    public void An_hour_wraps_past_midnight_as_its_period_does(double seconds, int hour)
    {
        Assert.Equal(hour, StreetOutcomes.HourOf(seconds));
        Assert.Equal(DayPeriods.Of(seconds), DayPeriods.Of(hour * 3600.0));
    }

    private static void AssertHoursSumToPeriods(int[] byHour, long[] byPeriod, int segments)
    {
        for (int s = 0; s < segments; s++)
        {
            var sums = new long[DayPeriods.Count];
            for (int h = 0; h < StreetOutcomes.HoursPerDay; h++)
            {
                sums[(int)DayPeriods.Of(h * 3600.0)] += byHour[(s * StreetOutcomes.HoursPerDay) + h];
            }
            Assert.Equal(byPeriod.AsSpan(s * DayPeriods.Count, DayPeriods.Count).ToArray(), sums);
        }
    }
}
