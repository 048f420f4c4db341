namespace DigitalTwin.Engine.Familiarity;

/// <summary>
/// One day's pairs as the ledger found them before the day (<see cref="FamiliarityLedger.BeginDay"/>): the day's
/// encounters grouped into runs of one pair each, and per run the pair's memory strength and tie state at the start of
/// the day. The nod model reads it; <see cref="FamiliarityLedger.Record(FamiliarityDay, ReadOnlySpan{Encounters.Encounter}, ReadOnlySpan{bool}, int)"/>
/// then writes the day into the ledger without a second lookup and fills <see cref="StateAfter"/>. Owned and reused by
/// its ledger: arrays grow, never shrink, so a run allocates nothing once the busiest day has passed.
/// </summary>
internal sealed class FamiliarityDay
{
    internal int[] RunStarts = new int[257];
    internal ulong[] Keys = new ulong[256];
    /// <summary>The pair's record in the ledger, or ~(the hash slot where its probe ended) for a pair not held.</summary>
    internal int[] Records = new int[256];
    internal double[] Strengths = new double[256];
    internal TieState[] Before = new TieState[256];
    internal TieState[] After = new TieState[256];

    /// <summary>The pair starts afresh today: it was in memory but forgotten, or (once recorded) it is new.</summary>
    internal bool[] Renewed = new bool[256];

    /// <summary>The ledger's version when the day was begun: recording a day the ledger moved on from is refused.</summary>
    internal int Version;

    // Per encounter, for the parallel update: when (days since the run's first day), shared stationary time, nod.
    internal float[] WhenDays = new float[256];
    internal float[] StationarySeconds = new float[256];
    internal bool[] Nods = new bool[256];

    internal FamiliarityDay()
    {
    }

    /// <summary>The day these pairs meet.</summary>
    public int Day { get; internal set; }

    /// <summary>Distinct pairs meeting today (runs of equal pair keys in the day's encounters).</summary>
    public int PairCount { get; internal set; }

    /// <summary>Encounters the day was begun with.</summary>
    public int EncounterCount { get; internal set; }

    /// <summary>Whether <see cref="StateAfter"/> holds the day's result (the day was recorded).</summary>
    public bool Recorded { get; internal set; }

    /// <summary>Pair r's encounters are [PairStarts[r], PairStarts[r + 1]); PairCount + 1 entries.</summary>
    public ReadOnlySpan<int> PairStarts => RunStarts.AsSpan(0, PairCount + 1);

    /// <summary>Per pair: Σ t^−d before today (0 for strangers and forgotten pairs), the nod model's familiarity.</summary>
    public ReadOnlySpan<double> StrengthBefore => Strengths.AsSpan(0, PairCount);

    /// <summary>Per pair: the tie at the start of the day.</summary>
    public ReadOnlySpan<TieState> StateBefore => Before.AsSpan(0, PairCount);

    /// <summary>Per pair: the tie at the start of the next day, once the day is recorded.</summary>
    public ReadOnlySpan<TieState> StateAfter => Recorded
        ? After.AsSpan(0, PairCount)
        : throw new InvalidOperationException("The day has not been recorded yet.");

    internal void EnsureEncounterCapacity(int encounters)
    {
        if (WhenDays.Length >= encounters)
        {
            return;
        }
        int size = Collections.DayBuffers.Sized(encounters);
        WhenDays = new float[size];
        StationarySeconds = new float[size];
        Nods = new bool[size];
    }

    internal void EnsureCapacity(int pairs)
    {
        if (Keys.Length >= pairs)
        {
            return;
        }
        int size = Collections.DayBuffers.Sized(pairs);
        RunStarts = new int[size + 1];
        Keys = new ulong[size];
        Records = new int[size];
        Strengths = new double[size];
        Before = new TieState[size];
        After = new TieState[size];
        Renewed = new bool[size];
    }
}
