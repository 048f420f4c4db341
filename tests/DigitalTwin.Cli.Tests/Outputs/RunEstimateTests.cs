using DigitalTwin.Cli.Outputs;
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

    [Fact]
    public void A_run_that_does_not_fit_is_refused_with_its_numbers_and_the_override()
    {
        var estimate = RunEstimate.For(1_000_000, 28, 2);

        Assert.Null(estimate.Refusal(1_000_000, 28, estimate.PeakBytes));
        string refusal = estimate.Refusal(1_000_000, 28, 4L << 30)!;

        Assert.StartsWith("error: 1,000,000 residents × 28 days needs", refusal, StringComparison.Ordinal);
        Assert.Contains("this machine has 4.0 GB free", refusal, StringComparison.Ordinal);
        Assert.Contains("--ignore-memory-check", refusal, StringComparison.Ordinal);
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
