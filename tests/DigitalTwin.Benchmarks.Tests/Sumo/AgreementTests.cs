using DigitalTwin.Benchmarks.Sumo;

namespace DigitalTwin.Benchmarks.Tests.Sumo;

public sealed class AgreementTests
{
    [Fact]
    public void Segments_both_left_empty_are_ignored_and_within_ten_percent_is_measured_against_sumo()
    {
        double[] engine = [10, 0, 5, 100, 0];
        double[] sumo = [10.5, 0, 10, 89, 3];
        var a = Agreement.Of(engine, sumo);
        Assert.Equal(4, a.Segments);
        Assert.Equal(0.25, a.ShareWithin10Percent, 9); // only 10 vs 10.5; 100 vs 89 is 12 % off
        Assert.Equal(1.0, Agreement.Of([1, 2, 3], [2, 4, 6]).Pearson, 9);
        Assert.Equal(-1.0, Agreement.Of([1, 2, 3], [6, 4, 2]).Pearson, 9);
    }
}
