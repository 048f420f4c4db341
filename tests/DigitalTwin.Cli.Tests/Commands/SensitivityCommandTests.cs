using System.Text.Json;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary><c>twin sensitivity</c> on a tiny sweep: the report's files, the same bytes twice, and bad input as one line with exit code 1.</summary>
public sealed class SensitivityCommandTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private string Folder(string name) => Path.Combine(_files.Directory, name);

    [Fact]
    [Trait("Category", "Slow")]
    public void A_finished_sweep_gives_a_report_with_accuracy_importance_and_dependence_the_same_twice()
    {
        string sweep = SweepFixtures.TinySweep(_files, draws: 8);
        var swept = SweepFixtures.Run("sweep", sweep, "--out", Folder("s"), "--threads", "1");
        Assert.True(swept.Code == 0, swept.Error);

        // A plain sweep keeps no street counts: its manifest and results read as before calibrate existed.
        Assert.DoesNotContain("countSegments", File.ReadAllText(Path.Combine(Folder("s"), "manifest.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("segmentCounts", File.ReadAllText(Directory.EnumerateFiles(Path.Combine(Folder("s"), "runs")).First()), StringComparison.Ordinal);

        var first = SweepFixtures.Run("sensitivity", Folder("s"));
        Assert.True(first.Code == 0, first.Error);
        string report = Path.Combine(Folder("s"), "sensitivity");
        byte[] json = File.ReadAllBytes(Path.Combine(report, "sensitivity.json"));
        var second = SweepFixtures.Run("sensitivity", Folder("s"), "--out", Folder("again"));
        Assert.True(second.Code == 0, second.Error);
        Assert.Equal(json, File.ReadAllBytes(Path.Combine(Folder("again"), "sensitivity.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(report, "report.html")), File.ReadAllBytes(Path.Combine(Folder("again"), "report.html")));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(8, root.GetProperty("runs").GetInt32());
        Assert.Equal(["attention.noticeRatePerSecond", "familiarity.familiarStrangerDays"], root.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(2, root.GetProperty("testDraws").GetArrayLength()); // a quarter of 8 draws
        var outcomes = root.GetProperty("outcomes").EnumerateArray().ToList();
        // Neither swept parameter changes who walks where, and every draw runs the same seed: encounters are the same in
        // every run, and a constant is named as left out, not emulated (so are nodding contacts, none in one day).
        var skipped = root.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("outcome").GetString()).ToList();
        Assert.Contains("encountersPerResidentPerDay", skipped);
        Assert.Contains("noddingContactsPerResident", skipped);
        var noticed = outcomes.Single(o => o.GetProperty("outcome").GetString() == "noticedPerResidentPerDay");
        Assert.Equal(2, noticed.GetProperty("importance").GetArrayLength());
        Assert.Equal(20, noticed.GetProperty("partialDependence")[0].GetProperty("values").GetArrayLength());
        Assert.Equal(6, noticed.GetProperty("heldOut").GetProperty("trainingRuns").GetInt32());
        // Noticing depends on the notice rate, not on the days a familiar stranger needs, and rises with it.
        var importance = noticed.GetProperty("importance");
        Assert.True(importance[0].GetProperty("rSquaredDrop").GetDouble() > importance[1].GetProperty("rSquaredDrop").GetDouble(), importance.ToString());
        var rate = noticed.GetProperty("partialDependence")[0].GetProperty("outcome");
        Assert.True(rate[19].GetDouble() > rate[0].GetDouble(), rate.ToString());

        string html = File.ReadAllText(Path.Combine(report, "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Held-out accuracy", html, StringComparison.Ordinal);
        Assert.StartsWith("outcome,input,rank,rSquaredDrop,", File.ReadAllText(Path.Combine(report, "importance.csv")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(report + ".partial"));
    }

    [Fact]
    public void A_folder_without_a_sweep_is_one_line_and_exit_code_1()
    {
        Directory.CreateDirectory(Folder("empty"));
        var result = SweepFixtures.Run("sensitivity", Folder("empty"));
        Assert.Equal(1, result.Code);
        Assert.Contains("no sweep manifest here", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Folder("empty"), "sensitivity")));
    }

    [Fact]
    public void Too_few_draws_are_refused_before_any_emulator_is_trained()
    {
        string sweep = SweepFixtures.TinySweep(_files, draws: 4);
        Assert.Equal(0, SweepFixtures.Run("sweep", sweep, "--out", Folder("s"), "--threads", "1").Code);
        var result = SweepFixtures.Run("sensitivity", Folder("s"));
        Assert.Equal(1, result.Code);
        Assert.Contains("has 4 draws; an emulator needs at least 8", result.Error, StringComparison.Ordinal);
    }
}
