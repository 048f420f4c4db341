using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Surroundings;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Surroundings;

public sealed class BarrierLinesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "twin-barriers-" + Guid.NewGuid().ToString("N"));

    public BarrierLinesTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("railway=rail", BarrierKind.Rail)]
    [InlineData("railway=light_rail", BarrierKind.Rail)]
    [InlineData("railway=subway", BarrierKind.Rail)]
    [InlineData("railway=rail;bridge=yes", BarrierKind.Rail)]
    [InlineData("waterway=canal", BarrierKind.Water)]
    [InlineData("waterway=ditch", BarrierKind.Water)]
    [InlineData("waterway=drain;tunnel=no", BarrierKind.Water)]
    public void Rail_on_its_own_track_and_open_watercourses_are_barriers(string tags, BarrierKind expected)
    {
        Assert.Equal(expected, BarrierTags.Classify(Tags(tags)));
    }

    [Theory]
    [InlineData("railway=tram")]
    [InlineData("railway=construction")]
    [InlineData("railway=disused")]
    [InlineData("railway=rail;tunnel=yes")]
    [InlineData("waterway=ditch;tunnel=culvert")]
    [InlineData("waterway=riverbank")]
    [InlineData("highway=residential")]
    public void Trams_tunnels_culverts_and_areas_are_not(string tags)
    {
        Assert.Null(BarrierTags.Classify(Tags(tags)));
    }

    [Fact]
    public void The_import_joins_a_canal_split_in_two_and_clips_the_railway_to_the_streets()
    {
        string path = Path.Combine(_folder, "canal-quarter.osm");
        File.WriteAllText(path, TinyWorlds.CanalQuarterOsm);

        var world = MapLoader.Load(path).Unwrap().Neighbourhood;

        var barriers = world.Barriers;
        // The two canal ways are one line; two tracks; no tram, no culvert.
        Assert.Equal([BarrierKind.Water, BarrierKind.Rail, BarrierKind.Rail], barriers.Kind);
        Assert.Equal(3, barriers.LineStart[1]);
        var geo = world.Network.GeoReference;
        var (west, _) = geo.Project(4.3605, 52.0010);
        var (east, _) = geo.Project(4.3695, 52.0010);
        Assert.Equal(east - west, barriers.LengthMetres(0), 2);
        // The railway runs on to 52.0100 in the file; the map ends at the west street's 52.0030.
        var (_, south) = geo.Project(4.3680, 51.9995);
        var (_, north) = geo.Project(4.3680, 52.0030);
        Assert.Equal(north - south, barriers.LengthMetres(1), 2);
    }

    [Fact]
    public void A_boundary_cuts_the_barrier_lines_where_they_cross_it()
    {
        string path = Path.Combine(_folder, "canal-quarter.osm");
        File.WriteAllText(path, TinyWorlds.CanalQuarterOsm);
        // A boundary whose east edge leans from (4.3650, 51.9980) to (4.3700, 52.0040): it cuts the canal (52.0010, half
        // way up the edge) at 4.3675, and the railway (4.3680, three fifths of the way across) at 52.0016, inside above.
        var options = new MapLoadOptions { BoundingPolygon = [(4.3590, 51.9980), (4.3650, 51.9980), (4.3700, 52.0040), (4.3590, 52.0040)] };

        var world = MapLoader.Load(path, options).Unwrap().Neighbourhood;

        var barriers = world.Barriers;
        var geo = world.Network.GeoReference;
        var (west, _) = geo.Project(4.3605, 52.0010);
        var (cut, _) = geo.Project(4.3650 + (0.0050 / 2), 52.0010);
        Assert.Equal(BarrierKind.Water, barriers.Kind[0]);
        Assert.Equal(cut - west, barriers.LengthMetres(0), 1);
        var (_, railCut) = geo.Project(4.3680, 51.9980 + (0.0060 * 0.6));
        var (_, railTop) = geo.Project(4.3680, 52.0040);
        Assert.Equal(railTop - railCut, barriers.LengthMetres(1), 1);
    }

    [Fact]
    public void Interventions_keep_the_barriers()
    {
        string path = Path.Combine(_folder, "canal-quarter.osm");
        File.WriteAllText(path, TinyWorlds.CanalQuarterOsm);
        var world = MapLoader.Load(path).Unwrap().Neighbourhood;

        var draft = new DigitalTwin.Engine.Interventions.NeighbourhoodDraft(world, DigitalTwin.Engine.Simulation.SimulationParameters.Default);

        Assert.Same(world.Barriers, draft.Build().Barriers);
    }

    private static Dictionary<string, string> Tags(string text) =>
        text.Split(';').Select(t => t.Split('=')).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
}
