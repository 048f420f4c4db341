using DigitalTwin.Engine.Sweeps;
using DigitalTwin.Surrogate.Calibration;

namespace DigitalTwin.Surrogate.Tests.Calibration;

public class CountFitTests
{
    private static int[][] Passages(int walkPerHour, int bikeAtEight, int car) =>
    [
        [.. Enumerable.Repeat(walkPerHour, 24)],
        [.. Enumerable.Range(0, 24).Select(h => h == 8 ? bikeAtEight : 0)],
        [.. Enumerable.Repeat(car, 24)],
    ];

    [Fact]
    public void A_way_count_is_the_length_weighted_mean_of_its_segments_per_day()
    {
        // Segment 3 carries 2 walkers an hour, segment 5 carries 4; the way is 100 m of the first and 300 m of the second.
        var passages = new Dictionary<int, int[][]> { [3] = Passages(2, 6, 0), [5] = Passages(4, 10, 1) };
        ObservedCount[] counts =
        [
            new(2, "way", 77, null, null, CountMode.Walk, 70, [3, 5], [0.25, 0.75]),
            new(3, "seg", null, 5, 8, CountMode.Bike, 4, [5], [1.0]),
        ];
        double[] simulated = CountFit.Simulated(counts, passages, days: 2);
        // (0.25 × 48 + 0.75 × 96) / 2 days = (12 + 72) / 2
        Assert.Equal(42, simulated[0], 12);
        Assert.Equal(5, simulated[1], 12);
        // ((ln 43 − ln 71)² + (ln 6 − ln 5)²) / 2
        double expected = (Math.Pow(Math.Log(43) - Math.Log(71), 2) + Math.Pow(Math.Log(6) - Math.Log(5), 2)) / 2;
        Assert.Equal(expected, CountFit.MeanSquaredLogError(counts, simulated), 12);
    }

    [Fact]
    public void Dense_search_finds_the_bottom_of_a_known_bowl()
    {
        ParameterRange[] ranges =
        [
            new("a", 0, 1, RangeScale.Linear, false, 0.5, string.Empty),
            new("b", -2, 2, RangeScale.Linear, false, 0, string.Empty),
        ];
        var optimum = EmulatorSearch.Minimise(points => [.. points.Select(p => Math.Pow(p[0] - 0.3, 2) + Math.Pow(p[1] - 0.7, 2))], ranges);
        Assert.InRange(optimum.Values[0], 0.28, 0.32);
        Assert.InRange(optimum.Values[1], 0.68, 0.72);
        Assert.True(optimum.PredictedError < 1e-3);
    }
}
