using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
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
}
