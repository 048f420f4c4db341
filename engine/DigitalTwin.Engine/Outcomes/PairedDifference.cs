using MathNet.Numerics.Distributions;

namespace DigitalTwin.Engine.Outcomes;

/// <summary>
/// The change from a baseline to a variant over replications run with the same seeds (common random numbers): the
/// means of both, the mean of the paired differences (variant − baseline, seed by seed), its standard error, the
/// Student t interval and the two-sided paired t-test against "no change".
/// </summary>
/// <param name="Replications">Pairs (seeds) the figures rest on.</param>
/// <param name="BaselineMean">Mean of the baseline values over replications.</param>
/// <param name="VariantMean">Mean of the variant values over replications.</param>
/// <param name="MeanDifference">Mean of (variant − baseline) per seed; equal to VariantMean − BaselineMean.</param>
/// <param name="StandardError">Sample standard deviation of the differences (n − 1) divided by √n.</param>
/// <param name="Lower">Lower end of the interval: mean − t(1 − α/2, n − 1) · SE.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="PValue">Two-sided p-value of the paired t-test; 1 when every difference is 0, 0 when all are equal and non-zero.</param>
public readonly record struct PairedDifference(
    int Replications,
    double BaselineMean,
    double VariantMean,
    double MeanDifference,
    double StandardError,
    double Lower,
    double Upper,
    double PValue)
{
    /// <summary>
    /// The interval level of every comparison: 95 %, the convention designers and reviewers read without explanation.
    /// </summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>The interval excludes zero: the change stands out from the run-to-run noise at the 95 % level.</summary>
    public bool Distinguishable => Lower > 0 || Upper < 0;

    /// <summary>The mean difference as a share of the baseline mean (0.04 = 4 % more); null when the baseline is 0.</summary>
    public double? RelativeChange => BaselineMean == 0 ? null : MeanDifference / Math.Abs(BaselineMean);

    /// <summary>The interval as shares of the baseline mean (the baseline mean taken as known); null when it is 0.</summary>
    public (double Lower, double Upper)? RelativeInterval =>
        BaselineMean == 0 ? null : (Lower / Math.Abs(BaselineMean), Upper / Math.Abs(BaselineMean));

    /// <summary>The t quantile for the interval with <paramref name="replications"/> pairs (n − 1 degrees of freedom).</summary>
    public static double TQuantile(int replications)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 2);
        return StudentT.InvCDF(0, 1, replications - 1, 1 - ((1 - ConfidenceLevel) / 2));
    }

    /// <summary>
    /// Pairs <paramref name="baseline"/>[r] with <paramref name="variant"/>[r] (same seed r) and summarises the
    /// differences. Sums run in index order, so the result is the same on every machine.
    /// </summary>
    public static PairedDifference Of(ReadOnlySpan<double> baseline, ReadOnlySpan<double> variant)
    {
        if (baseline.Length != variant.Length)
        {
            throw new ArgumentException($"Paired values need as many variant values ({variant.Length}) as baseline values ({baseline.Length}).", nameof(variant));
        }
        int n = baseline.Length;
        if (n < 2)
        {
            throw new ArgumentException($"An interval needs at least 2 replications, got {n}.", nameof(baseline));
        }
        double sumBaseline = 0, sumVariant = 0, sumDifference = 0;
        for (int r = 0; r < n; r++)
        {
            sumBaseline += baseline[r];
            sumVariant += variant[r];
            sumDifference += variant[r] - baseline[r];
        }
        double meanDifference = sumDifference / n;
        double squares = 0;
        for (int r = 0; r < n; r++)
        {
            double deviation = variant[r] - baseline[r] - meanDifference;
            squares += deviation * deviation;
        }
        double standardError = Math.Sqrt(squares / (n - 1) / n);
        double halfWidth = TQuantile(n) * standardError;
        double pValue;
        if (standardError > 0)
        {
            double t = Math.Abs(meanDifference) / standardError;
            pValue = Math.Min(1, 2 * (1 - StudentT.CDF(0, 1, n - 1, t)));
        }
        else
        {
            // Identical differences in every replication: no noise at all, so any non-zero change is certain.
            pValue = meanDifference == 0 ? 1 : 0;
        }
        return new PairedDifference(n, sumBaseline / n, sumVariant / n, meanDifference, standardError,
            meanDifference - halfWidth, meanDifference + halfWidth, pValue);
    }
}
