namespace DigitalTwin.Surrogate.Emulation;

/// <summary>How well an emulator trained without some draws predicts those draws' runs.</summary>
public sealed record HeldOutAccuracy(int TrainingRuns, int TestRuns, double RSquared, double MeanAbsoluteError);

/// <summary>
/// The split of a sweep's runs into training and test runs, by parameter draw: every run of a draw (its seeds, its
/// variants) falls on the same side, so the test measures prediction at parameter values the emulator never saw
/// rather than at another seed of a draw it learnt.
/// </summary>
public static class HeldOut
{
    /// <summary>A quarter of the draws, at least one, chosen by a seeded shuffle (the same draws for every outcome).</summary>
    public const double TestFraction = 0.25;

    /// <summary>Fewer draws than this cannot be split into a training and a test part that both say something (8: 6 to learn, 2 to test).</summary>
    public const int MinimumDraws = 8;

    /// <summary>For each run, whether it is a test run; <paramref name="draws"/> gives each run's draw.</summary>
    public static bool[] TestRuns(IReadOnlyList<int> draws, int seed)
    {
        ArgumentNullException.ThrowIfNull(draws);
        int[] distinct = [.. draws.Distinct().Order()];
        // System.Random with a seed has a documented, stable sequence (the compatibility algorithm), so the split is
        // the same on every machine and .NET version.
        var random = new Random(seed);
        int[] shuffled = [.. distinct];
        random.Shuffle(shuffled);
        int testCount = Math.Max(1, (int)Math.Round(distinct.Length * TestFraction));
        var test = shuffled.Take(testCount).ToHashSet();
        return [.. draws.Select(test.Contains)];
    }

    /// <summary>Trains on the runs not marked in <paramref name="isTest"/> and scores on the marked ones.</summary>
    public static HeldOutAccuracy Measure(IReadOnlyList<string> featureNames, IReadOnlyList<double[]> features, IReadOnlyList<double> outcome, IReadOnlyList<bool> isTest)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(isTest);
        var trainX = new List<double[]>();
        var trainY = new List<double>();
        var testX = new List<double[]>();
        var testY = new List<double>();
        for (int r = 0; r < features.Count; r++)
        {
            (isTest[r] ? testX : trainX).Add(features[r]);
            (isTest[r] ? testY : trainY).Add(outcome[r]);
        }
        var emulator = Emulator.Train(featureNames, trainX, trainY);
        double[] predicted = emulator.Predict(testX);
        return new HeldOutAccuracy(trainX.Count, testX.Count, RSquared(testY, predicted), MeanAbsoluteError(testY, predicted));
    }

    /// <summary>1 − (residual sum of squares / total sum of squares about the observed mean); NaN when the observed values do not vary.</summary>
    public static double RSquared(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(predicted);
        double mean = observed.Average();
        double residual = 0, total = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            residual += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
            total += (observed[i] - mean) * (observed[i] - mean);
        }
        return total > 0 ? 1 - (residual / total) : double.NaN;
    }

    public static double MeanAbsoluteError(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(predicted);
        return observed.Select((o, i) => Math.Abs(o - predicted[i])).Average();
    }
}
