namespace DigitalTwin.Surrogate.Emulation;

/// <summary>What drives one outcome: the emulator's held-out accuracy, each input's importance and its partial dependence.</summary>
public sealed record OutcomeSensitivity(
    string Outcome,
    HeldOutAccuracy Accuracy,
    IReadOnlyList<FeatureImportance> Importance,
    IReadOnlyList<PartialDependence> Dependence,
    double Mean,
    double Minimum,
    double Maximum);

/// <summary>
/// Sensitivity of a sweep's outcomes to its inputs. For each outcome: the held-out accuracy of an emulator trained on
/// three quarters of the draws (<see cref="HeldOut"/>); then an emulator trained on every run, whose permutation
/// importance and partial dependence over every run say which inputs drive the outcome and how.
/// </summary>
public static class Sensitivity
{
    /// <summary>
    /// The analysis of <paramref name="outcome"/>, or null when it cannot be emulated: it has missing values or does not
    /// vary over the runs (a constant says nothing about its drivers).
    /// </summary>
    public static OutcomeSensitivity? Analyse(string outcome, IReadOnlyList<string> featureNames, IReadOnlyList<double[]> features, IReadOnlyList<double> values, IReadOnlyList<bool> isTest)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(v => !double.IsFinite(v)) || values.Max() - values.Min() <= 1e-12 * Math.Max(1, Math.Abs(values.Max())))
        {
            return null;
        }
        var accuracy = HeldOut.Measure(featureNames, features, values, isTest);
        var emulator = Emulator.Train(featureNames, features, values);
        var importance = emulator.PermutationImportance(features, values);
        var dependence = featureNames.Select((_, j) => emulator.PartialDependence(features, j, features.Min(r => r[j]), features.Max(r => r[j]))).ToList();
        return new OutcomeSensitivity(outcome, accuracy, importance, dependence, values.Average(), values.Min(), values.Max());
    }
}
