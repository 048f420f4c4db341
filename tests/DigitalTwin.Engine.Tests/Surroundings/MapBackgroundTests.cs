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

    [Fact]
    public void A_multipolygon_relation_draws_its_outer_ring_joined_from_its_ways()
    {
        string path = Path.Combine(_folder, "lake.osm");
        // A lake drawn by two untagged half-rings (the second the wrong way round) and an island as an inner ring;
        // and a park whose outer ring is cut by the extract's edge (node 59 missing), so it cannot close.
        File.WriteAllText(path, """
            <osm version="0.6">
              <node id="1" lat="52.0000" lon="4.3600"/><node id="2" lat="52.0000" lon="4.3650"/>
              <node id="10" lat="52.0005" lon="4.3610"/><node id="11" lat="52.0005" lon="4.3620"/><node id="12" lat="52.0010" lon="4.3620"/><node id="13" lat="52.0010" lon="4.3610"/>
              <node id="20" lat="52.0007" lon="4.3614"/><node id="21" lat="52.0007" lon="4.3616"/><node id="22" lat="52.0008" lon="4.3615"/>
              <node id="50" lat="51.9990" lon="4.3630"/><node id="51" lat="51.9990" lon="4.3640"/>
              <way id="100"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>
              <way id="201"><nd ref="10"/><nd ref="11"/><nd ref="12"/></way>
              <way id="202"><nd ref="10"/><nd ref="13"/><nd ref="12"/></way>
              <way id="203"><nd ref="20"/><nd ref="21"/><nd ref="22"/><nd ref="20"/></way>
              <way id="301"><nd ref="50"/><nd ref="51"/><nd ref="59"/></way>
              <relation id="900"><member type="way" ref="201" role="outer"/><member type="way" ref="202" role="outer"/><member type="way" ref="203" role="inner"/>
                <tag k="type" v="multipolygon"/><tag k="natural" v="water"/></relation>
              <relation id="901"><member type="way" ref="301" role="outer"/><tag k="type" v="multipolygon"/><tag k="leisure" v="park"/></relation>
            </osm>
            """);

        var background = MapLoader.Load(path).Unwrap().Neighbourhood.Background;

        Assert.Equal([BackgroundKind.Water], background.Kind);
        Assert.Equal([0, 4], background.RingStart);
    }

    [Fact]
    public void Ways_are_joined_into_rings_either_way_round_and_what_cannot_close_is_dropped()
    {
        var rings = NeighbourhoodAssembler.ClosedRings([[1, 2, 3], [5, 4, 3], [5, 6, 1], [7, 8, 9], [10, 11, 12, 10]]);

        Assert.Equal(2, rings.Count);
        Assert.Equal([10L, 11, 12, 10], rings[0]);
        Assert.Equal(new HashSet<long> { 1, 2, 3, 4, 5, 6 }, rings[1].ToHashSet());
        Assert.Equal(7, rings[1].Length);
        Assert.Equal(rings[1][0], rings[1][^1]);
    }

    private static Dictionary<string, string> Tags(string text) =>
        text.Split(';').Select(t => t.Split('=')).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
}
