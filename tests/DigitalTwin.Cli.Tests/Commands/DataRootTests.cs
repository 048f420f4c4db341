using System.Text.Json;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.Engine.IO;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary>
/// <c>--data-root DIR</c>: a scenario whose files lie outside its folder is refused with one line that names the
/// scenario, the field, where the path leads, the root and the option; the option lets it through on every command
/// that reads scenarios, and a sweep's workers read under the root the sweep was made with.
/// </summary>
public sealed class DataRootTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A grid scenario in inner/ whose map is the grid in the folder above: outside its default root.</summary>
    private string ScenarioBesideItsMap()
    {
        Fixtures.GridScenario(_files);
        Directory.CreateDirectory(Path.Combine(_files.Directory, "inner"));
        string scenario = File.ReadAllText(Path.Combine(_files.Directory, "scenario.json")).Replace("\"map.geojson\"", "\"../map.geojson\"", StringComparison.Ordinal);
        return _files.WriteText(Path.Combine("inner", "scenario.json"), scenario);
    }

    private string Root => DataRoot.RealPath(_files.Directory)!;

    [Fact]
    public void A_map_outside_the_scenario_folder_is_refused_in_one_line_naming_scenario_field_path_root_and_option()
    {
        string scenario = ScenarioBesideItsMap();

        var (code, output, error) = Fixtures.RunTwin("run", scenario, "--days", "1", "--out", Path.Combine(_files.Directory, "out"));

        Assert.Equal(TwinApp.UserError, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        string inner = DataRoot.RealPath(Path.Combine(_files.Directory, "inner"))!;
        Assert.Equal($"error: {scenario}: $.map (line 3): '../map.geojson' resolves to {Path.Combine(Root, "map.geojson")}, outside the data root {inner} "
            + $"(a scenario reads files only inside its data root: move the file into {inner}, or give --data-root DIR with a folder that holds it)", line.TrimEnd());
        Assert.DoesNotContain("simulating", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_files.Directory, "out")));
    }

    [Fact]
    public void Data_root_lets_a_path_outside_the_scenario_folder_through()
    {
        string scenario = ScenarioBesideItsMap();

        var validated = Fixtures.RunTwin("validate", scenario, "--data-root", _files.Directory);
        var run = Fixtures.RunTwin("run", scenario, "--days", "1", "--threads", "1", "--out", Path.Combine(_files.Directory, "out"), "--data-root", _files.Directory);

        Assert.True(validated.Code == TwinApp.Success, validated.Error);
        Assert.True(run.Code == TwinApp.Success, run.Error);
    }

    [Fact]
    public void A_data_root_that_is_no_folder_is_refused_before_anything_is_read()
    {
        string scenario = ScenarioBesideItsMap();

        var (code, _, error) = Fixtures.RunTwin("validate", scenario, "--data-root", Path.Combine(_files.Directory, "nowhere"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.Equal($"error: --data-root: '{Path.Combine(_files.Directory, "nowhere")}' is not a folder (give the folder the scenario's files lie in)", error.Trim());
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("network")]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("sweep")]
    [InlineData("calibrate")]
    [InlineData("profile")]
    [InlineData("view")]
    public void Every_command_that_reads_scenarios_takes_a_data_root(string command)
    {
        var (code, output, _) = Fixtures.RunTwin(command, "--help");

        Assert.Equal(TwinApp.Success, code);
        Assert.Contains("--data-root <DIR>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_made_with_a_data_root_records_it_and_its_workers_read_under_it()
    {
        ScenarioBesideItsMap();
        string sweep = _files.WriteText(Path.Combine("inner", "tiny.sweep.json"), File.ReadAllText(SweepFixtures.TinySweep(_files, draws: 2)));
        string folder = Path.Combine(_files.Directory, "sweep-out");

        var refused = SweepFixtures.Run("sweep", sweep, "--out", folder, "--threads", "1");
        var made = SweepFixtures.Run("sweep", sweep, "--out", folder, "--threads", "1", "--data-root", _files.Directory);
        Directory.Delete(Path.Combine(folder, "runs"), recursive: true);
        var worker = SweepFixtures.Run("sweep", "run-slice", folder, "--slice", "0/1", "--threads", "1");

        Assert.Equal(TwinApp.UserError, refused.Code);
        Assert.Contains("outside the data root", refused.Error, StringComparison.Ordinal);
        Assert.True(made.Code == TwinApp.Success, made.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        Assert.Equal(Root, manifest.RootElement.GetProperty("scenarios")[0].GetProperty("dataRoot").GetString());
        Assert.True(worker.Code == TwinApp.Success, worker.Error);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "runs")).Length);
    }
}
