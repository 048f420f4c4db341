using DigitalTwin.Cli;
using DigitalTwin.Engine.IO;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests.Cli;

/// <summary><c>twin render --baseline</c> over replications: the mean difference with what stays within the noise in grey.</summary>
public partial class RenderCommandTests
{
    private const int PictureWidth = 800;
    private const int PictureHeight = 600;

    /// <summary>
    /// A world with a known effect, replication by replication (seeds 1 to 3): the variant adds about 300 encounters on
    /// the busy path and nothing else; the quiet path's count wanders either way from run to run, the empty one stays empty.
    /// </summary>
    private static readonly long[] BaselineBusy = [400, 420, 390];
    private static readonly long[] VariantBusy = [700, 725, 688];
    private static readonly long[] BaselineQuiet = [40, 44, 38];
    private static readonly long[] VariantQuiet = [43, 40, 41];

    private static RunFile Replication(string scenario, int r, bool variant, int days = 1)
    {
        var run = SyntheticRuns.ThreePaths(variant ? VariantBusy[r] : BaselineBusy[r], variant ? VariantQuiet[r] : BaselineQuiet[r]);
        run.ScenarioName = scenario;
        run.ScenarioHash = scenario + "-hash";
        run.Seed = (ulong)(r + 1);
        run.Days = days;
        return run;
    }

    private static string[] Folders(string scenario, bool variant, int count = 3) =>
        [.. Enumerable.Range(0, count).Select(r => SyntheticRuns.WriteToFolder(Replication(scenario, r, variant)))];

    /// <summary>The pixel at the middle of a path in a picture fitted as render fits it.</summary>
    private static Rgba MiddleOf(RgbaImage image, int segment)
    {
        var run = SyntheticRuns.ThreePaths();
        var layout = new MapLayout(PictureWidth, PictureHeight);
        var camera = new MapCamera();
        var area = layout.MapArea;
        camera.Fit(new MapScene(run).Geometry.Bounds, (area.X, area.Y, area.Width, area.Height), PictureWidth, PictureHeight);
        int first = run.SegmentGeometryStart[segment];
        var (x, y) = camera.WorldToPixel((run.GeometryX[first] + run.GeometryX[first + 1]) / 2.0, run.GeometryY[first]);
        return image[(int)x, (int)y];
    }

    /// <summary>Pixels of the within-noise grey in the legend band (the map above it has grey streets of its own).</summary>
    private static int NoiseGreyInLegend(RgbaImage image)
    {
        int count = 0;
        for (int y = image.Height - new MapLayout(PictureWidth, PictureHeight).LegendBandHeight; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                count += image[x, y] == MapScene.NotSignificantColour ? 1 : 0;
            }
        }
        return count;
    }

    [Fact]
    public void Render_over_replications_greys_out_the_untouched_streets_and_keeps_the_changed_one()
    {
        var baselines = Folders("baseline", variant: false);
        // Given in another order than the baseline's: pairs are made by seed.
        var variants = Folders("variant", variant: true).Reverse().ToArray();
        string png = Path.Combine(variants[0], "difference.png");

        var (code, output, error) = Twin(["render", .. variants, "--baseline", .. baselines, "--width", "800", "--height", "600", "--out", png]);

        Assert.True(code == TwinApp.Success, error);
        Assert.Contains("mean difference over 3 replications, 1 of 3 segments beyond the noise", output, StringComparison.Ordinal);
        var image = PngReader.Read(png);
        // The busy path gained most: the top of the diverging scale, not grey.
        Assert.Equal(ColourMap.Diverging.Top, MiddleOf(image, SyntheticRuns.Busy));
        Assert.Equal(MapScene.NotSignificantColour, MiddleOf(image, SyntheticRuns.Quiet));
        Assert.Equal(MapScene.NotSignificantColour, MiddleOf(image, SyntheticRuns.Empty));
        Assert.True(NoiseGreyInLegend(image) > 50, "the legend shows the grey of 'within the noise'");

        // One pair alone cannot tell signal from noise: the quiet path keeps its colour, and the output says why.
        string single = Path.Combine(variants[0], "single.png");
        var (singleCode, singleOutput, singleError) = Twin("render", variants[0], "--baseline", baselines[0], "--width", "800", "--height", "600", "--out", single);
        Assert.True(singleCode == TwinApp.Success, singleError);
        Assert.Contains("one pair: nothing tells signal from noise", singleOutput, StringComparison.Ordinal);
        var singleImage = PngReader.Read(single);
        Assert.NotEqual(MapScene.NotSignificantColour, MiddleOf(singleImage, SyntheticRuns.Quiet));
        Assert.Equal(0, NoiseGreyInLegend(singleImage));
    }

    [Fact]
    public void The_scene_over_replications_shows_the_mean_difference_and_tests_the_shown_measure()
    {
        var runs = Enumerable.Range(0, 3).Select(r => Replication("variant", r, variant: true)).ToArray();
        var baselines = Enumerable.Range(0, 3).Select(r => Replication("baseline", r, variant: false)).ToArray();

        var scene = new MapScene(runs, baselines) { Measure = Measure.Encounters };

        double meanGain = Enumerable.Range(0, 3).Average(r => VariantBusy[r] - BaselineBusy[r]);
        Assert.Equal(meanGain * SegmentValues.RateLengthMetres / 200, scene.Values[SyntheticRuns.Busy], 3);
        Assert.Equal([true, false, false], scene.SignificantSegments!);
        Assert.Equal(3, scene.SignificanceReplications);
        Assert.Equal(3, scene.AveragedReplications);
        // Walks did not change at all: nothing is beyond the noise in that measure.
        scene.Measure = Measure.Passages;
        Assert.Equal([false, false, false], scene.SignificantSegments!);
        Assert.Throws<ArgumentException>(() => new MapScene(runs[..1], baselines[..1]));
    }

    public static TheoryData<string, string> Mismatches => new()
    {
        { "seeds", "replications are paired by seed" },
        { "scenarios", "must all be replications of one scenario" },
        { "maps", "street network differs" },
        { "days", "a difference needs runs of the same length" },
        { "same seed twice", "needs a seed of its own" },
        { "no baseline", "without --baseline" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Render_refuses_replications_that_do_not_pair_in_one_sentence(string mismatch, string expected)
    {
        var baselines = Folders("baseline", variant: false).ToList();
        var variants = Folders("variant", variant: true).ToList();
        switch (mismatch)
        {
            case "seeds":
                var other = Replication("baseline", 2, variant: false);
                other.Seed = 9;
                baselines[2] = SyntheticRuns.WriteToFolder(other);
                break;
            case "scenarios":
                variants[1] = SyntheticRuns.WriteToFolder(Replication("another variant", 1, variant: true));
                break;
            case "maps":
                // The empty path mapped with a bend in it: another map.
                var moved = Replication("variant", 1, variant: true);
                moved.SegmentGeometryStart = [0, 2, 4, 7];
                moved.GeometryX = [.. moved.GeometryX, 200];
                moved.GeometryY = [.. moved.GeometryY, 250];
                variants[1] = SyntheticRuns.WriteToFolder(moved);
                break;
            case "days":
                baselines[0] = SyntheticRuns.WriteToFolder(Replication("baseline", 0, variant: false, days: 2));
                break;
            case "same seed twice":
                variants[1] = variants[0];
                break;
            case "no baseline":
                baselines.Clear();
                break;
        }
        string png = Path.Combine(Path.GetTempPath(), "twin-render-refused-" + Guid.NewGuid().ToString("N") + ".png");
        string[] baselineArguments = baselines.Count == 0 ? [] : ["--baseline", .. baselines];

        var (code, _, error) = Twin(["render", .. variants, .. baselineArguments, "--out", png]);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(png));
    }
}
