using System.Diagnostics;
using System.Text.Json;

namespace DigitalTwin.Benchmarks.Scale;

/// <summary>
/// The scale run: synthetic cities of 1k, 10k, 100k and 1M residents for one day, 28 days up to 100k, the Delft
/// baseline (1 and 28 days), and thread scaling (the largest one-day point up to 100k again on one thread). Each
/// point runs in its own child process. Writes results.json, results.md and scale.png into the output folder.
/// </summary>
public static class ScaleRunner
{
    public static IReadOnlyList<int> FullSizes { get; } = [1_000, 10_000, 100_000, 1_000_000];

    public static IReadOnlyList<int> QuickSizes { get; } = [1_000, 10_000];

    /// <summary>Multi-day runs stop here: 28 days of 1M residents is a batch job, not a benchmark point.</summary>
    public const int MaxMultiDayResidents = 100_000;

    public const int MultiDays = 28;

    internal static int Execute(CommandArguments line, TextWriter output)
    {
        bool quick = line.Has("quick");
        string folder = Path.GetFullPath(line.Get("out", Path.Combine("out", "bench", quick ? "scale-quick" : "scale")));
        int threads = line.GetInt("threads", Environment.ProcessorCount);
        ulong seed = line.GetULong("seed", 1);
        var sizes = line.Has("sizes") ? line.GetInts("sizes", FullSizes) : quick ? QuickSizes : FullSizes;
        int multiDayMax = line.GetInt("multi-day-max", MaxMultiDayResidents);
        var report = Run(Plan(quick, sizes, threads, multiDayMax), seed, folder, output);
        output.WriteLine($"wrote {Path.Combine(folder, ScaleReport.JsonFile)}, {ScaleReport.MarkdownFile}, {ScaleReport.PlotFile}");
        return report.Failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The points to measure, in order (small first, so a failure shows early).</summary>
    public static IReadOnlyList<PointSpec> Plan(bool quick, IReadOnlyList<int> sizes, int threads, int multiDayMax = MaxMultiDayResidents)
    {
        var plan = new List<PointSpec>();
        foreach (int n in sizes)
        {
            plan.Add(new PointSpec("synthetic", n, 1, threads));
        }
        if (!quick)
        {
            foreach (int n in sizes.Where(n => n <= multiDayMax))
            {
                plan.Add(new PointSpec("synthetic", n, MultiDays, threads));
            }
            plan.Add(new PointSpec("delft", 0, 1, threads));
            plan.Add(new PointSpec("delft", 0, MultiDays, threads));
        }
        if (threads > 1 && sizes.Where(n => n <= MaxMultiDayResidents).DefaultIfEmpty().Max() is int largest and > 0)
        {
            plan.Add(new PointSpec("synthetic", largest, 1, 1));
        }
        return plan;
    }

    public static ScaleReport Run(IReadOnlyList<PointSpec> plan, ulong seed, string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var points = new List<ScalePoint>();
        var failures = new List<string>();
        foreach (var spec in plan)
        {
            output.WriteLine($"point: {spec.City} {(spec.City == "delft" ? "" : spec.Residents + " residents, ")}{spec.Days} day(s), {spec.Threads} thread(s)");
            try
            {
                points.Add(RunChild(spec, seed, folder));
            }
            catch (InvalidOperationException e)
            {
                // A point that cannot run (exit 137: killed for memory) is a result too; the others still run.
                failures.Add(e.Message);
                output.WriteLine($"  FAILED: {e.Message}");
                continue;
            }
            var p = points[^1];
            output.WriteLine($"  {p.WallSeconds:0.000} s, {p.Passages:N0} passages, {p.Encounters:N0} encounters, peak {p.PeakWorkingSetBytes / 1e6:0} MB");
        }
        var report = ScaleReport.From(points, Environment.ProcessorCount, Environment.MachineName) with { Failures = failures };
        report.Write(folder);
        return report;
    }

    /// <summary>Runs one point in a child process of this same program (so its peak working set is its own).</summary>
    private static ScalePoint RunChild(PointSpec spec, ulong seed, string folder)
    {
        string resultFile = Path.Combine(folder, $"point-{spec.City}-{spec.Residents}-{spec.Days}d-{spec.Threads}t.json");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            typeof(ScaleRunner).Assembly.Location, ScalePointRunner.Command,
            "--city", spec.City, "--residents", spec.Residents.ToString(), "--days", spec.Days.ToString(),
            "--threads", spec.Threads.ToString(), "--seed", seed.ToString(), "--result", resultFile,
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the point's child process");
        var stderr = child.StandardError.ReadToEndAsync();
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            string why = child.ExitCode == 137 ? " (killed: out of memory)" : "";
            throw new InvalidOperationException($"{spec.City} {spec.Residents} residents × {spec.Days} d, {spec.Threads} thr: exit {child.ExitCode}{why} {stderr.Result.Trim()}");
        }
        var point = JsonSerializer.Deserialize<ScalePoint>(File.ReadAllText(resultFile), ScaleJson.Options)
            ?? throw new InvalidOperationException($"empty result in {resultFile}");
        File.Delete(resultFile);
        return point;
    }

    /// <summary>The dotnet host: this process if it is one, else the SDK's (set by dotnet run/test), else PATH.</summary>
    internal static string DotnetHost()
    {
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}

/// <summary>What one point measures: a city ("synthetic" or "delft"), its size (synthetic only), days and threads.</summary>
public readonly record struct PointSpec(string City, int Residents, int Days, int Threads);
