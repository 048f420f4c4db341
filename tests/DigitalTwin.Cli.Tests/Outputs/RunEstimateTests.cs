using DigitalTwin.Cli.Outputs;
using System.Text.Json.Nodes;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Outputs;

/// <summary>The estimate before a run: near the measured scale points and above them, and a refusal that names the numbers and the way out.</summary>
public sealed class RunEstimateTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private const double GB = 1L << 30;

    [Theory]
    // benchmarks/results/scale.md and the paired Delft runs: residents, days, measured peak GB, measured seconds on 2 threads.
    [InlineData(7_140, 28, 0.96, 7.6)]
    [InlineData(7_140, 1, 0.60, 1.0)]
    [InlineData(100_000, 28, 5.10, 79.8)]
    [InlineData(1_000_000, 1, 6.02, 53.9)]
    [InlineData(10_000, 28, 0.63, 4.4)]
    public void The_estimate_is_at_least_the_measured_peak_and_not_more_than_twice_it(int residents, int days, double peakGb, double seconds)
    {
        var estimate = RunEstimate.For(residents, days, threads: 2);

        Assert.InRange(estimate.PeakBytes / GB, peakGb * 0.85, peakGb * 2);
        Assert.InRange(estimate.Seconds, seconds / 4, seconds * 4);
    }

    [Theory]
    // benchmarks/results/population-memory.md: Delft plus new housing, crowding its 7,140 residents' streets.
    [InlineData(12_140, 1, 1.70, 0.85, 2.2)]
    [InlineData(17_140, 1, 2.40, 1.21, 3.6)]
    [InlineData(27_140, 1, 3.80, 1.84, 5.5)]
    [InlineData(47_140, 1, 6.60, 3.45, 11.6)]
    [InlineData(67_140, 1, 9.40, 6.05, 23.4)]
    [InlineData(27_140, 4, 3.80, 2.46, 9.6)]
    [InlineData(47_140, 4, 6.60, 4.82, 30.8)]
    [InlineData(17_140, 28, 2.40, 2.45, 31.3)]
    [InlineData(27_140, 28, 3.80, 3.97, 113.2)]
    public void A_crowded_map_is_estimated_near_its_measured_peak_too(int residents, int days, double crowding, double peakGb, double seconds)
    {
        var estimate = RunEstimate.For(residents, days, threads: 2, crowding);

        Assert.InRange(estimate.PeakBytes / GB, peakGb * 0.85, peakGb * 2);
        Assert.InRange(estimate.Seconds, seconds / 4, seconds * 4);
        Assert.True(estimate.PeakBytes > RunEstimate.For(residents, days, threads: 2).PeakBytes * 1.1);
    }

    [Fact]
    public void New_housing_on_a_map_counts_as_crowding_and_the_run_says_so()
    {
        string folder = Path.Combine(_files.Directory, "out");
        _files.Set("interventions", new JsonArray(new JsonObject
        {
            ["type"] = "population", ["point"] = new JsonArray(4.37, 52.0), ["dwellings"] = 100, ["householdSize"] = 2,
        }));
        string scenario = Fixtures.GridScenario(_files);

        var (code, output, error) = Fixtures.RunTwin("run", scenario, "--days", "1", "--out", folder, "--ignore-memory-check");

        Assert.True(code == TwinApp.Success, error);
        Assert.Contains("for 300 residents × 1 day (3.0 times as many residents as the map's own homes hold: each meets about that many times more people)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_does_not_fit_is_refused_with_its_numbers_and_the_override()
    {
        var estimate = RunEstimate.For(1_000_000, 28, 2);

        Assert.Null(estimate.Refusal(1_000_000, 28, estimate.PeakBytes));
        string refusal = estimate.Refusal(1_000_000, 28, 4L << 30)!;

        Assert.StartsWith("error: 1,000,000 residents × 28 days needs", refusal, StringComparison.Ordinal);
        Assert.Contains("this machine has 4.0 GB free", refusal, StringComparison.Ordinal);
        Assert.Contains("--ignore-memory-check", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("times as many residents", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crowded_run_that_does_not_fit_says_why_it_needs_more_than_its_residents()
    {
        // Delft plus 60,000 residents of new housing: 6.0 GB measured, where 67,140 residents at their own fill need 1.2.
        string refusal = RunEstimate.For(67_140, 1, 2, crowding: 9.4).Refusal(67_140, 1, 4L << 30)!;

        Assert.StartsWith("error: 67,140 residents × 1 days needs 10.", refusal, StringComparison.Ordinal);
        Assert.Contains("(9.4 times as many residents as the map's own homes hold: each meets about that many times more people)", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Free_memory_is_read_and_a_run_says_its_estimate_before_simulating()
    {
        Assert.InRange(RunEstimate.AvailableBytes(), 1L << 20, long.MaxValue);
        string folder = Path.Combine(_files.Directory, "out");

        var (code, output, error) = Fixtures.RunTwin("run", Fixtures.GridScenario(_files), "--days", "2", "--out", folder, "--ignore-memory-check");

        Assert.True(code == TwinApp.Success, error);
        Assert.Contains("estimate: about 0.5 GB of memory and 1 s for 100 residents × 2 days", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("estimate:", StringComparison.Ordinal) < output.IndexOf("simulating", StringComparison.Ordinal));
    }
}
