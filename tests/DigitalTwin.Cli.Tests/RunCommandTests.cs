using System.Text.Json;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests;

/// <summary><c>twin run</c> in-process on a tiny generated map: the run folder, and the errors people see.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private static (int Code, string Out, string Error) Run(params string[] args) => Fixtures.RunTwin(args);

    /// <summary>A scenario on a 4 × 4 generated grid, written as GeoJSON (streets, places and homes in one file).</summary>
    private string TinyScenario()
    {
        string map = Path.Combine(_files.Directory, "map.geojson");
        Assert.True(GeoJsonExporter.WriteNeighbourhood(NetworkGenerator.Grid(4, 4), map).Succeeded);
        return _files.Set("map", "map.geojson").Write();
    }

    [Fact]
    public void Run_simulates_a_tiny_scenario_and_writes_the_four_files()
    {
        string scenario = TinyScenario();
        string folder = Path.Combine(_files.Directory, "out");

        var (code, output, error) = Run("run", scenario, "--days", "2", "--seed", "9", "--threads", "2", "--out", folder);

        Assert.True(code == TwinApp.Success, error);
        Assert.Empty(error);
        foreach (string file in new[] { RunWriter.SummaryFile, RunWriter.EdgesFile, RunWriter.PlacesFile, RunWriter.RunFileName })
        {
            Assert.True(new FileInfo(Path.Combine(folder, file)) is { Exists: true, Length: > 0 }, $"{file} missing or empty");
        }
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
        Assert.Contains("simulating 2 days, seed 9, 2 thread(s)", output, StringComparison.Ordinal);
        Assert.Contains("day 2/2", output, StringComparison.Ordinal);
        Assert.Contains("encounters within social distance", output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, RunWriter.SummaryFile)));
        var root = summary.RootElement;
        Assert.Equal(2, root.GetProperty("days").GetInt32());
        Assert.Equal(9UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(100, root.GetProperty("residents").GetInt32());
        Assert.Equal("test", root.GetProperty("scenario").GetProperty("name").GetString());
        Assert.True(root.GetProperty("totals").GetProperty("trips").GetInt64() > 0);
        Assert.True(RunFile.Read(Path.Combine(folder, RunWriter.RunFileName)).Succeeded);
        foreach (var (table, header) in RunWriter.Tables)
        {
            Assert.Equal(header, File.ReadLines(Path.Combine(folder, table)).FirstOrDefault());
        }
        Assert.Equal(100 + 1, File.ReadLines(Path.Combine(folder, RunWriter.ResidentsFile)).Count());
        Assert.True(root.TryGetProperty("definitions", out var definitions) && definitions.TryGetProperty("totals.trips", out _), "summary.json defines its figures");
    }

    [Fact]
    public void Run_refuses_before_simulating_a_folder_with_files_it_does_not_write()
    {
        string folder = Path.Combine(_files.Directory, "out");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        var (code, output, error) = Run("run", TinyScenario(), "--days", "2", "--out", folder);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Empty(output);
        Assert.Contains("holds notes.txt, which this command does not write", error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_second_run_replaces_the_first_whole_and_leaves_nothing_beside_it()
    {
        string scenario = TinyScenario();
        string folder = Path.Combine(_files.Directory, "out");
        Assert.Equal(TwinApp.Success, Run("run", scenario, "--days", "1", "--seed", "1", "--out", folder).Code);
        // What versions before the staging folder left on a failure: it belongs to the run and goes with it.
        File.WriteAllBytes(Path.Combine(folder, RunWriter.RunFileName + ".partial"), []);

        var (code, _, error) = Run("run", scenario, "--days", "1", "--seed", "2", "--out", folder);

        Assert.True(code == TwinApp.Success, error);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, RunWriter.SummaryFile)));
        Assert.Equal(2UL, summary.RootElement.GetProperty("seed").GetUInt64());
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
        Assert.Equal(["out"], Directory.GetDirectories(_files.Directory).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    public void Run_refuses_a_day_count_outside_1_to_365(string days)
    {
        var (code, output, error) = Run("run", TinyScenario(), "--days", days, "--out", Path.Combine(_files.Directory, "out"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.Equal($"error: --days: {days} is outside 1-365", error.Trim());
        Assert.Empty(output);
        Assert.False(Directory.Exists(Path.Combine(_files.Directory, "out")));
    }

    [Fact]
    public void Run_reports_a_missing_scenario_with_exit_code_1()
    {
        string missing = Path.Combine(_files.Directory, "no-such-scenario.json");

        var (code, _, error) = Run("run", missing, "--out", Path.Combine(_files.Directory, "out"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("no-such-scenario.json", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_files.Directory, "out")));
    }
}
