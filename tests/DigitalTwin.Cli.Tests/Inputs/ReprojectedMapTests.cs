using System.Globalization;
using System.Text.Json.Nodes;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.TestKit;
using Xunit.Abstractions;

namespace DigitalTwin.Cli.Tests.Inputs;

/// <summary>
/// GeoJSON maps in RD New (and the other systems ProjNET is given for) import as the same neighbourhood as in WGS84;
/// a crs this program does not reproject, numbers that do not fit the crs, or metres without a crs are refused with
/// what to do. The RD files are made with the approximation formulas, not ProjNET, so the import is checked against an
/// independent conversion.
/// </summary>
public sealed class ReprojectedMapTests(ITestOutputHelper log) : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private static MapLoadOptions WithProjections => new() { CoordinateSystems = ProjNetCoordinateSystems.Instance };

    private const string RdNewCrs = "urn:ogc:def:crs:EPSG::28992";

    /// <summary>
    /// The GeoJSON map at <paramref name="wgs84"/> with every position converted by <paramref name="convert"/>, to the
    /// millimetre as a GIS writes it, and a crs member naming <paramref name="crs"/> (none when null).
    /// </summary>
    private string Converted(string wgs84, string name, string? crs, Func<double, double, (double X, double Y)> convert)
    {
        var map = JsonNode.Parse(File.ReadAllText(wgs84))!.AsObject();
        foreach (var feature in map["features"]!.AsArray())
        {
            ConvertPositions(feature!["geometry"]!["coordinates"]!, convert);
        }
        if (crs is not null)
        {
            map["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = crs } };
        }
        return _files.WriteText(name, map.ToJsonString());
    }

    private static void ConvertPositions(JsonNode node, Func<double, double, (double X, double Y)> convert)
    {
        var array = node.AsArray();
        if (array.Count > 0 && array[0] is JsonValue)
        {
            var (x, y) = convert(array[0]!.GetValue<double>(), array[1]!.GetValue<double>());
            array[0] = Math.Round(x, 3);
            array[1] = Math.Round(y, 3);
            return;
        }
        foreach (var child in array)
        {
            ConvertPositions(child!, convert);
        }
    }

    private static Neighbourhood Imported(string path, MapLoadOptions? options = null)
    {
        var loaded = MapLoader.Load(path, options);
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        return loaded.Unwrap().Neighbourhood;
    }

    private static InputProblem Refusal(string path)
    {
        var loaded = MapLoader.Load(path, WithProjections);
        Assert.False(loaded.Succeeded);
        return Assert.Single(loaded.Problems);
    }

    [Fact]
    public void The_delft_map_in_rd_new_imports_as_the_same_street_network()
    {
        string wgs84 = Path.Combine(_files.Directory, "delft.geojson");
        Assert.True(GeoJsonExporter.WriteNeighbourhood(Imported(RepositoryFiles.DelftXml), wgs84).Succeeded);
        string rd = Converted(wgs84, "delft-rd.geojson", RdNewCrs, IndependentProjections.Wgs84ToRd);

        var expected = Imported(wgs84);
        var actual = Imported(rd, WithProjections);

        Assert.Equal((expected.Network.SegmentCount, expected.Network.NodeCount), (actual.Network.SegmentCount, actual.Network.NodeCount));
        Assert.Equal((expected.Places.Count, expected.Homes.TotalDwellings), (actual.Places.Count, actual.Homes.TotalDwellings));
        double longest = 0, farthest = 0;
        for (int s = 0; s < expected.Network.SegmentCount; s++)
        {
            longest = Math.Max(longest, Math.Abs(expected.Network.LengthMetres[s] - actual.Network.LengthMetres[s]));
        }
        for (int n = 0; n < expected.Network.NodeCount; n++)
        {
            farthest = Math.Max(farthest, IndependentProjections.Metres(
                expected.Network.GeoReference.Unproject(expected.Network.NodeX[n], expected.Network.NodeY[n]),
                actual.Network.GeoReference.Unproject(actual.Network.NodeX[n], actual.Network.NodeY[n])));
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Delft-Wippolder through RD New: {actual.Network.SegmentCount} segments; lengths differ by at most {longest:0.000} m, street nodes lie at most {farthest:0.000} m apart"));
        Assert.True(longest <= 0.5, $"a segment's length differs by {longest} m");
        Assert.True(farthest <= 1, $"a node moved {farthest} m");
    }

    [Theory]
    [InlineData("EPSG:3857")]
    [InlineData("urn:ogc:def:crs:EPSG::32631")]
    public void A_map_in_web_mercator_or_utm_imports_where_it_is(string crs)
    {
        string wgs84 = Fixtures.AddressedGridMap(_files, "grid.geojson");
        Func<double, double, (double, double)> convert = crs.EndsWith("3857", StringComparison.Ordinal)
            ? (lon, lat) => (lon * Math.PI / 180 * 6_378_137, Math.Log(Math.Tan((Math.PI / 4) + (lat * Math.PI / 360))) * 6_378_137)
            : (lon, lat) => IndependentProjections.Wgs84ToUtm(lon, lat, 31);

        var expected = Imported(wgs84);
        var actual = Imported(Converted(wgs84, "projected.geojson", crs, convert), WithProjections);

        Assert.Equal(expected.Network.SegmentCount, actual.Network.SegmentCount);
        Assert.Equal(expected.Network.GeoReference.CentreLongitude, actual.Network.GeoReference.CentreLongitude, 6);
        Assert.Equal(expected.Network.GeoReference.CentreLatitude, actual.Network.GeoReference.CentreLatitude, 6);
    }

    [Fact]
    public void Run_and_validate_reproject_a_scenario_map_in_rd_new()
    {
        string wgs84 = Fixtures.AddressedGridMap(_files, "grid.geojson");
        Converted(wgs84, "grid-rd.geojson", RdNewCrs, IndependentProjections.Wgs84ToRd);
        var population = ScenarioBuilder.ValidScenario()["population"]!.DeepClone();
        string scenario = _files.Set("map", "grid-rd.geojson").Set("population", population).Write();

        var validated = Fixtures.RunTwin("validate", scenario);
        var run = Fixtures.RunTwin("run", scenario, "--days", "1", "--threads", "1", "--out", Path.Combine(_files.Directory, "out"));

        Assert.True(validated.Code == TwinApp.Success, validated.Error);
        Assert.Contains($"map: {Imported(wgs84).Network.SegmentCount} segments", validated.Out, StringComparison.Ordinal);
        Assert.True(run.Code == TwinApp.Success, run.Error);
    }

    [Fact]
    public void The_engine_alone_still_refuses_rd_new_naming_it()
    {
        string rd = Converted(Fixtures.AddressedGridMap(_files, "grid.geojson"), "grid-rd.geojson", RdNewCrs, IndependentProjections.Wgs84ToRd);

        var problem = Assert.Single(MapLoader.Load(rd).Problems);

        Assert.StartsWith("its coordinates are in RD New (EPSG:28992", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("this importer reads only WGS84 longitude/latitude", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_not_reprojected_is_refused_naming_it_and_those_that_are()
    {
        string other = Converted(Fixtures.AddressedGridMap(_files, "grid.geojson"), "lambert.geojson", "urn:ogc:def:crs:EPSG::2154", (x, y) => (x, y));

        var problem = Refusal(other);

        Assert.Equal("crs", problem.Field);
        Assert.Equal("its coordinates are in EPSG:2154 (the file says 'urn:ogc:def:crs:EPSG::2154'), not WGS84 longitude/latitude; this importer reads WGS84 "
            + "longitude/latitude and reprojects RD New (EPSG:28992), Web Mercator (EPSG:3857), UTM zones 31N and 32N (EPSG:32631, EPSG:32632)", problem.Message);
        Assert.Contains("ogr2ogr -t_srs EPSG:4326", problem.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Degrees_declared_as_rd_new_are_refused_as_not_rd_new()
    {
        string degrees = Converted(Fixtures.AddressedGridMap(_files, "grid.geojson"), "mislabelled.geojson", RdNewCrs, (lon, lat) => (lon, lat));

        var problem = Refusal(degrees);

        Assert.Matches(@"^feature \d+ has a point at \(4\.3\d*, 5\d\.\d*\), which in RD New \(EPSG:28992\) lies at longitude [-\d.]+, latitude [-\d.]+, outside the area that system is made for \(longitude 2\.7 to 7\.72, latitude 50\.25 to 54\.2\): the numbers are not RD New \(EPSG:28992\) coordinates$", problem.Message);
        Assert.StartsWith("the crs member must name the system the numbers are in", problem.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Metres_without_a_crs_member_are_refused_with_the_crs_member_to_add()
    {
        string metres = Converted(Fixtures.AddressedGridMap(_files, "grid.geojson"), "no-crs.geojson", null, IndependentProjections.Wgs84ToRd);

        var problem = Refusal(metres);

        Assert.Contains("which is not longitude/latitude in degrees: the file looks projected", problem.Message, StringComparison.Ordinal);
        Assert.Contains("add \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::28992\"}} to the FeatureCollection", problem.Suggestion, StringComparison.Ordinal);
    }
}
