using System.Globalization;
using System.Text.Json;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary>
/// <c>twin profile</c> with residents' observations: the section, layers and GeoPackage on the addressed grid, and
/// with <c>--run</c> the comparison rules against a real run of the same scenario, whose counts the test reads to know
/// the answer; clear errors for a bad row, a run of other inputs and a run without observations.
/// </summary>
public sealed class ProfileObservationsTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private static (int Code, string Out, string Error) Twin(params string[] args) => Fixtures.RunTwin(args, mapServices: false);

    private string Baseline()
    {
        Fixtures.AddressedGridMap(_files, "grid.geojson");
        return _files.Set("name", "Grid baseline").Set("map", "grid.geojson").Write("baseline.json");
    }

    /// <summary>The middle of the map's first street (its first two positions), in WGS84, from the GeoJSON map.</summary>
    private (double Lon, double Lat) OnAStreet(double eastMetres = 0)
    {
        using var map = JsonDocument.Parse(File.ReadAllText(Path.Combine(_files.Directory, "grid.geojson")));
        var line = map.RootElement.GetProperty("features").EnumerateArray()
            .First(f => f.GetProperty("geometry").GetProperty("type").GetString() == "LineString").GetProperty("geometry").GetProperty("coordinates");
        double lon = (line[0][0].GetDouble() + line[1][0].GetDouble()) / 2, lat = (line[0][1].GetDouble() + line[1][1].GetDouble()) / 2;
        // About 68.6 km per degree of longitude at 52° north: near enough for a few metres' offset.
        return (lon + (eastMetres / 68_600), lat);
    }

    private static string Csv(params string[] rows) => "kind,lon,lat,caption,safety,comfort,meeting,greenery\n" + string.Join("\n", rows) + "\n";

    private static string Row(string kind, (double Lon, double Lat) at, string caption, string ratings = ",,,") =>
        string.Create(CultureInfo.InvariantCulture, $"{kind},{at.Lon:0.0000000},{at.Lat:0.0000000},\"{caption}\",{ratings}");

    [Fact]
    public void Observations_enter_the_report_its_layers_and_the_GeoPackage()
    {
        string baseline = Baseline();
        var at = OnAStreet();
        string observations = _files.WriteText("observations.csv", Csv(
            Row("valued-place", at, "our corner, where we chat", "4,,5,"),
            Row("unsafe", at, "dark at night", "2,,,"),
            Row("barrier", at, "the fence")));
        string folder = Path.Combine(_files.Directory, "profile");

        var (code, output, error) = Twin("profile", baseline, "--observations", observations, "--out", folder);

        Assert.True(code == 0, error);
        Assert.Contains("3 observations from", output, StringComparison.Ordinal);
        Assert.Contains("no run given (--run)", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "profile.json")));
        var o = json.RootElement.GetProperty("observations");
        Assert.Equal(3, o.GetProperty("count").GetInt32());
        var byKind = o.GetProperty("byKind");
        Assert.Equal([1, 1, 1, 0], new[] { "valued-place", "unsafe", "barrier", "photo" }.Select(k => byKind.GetProperty(k).GetInt32()));
        // Safety rated 4 and 2: mean 3; meeting rated once, 5; comfort never.
        Assert.Equal(3, o.GetProperty("meanRatings").GetProperty("safety").GetDouble());
        Assert.Equal(5, o.GetProperty("meanRatings").GetProperty("meeting").GetDouble());
        Assert.Equal(JsonValueKind.Null, o.GetProperty("meanRatings").GetProperty("comfort").ValueKind);
        Assert.Equal(JsonValueKind.Null, o.GetProperty("run").ValueKind);
        Assert.Equal(50, o.GetProperty("rules").GetProperty("barrierNotOnMap").GetProperty("radiusMetres").GetDouble());

        string markdown = File.ReadAllText(Path.Combine(folder, "profile.md"));
        Assert.Contains("## Residents' observations", markdown, StringComparison.Ordinal);
        Assert.Contains("our corner, where we chat", markdown, StringComparison.Ordinal);
        Assert.Contains("Give `--run DIR`", markdown, StringComparison.Ordinal);

        using var layer = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "profile-observations.geojson")));
        var features = layer.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["valued-place", "unsafe", "barrier"], features.Select(f => f.GetProperty("properties").GetProperty("kind").GetString()));
        Assert.Equal(4.5, features[0].GetProperty("properties").GetProperty("rating").GetDouble());
        Assert.True(features[0].GetProperty("properties").GetProperty("valued").GetBoolean());
        Assert.False(features[1].GetProperty("properties").GetProperty("valued").GetBoolean());

        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "profile.gpkg"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM observations), (SELECT COUNT(*) FROM streets), (SELECT group_concat(table_name, ',') FROM (SELECT table_name FROM gpkg_contents ORDER BY table_name))";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(3, reader.GetInt64(0));
        Assert.True(reader.GetInt64(1) > 0);
        Assert.Equal("barrier_crossings,barriers,homes,observations,streets", reader.GetString(2));
    }

    [Fact]
    public void Against_a_run_a_quiet_valued_place_and_a_busy_street_nobody_values_are_flagged()
    {
        string baseline = Baseline();
        string runFolder = Path.Combine(_files.Directory, "run");
        var (runCode, _, runError) = Twin("run", baseline, "--days", "1", "--out", runFolder);
        Assert.True(runCode == 0, runError);
        var run = RunFile.Read(Path.Combine(runFolder, RunWriter.RunFileName)).Unwrap();

        // The run's own counts give the answer: the busiest segment by nods, and a street with no nods at all, as far
        // from it as the map allows and with no place within 30 m (a pin there is about the street).
        long Nods(int s) => Enumerable.Range(0, 4).Sum(p => run.Nods[(s * 4) + p]);
        var middle = Enumerable.Range(0, run.SegmentCount).Select(s =>
        {
            int a = run.SegmentGeometryStart[s], b = run.SegmentGeometryStart[s + 1] - 1;
            return ((run.GeometryX[a] + (double)run.GeometryX[b]) / 2, (run.GeometryY[a] + (double)run.GeometryY[b]) / 2);
        }).ToArray();
        int busiest = Enumerable.Range(0, run.SegmentCount).MaxBy(Nods);
        Assert.True(Nods(busiest) > 0, "the run has nods");
        double Apart((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
        int quiet = Enumerable.Range(0, run.SegmentCount)
            .Where(s => Nods(s) == 0 && run.PavementWidthMetres[s] > 0 && Enumerable.Range(0, run.PlaceCount).All(p => Apart(middle[s], (run.PlaceX[p], run.PlaceY[p])) > 35))
            .MaxBy(s => Apart(middle[s], middle[busiest]));
        Assert.True(Apart(middle[quiet], middle[busiest]) > 150, "the quiet street lies well away from the busiest");
        var geo = new GeoReference(run.CentreLongitude, run.CentreLatitude);
        string observations = _files.WriteText("observations.csv", Csv(Row("valued-place", geo.Unproject(middle[quiet].Item1, middle[quiet].Item2), "our quiet street")));
        string folder = Path.Combine(_files.Directory, "profile");

        var (code, output, error) = Twin("profile", baseline, "--observations", observations, "--run", runFolder, "--out", folder);

        Assert.True(code == 0, error);
        Assert.Contains("1 of 1 valued where few meet", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "profile.json")));
        var rules = json.RootElement.GetProperty("observations").GetProperty("rules");
        var found = Assert.Single(rules.GetProperty("valuedButQuiet").GetProperty("found").EnumerateArray());
        Assert.Equal((2, 0L), (found.GetProperty("line").GetInt32(), found.GetProperty("nods").GetInt64()));
        var busy = rules.GetProperty("busyButUnvalued").GetProperty("found").EnumerateArray().ToList();
        Assert.Contains(busy, b => b.GetProperty("spot").GetString() == "segment" && b.GetProperty("index").GetInt32() == busiest);
        Assert.All(busy, b => Assert.True(b.GetProperty("nearestValuedMetres").GetDouble() > 100));
        Assert.True(File.Exists(Path.Combine(folder, "profile-busy-unvalued.geojson")));
        Assert.Contains("**Valued places where few meet**", File.ReadAllText(Path.Combine(folder, "profile.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_of_other_inputs_is_refused_and_nothing_is_written()
    {
        string baseline = Baseline();
        string variant = _files.Empty().Extends("baseline.json").Set("name", "Grid variant").Parameter("encounters.socialDistanceMetres", 6).Write("variant.json");
        string runFolder = Path.Combine(_files.Directory, "variant-run");
        Assert.Equal(0, Twin("run", variant, "--days", "1", "--out", runFolder).Code);
        string observations = _files.WriteText("observations.csv", Csv(Row("valued-place", OnAStreet(), "here")));
        string folder = Path.Combine(_files.Directory, "profile");

        var (code, _, error) = Twin("profile", baseline, "--observations", observations, "--run", runFolder, "--out", folder);

        Assert.Equal(1, code);
        Assert.Contains("--run: ", error, StringComparison.Ordinal);
        Assert.Contains("is a run of 'Grid variant' made from other inputs than", error, StringComparison.Ordinal);
        Assert.Contains("twin run", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_run_without_observations_says_what_to_give()
    {
        string baseline = Baseline();

        var (code, _, error) = Twin("profile", baseline, "--run", Path.Combine(_files.Directory, "run"), "--out", Path.Combine(_files.Directory, "profile"));

        Assert.Equal(1, code);
        Assert.Contains("give --observations FILE, or name \"observations\" in the scenario", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_observation_row_names_file_line_and_field_and_nothing_is_written()
    {
        string baseline = Baseline();
        string observations = _files.WriteText("observations.csv", Csv(Row("valued-place", OnAStreet(), "fine"), Row("bench", OnAStreet(), "bad kind", "9,,,")));
        string folder = Path.Combine(_files.Directory, "profile");

        var (code, _, error) = Twin("profile", baseline, "--observations", observations, "--out", folder);

        Assert.Equal(1, code);
        Assert.Contains("observations.csv", error, StringComparison.Ordinal);
        Assert.Contains("line 3, kind: 'bench' is not a kind of observation", error, StringComparison.Ordinal);
        Assert.Contains("line 3, safety: '9' is not a rating", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void The_scenarios_own_observations_are_read_without_the_option()
    {
        Fixtures.AddressedGridMap(_files, "grid.geojson");
        _files.WriteText("observations.csv", Csv(Row("meeting-spot", OnAStreet(), "by the door"), Row("idea", OnAStreet(5), "a bench")));
        string baseline = _files.Set("name", "Grid baseline").Set("map", "grid.geojson").Set("observations", "observations.csv").Write("baseline.json");
        string folder = Path.Combine(_files.Directory, "profile");

        var (code, output, error) = Twin("profile", baseline, "--out", folder);

        Assert.True(code == 0, error);
        Assert.Contains("2 observations from", output, StringComparison.Ordinal);
        Assert.Contains("by the door", File.ReadAllText(Path.Combine(folder, "profile.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_offscreen_OpenGL_the_report_is_written_without_maps_and_says_so()
    {
        string baseline = Baseline();
        string observations = _files.WriteText("observations.csv", Csv(Row("unsafe", OnAStreet(), "dark")));
        string folder = Path.Combine(_files.Directory, "profile");
        // A child process whose EGL finds no driver: libglvnd (Debian's libEGL) reads its vendor list from this
        // variable, so pointing it at nothing is a machine without Mesa's EGL, as CI without libegl-mesa0 would be.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "twin.dll"),
            "profile", baseline, "--observations", observations, "--out", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["__EGL_VENDOR_LIBRARY_FILENAMES"] = Path.Combine(_files.Directory, "no-such-vendor.json");
        using var process = System.Diagnostics.Process.Start(start)!;
        var errorTask = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        string error = await errorTask;

        Assert.True(process.ExitCode == 0, error);
        Assert.Contains("note: the maps are left out because this machine cannot draw offscreen", error, StringComparison.Ordinal);
        Assert.DoesNotContain("maps in", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "map-*.png"));
        Assert.Contains("Note: the maps are left out", File.ReadAllText(Path.Combine(folder, "profile.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "profile-observations.geojson")));
        Assert.True(File.Exists(Path.Combine(folder, "profile.gpkg")));
    }
}
