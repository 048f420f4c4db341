using DigitalTwin.Engine.IO;

namespace DigitalTwin.Engine.Tests.IO;

public sealed class MapLoaderErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twin-map-errors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string FileWith(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static InputProblem SingleProblem(string path)
    {
        var result = MapLoader.Load(path);
        Assert.False(result.Succeeded);
        InputProblem problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.File);
        return problem;
    }

    [Fact]
    public void A_missing_file_is_named() =>
        Assert.Contains("not found", SingleProblem(Path.Combine(_folder, "nowhere.osm.pbf")).Message);

    [Fact]
    public void An_unsupported_extension_says_which_are_allowed()
    {
        InputProblem problem = SingleProblem(FileWith("map.shp", "x"));
        Assert.Contains(".shp", problem.Message);
        Assert.Contains(".osm.pbf", problem.Suggestion);
    }

    [Fact]
    public void A_corrupt_pbf_is_a_problem_not_a_crash()
    {
        string path = Path.Combine(_folder, "corrupt.osm.pbf");
        File.WriteAllBytes(path, [0, 0, 0, 13, 10, 9, 79, 83, 77, 72, 101, 97, 100, 101, 114, 24, 255, 255, 255, 1, 2, 3]);
        Assert.Contains("not a readable OpenStreetMap file", SingleProblem(path).Message);
    }

    [Fact]
    public void A_truncated_pbf_is_a_problem_not_a_crash()
    {
        byte[] head = File.ReadAllBytes(TestKit.RepositoryFiles.AmsterdamPbf)[..5000];
        string path = Path.Combine(_folder, "truncated.osm.pbf");
        File.WriteAllBytes(path, head);
        var result = MapLoader.Load(path);
        Assert.False(result.Succeeded);
        Assert.Equal(path, Assert.Single(result.Problems).File);
    }

    [Fact]
    public void Broken_xml_is_a_problem_not_a_crash() =>
        Assert.Contains("not a readable OpenStreetMap file", SingleProblem(FileWith("broken.osm", "<osm version=\"0.6\"><node id=\"1\" lat=")).Message);

    [Fact]
    public void Broken_geojson_is_a_problem_not_a_crash() =>
        Assert.Contains("GeoJSON", SingleProblem(FileWith("broken.geojson", "{\"type\": \"FeatureCollection\", \"features\": [")).Message);

    [Fact]
    public void A_map_without_streets_says_so()
    {
        string osm = """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
              <node id="1" lat="52.0" lon="4.37"><tag k="amenity" v="bench"/></node>
              <node id="2" lat="52.001" lon="4.371"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="motorway"/></way>
            </osm>
            """;
        Assert.Contains("no walkable streets", SingleProblem(FileWith("motorway.osm", osm)).Message);
    }

    [Fact]
    public void An_empty_map_says_so() =>
        Assert.Contains("no walkable streets", SingleProblem(FileWith("empty.osm", "<?xml version=\"1.0\"?><osm version=\"0.6\"></osm>")).Message);

    [Fact]
    public void An_empty_feature_collection_says_so() =>
        Assert.Contains("no walkable streets", SingleProblem(FileWith("empty.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}")).Message);

    [Theory]
    [InlineData("NaN", "4.3", "node 1 lies at latitude NaN, longitude 4.3")]
    [InlineData("95", "4.3", "node 1 lies at latitude 95, longitude 4.3")]
    [InlineData("52", "999", "node 1 lies at latitude 52, longitude 999")]
    public void A_node_that_cannot_be_on_earth_is_named(string latitude, string longitude, string message)
    {
        string path = FileWith("impossible.osm",
            $"<osm version=\"0.6\"><node id=\"1\" lat=\"{latitude}\" lon=\"{longitude}\"/><node id=\"2\" lat=\"52\" lon=\"4.3\"/>"
            + "<way id=\"5\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"residential\"/></way></osm>");

        var problem = SingleProblem(path);

        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_geojson_map_in_rd_new_is_refused_with_what_to_export_instead()
    {
        string path = FileWith("rd-new.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"highway\":\"residential\"},"
            + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[85000,446000],[85100,446000]]}}]}");

        var problem = SingleProblem(path);

        Assert.StartsWith("feature 0 has a point at (85000, 446000), which is not longitude/latitude in degrees", problem.Message, StringComparison.Ordinal);
        Assert.Contains("EPSG:4326", problem.Suggestion, StringComparison.Ordinal);
    }

    private const string OneStreet = "\"features\":[{\"type\":\"Feature\",\"properties\":{\"highway\":\"residential\"},"
        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[4.37,52.0],[4.371,52.0]]}}]";

    [Theory]
    [InlineData("urn:ogc:def:crs:EPSG::28992", "RD New (EPSG:28992")]
    [InlineData("EPSG:3857", "Web Mercator (EPSG:3857")]
    [InlineData("urn:ogc:def:crs:EPSG:6.6:32631", "EPSG:32631")]
    [InlineData("my own grid", "'my own grid'")]
    public void A_geojson_map_whose_crs_member_names_another_system_is_refused_even_where_its_numbers_look_like_degrees(string crs, string named)
    {
        // Numbers that would pass as Delft in degrees: only the crs member tells that they are not.
        string path = FileWith("other-crs.geojson", $"{{\"type\":\"FeatureCollection\",\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"{crs}\"}}}},{OneStreet}}}");

        var problem = SingleProblem(path);

        Assert.Equal("crs", problem.Field);
        Assert.StartsWith($"its coordinates are in {named}", problem.Message, StringComparison.Ordinal);
        Assert.Contains("ogr2ogr -t_srs EPSG:4326", problem.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}}")]
    [InlineData("{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4326\"}}")]
    [InlineData("{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4326\"}}")]
    [InlineData("null")]
    public void A_geojson_map_whose_crs_member_names_wgs84_is_read(string crs)
    {
        string path = FileWith("wgs84.geojson", $"{{\"type\":\"FeatureCollection\",\"crs\":{crs},{OneStreet}}}");

        var result = MapLoader.Load(path);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(1, result.Unwrap().Neighbourhood.Network.SegmentCount);
    }

    [Fact]
    public void A_crs_that_names_no_system_is_refused()
    {
        string path = FileWith("linked.geojson", $"{{\"type\":\"FeatureCollection\",\"crs\":{{\"type\":\"link\",\"properties\":{{\"href\":\"http://example.com/crs\"}}}},{OneStreet}}}");

        Assert.Contains("names no coordinate system", SingleProblem(path).Message, StringComparison.Ordinal);
    }
}
