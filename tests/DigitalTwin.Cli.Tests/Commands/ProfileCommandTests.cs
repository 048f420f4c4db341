using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary><c>twin profile</c> in-process: the report folder on a small synthetic grid, and clear errors for bad input.</summary>
public sealed class ProfileCommandTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private static (int Code, string Out, string Error) Run(params string[] args) => Fixtures.RunTwin(args, mapServices: false);

    [Fact]
    public void Writes_the_profile_folder_with_every_figure_and_a_self_contained_page()
    {
        Fixtures.AddressedGridMap(_files, "grid.geojson");
        string baseline = _files.Set("name", "Grid baseline").Set("map", "grid.geojson").Write("baseline.json");
        string variant = _files.Empty().Extends("baseline.json").Set("name", "Grid variant").Parameter("encounters.socialDistanceMetres", 6).Write("variant.json");
        string folder = Path.Combine(_files.Directory, "profile");

        var (code, output, error) = Run("profile", baseline, variant, "--out", folder);

        Assert.True(code == 0, error);
        Assert.Contains("wrote", output, StringComparison.Ordinal);
        foreach (string file in new[] { "profile.md", "profile.html", "profile.json", "profile-streets.geojson", "profile-homes.geojson", "profile-streets-grid-variant.geojson" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "profile.json")));
        var root = json.RootElement;
        Assert.True(root.GetProperty("population").GetProperty("municipality").ValueKind == JsonValueKind.Null);
        Assert.True(root.GetProperty("population").GetProperty("figures").GetProperty("inhabitants").GetProperty("area").GetDouble() > 0);
        var startMap = root.GetProperty("startMap");
        Assert.True(startMap.GetProperty("walkableStreetKm").GetDouble() > 0);
        Assert.InRange(startMap.GetProperty("homesWithin500mAny").GetDouble(), 0, 100);
        Assert.Equal(0, root.GetProperty("variants")[0].GetProperty("change").GetProperty("walkableStreetKm").GetDouble());
        var definitions = root.GetProperty("definitions");
        foreach (var figure in startMap.EnumerateObject())
        {
            Assert.True(definitions.TryGetProperty("startMap." + figure.Name, out _), figure.Name);
        }

        string markdown = File.ReadAllText(Path.Combine(folder, "profile.md"));
        Assert.Contains("no CBS row", markdown, StringComparison.Ordinal);
        Assert.Contains("Grid variant: before and after", markdown, StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(folder, "profile.html"));
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", html, StringComparison.Ordinal);

        // One geometry type per layer and the same fields on every feature.
        using var streets = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "profile-streets.geojson")));
        var features = streets.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.All(features, f => Assert.Equal("LineString", f.GetProperty("geometry").GetProperty("type").GetString()));
        var fields = features[0].GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(features, f => Assert.Equal(fields, f.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList()));
        Assert.Contains("narrow", fields);
    }

    [Fact]
    public void A_variant_with_a_long_name_gets_GeoPackage_layers_of_at_most_63_characters()
    {
        Fixtures.AddressedGridMap(_files, "grid.geojson");
        string baseline = _files.Set("name", "Grid baseline").Set("map", "grid.geojson").Write("baseline.json");
        string variant = _files.Empty().Extends("baseline.json").Set("name", "Walkers allowed on the cycle links at Schoemakerstraat and Mekelweg")
            .Parameter("encounters.socialDistanceMetres", 6).Write("variant.json");
        string folder = Path.Combine(_files.Directory, "profile");

        var (code, _, error) = Run("profile", baseline, variant, "--out", folder);

        Assert.True(code == 0, error);
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "profile.gpkg")};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT table_name FROM gpkg_contents ORDER BY table_name";
        var names = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        Assert.Equal(8, names.Count);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 63));
        Assert.Contains("barrier_crossings_walkers_allowed_on_the_cycle_links_at_schoe_1", names);
    }

    [Fact]
    public void A_missing_scenario_is_one_clear_line_and_exit_code_1()
    {
        var (code, _, error) = Run("profile", Path.Combine(_files.Directory, "nowhere.json"), "--out", Path.Combine(_files.Directory, "out"));

        Assert.Equal(1, code);
        Assert.Contains("nowhere.json", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_variant_names_its_file_and_nothing_is_written()
    {
        Fixtures.AddressedGridMap(_files, "grid.geojson");
        string baseline = _files.Set("name", "Grid baseline").Set("map", "grid.geojson").Write("baseline.json");
        string folder = Path.Combine(_files.Directory, "profile");

        var (code, _, error) = Run("profile", baseline, Path.Combine(_files.Directory, "no-such-variant.json"), "--out", folder);

        Assert.Equal(1, code);
        Assert.Contains("no-such-variant.json", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }
}
