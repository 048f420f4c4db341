using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests.Rendering;

/// <summary>Offscreen pictures of a hand-made run, checked pixel by pixel (Mesa llvmpipe through EGL; no GPU, no display).</summary>
public sealed class OffscreenMapRendererTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 480;

    private readonly OffscreenMapRenderer _renderer;

    public OffscreenMapRendererTests()
    {
        _renderer = OffscreenMapRenderer.TryCreate(out string reason)
            ?? throw new InvalidOperationException("offscreen OpenGL is needed for these tests (CI installs libegl1 libegl-mesa0 libgl1-mesa-dri): " + reason);
    }

    public void Dispose() => _renderer.Dispose();

    [Fact]
    public void The_busiest_street_has_the_top_colour_and_the_empty_one_the_bottom_colour()
    {
        var scene = new MapScene(SyntheticRuns.ThreePaths()) { Measure = Measure.Encounters };
        var picture = _renderer.Render(scene, Width, Height);

        Assert.Equal(ColourMap.Viridis.Top, PixelAtMiddleOf(picture, SyntheticRuns.Busy));
        Assert.Equal(ColourMap.Viridis.Bottom, PixelAtMiddleOf(picture, SyntheticRuns.Empty));
        var quiet = PixelAtMiddleOf(picture, SyntheticRuns.Quiet);
        Assert.NotEqual(ColourMap.Viridis.Top, quiet);
        Assert.NotEqual(ColourMap.Viridis.Bottom, quiet);
    }

    [Fact]
    public void The_legend_shows_none_in_the_bottom_colour_and_the_top_of_the_scale_in_the_top_colour()
    {
        var scene = new MapScene(SyntheticRuns.ThreePaths());
        var picture = _renderer.Render(scene, Width, Height);
        var legend = picture.Legend;

        var (noneX, noneY) = legend.NoneSwatch.Centre;
        Assert.Equal(ColourMap.Viridis.Bottom, picture.Image[noneX, noneY]);
        Assert.Equal(ColourMap.Viridis.Top, picture.Image[(int)(legend.Bar.X + legend.Bar.Width) - 2, legend.Bar.Centre.Y]);
        // The legend is text too: the band under the bar holds light pixels (its labels).
        Assert.True(CountTextPixels(picture.Image, (int)legend.Bar.X, (int)(legend.Bar.Y + legend.Bar.Height), (int)legend.Bar.Width, 30) > 20);
    }

    [Fact]
    public void A_difference_of_a_run_from_itself_is_neutral_everywhere()
    {
        var run = SyntheticRuns.ThreePaths();
        var scene = new MapScene(run, SyntheticRuns.ThreePaths());
        var picture = _renderer.Render(scene, Width, Height);

        for (int s = 0; s < 3; s++)
        {
            Assert.Equal(ColourMap.Diverging.Centre, PixelAtMiddleOf(picture, s));
        }
    }

    [Fact]
    public void A_difference_colours_the_changed_street_and_leaves_the_others_neutral()
    {
        var scene = new MapScene(SyntheticRuns.ThreePaths(busyEncounters: 800), SyntheticRuns.ThreePaths(busyEncounters: 400)) { Measure = Measure.Encounters };
        var picture = _renderer.Render(scene, Width, Height);

        Assert.Equal(ColourMap.Diverging.Top, PixelAtMiddleOf(picture, SyntheticRuns.Busy));
        Assert.Equal(ColourMap.Diverging.Centre, PixelAtMiddleOf(picture, SyntheticRuns.Quiet));
        Assert.Equal(ColourMap.Diverging.Centre, PixelAtMiddleOf(picture, SyntheticRuns.Empty));
    }

    [Fact]
    public void A_period_without_activity_paints_every_street_the_bottom_colour()
    {
        var scene = new MapScene(SyntheticRuns.ThreePaths()) { Measure = Measure.Encounters, Period = PeriodFilter.Night };
        var picture = _renderer.Render(scene, Width, Height);

        Assert.Equal(ColourMap.Viridis.Bottom, PixelAtMiddleOf(picture, SyntheticRuns.Busy));
    }

    private static Rgba PixelAtMiddleOf(MapPicture picture, int segment)
    {
        var run = picture.Camera;
        var scene = SyntheticRuns.ThreePaths();
        int first = scene.SegmentGeometryStart[segment];
        double x = (scene.GeometryX[first] + scene.GeometryX[first + 1]) / 2.0;
        double y = (scene.GeometryY[first] + scene.GeometryY[first + 1]) / 2.0;
        var (px, py) = run.WorldToPixel(x, y);
        return picture.Image[(int)px, (int)py];
    }

    private static int CountTextPixels(RgbaImage image, int x, int y, int width, int height)
    {
        int count = 0;
        for (int j = y; j < Math.Min(image.Height, y + height); j++)
        {
            for (int i = x; i < Math.Min(image.Width, x + width); i++)
            {
                if (image[i, j] == MapAnnotations.Text)
                {
                    count++;
                }
            }
        }
        return count;
    }
}
