using System.Text.Json.Nodes;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary><c>twin compare --robust</c>: the share of parameter draws in which a variant's effect keeps its sign.</summary>
public sealed class CompareRobustTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    [Trait("Category", "Slow")]
    public void A_variant_that_greets_more_raises_nods_in_every_draw_of_the_notice_rate()
    {
        Fixtures.GridScenario(_files);
        _files.WriteText("greeting.json", """{ "name": "greeting", "extends": "scenario.json", "parameters": { "nods.intercept": 0.5 } }""");
        var sweep = new JsonObject
        {
            ["name"] = "robust",
            ["scenarios"] = new JsonArray("scenario.json", "greeting.json"),
            ["parameters"] = new JsonObject { ["attention.noticeRatePerSecond"] = new JsonObject { ["min"] = 0.2, ["max"] = 2.0, ["scale"] = "log" } },
            ["design"] = new JsonObject { ["method"] = "latin-hypercube", ["draws"] = 4, ["seed"] = 3 },
            ["seeds"] = new JsonObject { ["count"] = 1 },
            ["days"] = 1,
        };
        string path = _files.WriteText("robust.sweep.json", sweep.ToJsonString());
        string folder = Path.Combine(_files.Directory, "out");

        var result = SweepFixtures.Run("compare", "--robust", path, "--out", folder, "--threads", "1");

        Assert.True(result.Code == 0, result.Error);
        string[] lines = File.ReadAllLines(Path.Combine(folder, "robust", "robust.csv"));
        Assert.Equal("variant,outcome,meanEffect,smallestEffect,largestEffect,draws,drawsKeepingSign,shareKeepingSign", lines[0]);
        string nods = lines.Single(l => l.StartsWith("greeting,nodsPerResidentPerDay,", StringComparison.Ordinal));
        string[] f = nods.Split(',');
        Assert.True(double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) > 0, nods);
        Assert.True(double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) > 0, nods); // even the smallest effect
        Assert.Equal(["4", "4", "1"], f[5..]);
        // Greeting does not move anyone: encounters are the same in both, an effect of 0 that keeps no sign.
        Assert.EndsWith(",4,0,0", lines.Single(l => l.StartsWith("greeting,encountersPerResidentPerDay,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("keeps its sign in 100 % of 4 draws", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Robust_takes_a_sweep_of_a_baseline_and_variants_only()
    {
        string sweep = SweepFixtures.TinySweep(_files);
        var single = SweepFixtures.Run("compare", "--robust", sweep, "--out", Path.Combine(_files.Directory, "out"));
        Assert.Equal(1, single.Code);
        Assert.Contains("has one scenario; --robust compares the first (the baseline) with the others", single.Error, StringComparison.Ordinal);
        var withVariant = SweepFixtures.Run("compare", "--robust", sweep, "other.json");
        Assert.Equal(1, withVariant.Code);
        Assert.Contains("--robust takes one sweep file", withVariant.Error, StringComparison.Ordinal);
    }
}
