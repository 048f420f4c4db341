using DigitalTwin.Engine.Planning;

namespace DigitalTwin.Engine.Outcomes;

/// <summary>
/// Counts per street segment and day period (index segment * 4 + period). Integers, so adding days or chunks in any
/// order gives the same totals.
/// </summary>
public sealed class StreetOutcomes(int segmentCount)
{
    public int SegmentCount { get; } = segmentCount;

    public long[] WalkPassages { get; } = new long[segmentCount * DayPeriods.Count];

    public long[] BikePassages { get; } = new long[segmentCount * DayPeriods.Count];

    public long[] CarPassages { get; } = new long[segmentCount * DayPeriods.Count];

    public long[] Encounters { get; } = new long[segmentCount * DayPeriods.Count];

    public long[] Nods { get; } = new long[segmentCount * DayPeriods.Count];

    /// <summary>Encounters that made a pair familiar strangers for the first time (the seed of public familiarity).</summary>
    public long[] NewFamiliarPairs { get; } = new long[segmentCount * DayPeriods.Count];

    /// <summary>
    /// Walk and bike passages, encounters and nods per segment, period and age band of the people involved
    /// (index (segment * 4 + period) * 5 + band), so a map can show one group, e.g. only residents 65+. An encounter
    /// counts once for each band it involves (once when both people are of the same band).
    /// </summary>
    public long[] PassagesByAge { get; } = new long[segmentCount * DayPeriods.Count * AgeBands];

    public long[] EncountersByAge { get; } = new long[segmentCount * DayPeriods.Count * AgeBands];

    public long[] NodsByAge { get; } = new long[segmentCount * DayPeriods.Count * AgeBands];

    /// <summary>
    /// Walk, bike and car passages per segment and clock hour of entry (index segment * 24 + hour), for traffic counts a
    /// researcher can set beside counting-point data. Int, not long like the period counts: these are the largest
    /// per-segment arrays (a 1M-resident city has 100k+ segments), and one segment-hour would need 2^31 passages.
    /// </summary>
    public int[] WalkPassagesByHour { get; } = new int[segmentCount * HoursPerDay];

    public int[] BikePassagesByHour { get; } = new int[segmentCount * HoursPerDay];

    public int[] CarPassagesByHour { get; } = new int[segmentCount * HoursPerDay];

    /// <summary>Short stops and bench sits of passers-by on the street, per segment and period (<see cref="Mobility.StreetLifeParameters"/>).</summary>
    public long[] StreetStops { get; } = new long[segmentCount * DayPeriods.Count];

    /// <summary>
    /// Whole seconds residents spent in front of their home on this segment (at the door, on the stoep, children playing),
    /// per segment and period. Whole seconds, so sums are the same in any order.
    /// </summary>
    public long[] FrontOfHouseSeconds { get; } = new long[segmentCount * DayPeriods.Count];

    /// <summary>The five CBS age bands (see Population.AgeBand).</summary>
    public const int AgeBands = 5;

    public const int HoursPerDay = 24;

    public static int Index(int segment, DayPeriod period) => (segment * DayPeriods.Count) + (int)period;

    public static int AgeIndex(int segment, DayPeriod period, int band) => (Index(segment, period) * AgeBands) + band;

    public static int HourIndex(int segment, double timeSeconds) => (segment * HoursPerDay) + HourOf(timeSeconds);

    /// <summary>The clock hour (0-23) of a time, wrapped past midnight as <see cref="DayPeriods.Of"/> wraps it, so hours sum to periods.</summary>
    public static int HourOf(double timeSeconds) => (int)(timeSeconds / 3600.0 % HoursPerDay);

    /// <summary>Adds a partial tally's counts (one thread's share of a day) into these, and zeroes it for reuse.</summary>
    internal void Absorb(StreetOutcomes part)
    {
        Counts.AddAndClear(WalkPassages, part.WalkPassages);
        Counts.AddAndClear(BikePassages, part.BikePassages);
        Counts.AddAndClear(CarPassages, part.CarPassages);
        Counts.AddAndClear(Encounters, part.Encounters);
        Counts.AddAndClear(Nods, part.Nods);
        Counts.AddAndClear(NewFamiliarPairs, part.NewFamiliarPairs);
        Counts.AddAndClear(PassagesByAge, part.PassagesByAge);
        Counts.AddAndClear(EncountersByAge, part.EncountersByAge);
        Counts.AddAndClear(NodsByAge, part.NodsByAge);
        Counts.AddAndClear(WalkPassagesByHour, part.WalkPassagesByHour);
        Counts.AddAndClear(BikePassagesByHour, part.BikePassagesByHour);
        Counts.AddAndClear(CarPassagesByHour, part.CarPassagesByHour);
        Counts.AddAndClear(StreetStops, part.StreetStops);
        Counts.AddAndClear(FrontOfHouseSeconds, part.FrontOfHouseSeconds);
    }

    /// <summary>The sum over periods for one segment.</summary>
    public static long Total(long[] counts, int segment)
    {
        long sum = 0;
        for (int p = 0; p < DayPeriods.Count; p++)
        {
            sum += counts[(segment * DayPeriods.Count) + p];
        }
        return sum;
    }
}

/// <summary>Counts per place and day period (index place * 4 + period).</summary>
public sealed class PlaceOutcomes(int placeCount)
{
    public int PlaceCount { get; } = placeCount;

    public long[] Stays { get; } = new long[placeCount * DayPeriods.Count];

    public long[] Encounters { get; } = new long[placeCount * DayPeriods.Count];

    public long[] Nods { get; } = new long[placeCount * DayPeriods.Count];

    public long[] NewFamiliarPairs { get; } = new long[placeCount * DayPeriods.Count];

    /// <summary>Adds a partial tally's counts into these, and zeroes it (see <see cref="StreetOutcomes.Absorb"/>).</summary>
    internal void Absorb(PlaceOutcomes part)
    {
        Counts.AddAndClear(Stays, part.Stays);
        Counts.AddAndClear(Encounters, part.Encounters);
        Counts.AddAndClear(Nods, part.Nods);
        Counts.AddAndClear(NewFamiliarPairs, part.NewFamiliarPairs);
    }
}

/// <summary>Per resident totals over the run and ties at its end.</summary>
public sealed class ResidentOutcomes(int residentCount)
{
    public int ResidentCount { get; } = residentCount;

    public int[] Encounters { get; } = new int[residentCount];

    /// <summary>Encounters the resident noticed (and was noticed in): the rung between passing and nodding.</summary>
    public int[] Noticed { get; } = new int[residentCount];

    public int[] Nods { get; } = new int[residentCount];

    public int[] PeopleMet { get; } = new int[residentCount];

    public int[] FamiliarStrangers { get; } = new int[residentCount];

    public int[] NoddingContacts { get; } = new int[residentCount];

    public int[] Acquaintances { get; } = new int[residentCount];

    /// <summary>Adds a partial tally's counts into these, and zeroes it (see <see cref="StreetOutcomes.Absorb"/>).</summary>
    internal void Absorb(ResidentOutcomes part)
    {
        Counts.AddAndClear(Encounters, part.Encounters);
        Counts.AddAndClear(Noticed, part.Noticed);
        Counts.AddAndClear(Nods, part.Nods);
        Counts.AddAndClear(PeopleMet, part.PeopleMet);
        Counts.AddAndClear(FamiliarStrangers, part.FamiliarStrangers);
        Counts.AddAndClear(NoddingContacts, part.NoddingContacts);
        Counts.AddAndClear(Acquaintances, part.Acquaintances);
    }
}

internal static class Counts
{
    public static void AddAndClear(long[] into, long[] part)
    {
        for (int i = 0; i < into.Length; i++)
        {
            into[i] += part[i];
        }
        Array.Clear(part);
    }

    public static void AddAndClear(int[] into, int[] part)
    {
        for (int i = 0; i < into.Length; i++)
        {
            into[i] += part[i];
        }
        Array.Clear(part);
    }
}
