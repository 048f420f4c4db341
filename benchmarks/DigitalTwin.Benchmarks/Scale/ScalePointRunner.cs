using System.Diagnostics;
using System.Text.Json;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;

namespace DigitalTwin.Benchmarks.Scale;

/// <summary>
/// Measures one scale point in this process and writes it as JSON. The scale runner starts one child process per
/// point so that each peak working set is that point's alone (a process's peak never goes down).
/// </summary>
public static class ScalePointRunner
{
    public const string Command = "scale-point";

    /// <summary>The Delft-Wippolder baseline, relative to the repository root.</summary>
    public const string DelftScenario = "scenarios/delft-wippolder/baseline.json";

    internal static int Execute(CommandArguments line, TextWriter output)
    {
        string city = line.Get("city", "synthetic");
        int residents = line.GetInt("residents", 1000);
        int days = line.GetInt("days", 1);
        int threads = line.GetInt("threads", Environment.ProcessorCount);
        ulong seed = line.GetULong("seed", 1);
        string result = line.Get("result") ?? throw new ArgumentException("--result FILE is required");
        var point = Measure(city, residents, days, threads, seed);
        File.WriteAllText(result, JsonSerializer.Serialize(point, ScaleJson.Options));
        output.WriteLine($"{point.City} {point.Residents} residents, {point.Days} d, {point.Threads} thr: {point.WallSeconds:0.00} s");
        return 0;
    }

    public static ScalePoint Measure(string city, int residents, int days, int threads, ulong seed)
    {
        var setup = Stopwatch.StartNew();
        (Neighbourhood neighbourhood, Residents people) = city switch
        {
            "synthetic" => SyntheticCity.Build(residents, seed),
            "delft" => LoadDelft(ref seed),
            _ => throw new ArgumentException($"unknown city '{city}' (synthetic or delft)"),
        };
        double setupSeconds = setup.Elapsed.TotalSeconds;

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        int fullBefore = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        var simulator = new Simulator(neighbourhood, people, SimulationParameters.Default, new RunOptions(days) { Seed = seed, Threads = threads });
        var run = simulator.Run();
        double wall = clock.Elapsed.TotalSeconds;
        var totals = run.Totals;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        double gcPause = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds;
        int fullCollections = GC.CollectionCount(2) - fullBefore;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        long live = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(simulator);
        return new ScalePoint
        {
            City = city,
            Residents = people.Count,
            Days = days,
            Threads = threads,
            Segments = neighbourhood.Network.SegmentCount,
            SetupSeconds = setupSeconds,
            WallSeconds = wall,
            Trips = totals.Trips,
            Passages = totals.Passages,
            Stays = totals.Stays,
            Encounters = totals.Encounters,
            EventsPerSecond = (totals.Passages + totals.Stays) / wall,
            EncountersPerSecond = totals.Encounters / wall,
            PeakWorkingSetBytes = peak,
            BytesPerResident = peak / (double)people.Count,
            AllocatedBytes = allocated,
            LiveHeapBytes = live,
            GcPauseSeconds = gcPause,
            FullCollections = fullCollections,
            TreeCacheBytes = totals.TreeCacheBytes,
            FamiliarityBytes = totals.FamiliarityBytes,
            Pairs = totals.Pairs,
            PhaseSeconds = run.PhaseSeconds.ToDictionary(p => p.Key.ToString(), p => p.Value),
        };
    }

    /// <summary>The Delft baseline as <c>twin run</c> prepares it; its own seed replaces <paramref name="seed"/>.</summary>
    internal static (Neighbourhood, Residents) LoadDelft(ref ulong seed)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryFiles.Root, DelftScenario)).Unwrap();
        var prepared = PreparedScenario.Prepare(scenario);
        if (!prepared.Succeeded)
        {
            throw new InvalidOperationException("Delft scenario: " + string.Join("; ", prepared.Problems));
        }
        var world = prepared.Unwrap();
        seed = scenario.Seed;
        return (world.Neighbourhood, world.Residents);
    }
}
