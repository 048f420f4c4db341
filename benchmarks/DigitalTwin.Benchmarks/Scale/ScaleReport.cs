using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace DigitalTwin.Benchmarks.Scale;

/// <summary>A least-squares fit of log(y) = a + b·log(residents) over one series of synthetic points.</summary>
public sealed record ScalingFit(string Series, int Days, int Threads, int PointCount, double TimeExponent, double MemoryExponent);

/// <summary>The scale run's results: the points, the fitted exponents, thread speed-up, and the machine.</summary>
public sealed record ScaleReport
{
    public const string JsonFile = "results.json";
    public const string MarkdownFile = "results.md";
    public const string PlotFile = "scale.png";

    public required string Machine { get; init; }

    public int ProcessorCount { get; init; }

    public string Runtime { get; init; } = RuntimeInformation.FrameworkDescription;

    public string Os { get; init; } = RuntimeInformation.OSDescription;

    public required IReadOnlyList<ScalePoint> Points { get; init; }

    public required IReadOnlyList<ScalingFit> Fits { get; init; }

    /// <summary>Points that did not finish, with the reason (e.g. killed for memory).</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Wall time on one thread over wall time on all, for points measured both ways (1 day).</summary>
    public double? ThreadSpeedup { get; init; }

    public static ScaleReport From(IReadOnlyList<ScalePoint> points, int processorCount, string machine)
    {
        var fits = new List<ScalingFit>();
        foreach (var series in points.Where(p => p.City == "synthetic").GroupBy(p => (p.Days, p.Threads)).OrderBy(g => g.Key.Threads).ThenBy(g => g.Key.Days))
        {
            var list = series.OrderBy(p => p.Residents).ToList();
            if (list.Select(p => p.Residents).Distinct().Count() < 2)
            {
                continue;
            }
            double time = Slope(list.Select(p => (double)p.Residents), list.Select(p => p.WallSeconds));
            double memory = Slope(list.Select(p => (double)p.Residents), list.Select(p => (double)p.PeakWorkingSetBytes));
            fits.Add(new ScalingFit($"synthetic, {series.Key.Days} d, {series.Key.Threads} thr", series.Key.Days, series.Key.Threads, list.Count, time, memory));
        }
        double? speedup = null;
        var single = points.FirstOrDefault(p => p.Threads == 1 && p.Days == 1 && p.City == "synthetic");
        if (single is not null && points.FirstOrDefault(p => p.Threads > 1 && p.Days == 1 && p.City == "synthetic" && p.Residents == single.Residents) is { } multi)
        {
            speedup = single.WallSeconds / multi.WallSeconds;
        }
        return new ScaleReport { Machine = machine, ProcessorCount = processorCount, Points = points, Fits = fits, ThreadSpeedup = speedup };
    }

    /// <summary>The least-squares slope of log(y) against log(x): the scaling exponent.</summary>
    public static double Slope(IEnumerable<double> x, IEnumerable<double> y)
    {
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(Math.Max(v, 1e-9))).ToArray();
        double mx = lx.Average(), my = ly.Average();
        double sxy = 0, sxx = 0;
        for (int i = 0; i < lx.Length; i++)
        {
            sxy += (lx[i] - mx) * (ly[i] - my);
            sxx += (lx[i] - mx) * (lx[i] - mx);
        }
        return sxx > 0 ? sxy / sxx : double.NaN;
    }

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(this, ScaleJson.Options));
        File.WriteAllText(Path.Combine(folder, MarkdownFile), ToMarkdown());
        ScalePlot.Write(this, Path.Combine(folder, PlotFile));
    }

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"Machine: {Machine}, {ProcessorCount} logical cores, {Os}, {Runtime}.");
        md.AppendLine();
        md.AppendLine("| city | residents | days | threads | segments | setup s | run s | trips | passages | stays | encounters | events/s | encounters/s | peak MB | bytes/resident | trees MB | ledger MB | live heap MB | allocated MB | GC pause s (full GCs) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in Points)
        {
            md.AppendLine(c, $"| {p.City} | {p.Residents:N0} | {p.Days} | {p.Threads} | {p.Segments:N0} | {p.SetupSeconds:0.00} | {p.WallSeconds:0.000} | {p.Trips:N0} | {p.Passages:N0} | {p.Stays:N0} | {p.Encounters:N0} | {p.EventsPerSecond:N0} | {p.EncountersPerSecond:N0} | {p.PeakWorkingSetBytes / 1e6:N0} | {p.BytesPerResident:N0} | {p.TreeCacheBytes / 1e6:N0} | {p.FamiliarityBytes / 1e6:N0} | {p.LiveHeapBytes / 1e6:N0} | {p.AllocatedBytes / 1e6:N0} | {p.GcPauseSeconds:0.00} ({p.FullCollections}) |");
        }
        md.AppendLine();
        foreach (var f in Fits)
        {
            md.AppendLine(c, $"- Scaling exponent ({f.Series}, {f.PointCount} points, log-log least squares): time ∝ residents^{f.TimeExponent:0.00}, peak memory ∝ residents^{f.MemoryExponent:0.00}");
        }
        if (ThreadSpeedup is double s)
        {
            md.AppendLine(c, $"- Thread scaling (1 day): {s:0.00}× faster on {ProcessorCount} threads than on 1");
        }
        foreach (var failure in Failures)
        {
            md.AppendLine(c, $"- Did not finish: {failure}");
        }
        md.AppendLine();
        string phaseNames = string.Join(" / ", Points.FirstOrDefault()?.PhaseSeconds.Keys.Select(k => k.ToLowerInvariant()) ?? []);
        md.AppendLine(c, $"Phase seconds per point ({phaseNames}):");
        md.AppendLine();
        foreach (var p in Points)
        {
            string phases = string.Join(" / ", p.PhaseSeconds.Select(kv => kv.Value.ToString("0.000", c)));
            md.AppendLine(c, $"- {p.City} {p.Residents:N0} × {p.Days} d, {p.Threads} thr: {phases}");
        }
        return md.ToString();
    }
}
