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

    [Fact]
    public void With_a_mask_the_colours_span_the_changes_beyond_the_noise_and_those_are_drawn_over_the_grey()
    {
        var scene = new MapScene(SyntheticRuns.ThreePaths(busyEncounters: 800, quietEncounters: 40), SyntheticRuns.ThreePaths())
        {
            Measure = Measure.Encounters,
            ShowDifference = true,
        };
        double quietBefore = scene.Scale.Position(scene.Values[SyntheticRuns.Quiet]);

        // The busy path's large change is noise; the quiet path's small one is not.
        scene.MarkBeyondNoise([false, true, true], replications: 3);

        double quietAfter = scene.Scale.Position(scene.Values[SyntheticRuns.Quiet]);
        Assert.True(Math.Abs(quietAfter - 0.5) > Math.Abs(quietBefore - 0.5) + 0.1,
            $"the quiet path's change sits at {quietBefore:0.00} of the scale unmasked and {quietAfter:0.00} masked");
        Assert.Equal(MapScene.NotSignificantColour, scene.SegmentColours[SyntheticRuns.Busy]);
        Assert.True(Array.IndexOf(scene.DrawOrder, SyntheticRuns.Busy) < Array.IndexOf(scene.DrawOrder, SyntheticRuns.Quiet), "grey first, colour on top");
    }
}
