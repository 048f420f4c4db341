namespace DigitalTwin.Benchmarks.Scale;

/// <summary>One measured point of the scale run: a city, a number of days and threads, and what it cost.</summary>
public sealed record ScalePoint
{
    /// <summary>"synthetic" (generated grid) or "delft" (the Delft-Wippolder baseline scenario).</summary>
    public required string City { get; init; }

    public int Residents { get; init; }

    public int Days { get; init; }

    public int Threads { get; init; }

    public int Segments { get; init; }

    /// <summary>Building the city and its people (generator or map import, population synthesis), seconds.</summary>
    public double SetupSeconds { get; init; }

    /// <summary>The simulation itself (<c>Simulator.Run</c>), seconds: the figure the targets speak of.</summary>
    public double WallSeconds { get; init; }

    public long Trips { get; init; }

    public long Passages { get; init; }

    public long Stays { get; init; }

    public long Encounters { get; init; }

    /// <summary>(passages + stays) per second of <see cref="WallSeconds"/>.</summary>
    public double EventsPerSecond { get; init; }

    public double EncountersPerSecond { get; init; }

    /// <summary>The child process's peak working set (Process.PeakWorkingSet64), setup included.</summary>
    public long PeakWorkingSetBytes { get; init; }

    /// <summary><see cref="PeakWorkingSetBytes"/> over residents (the runtime's own ~30-60 MB included, so small runs look dear).</summary>
    public double BytesPerResident { get; init; }

    /// <summary>Bytes held by the route-tree cache at the end (RunTotals.TreeCacheBytes): where memory goes, part 1.</summary>
    public long TreeCacheBytes { get; init; }

    /// <summary>Bytes held by the familiarity ledger at the end (RunTotals.FamiliarityBytes): part 2.</summary>
    public long FamiliarityBytes { get; init; }

    /// <summary>Bytes the simulation allocated on the managed heap during the run (GC.GetTotalAllocatedBytes).</summary>
    public long AllocatedBytes { get; init; }

    /// <summary>Managed heap still live after the run with the simulator and its result held (after a full collection).</summary>
    public long LiveHeapBytes { get; init; }

    /// <summary>Time the garbage collector paused the run (GC.GetTotalPauseDuration), part of the wall time.</summary>
    public double GcPauseSeconds { get; init; }

    /// <summary>Full (generation 2) collections during the run.</summary>
    public int FullCollections { get; init; }

    /// <summary>Distinct pairs that ever met (ledger entries).</summary>
    public int Pairs { get; init; }

    /// <summary>Seconds per simulation phase (plan, trees, move, merge, encounters, familiarity, outcomes).</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();
}
