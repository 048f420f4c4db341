using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Tests.Maps;

public class HeatScaleTests
{
    [Fact]
    public void Zero_is_the_bottom_and_the_largest_value_the_top_of_a_log_scale()
    {
        var scale = HeatScale.ForValues([0f, 1f, 10f, 100f]);
        Assert.Equal(0, scale.Position(0));
        Assert.Equal(1, scale.Position(100), 9);
        Assert.InRange(scale.Position(10), HeatScale.FirstNonZeroPosition, 1);
        Assert.Equal(10, scale.ValueAt(scale.Position(10)), 6);
    }

    [Fact]
    public void No_change_is_exactly_the_centre_of_a_difference_scale_and_signs_go_either_way()
    {
        var scale = HeatScale.ForDifferences([-5f, 0f, 20f]);
        Assert.Equal(0.5, scale.Position(0));
        Assert.True(scale.Position(-5) < 0.5);
        Assert.Equal(1, scale.Position(20), 9);
        Assert.Equal(ColourMap.Diverging.Centre, ColourMap.Diverging.At(scale.Position(0)));
    }

    [Fact]
    public void Measure_and_period_names_parse_and_unknown_ones_do_not()
    {
        Assert.True(MapVocabulary.TryParseMeasure("NODS", out var measure));
        Assert.Equal(Measure.Nods, measure);
        Assert.True(MapVocabulary.TryParsePeriod("evening", out var period));
        Assert.Equal(PeriodFilter.Evening, period);
        Assert.False(MapVocabulary.TryParseMeasure("hugs", out _));
    }

    [Fact]
    public void Rates_are_per_100_metres_per_day_but_short_stubs_count_as_20_metres()
    {
        var run = SyntheticRuns.ThreePaths(busyEncounters: 400);
        run.Days = 2;
        run.SegmentLengthMetres[SyntheticRuns.Quiet] = 5;
        float[] values = SegmentValues.Compute(run, Measure.Encounters, PeriodFilter.WholeDay);
        Assert.Equal(100f, values[SyntheticRuns.Busy]);
        Assert.Equal(4f / 2 * 100 / SegmentValues.MinimumRateLengthMetres, values[SyntheticRuns.Quiet], 4);
        Assert.Equal(0f, values[SyntheticRuns.Empty]);
    }
}
