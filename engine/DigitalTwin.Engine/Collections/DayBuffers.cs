namespace DigitalTwin.Engine.Collections;

/// <summary>
/// How much day-sized storage is held when: the one place that decides whether a buffer is kept for the next day or
/// given back. Buffers are kept from one day to the next: allocating them anew every day costs time on a
/// neighbourhood's many short days, and at city scale it raised a 28-day run's peak (each day's gigabyte-sized arrays
/// waiting for a full collection beside the next day's). On a run's last day nothing is kept for a next day, so a
/// buffer larger than <see cref="KeepAcrossDaysBytes"/> is given back as soon as its part of the day is done (the
/// chunks' copies of the day once merged, node pieces after the node sweeps, fragment buffers once sorted, the day's
/// events and encounters before the tie snapshot): the ledger's growth and the snapshot, where a one-day city run
/// peaks, get the room (a 300k-resident day peaks at 4.5 GB with this, 6.7 GB without). Results never depend on it.
/// </summary>
internal sealed class DayBuffers
{
    /// <summary>On a run's last day a buffer above this is given back once done with (Delft's largest, its node pieces, is 70 MB).</summary>
    public const long DefaultKeepAcrossDaysBytes = 256L << 20;

    public DayBuffers(long keepAcrossDaysBytes = DefaultKeepAcrossDaysBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepAcrossDaysBytes);
        KeepAcrossDaysBytes = keepAcrossDaysBytes;
    }

    /// <summary>A buffer above this size is given back on a run's last day once done with (tests set 0 to give back everything).</summary>
    public long KeepAcrossDaysBytes { get; }

    /// <summary>Whether the day now running is the run's last (no buffer is needed afterwards).</summary>
    public bool IsLastDay { get; private set; }

    /// <summary>Marks which day of the run is running.</summary>
    public void BeginDay(int day, int days) => IsLastDay = day == days - 1;

    /// <summary>
    /// The length to give a day-sized array that must hold <paramref name="needed"/> items: an eighth more, so that a
    /// later day a little busier than the busiest so far still fits. Not half again (as a list grows for its appends):
    /// a day 1 % busier would then take arrays half again as large for the fragments' sort, the encounters and the node
    /// pieces, with the old ones beside them until collected (benchmarks/results/population-memory.md).
    /// </summary>
    public static int Sized(int needed) => (int)Math.Min(Array.MaxLength, needed + ((long)needed / 8));

    /// <summary>Whether a buffer of <paramref name="bytes"/> fits what is kept from day to day.</summary>
    public bool Fits(long bytes) => bytes <= KeepAcrossDaysBytes;

    /// <summary>Whether a buffer of <paramref name="bytes"/>, once done with today, should be given back.</summary>
    public bool GivesBack(long bytes) => IsLastDay && !Fits(bytes);

    /// <summary>
    /// Called after giving buffers back: a full, blocking, compacting collection that hands the freed memory back to
    /// the system (the collector's aggressive mode), so the next part of the day builds its buffers in memory just
    /// given back instead of taking more while freed regions wait to be decommitted. A 1M-resident day peaks at 6.8 GB
    /// with this, 8.9 GB with an ordinary forced collection and 13.0 GB with none, and spends less than half the
    /// kernel time zeroing fresh pages. Only a city's last day gives buffers back, four or five times a run;
    /// compacting moves the ledger's blocks once or twice (about a second at 1M).
    /// </summary>
    public static void ReuseGivenBack() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
