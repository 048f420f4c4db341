using DigitalTwin.Engine.IO;

namespace DigitalTwin.Viewer.Maps;

/// <summary>
/// A run file's counts at places (per place and day period, summed over the run's days) as one value per place and day:
/// visits for the passages measure (a stay is a place's passage), else encounters, nods or new familiar pairs there.
/// Places are not rated per length, so they get a scale of their own beside the streets'.
/// </summary>
public static class PlaceValues
{
    private const int PeriodCount = 4;

    /// <summary>What a place's value counts, in words for the legend.</summary>
    public static string Unit(Measure measure) => measure switch
    {
        Measure.Passages => "visits a day",
        Measure.Encounters => "encounters a day",
        Measure.Nods => "nods a day",
        Measure.NewFamiliarPairs => "new familiar pairs a day",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>Per place, the measure's count per day in the period (groups are not counted by place: everyone).</summary>
    public static float[] Compute(RunFile run, Measure measure, PeriodFilter period)
    {
        ArgumentNullException.ThrowIfNull(run);
        long[] counts = measure switch
        {
            Measure.Passages => run.PlaceStays,
            Measure.Encounters => run.PlaceEncounters,
            Measure.Nods => run.PlaceNods,
            Measure.NewFamiliarPairs => run.PlaceNewFamiliarPairs,
            _ => throw new ArgumentOutOfRangeException(nameof(measure)),
        };
        double days = Math.Max(1, run.Days);
        int? only = period == PeriodFilter.WholeDay ? null : (int)period - 1;
        var values = new float[run.PlaceCount];
        for (int place = 0; place < values.Length; place++)
        {
            long count = 0;
            for (int p = 0; p < PeriodCount; p++)
            {
                int index = (place * PeriodCount) + p;
                if ((only is null || only == p) && index < counts.Length)
                {
                    count += counts[index];
                }
            }
            values[place] = (float)(count / days);
        }
        return values;
    }

    /// <summary>
    /// Whether the two runs' places can be compared one to one: the same number, kinds and positions. Edits that add
    /// or remove places (benches, a cafe) break this; the map then shows the places without a difference colour.
    /// </summary>
    public static bool SamePlaces(RunFile a, RunFile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.PlaceKind.AsSpan().SequenceEqual(b.PlaceKind) && a.PlaceX.AsSpan().SequenceEqual(b.PlaceX) && a.PlaceY.AsSpan().SequenceEqual(b.PlaceY);
    }
}
