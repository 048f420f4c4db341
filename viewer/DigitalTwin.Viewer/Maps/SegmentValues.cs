using DigitalTwin.Engine.IO;

namespace DigitalTwin.Viewer.Maps;

/// <summary>Turns a run file's counts (per segment and day period, summed over the run's days) into one value per street.</summary>
public static class SegmentValues
{
    /// <summary>
    /// Rates per length use at least this length: a 3 m stub between two junctions with one encounter would
    /// otherwise read as the hottest street in town. 20 m is about one house front plus a side street's width.
    /// </summary>
    public const double MinimumRateLengthMetres = 20;

    /// <summary>Rates are given per this many metres: "per 100 m of street" is a length a resident can picture.</summary>
    public const double RateLengthMetres = 100;

    private const int PeriodCount = 4;

    /// <summary>Run file period order: morning, afternoon, evening, night (index segment * 4 + period).</summary>
    private static int? PeriodIndex(PeriodFilter period) => period == PeriodFilter.WholeDay ? null : (int)period - 1;

    /// <summary>
    /// Whether the run can show a group: run files carry passages, encounters and nods by age band (not new familiar
    /// pairs); files written before that have none.
    /// </summary>
    public static bool CanFilter(RunFile run, Measure measure) =>
        measure != Measure.NewFamiliarPairs && run.PassagesByAge.Length == run.SegmentCount * PeriodCount * AgeBands;

    private const int AgeBands = 5;

    public static float[] Compute(RunFile run, Measure measure, PeriodFilter period, GroupFilter group = GroupFilter.Everyone)
    {
        ArgumentNullException.ThrowIfNull(run);
        int band = group == GroupFilter.Everyone || !CanFilter(run, measure) ? -1 : (int)group - 1;
        int segments = run.SegmentCount;
        double days = Math.Max(1, run.Days);
        var values = new float[segments];
        int? only = PeriodIndex(period);
        for (int s = 0; s < segments; s++)
        {
            long count = 0;
            for (int p = 0; p < PeriodCount; p++)
            {
                if (only is null || only == p)
                {
                    count += band < 0 ? Count(run, measure, (s * PeriodCount) + p) : CountByAge(run, measure, (((s * PeriodCount) + p) * AgeBands) + band);
                }
            }
            double perDay = count / days;
            values[s] = measure == Measure.Passages
                ? (float)perDay
                : (float)(perDay * RateLengthMetres / Math.Max(MinimumRateLengthMetres, run.SegmentLengthMetres[s]));
        }
        return values;
    }

    /// <summary>Variant minus baseline per street; both runs must describe the same network.</summary>
    public static float[] Difference(RunFile variant, RunFile baseline, Measure measure, PeriodFilter period, GroupFilter group = GroupFilter.Everyone)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(baseline);
        if (!SameNetwork(variant, baseline))
        {
            throw new ArgumentException("the two runs describe different street networks", nameof(baseline));
        }
        float[] after = Compute(variant, measure, period, group);
        float[] before = Compute(baseline, measure, period, group);
        for (int s = 0; s < after.Length; s++)
        {
            after[s] -= before[s];
        }
        return after;
    }

    /// <summary>Whether the two runs' streets can be compared one to one (same segments, same geometry).</summary>
    public static bool SameNetwork(RunFile a, RunFile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.SegmentCount == b.SegmentCount
            && a.GeometryX.Length == b.GeometryX.Length
            && a.SegmentGeometryStart.AsSpan().SequenceEqual(b.SegmentGeometryStart);
    }

    private static long Count(RunFile run, Measure measure, int index) => measure switch
    {
        Measure.Passages => At(run.WalkPassages, index) + At(run.BikePassages, index),
        Measure.Encounters => At(run.Encounters, index),
        Measure.Nods => At(run.Nods, index),
        Measure.NewFamiliarPairs => At(run.NewFamiliarPairs, index),
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    private static long At(long[] counts, int index) => index < counts.Length ? counts[index] : 0;

    private static long CountByAge(RunFile run, Measure measure, int index) => measure switch
    {
        Measure.Passages => run.PassagesByAge[index],
        Measure.Encounters => run.EncountersByAge[index],
        _ => run.NodsByAge[index],
    };
}
