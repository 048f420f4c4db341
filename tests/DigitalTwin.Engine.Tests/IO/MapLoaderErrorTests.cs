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

    // Found by the hostile-input corpus (tests/DigitalTwin.Cli.Tests/Reliability), each an internal error before.
    [Theory]
    [InlineData("{\"type\":\"Point\",\"cnordinates\":[4.37,52.0]}", "feature 1 is a Point without coordinates")]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[4.37,52.0]},\"properties\":{\"height\":1e400}", "feature 1 has a property holding a number too large to read")]
    public void A_geojson_feature_that_reads_but_cannot_be_used_is_named(string feature, string message)
    {
        string path = FileWith("hostile.geojson", $"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{\"highway\":\"residential\"}},"
            + $"\"geometry\":{{\"type\":\"LineString\",\"coordinates\":[[4.37,52.0],[4.371,52.0]]}}}},{{\"type\":\"Feature\",\"geometry\":{feature}}}]}}");

        Assert.StartsWith(message, SingleProblem(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_geojson_map_with_a_byte_that_is_not_utf8_or_half_a_character_is_refused()
    {
        string street = "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[4.37,52.0],[4.371,52.0]]}}]}";
        string notUtf8 = Path.Combine(_folder, "latin1.geojson");
        File.WriteAllBytes(notUtf8, [.. System.Text.Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"caf"), 0xE9,
            .. System.Text.Encoding.UTF8.GetBytes("\",\"highway\":\"residential\"}," + street)]);
        string half = FileWith("surrogate.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"\\ud800\",\"highway\":\"residential\"}," + street);

        Assert.StartsWith("must be UTF-8", SingleProblem(notUtf8).Message, StringComparison.Ordinal);
        Assert.Contains("half of a UTF-16 character pair", SingleProblem(half).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_osm_tag_without_a_value_is_ignored_not_a_crash()
    {
        string path = FileWith("tag-without-v.osm", "<osm version=\"0.6\"><node id=\"1\" lat=\"52\" lon=\"4.3\"/><node id=\"2\" lat=\"52\" lon=\"4.301\"/>"
            + "<way id=\"5\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"residential\"/><tag k=\"name\"/></way>"
            + "<way id=\"6\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\"/></way></osm>");

        var result = MapLoader.Load(path);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(1, result.Unwrap().Neighbourhood.Network.SegmentCount);
    }

    [Fact]
    public void A_corrupt_osm_xml_file_is_named_by_line_and_column_without_the_parsers_words()
    {
        var problem = SingleProblem(FileWith("cut.osm", "<osm version=\"0.6\"><node id=\"1\" lat=\"52\" lon=\"4.3\"/><way id="));

        Assert.StartsWith("the file is not a readable OpenStreetMap file: it is not well-formed XML at line 1, column", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", problem.Message, StringComparison.Ordinal);
    }
}
