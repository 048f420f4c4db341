using System.Text.Json;
using DigitalTwin.Benchmarks.Scale;

namespace DigitalTwin.Benchmarks.Tests.Scale;

public sealed class ScaleRunnerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dt-scale-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Quick_mode_writes_results_json_markdown_and_plot_with_sane_figures()
    {
        var plan = ScaleRunner.Plan(quick: true, ScaleRunner.QuickSizes, threads: 2);
        var report = ScaleRunner.Run(plan, seed: 1, _folder, TextWriter.Null);

        Assert.True(File.Exists(Path.Combine(_folder, ScaleReport.JsonFile)));
        Assert.True(File.Exists(Path.Combine(_folder, ScaleReport.MarkdownFile)));
        byte[] png = File.ReadAllBytes(Path.Combine(_folder, ScaleReport.PlotFile));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        var written = JsonSerializer.Deserialize<ScaleReport>(File.ReadAllText(Path.Combine(_folder, ScaleReport.JsonFile)), ScaleJson.Options)!;
        Assert.Equal(3, written.Points.Count); // 1k and 10k on 2 threads, 10k again on 1 thread
        foreach (var point in written.Points)
        {
            Assert.True(point.Passages > point.Residents, $"{point.Residents} residents made only {point.Passages} passages");
            Assert.True(point.Stays > 0 && point.Encounters > 0 && point.Trips > 0);
            Assert.True(point.WallSeconds > 0 && point.EventsPerSecond > 0 && point.PeakWorkingSetBytes > 0);
            Assert.Equal(point.PeakWorkingSetBytes / (double)point.Residents, point.BytesPerResident, 6);
        }
        Assert.InRange(written.Points[0].Residents, 950, 1050);
        Assert.InRange(written.Points[1].Residents, 9500, 10500);
        // Determinism across thread counts: the same city on 1 and 2 threads gives the same totals.
        Assert.Equal(written.Points[1].Passages, written.Points[2].Passages);
        Assert.Equal(written.Points[1].Encounters, written.Points[2].Encounters);
        // Ten times the people make several times the work, whatever the machine's speed.
        Assert.True(written.Points[1].Passages > 5 * written.Points[0].Passages);
        Assert.Empty(report.Failures);
        Assert.Single(report.Fits);
        Assert.NotNull(report.ThreadSpeedup);
        Assert.Contains($"| synthetic | {written.Points[1].Residents:N0} | 1 | 2 |", File.ReadAllText(Path.Combine(_folder, ScaleReport.MarkdownFile)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(0.8)]
    public void The_scaling_exponent_is_the_log_log_slope(double exponent)
    {
        double[] residents = [1e3, 1e4, 1e5, 1e6];
        double[] seconds = residents.Select(n => 0.002 * Math.Pow(n, exponent)).ToArray();
        Assert.Equal(exponent, ScaleReport.Slope(residents, seconds), 9);
    }

    [Fact]
    public void The_full_plan_has_every_size_for_one_day_28_days_up_to_100k_delft_and_a_one_thread_point()
    {
        var plan = ScaleRunner.Plan(quick: false, ScaleRunner.FullSizes, threads: 2);
        Assert.Equal(4, plan.Count(p => p is { City: "synthetic", Days: 1, Threads: 2 }));
        Assert.Equal([1_000, 10_000, 100_000], plan.Where(p => p.Days == ScaleRunner.MultiDays && p.City == "synthetic").Select(p => p.Residents));
        Assert.Equal(2, plan.Count(p => p.City == "delft"));
        Assert.Contains(new PointSpec("synthetic", 100_000, 1, 1), plan);
    }
}
