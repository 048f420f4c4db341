using System.Text.Json;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.TestKit;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary><c>twin profile</c> on the test kit's Canal Quarter: water and rail barriers in the report, the layers and the variants.</summary>
public sealed class ProfileBarriersTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_canal_and_the_railway_appear_with_their_crossings_in_every_output_and_before_and_after()
    {
        _files.WriteText("canal-quarter.osm", TinyWorlds.CanalQuarterOsm);
        string baseline = _files.Set("name", "Canal Quarter").Set("map", "canal-quarter.osm").Write("baseline.json");
        string variant = _files.Empty().Extends("baseline.json").Set("name", "Canal Quarter variant").Parameter("encounters.socialDistanceMetres", 6).Write("variant.json");
        string folder = Path.Combine(_files.Directory, "profile");

        var (code, output, error) = Fixtures.RunTwin(["profile", baseline, variant, "--out", folder], mapServices: false);

        Assert.True(code == 0, error);
        Assert.Contains("of water barrier with 2 crossings", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "profile.json")));
        var startMap = json.RootElement.GetProperty("startMap");
        Assert.Equal(2, startMap.GetProperty("waterCrossings").GetDouble());
        Assert.Equal(2, startMap.GetProperty("railCrossings").GetDouble());
        Assert.Equal(1, startMap.GetProperty("railLevelCrossings").GetDouble());
        var change = json.RootElement.GetProperty("variants")[0].GetProperty("change");
        Assert.Equal(0, change.GetProperty("waterCrossings").GetDouble());
        Assert.Equal(0, change.GetProperty("railBarrierKm").GetDouble());

        string markdown = File.ReadAllText(Path.Combine(folder, "profile.md"));
        int beforeAfter = markdown.IndexOf("Canal Quarter variant: before and after", StringComparison.Ordinal);
        Assert.True(beforeAfter > 0);
        Assert.Contains("| crossings of watercourse barriers | 2 | 2 | no change |", markdown[beforeAfter..], StringComparison.Ordinal);

        // The canal line and the two tracks; the crossings as points, the level one marked.
        using var lines = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "profile-barriers.geojson")));
        var lineFeatures = lines.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal(["water", "rail", "rail"], lineFeatures.Select(p => p.GetProperty("kind").GetString()));
        Assert.Equal([true, true, false], lineFeatures.Select(p => p.GetProperty("counted").GetBoolean()));
        Assert.Equal([2, 2, 0], lineFeatures.Select(p => p.GetProperty("crossings").GetInt32()));
        using var points = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "profile-barrier-crossings.geojson")));
        var crossings = points.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.All(crossings, f => Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.Equal(4, crossings.Count);
        Assert.Single(crossings, f => f.GetProperty("properties").GetProperty("level").GetBoolean());
        Assert.True(File.Exists(Path.Combine(folder, "profile-barriers-canal-quarter-variant.geojson")));

        // The same rows in the GeoPackage.
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "profile.gpkg"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM barriers), (SELECT COUNT(*) FROM barrier_crossings WHERE level = 1)";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(3, reader.GetInt64(0));
        Assert.Equal(1, reader.GetInt64(1));
    }
}
