using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary><c>twin compare</c> in-process: the report folder on a small synthetic grid, and the exit codes of bad input.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private static (int Code, string Out, string Error) Run(params string[] args) => Fixtures.RunTwin(args, mapServices: false);

    [Fact]
    [Trait("Category", "Slow")]
    public void Writes_the_report_folder_with_a_paragraph_and_tables_per_variant()
    {
        Fixtures.AddressedGridMap(_files, "grid.geojson");
        File.Copy(Path.Combine(_files.Directory, "grid.geojson"), Path.Combine(_files.Directory, "grid-copy.geojson"));
        string baseline = _files.Set("name", "Grid baseline").Set("map", "grid.geojson").Set("days", 2).Write("baseline.json");
        string wider = _files.Empty().Extends("baseline.json").Set("name", "Wider distance").Parameter("encounters.socialDistanceMetres", 6).Write("wider.json");
        string otherMap = _files.Empty().Extends("baseline.json").Set("name", "Other map").Set("map", "grid-copy.geojson").Write("other.json");
        string folder = Path.Combine(_files.Directory, "report");

        var (code, output, error) = Run("compare", baseline, wider, otherMap, "--threads", "1", "--out", folder);

        Assert.True(code == TwinApp.Success, error);
        Assert.Contains("[6/6]", output, StringComparison.Ordinal);
        // Said before the first run: one run's memory and time, and how many runs there are.
        Assert.Matches(@"estimate: about \d+\.\d GB of memory and \d+ s per run \(the largest, [\d,]+ residents × 2 days\); 6 runs", output);
        string markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("With **Wider distance**, residents meet people on the street", markdown, StringComparison.Ordinal);
        Assert.Contains("seed 42 + r (r = 0 to 1) for every scenario", markdown, StringComparison.Ordinal);
        Assert.Contains("| outcome | baseline | variant | change | 95 % interval |", markdown, StringComparison.Ordinal);
        Assert.Contains("| group | residents |", markdown, StringComparison.Ordinal);
        Assert.Contains("| street | baseline encounters per m per day |", markdown, StringComparison.Ordinal);
        Assert.Contains("uses another map or boundary (grid-copy.geojson)", markdown, StringComparison.Ordinal);
        Assert.Contains("![", markdown, StringComparison.Ordinal);

        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,iVBOR", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<strong>Wider distance</strong>", html, StringComparison.Ordinal);

        var png = File.ReadAllBytes(Path.Combine(folder, "outcomes.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(File.Exists(Path.Combine(folder, "groups-wider-distance.png")));
        Assert.True(File.Exists(Path.Combine(folder, "beyond-noise-wider-distance.png")), "the map of segments beyond the noise");
        Assert.Contains("](beyond-noise-wider-distance.png)", markdown, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "beyond-noise-other-map.png")));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "comparison.json")));
        Assert.Equal([42UL, 43UL], json.RootElement.GetProperty("seeds").EnumerateArray().Select(s => s.GetUInt64()));
        var variants = json.RootElement.GetProperty("variants");
        Assert.Equal(2, variants.GetArrayLength());
        var encounters = variants[0].GetProperty("outcomes")[0];
        Assert.Equal("encountersPerResidentPerDay", encounters.GetProperty("outcome").GetString());
        Assert.True(encounters.GetProperty("meanDifference").GetDouble() > 0, "a wider social distance adds encounters");
        Assert.False(variants[1].GetProperty("scenario").GetProperty("sameMapAsBaseline").GetBoolean());

        string[] csv = File.ReadAllLines(Path.Combine(folder, "comparison.csv"));
        Assert.StartsWith("variant,section,trait,group,item,measure,", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.StartsWith("Wider distance,outcome,all,all,encountersPerResidentPerDay,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("Wider distance,street,,,Row Street 2,encounters_per_m_day,", StringComparison.Ordinal));

        // A difference layer only where the networks match segment for segment (not for the variant on another map file).
        string layer = File.ReadAllText(Path.Combine(folder, "difference-wider-distance.geojson"));
        Assert.Contains("difference_encounters_per_m_day", layer, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "difference-other-map.geojson")));
    }

    /// <summary>
    /// --until-resolved: a variant identical to the baseline differs by exactly zero in every replication (common random
    /// numbers), so two replications resolve it as nil; a tiny precision leaves a real but small change unresolved, and
    /// replications are added up to the limit, every scenario with the same seeds, and the report says so.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Until_resolved_adds_replications_until_every_change_is_resolved_or_the_limit()
    {
        Fixtures.AddressedGridMap(_files, "grid.geojson");
        string baseline = _files.Set("name", "Grid baseline").Set("map", "grid.geojson").Set("days", 1).Write("baseline.json");
        string same = _files.Empty().Extends("baseline.json").Set("name", "Same").Write("same.json");
        string folder = Path.Combine(_files.Directory, "resolved");

        var (code, output, error) = Run("compare", baseline, same, "--replications", "2", "--until-resolved", "--threads", "1", "--out", folder, "--ignore-memory-check");

        Assert.True(code == TwinApp.Success, error);
        Assert.DoesNotContain("adding replication", output, StringComparison.Ordinal);
        Assert.Contains("resolved with 2 replications: encounters no change beyond ±1 %, nodding contacts no change beyond ±1 %",
            File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);

        string wider = _files.Empty().Extends("baseline.json").Set("name", "Slightly wider").Parameter("encounters.socialDistanceMetres", 3.8).Write("slightly.json");
        string limited = Path.Combine(_files.Directory, "limited");

        (code, output, error) = Run("compare", baseline, wider, "--replications", "2", "--until-resolved", "--max-replications", "4", "--precision", "0.000001",
            "--threads", "1", "--out", limited);

        Assert.True(code == TwinApp.Success, error);
        Assert.Contains("adding replication 3 (limit 4)", output, StringComparison.Ordinal);
        Assert.Contains("[8/8]", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(limited, "comparison.json")));
        Assert.Equal([42UL, 43UL, 44UL, 45UL], json.RootElement.GetProperty("seeds").EnumerateArray().Select(s => s.GetUInt64()));
        string markdown = File.ReadAllText(Path.Combine(limited, "report.md"));
        Assert.True(markdown.Contains("not resolved within 4 replications", StringComparison.Ordinal)
            || markdown.Contains("resolved with 4 replications: encounters a change", StringComparison.Ordinal), markdown);
    }

    [Theory]
    [InlineData("--max-replications", "1", "--max-replications: 1 is outside 2-")]
    [InlineData("--precision", "0", "--precision: 0 is outside (0, 100]")]
    public void Until_resolved_options_out_of_range_are_user_errors(string option, string value, string expected)
    {
        string baseline = _files.Write("baseline.json");
        string variant = _files.Empty().Extends("baseline.json").Write("variant.json");

        var (code, _, error) = Run("compare", baseline, variant, "--until-resolved", option, value);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolution_options_without_until_resolved_are_a_user_error()
    {
        string baseline = _files.Write("baseline.json");
        string variant = _files.Empty().Extends("baseline.json").Write("variant.json");

        var (code, _, error) = Run("compare", baseline, variant, "--max-replications", "5");

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("only apply with --until-resolved", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_variant_file_is_a_user_error()
    {
        string baseline = _files.Write("baseline.json");

        var (code, _, error) = Run("compare", baseline, Path.Combine(_files.Directory, "nope.json"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("nope.json", error, StringComparison.Ordinal);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--replications", "1", "intervals need 2 or more replications")]
    [InlineData("--replications", "1000", "--replications: 1000 is more than 100")]
    [InlineData("--days", "0", "--days: 0 is outside 1-365")]
    public void Bad_options_are_user_errors(string option, string value, string message)
    {
        string baseline = _files.Write("baseline.json");
        string variant = _files.Write("variant.json");

        var (code, _, error) = Run("compare", baseline, variant, option, value);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_with_one_replication_needs_the_option()
    {
        string baseline = _files.Set("replications", 1).Write("baseline.json");
        string variant = _files.Write("variant.json");

        var (code, _, error) = Run("compare", baseline, variant);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("$.replications: the baseline asks for 1 replication(s); intervals need 2 or more", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_without_variants_is_refused()
    {
        var (code, _, _) = Run("compare", _files.Write("baseline.json"));

        Assert.Equal(TwinApp.UserError, code);
    }

    /// <summary>Standard output that asks the command to stop when it prints a line containing a given text, as Ctrl-C would.</summary>
    private sealed class StopAt(string text, Interruption interruption) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.Contains(text, StringComparison.Ordinal))
            {
                interruption.Request(PosixSignal.SIGINT);
            }
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_stopped_comparison_keeps_its_finished_runs_and_the_same_compare_reuses_them()
    {
        Fixtures.AddressedGridMap(_files, "grid.geojson");
        string baseline = _files.Set("name", "Grid baseline").Set("map", "grid.geojson").Set("days", 2).Write("baseline.json");
        string wider = _files.Empty().Extends("baseline.json").Set("name", "Wider distance").Parameter("encounters.socialDistanceMetres", 6).Write("wider.json");
        string folder = Path.Combine(_files.Directory, "report");
        string[] args = ["compare", baseline, wider, "--threads", "1", "--out", folder];
        string reference = Path.Combine(_files.Directory, "reference");
        Assert.Equal(TwinApp.Success, Run([.. args[..^1], reference]).Code);

        int stoppedCode;
        string stoppedError;
        using (var interruption = Interruption.Manual())
        using (var output = new StopAt("[2/4]", interruption))
        using (var error = new StringWriter())
        {
            stoppedCode = TwinApp.Run(args, new Terminal(output, error, _ => null), null, interruption);
            stoppedError = error.ToString();
        }

        Assert.Equal(Interruption.InterruptedExitCode, stoppedCode);
        Assert.Equal(
            $"cancelled (Ctrl-C): the comparison stopped in run 3 of 4; its 2 finished run(s) are kept in {Path.Combine(folder, "runs")} and the same compare reuses them; the report in {folder} is untouched",
            stoppedError.Trim());
        Assert.Equal(["grid-baseline-seed42.json", "wider-distance-seed42.json"], Directory.GetFiles(Path.Combine(folder, "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(folder, "report.md")));

        var (code, resumed, resumedError) = Run(args);

        Assert.True(code == TwinApp.Success, resumedError);
        Assert.Contains("reusing 2 of 4 runs finished earlier", resumed, StringComparison.Ordinal);
        Assert.Contains("[1/4] Grid baseline, seed 42: ", resumed, StringComparison.Ordinal);
        Assert.Contains("(reused; ", resumed, StringComparison.Ordinal);
        // A reused run gives the very report that simulating it again gives.
        foreach (string file in new[] { "comparison.json", "comparison.csv", "report.md", "difference-wider-distance.geojson" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(reference, file)), File.ReadAllText(Path.Combine(folder, file)));
        }
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder, "runs")).Length);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_files.Directory, ".report*"));

        var (again, output2, _) = Run(args);
        Assert.Equal(TwinApp.Success, again);
        Assert.Contains("reusing 4 of 4 runs finished earlier", output2, StringComparison.Ordinal);

        // Other days are other runs.
        var (_, otherDays, _) = Run([.. args, "--days", "1"]);
        Assert.DoesNotContain("reusing", otherDays, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variant_that_cannot_run_stops_the_comparison_before_anything_is_simulated()
    {
        Fixtures.AddressedGridMap(_files, "grid.geojson");
        var map = JsonNode.Parse(File.ReadAllText(Path.Combine(_files.Directory, "grid.geojson")))!;
        var features = map["features"]!.AsArray();
        foreach (var home in features.Where(f => (string?)f!["properties"]!["layer"] == "home").ToList())
        {
            features.Remove(home);
        }
        File.WriteAllText(Path.Combine(_files.Directory, "no-homes.geojson"), map.ToJsonString());
        string baseline = _files.Set("name", "Grid baseline").Set("map", "grid.geojson").Set("days", 2).Write("baseline.json");
        string homeless = _files.Empty().Extends("baseline.json").Set("name", "No homes").Set("map", "no-homes.geojson").Write("homeless.json");

        var (code, output, error) = Run("compare", baseline, homeless, "--threads", "1", "--out", Path.Combine(_files.Directory, "report"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("no-homes.geojson: homes: the map has no homes to place residents in", error, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/", output, StringComparison.Ordinal);
    }
}
