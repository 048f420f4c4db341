using DigitalTwin.Surrogate.Emulation;

namespace DigitalTwin.Surrogate.Calibration;

/// <summary>
/// An emulator of the count error built from one ML.NET emulator per count: each learns ln(1 + simulated count) over
/// the parameters, and the error at a point is the mean squared log error of the emulated counts against the observed.
/// A count is a smooth, mostly monotone function of the parameters, which a few dozen runs teach a tree ensemble well;
/// the error itself is a bowl whose bottom chance flattens, which they teach it badly (on the tiny world of the
/// identifiability test a direct emulator of the error predicted held-out runs with R² below 0).
/// </summary>
public sealed class CountEmulator
{
    private readonly IReadOnlyList<ObservedCount> _counts;
    private readonly IReadOnlyList<Emulator> _emulators;

    private CountEmulator(IReadOnlyList<ObservedCount> counts, IReadOnlyList<Emulator> emulators)
    {
        _counts = counts;
        _emulators = emulators;
    }

    /// <summary>Trains on the runs' parameter values and their simulated counts ([run][count]).</summary>
    public static CountEmulator Train(IReadOnlyList<string> names, IReadOnlyList<ObservedCount> counts, IReadOnlyList<double[]> values, IReadOnlyList<double[]> simulated)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(simulated);
        var emulators = counts.Select((_, i) => Emulator.Train(names, values, [.. simulated.Select(run => Math.Log(1 + run[i]))])).ToList();
        return new CountEmulator(counts, emulators);
    }

    /// <summary>The emulated counts at each point, [point][count].</summary>
    public double[][] PredictCounts(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var byCount = _emulators.Select(e => e.Predict(points)).ToList();
        return [.. points.Select((_, p) => byCount.Select(column => Math.Max(0, Math.Exp(column[p]) - 1)).ToArray())];
    }

    /// <summary>The emulated count error at each point.</summary>
    public double[] PredictError(IReadOnlyList<double[]> points) =>
        [.. PredictCounts(points).Select(counts => CountFit.MeanSquaredLogError(_counts, counts))];

    /// <summary>
    /// How well emulators trained without the test runs predict those runs' count error (R², MAE over the test runs,
    /// against each run's real error).
    /// </summary>
    public static HeldOutAccuracy MeasureHeldOut(IReadOnlyList<string> names, IReadOnlyList<ObservedCount> counts, IReadOnlyList<double[]> values,
        IReadOnlyList<double[]> simulated, IReadOnlyList<bool> isTest)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(simulated);
        ArgumentNullException.ThrowIfNull(isTest);
        var train = Enumerable.Range(0, values.Count).Where(i => !isTest[i]).ToList();
        var test = Enumerable.Range(0, values.Count).Where(i => isTest[i]).ToList();
        var emulator = Train(names, counts, [.. train.Select(i => values[i])], [.. train.Select(i => simulated[i])]);
        double[] predicted = emulator.PredictError([.. test.Select(i => values[i])]);
        double[] actual = [.. test.Select(i => CountFit.MeanSquaredLogError(counts, simulated[i]))];
        return new HeldOutAccuracy(train.Count, test.Count, HeldOut.RSquared(actual, predicted), HeldOut.MeanAbsoluteError(actual, predicted));
    }
}
