using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DigitalTwin.Benchmarks.Scale;
using DigitalTwin.TestKit;

namespace DigitalTwin.Benchmarks.Sumo;

/// <summary>
/// The whole <c>twin run</c> of the Delft baseline for one day, start to finish as a user waits for it: the command
/// line's own process (start, JIT, import of the OSM extract and the CBS row, synthesis of the population, the
/// simulation of every resident in every mode, the run folder's outputs), timed from outside.
/// </summary>
public static class TwinRun
{
    /// <summary>The command line as built by <c>dotnet build -c Release</c> (UseArtifactsOutput).</summary>
    public static string Executable => Path.Combine(RepositoryFiles.Root, "artifacts", "bin", "DigitalTwin.Cli", "release", "twin");

    /// <summary>
    /// Runs <c>twin run baseline.json --days 1 --threads N</c> once untimed (the OS's file cache, as for SUMO's runs, which
    /// read files just written) and then once timed for each thread count.
    /// </summary>
    public static List<TwinRunTiming> Time(string folder, IReadOnlyList<int> threadCounts)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: build it first (dotnet build DigitalTwin.sln -c Release)");
        }
        string scenario = Path.Combine(RepositoryFiles.Root, ScalePointRunner.DelftScenario);
        string output = Path.Combine(folder, "twin-run");
        Run(scenario, threadCounts[0], output);
        var timings = new List<TwinRunTiming>();
        foreach (int threads in threadCounts)
        {
            double seconds = Run(scenario, threads, output);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
            var root = summary.RootElement;
            timings.Add(new TwinRunTiming
            {
                Threads = threads,
                Seconds = seconds,
                SimulationSeconds = root.GetProperty("wallTimeSeconds").GetDouble(),
                Encounters = root.GetProperty("totals").GetProperty("encounters").GetInt64(),
            });
        }
        Directory.Delete(output, recursive: true);
        return timings;
    }

    private static double Run(string scenario, int threads, string output)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["run", scenario, "--days", "1", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", output])
        {
            start.ArgumentList.Add(a);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start twin");
        var stderr = process.StandardError.ReadToEndAsync();
        string log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"twin run failed (exit {process.ExitCode}): {stderr.Result}{log}");
        }
        return seconds;
    }
}

/// <summary>One timed <c>twin run</c> (Delft baseline, one day).</summary>
public sealed record TwinRunTiming
{
    public int Threads { get; init; }

    /// <summary>Start to finish, from starting the process to its exit.</summary>
    public double Seconds { get; init; }

    /// <summary>Of which the simulation itself (summary.json's wallTimeSeconds: building the simulator and running the day).</summary>
    public double SimulationSeconds { get; init; }

    /// <summary>Every resident's encounters that day (all modes and places, the real street cross-sections).</summary>
    public long Encounters { get; init; }
}
