using System.Text.Json;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.IO;

public sealed class GeoJsonTests(DelftImportFixture delft) : IClassFixture<DelftImportFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twin-geojson-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Delft_exported_and_read_back_keeps_every_segment_and_its_length()
    {
        Neighbourhood original = delft.Map.Neighbourhood;
        string path = Path.Combine(_folder, "delft.geojson");
        Assert.True(GeoJsonExporter.WriteNeighbourhood(original, path).Succeeded);
        Assert.False(File.Exists(path + ".partial"));

        var back = MapLoader.Load(path);
        Assert.True(back.Succeeded, string.Join("; ", back.Problems));
        StreetNetwork a = original.Network, b = back.Unwrap().Neighbourhood.Network;
        Assert.Equal(a.SegmentCount, b.SegmentCount);
        Assert.Equal(a.NodeCount, b.NodeCount);
        for (int s = 0; s < a.SegmentCount; s++)
        {
            Assert.Equal(a.LengthMetres[s], b.LengthMetres[s], 0.5);
            Assert.Equal(a.AttributesOf(new SegmentId(s)), b.AttributesOf(new SegmentId(s)));
        }
        Neighbourhood read = back.Unwrap().Neighbourhood;
        Assert.Equal(original.Places.Count, read.Places.Count);
        foreach (PlaceKind kind in Enum.GetValues<PlaceKind>())
        {
            Assert.Equal(original.Places.CountOf(kind), read.Places.CountOf(kind));
        }
    }

    [Fact]
    public void A_generated_neighbourhood_exported_and_read_back_keeps_its_homes_and_dwellings()
    {
        Neighbourhood original = NetworkGenerator.Grid(4, 4);
        string path = Path.Combine(_folder, "grid.geojson");
        Assert.True(GeoJsonExporter.WriteNeighbourhood(original, path).Succeeded);

        var back = MapLoader.Load(path);

        Assert.True(back.Succeeded, string.Join("; ", back.Problems));
        HomeSet homes = back.Unwrap().Neighbourhood.Homes;
        Assert.Equal(original.Homes.Count, homes.Count);
        Assert.Equal(original.Homes.TotalDwellings, homes.TotalDwellings);
    }

    [Fact]
    public void Exported_segments_carry_their_attributes_and_extra_columns()
    {
        Neighbourhood world = TinyWorlds.TJunction();
        string path = Path.Combine(_folder, "t.geojson");
        var extra = new Dictionary<string, ReadOnlyMemory<double>> { ["nods_per_metre"] = new double[] { 0.5, 1.5, 2.5 } };
        Assert.True(GeoJsonExporter.WriteSegments(world.Network, path, extra).Succeeded);

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var features = document.RootElement.GetProperty("features");
        Assert.Equal(3, features.GetArrayLength());
        JsonElement side = features[2].GetProperty("properties");
        Assert.Equal("Side Street", side.GetProperty("name").GetString());
        Assert.Equal("residential", side.GetProperty("highway").GetString());
        Assert.Equal("walk,bike,car", side.GetProperty("modes_forward").GetString());
        Assert.Equal(100.0, side.GetProperty("length_m").GetDouble(), 3);
        Assert.Equal(3.0, side.GetProperty("pavement_width_m").GetDouble(), 3);
        Assert.Equal(2.5, side.GetProperty("nods_per_metre").GetDouble());
        // WGS84 around Delft, not projected metres.
        JsonElement first = features[0].GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.InRange(first[0].GetDouble(), 4.3, 4.4);
        Assert.InRange(first[1].GetDouble(), 51.9, 52.1);
    }

    [Fact]
    public void An_extra_column_of_the_wrong_length_is_a_bug_of_the_caller()
    {
        var extra = new Dictionary<string, ReadOnlyMemory<double>> { ["x"] = new double[] { 1 } };
        Assert.Throws<ArgumentException>(() => GeoJsonExporter.WriteSegments(TinyWorlds.TJunction().Network, Path.Combine(_folder, "x.geojson"), extra));
    }

    [Fact]
    public void Writing_into_a_missing_folder_is_a_problem()
    {
        string path = Path.Combine(_folder, "no", "such", "folder", "x.geojson");
        var result = GeoJsonExporter.WritePlaces(TinyWorlds.BenchStreet().Places, TinyWorlds.Origin, path);
        Assert.False(result.Succeeded);
        Assert.Equal(path, Assert.Single(result.Problems).File);
    }

    [Fact]
    public void Places_and_homes_are_written_as_points()
    {
        Neighbourhood world = TinyWorlds.BenchStreet();
        string places = Path.Combine(_folder, "places.geojson"), homes = Path.Combine(_folder, "homes.geojson");
        Assert.True(GeoJsonExporter.WritePlaces(world.Places, world.Network.GeoReference, places).Succeeded);
        Assert.True(GeoJsonExporter.WriteHomes(world.Homes, world.Network.GeoReference, homes).Succeeded);
        using var p = JsonDocument.Parse(File.ReadAllText(places));
        var bench = p.RootElement.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal("Bench", bench.GetProperty("kind").GetString());
        Assert.Equal(3, bench.GetProperty("capacity").GetInt32());
        using var h = JsonDocument.Parse(File.ReadAllText(homes));
        Assert.Equal(2, h.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public void Hand_written_lines_join_where_they_share_a_coordinate()
    {
        // A crossroads: one east-west line and one north-south line through (4.37, 52.0), plus a bench and an
        // unconnected footway far away (an island) and a motorway (not for people).
        string geojson = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"highway":"residential","name":"Oost-West","lit":"yes","oneway":"yes"},
               "geometry":{"type":"LineString","coordinates":[[4.369,52.0],[4.37,52.0],[4.371,52.0]]}},
              {"type":"Feature","properties":{"highway":"footway","name":"Noord-Zuid","width":2.5},
               "geometry":{"type":"MultiLineString","coordinates":[[[4.37,51.999],[4.37,52.0],[4.37,52.001]]]}},
              {"type":"Feature","properties":{"highway":"footway"},
               "geometry":{"type":"LineString","coordinates":[[4.38,52.01],[4.3801,52.01]]}},
              {"type":"Feature","properties":{"highway":"motorway"},
               "geometry":{"type":"LineString","coordinates":[[4.36,52.0],[4.36,52.01]]}},
              {"type":"Feature","properties":{"amenity":"bench","seats":4},
               "geometry":{"type":"Point","coordinates":[4.3705,52.0001]}}
            ]}
            """;
        string path = Path.Combine(_folder, "cross.geojson");
        File.WriteAllText(path, geojson);
        var result = MapLoader.Load(path);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var (neighbourhood, report) = result.Unwrap();
        StreetNetwork network = neighbourhood.Network;
        Assert.Equal(4, network.SegmentCount);
        Assert.Equal(5, network.NodeCount);
        Assert.Equal(1, report.DroppedIslandSegments);
        Assert.Equal(1, report.DroppedNotForPeopleWays);
        // 0.001° of longitude at 52° N is about 68.6 m; of latitude about 111.3 m.
        Assert.Equal(68.6, network.LengthMetres[0], 0.5);
        Assert.Equal(111.3, network.LengthMetres[2], 0.5);
        Assert.Equal(TravelModes.Walk, network.ModesBackward[0]);
        Assert.Equal(Lighting.Lit, network.Lighting[0]);
        Assert.Equal(2.5f, network.PavementWidthMetres[2]);
        PlaceRecord bench = Assert.Single(neighbourhood.Places.Records);
        Assert.Equal(4, bench.Capacity);
        Assert.Equal(new SegmentId(1), bench.Segment); // 11 m north of the east half of Oost-West
        Assert.Equal(34.3, bench.OffsetMetres, 0.5);
        Assert.All(network.NodeOsmId.ToArray(), id => Assert.Equal(0, id));
    }
}
