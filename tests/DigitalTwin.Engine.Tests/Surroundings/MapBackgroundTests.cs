using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Surroundings;

namespace DigitalTwin.Engine.Tests.Surroundings;

public sealed class MapBackgroundTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "twin-background-" + Guid.NewGuid().ToString("N"));

    public MapBackgroundTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("building=house", BackgroundKind.Building)]
    [InlineData("building=yes;landuse=grass", BackgroundKind.Building)]
    [InlineData("natural=water;water=canal", BackgroundKind.Water)]
    [InlineData("waterway=riverbank", BackgroundKind.Water)]
    [InlineData("leisure=park", BackgroundKind.Green)]
    [InlineData("landuse=grass", BackgroundKind.Green)]
    [InlineData("natural=wood", BackgroundKind.Green)]
    public void Closed_ways_are_buildings_water_or_green_by_their_tags(string tags, BackgroundKind expected)
    {
        Assert.Equal(expected, BackgroundTags.Classify(Tags(tags)));
    }

    [Theory]
    [InlineData("building=no")]
    [InlineData("highway=pedestrian;area=yes")]
    [InlineData("landuse=residential")]
    [InlineData("amenity=parking")]
    public void Other_areas_are_not_background(string tags)
    {
        Assert.Null(BackgroundTags.Classify(Tags(tags)));
    }

    [Fact]
    public void The_import_keeps_buildings_water_and_green_apart_from_the_streets()
    {
        string path = Path.Combine(_folder, "map.osm");
        File.WriteAllText(path, """
            <osm version="0.6">
              <node id="1" lat="52.0000" lon="4.3600"/><node id="2" lat="52.0000" lon="4.3650"/>
              <node id="10" lat="52.0005" lon="4.3610"/><node id="11" lat="52.0005" lon="4.3612"/><node id="12" lat="52.0007" lon="4.3612"/><node id="13" lat="52.0007" lon="4.3610"/>
              <node id="20" lat="51.9995" lon="4.3620"/><node id="21" lat="51.9995" lon="4.3630"/><node id="22" lat="51.9990" lon="4.3625"/>
              <node id="30" lat="52.0010" lon="4.3630"/><node id="31" lat="52.0010" lon="4.3640"/><node id="32" lat="52.0015" lon="4.3640"/><node id="33" lat="52.0015" lon="4.3630"/>
              <way id="100"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="name" v="Teststraat"/></way>
              <way id="200"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="10"/><tag k="building" v="house"/></way>
              <way id="300"><nd ref="20"/><nd ref="21"/><nd ref="22"/><nd ref="20"/><tag k="natural" v="water"/></way>
              <way id="400"><nd ref="30"/><nd ref="31"/><nd ref="32"/><nd ref="33"/><nd ref="30"/><tag k="leisure" v="park"/></way>
              <way id="500"><nd ref="30"/><nd ref="31"/><nd ref="32"/><tag k="building" v="yes"/></way>
            </osm>
            """);

        var map = MapLoader.Load(path).Unwrap();

        var background = map.Neighbourhood.Background;
        Assert.Equal([BackgroundKind.Building, BackgroundKind.Water, BackgroundKind.Green], background.Kind);
        // Rings without the repeated closing point, in the streets' projection (metres about the streets' centre).
        Assert.Equal([0, 4, 7, 11], background.RingStart);
        var (x, y) = map.Neighbourhood.Network.GeoReference.Project(4.3610, 52.0005);
        Assert.Equal(x, background.X[0], 0.01);
        Assert.Equal(y, background.Y[0], 0.01);
        Assert.Equal(1, map.Neighbourhood.Network.SegmentCount);
        // Carried into the run file for the map, the same areas.
        var run = RunWriter.ToMapFile(new RunMetadata("t", "", "", "", 1, 1, 1, 0), map.Neighbourhood);
        Assert.Equal([2, 1, 0], run.BackgroundKind);
        Assert.Equal(background.X, run.BackgroundX);
    }

    private static Dictionary<string, string> Tags(string text) =>
        text.Split(';').Select(t => t.Split('=')).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
}
