using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Profile;
using DigitalTwin.Engine.Surroundings;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Profile;

/// <summary>Water and rail barriers on the test kit's Canal Quarter, against distances worked out from its coordinates.</summary>
public partial class StartMapTests
{
    private static Neighbourhood CanalQuarter()
    {
        string folder = Path.Combine(Path.GetTempPath(), "twin-canal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string path = Path.Combine(folder, "canal-quarter.osm");
            File.WriteAllText(path, TinyWorlds.CanalQuarterOsm);
            return MapLoader.Load(path).Unwrap().Neighbourhood;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Metres between two points given in degrees, in the map's own projection.</summary>
    private static double Metres(Neighbourhood world, (double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        var (ax, ay) = world.Network.GeoReference.Project(a.Lon, a.Lat);
        var (bx, by) = world.Network.GeoReference.Project(b.Lon, b.Lat);
        return Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay)));
    }

    [Fact]
    public void A_canal_crossed_by_two_bridges_has_one_stretch_between_them()
    {
        var world = CanalQuarter();
        var map = StartMap.Compute(world, residents: 100);

        // The canal runs 0.0090 degrees of longitude (about 617 m at 52 N).
        double canal = Metres(world, (4.3605, 52.0010), (4.3695, 52.0010));
        Assert.Equal(canal / 1000, Value(map, "waterBarrierKm"), 3);
        // Three links cross it; the footway 14 m beside the second street is the same bridge: two crossings.
        Assert.Equal(2, Value(map, "waterCrossings"));
        // Between 4.3620 and the pair's middle, 4.3661: about 281 m, more than 200 m.
        double stretch = Metres(world, (4.3620, 52.0010), (4.3661, 52.0010));
        Assert.Equal(stretch, Value(map, "waterCrossingSpacingMeanMetres"), 1);
        Assert.Equal(stretch, Value(map, "waterCrossingSpacingMaxMetres"), 1);
        Assert.Equal(100 * stretch / canal, Value(map, "waterBarrierBeyondSpacingShare"), 1);
        // The stretches to the ends (0.0034 and 0.0015 degrees) are shorter than the one between the bridges.
        Assert.Equal(stretch, Value(map, "waterLongestUncrossedMetres"), 1);
        var bridges = map.Barriers.Crossings.Where(c => c.Kind == BarrierKind.Water).OrderBy(c => c.X).ToList();
        // West to east: the first street alone, then the second street with its footway.
        Assert.Equal([1, 2], bridges.Select(c => c.Segments));
        Assert.All(bridges, c => Assert.False(c.Level));
    }

    [Fact]
    public void A_railway_counts_its_level_crossing_and_its_bridge_once_however_many_tracks()
    {
        var world = CanalQuarter();
        var map = StartMap.Compute(world, residents: 100);

        // From 51.9995 to where the streets' box ends, 52.0030; the second track beside it is the same railway.
        Assert.Equal(Metres(world, (4.3680, 51.9995), (4.3680, 52.0030)) / 1000, Value(map, "railBarrierKm"), 3);
        Assert.Equal(2, Value(map, "railCrossings"));
        Assert.Equal(1, Value(map, "railLevelCrossings"));
        double stretch = Metres(world, (4.3680, 52.0000), (4.3680, 52.0020));
        Assert.Equal(stretch, Value(map, "railCrossingSpacingMaxMetres"), 1);
        // About 222 m between the two, beyond 200 m; with 250 m as the threshold, nothing is.
        Assert.Equal(100 * stretch / Metres(world, (4.3680, 51.9995), (4.3680, 52.0030)), Value(map, "railBarrierBeyondSpacingShare"), 1);
        var lenient = StartMap.Compute(world, residents: 100, new StartMapParameters { CrossingSpacingMetres = 250 });
        Assert.Equal(0, Value(lenient, "railBarrierBeyondSpacingShare"), Precision);
        Assert.Equal([true, false], map.Barriers.Counted.Where((_, l) => world.Barriers.Kind[l] == BarrierKind.Rail));
    }

    [Fact]
    public void Footways_farther_apart_than_the_merging_distance_are_two_crossings()
    {
        var map = StartMap.Compute(CanalQuarter(), residents: 100, new StartMapParameters { CrossingMergeMetres = 10 });

        Assert.Equal(3, Value(map, "waterCrossings"));
    }

    [Fact]
    public void A_ditch_crossed_once_has_no_spacing_but_a_longest_uncrossed_stretch_to_its_far_end()
    {
        var world = CanalQuarter();
        // A ditch along 52.0005 from 4.3610 to 4.3640: only the first link (4.3620) crosses it.
        var (ax, ay) = world.Network.GeoReference.Project(4.3610, 52.0005);
        var (bx, by) = world.Network.GeoReference.Project(4.3640, 52.0005);
        var ditch = world with { Barriers = new BarrierLines([BarrierKind.Water], [0, 2], [(float)ax, (float)bx], [(float)ay, (float)by]) };

        var map = StartMap.Compute(ditch, residents: 100);

        Assert.Equal(1, Value(map, "waterCrossings"));
        Assert.Null(map.Find("waterCrossingSpacingMeanMetres")!.Value);
        Assert.Equal(0, Value(map, "waterBarrierBeyondSpacingShare"), Precision);
        // 0.0010 degrees to the west end, 0.0020 to the east end: about 137 m.
        Assert.Equal(Metres(world, (4.3620, 52.0005), (4.3640, 52.0005)), Value(map, "waterLongestUncrossedMetres"), 1);
        Assert.Equal(0, Value(map, "railBarrierKm"));
        Assert.Null(map.Find("railLongestUncrossedMetres")!.Value);
    }
}
