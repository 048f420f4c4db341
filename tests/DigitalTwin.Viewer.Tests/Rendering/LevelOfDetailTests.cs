using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests.Rendering;

public sealed class LevelOfDetailTests
{
    /// <summary>
    /// One named street of five 100 m segments going east then, after the third, turning north; and an unnamed path
    /// continuing it. Segment 3 runs backwards (as OSM ways may).
    /// </summary>
    private static RunFile BentStreet()
    {
        float[] x = [0, 100, 100, 200, 200, 300, 300, 300, 300, 300, 300, 300];
        float[] y = [0, 0, 0, 0, 0, 0, 100, 0, 100, 200, 200, 300];
        return new RunFile
        {
            SegmentGeometryStart = [0, 2, 4, 6, 8, 10, 12],
            GeometryX = x,
            GeometryY = y,
            SegmentLengthMetres = [100, 100, 100, 100, 100, 100],
            PavementWidthMetres = [2, 2, 2, 2, 2, 2],
            Highway = [.. Enumerable.Repeat((byte)HighwayKind.Residential, 6)],
            StreetNames = ["Hoekstraat"],
            SegmentNameIndex = [0, 0, 0, 0, 0, -1],
        };
    }

    [Fact]
    public void Zoomed_out_a_straight_run_of_one_street_is_one_piece_and_a_bend_or_another_street_starts_the_next()
    {
        var run = BentStreet();

        var coarse = CoarseStreets.Build(run, new TileGrid(new Bounds(0, 0, 300, 300)));

        Assert.Equal(3, coarse.RunCount);
        Assert.Equal([0, 1, 2], coarse.RunSegments[coarse.RunStart[0]..coarse.RunStart[1]]);
        Assert.Equal([3, 4], coarse.RunSegments[coarse.RunStart[1]..coarse.RunStart[2]]);
        Assert.Equal([5], coarse.RunSegments[coarse.RunStart[2]..coarse.RunStart[3]]);
        // The first run is drawn from its first point to its last: (0, 0) to (300, 0).
        Assert.Equal([0f, 0f, 300f, 0f], coarse.Vertices[..4]);
    }

    [Fact]
    public void Tiles_sort_items_stably_and_a_view_selects_only_the_rows_and_columns_it_covers()
    {
        var grid = new TileGrid(new Bounds(0, 0, 3200, 3200));
        int[] tiles = [grid.TileOf(50, 50), grid.TileOf(3150, 3150), grid.TileOf(60, 60), grid.TileOf(1650, 50)];

        var (order, start) = grid.Sort(tiles);

        Assert.Equal([0, 2, 3, 1], order);
        Assert.Equal(2, start[1]);
        var camera = new MapCamera { CentreX = 1650, CentreY = 150, PixelsPerMetre = 1, WidthPixels = 200, HeightPixels = 200 };
        var (firstRow, lastRow, firstColumn, lastColumn) = grid.VisibleRows(camera, 0);
        Assert.Equal((0, 2, 15, 17), (firstRow, lastRow, firstColumn, lastColumn));
    }

    [Fact]
    public void A_zoomed_out_view_takes_the_nearest_overview_level_at_or_above_its_zoom_down_to_a_thumbnail()
    {
        var city = new Bounds(0, 0, 22_300, 22_300);
        double top = OverviewLevels.TopZoom(city);

        Assert.Equal(CoarseStreets.BelowPixelsPerMetre, top);
        Assert.Equal(0, OverviewLevels.LevelOf(top, 0.1, city));
        Assert.Equal(0, OverviewLevels.LevelOf(top, 0.0708, city));
        Assert.Equal(1, OverviewLevels.LevelOf(top, 0.0707, city));
        Assert.Equal(2, OverviewLevels.LevelOf(top, 0.05, city));
        Assert.Equal(2, OverviewLevels.LevelOf(top, 0.0357, city));
        // 22.3 km at 0.1 px/m is 2,230 pixels; level 14 shows it 16 pixels wide, and nothing is drawn smaller.
        Assert.Equal(14, OverviewLevels.LevelOf(top, 1e-4, city));
        Assert.Equal(0.05, OverviewLevels.ZoomOf(top, 2), 12);
        // A 100 km region would need 10,000 pixels at the coarse threshold: its levels start lower, within one texture.
        Assert.True(OverviewLevels.TopZoom(new Bounds(0, 0, 100_000, 50_000)) * 100_000 <= OverviewLevels.MaximumSidePixels);
    }

    /// <summary>The three paths stretched 50 times: 10 km long and 5 km apart, a city's size, so the overview draws them.</summary>
    private static RunFile ThreeLongPaths()
    {
        var run = SyntheticRuns.ThreePaths();
        run.GeometryX = [.. run.GeometryX.Select(x => x * 50)];
        run.GeometryY = [.. run.GeometryY.Select(y => y * 50)];
        run.SegmentLengthMetres = [.. run.SegmentLengthMetres.Select(m => m * 50)];
        return run;
    }

    private static Rgba Middle(RgbaImage image, MapCamera camera, RunFile run, int segment, int acrossPixels = 0)
    {
        int first = run.SegmentGeometryStart[segment];
        var (px, py) = camera.WorldToPixel((run.GeometryX[first] + run.GeometryX[first + 1]) / 2.0, (run.GeometryY[first] + run.GeometryY[first + 1]) / 2.0);
        return image[(int)px, (int)py + acrossPixels];
    }

    [Fact]
    public void The_overview_shows_each_street_in_the_colour_the_full_drawing_gives_it_and_follows_new_colours()
    {
        using var offscreen = OffscreenMapRenderer.TryCreate(out string reason)
            ?? throw new InvalidOperationException("offscreen OpenGL is needed for this test: " + reason);
        const int width = 1920, height = 1080;
        var run = ThreeLongPaths();
        var scene = new MapScene(run) { Measure = Measure.Encounters };
        var layout = new MapLayout(width, height);
        var bounds = scene.Geometry.Bounds;
        // Exactly level 2's zoom, then a zoom the next level up is shrunk to (by 0.75).
        var atLevel = new MapCamera { CentreX = bounds.CentreX, CentreY = bounds.CentreY, PixelsPerMetre = 0.05, WidthPixels = width, HeightPixels = height };
        var between = new MapCamera { CentreX = bounds.CentreX, CentreY = bounds.CentreY, PixelsPerMetre = 0.0375, WidthPixels = width, HeightPixels = height };
        var full = offscreen.Render(scene, width, height, atLevel).Image;
        using var renderer = offscreen.Prepare(scene, width, height);

        renderer.Draw(atLevel, layout, new MarkerMesh());
        var overview = renderer.ReadPixels(width, height);
        renderer.Draw(between, layout, new MarkerMesh());
        var shrunk = renderer.ReadPixels(width, height);

        for (int s = 0; s < run.SegmentCount; s++)
        {
            Assert.True(Middle(full, atLevel, run, s).DistanceTo(Middle(overview, atLevel, run, s)) <= 2, $"segment {s} at the level's zoom");
            // Shrunk, a 3-pixel street is 2.25 pixels wide: its colour stays whole on the pixel nearest its centre line.
            var expected = Middle(full, atLevel, run, s);
            int nearest = Enumerable.Range(-1, 3).Min(d => expected.DistanceTo(Middle(shrunk, between, run, s, d)));
            Assert.True(nearest <= 2, $"segment {s} shrunk: off by {nearest}");
        }
        Assert.Equal(MapAnnotations.Background, Middle(overview, atLevel, run, SyntheticRuns.Busy, acrossPixels: 40));
        Assert.Equal(ColourMap.Viridis.Top, Middle(overview, atLevel, run, SyntheticRuns.Busy));

        // Encounters were counted in one period only: in another, the busy path has none, and the kept level must not show it.
        scene.Period = PeriodFilter.Night;
        renderer.Draw(atLevel, layout, new MarkerMesh());
        Assert.Equal(ColourMap.Viridis.Bottom, Middle(renderer.ReadPixels(width, height), atLevel, run, SyntheticRuns.Busy));
    }
}
