using DigitalTwin.Surrogate.Emulation;

namespace DigitalTwin.Surrogate.Calibration;

/// <summary>How well simulated counts match observed ones.</summary>
public sealed record FitMeasures(double MeanSquaredLogError, double RSquared, double MeanAbsoluteError);

/// <summary>
/// Simulated counts at count sites and their error. The error calibration minimises is the mean squared log error,
/// mean over counts of (ln(1 + simulated) − ln(1 + observed))²: a street with 2,000 passages a day and one with 50 weigh
/// alike when each is off by the same factor, and a count of 0 stays defined.
/// </summary>
public static class CountFit
{
    /// <summary>
    /// The simulated counterpart of each count: per day (or per that hour of the day), the length-weighted passages at
    /// the count's segments, divided by the days simulated. <paramref name="passages"/> gives, per segment, [mode][hour]
    /// totals over the run (modes walk, bike, car, as <see cref="CountMode"/>).
    /// </summary>
    public static double[] Simulated(IReadOnlyList<ObservedCount> counts, IReadOnlyDictionary<int, int[][]> passages, int days)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var simulated = new double[counts.Count];
        for (int i = 0; i < counts.Count; i++)
        {
            var count = counts[i];
            double total = 0;
            for (int k = 0; k < count.Segments.Count; k++)
            {
                int[] byHour = passages[count.Segments[k]][(int)count.Mode];
                total += count.Weights[k] * (count.Hour is { } hour ? byHour[hour] : byHour.Sum());
            }
            simulated[i] = total / days;
        }
        return simulated;
    }

    public static double MeanSquaredLogError(IReadOnlyList<ObservedCount> counts, IReadOnlyList<double> simulated)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(simulated);
        double sum = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            double d = Math.Log(1 + simulated[i]) - Math.Log(1 + counts[i].Count);
            sum += d * d;
        }
        return sum / counts.Count;
    }

    /// <summary>The error, R² of simulated against observed (NaN with one count or counts all alike) and the mean absolute error.</summary>
    public static FitMeasures Measure(IReadOnlyList<ObservedCount> counts, IReadOnlyList<double> simulated)
    {
        ArgumentNullException.ThrowIfNull(counts);
        double[] observed = [.. counts.Select(c => c.Count)];
        return new FitMeasures(MeanSquaredLogError(counts, simulated), HeldOut.RSquared(observed, simulated), HeldOut.MeanAbsoluteError(observed, simulated));
    }
}
