using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests.Rendering;

/// <summary>The legend's layout, checked without drawing: where each part lands in pictures of many sizes.</summary>
public sealed class MapAnnotationsTests
{
    public static TheoryData<int, int> Sizes => new()
    {
        { 480, 360 }, { 640, 480 }, { 800, 600 }, { 1024, 768 }, { 1280, 720 }, { 1400, 900 }, { 1600, 900 },
        { 1920, 1080 }, { 2560, 1440 }, { 3840, 2160 }, { 900, 1400 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_legend_never_runs_into_the_scale_bar(int width, int height)
    {
        var run = SyntheticRuns.ThreePaths();
        foreach (var scene in new[]
        {
            new MapScene(run) { Measure = Measure.Encounters, Period = PeriodFilter.Afternoon },
            new MapScene(run, SyntheticRuns.ThreePaths(busyEncounters: 300)) { Measure = Measure.NewFamiliarPairs, Period = PeriodFilter.Evening },
        })
        {
            var legend = Layout(scene, width, height);

            Assert.True(legend.ScaleBar.Width > 0);
            Assert.NotEmpty(legend.Parts);
            foreach (var part in legend.Parts)
            {
                Assert.False(Overlap(part, legend.ScaleBar), $"at {width}x{height} a legend part {part} overlaps the scale bar {legend.ScaleBar}");
                Assert.True(part.X >= 0 && part.X + part.Width <= width, $"at {width}x{height} a legend part {part} leaves the picture");
            }
        }
    }

    [Fact]
    public void At_1400_by_900_the_symbol_key_still_names_places_benches_and_homes()
    {
        // At this size a key laid out without the scale bar in mind overlaps it: it must fit, not vanish.
        var legend = Layout(new MapScene(SyntheticRuns.ThreePaths()), 1400, 900);

        float keyTop = legend.Parts.Max(p => p.Y);
        Assert.True(legend.Parts.Count(p => p.Y >= keyTop - 15) >= 6, "the key's line should hold the place, bench and home symbols with their words");
    }

    private static LegendPlacement Layout(MapScene scene, int width, int height)
    {
        var layout = new MapLayout(width, height);
        var camera = new MapCamera();
        var area = layout.MapArea;
        camera.Fit(scene.Geometry.Bounds, (area.X, area.Y, area.Width, area.Height), width, height);
        return MapAnnotations.Build(new MarkerMesh(), scene, camera, layout);
    }

    private static bool Overlap(PixelRectangle a, PixelRectangle b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}
