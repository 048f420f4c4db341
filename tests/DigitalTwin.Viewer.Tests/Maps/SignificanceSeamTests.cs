using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Tests.Maps;

public sealed class SignificanceSeamTests
{
    [Fact]
    public void A_significance_mask_greys_out_the_differences_it_marks_within_noise_and_only_in_the_difference_view()
    {
        var scene = new MapScene(SyntheticRuns.ThreePaths(busyEncounters: 800, quietEncounters: 40), SyntheticRuns.ThreePaths());
        var colours = scene.SegmentColours;

        scene.MarkBeyondNoise([true, false, true], replications: 3);

        Assert.Equal(colours[SyntheticRuns.Busy], scene.SegmentColours[SyntheticRuns.Busy]);
        Assert.Equal(MapScene.NotSignificantColour, scene.SegmentColours[SyntheticRuns.Quiet]);
        scene.ShowDifference = false;
        Assert.NotEqual(MapScene.NotSignificantColour, scene.SegmentColours[SyntheticRuns.Quiet]);
        Assert.Throws<ArgumentException>(() => scene.MarkBeyondNoise([true], replications: 3));
        Assert.Throws<ArgumentException>(() => scene.MarkBeyondNoise([true, true, true], replications: 1));
    }
}
