using DigitalTwin.Cli.Reports;
using DigitalTwin.Engine.Outcomes;

namespace DigitalTwin.Cli.Tests.Reports;

public class ComparisonMapsTests
{
    /// <summary>
    /// Four segments: nobody on the first in either run; a change the joint test does not resolve; a resolved fall; a
    /// resolved rise. The map colours exactly the resolved ones and leaves the unresolved change grey.
    /// </summary>
    [Fact]
    public void Only_segments_resolved_among_all_are_coloured_by_direction()
    {
        PairedDifference Change(double baseline, double variant) => PairedDifference.Of([baseline, baseline * 1.1], [variant, variant * 1.1]);
        var segments = new SegmentChanges(
            [Change(0, 0), Change(2, 2.5), Change(3, 1), Change(1, 4)],
            [Change(0, 0), Change(0, 0), Change(0, 0), Change(0, 0)],
            [false, false, true, true],
            [false, false, false, false]);

        var layer = ComparisonMaps.Layer(segments);

        Assert.Equal([0, 1, 2, 3], layer.SegmentCategory);
        Assert.Equal(["no one passes", "unchanged or within the noise", "fewer, beyond the noise", "more, beyond the noise"], layer.Categories.Select(c => c.Label));
    }
}
