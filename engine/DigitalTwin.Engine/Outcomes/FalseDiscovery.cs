namespace DigitalTwin.Engine.Outcomes;

/// <summary>
/// Which of many paired differences stand out from the noise when all are tested at once. A comparison tests every
/// street, place and segment: at the 95 % level one in twenty unchanged streets would look changed by chance. The
/// Benjamini–Hochberg procedure (Benjamini &amp; Hochberg 1995) keeps the expected share of false discoveries among the
/// differences it marks at <see cref="Rate"/>: sort the p-values, find the largest rank k with p₍ₖ₎ ≤ k/m · rate, and
/// mark the k smallest.
/// </summary>
public static class FalseDiscovery
{
    /// <summary>The false discovery rate: 5 %, matching the 95 % intervals beside it.</summary>
    public const double Rate = 0.05;

    /// <summary>For each p-value, whether Benjamini–Hochberg at <paramref name="rate"/> marks it as a discovery.</summary>
    public static bool[] Discoveries(IReadOnlyList<double> pValues, double rate = Rate)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        int m = pValues.Count;
        var marked = new bool[m];
        if (m == 0)
        {
            return marked;
        }
        var order = new int[m];
        for (int i = 0; i < m; i++)
        {
            order[i] = i;
        }
        // Ties by index keep the order, and so the result, the same on every machine.
        Array.Sort(order, (a, b) => pValues[a] != pValues[b] ? pValues[a].CompareTo(pValues[b]) : a.CompareTo(b));
        int largest = 0;
        for (int k = 1; k <= m; k++)
        {
            if (pValues[order[k - 1]] <= (double)k / m * rate)
            {
                largest = k;
            }
        }
        for (int k = 0; k < largest; k++)
        {
            marked[order[k]] = true;
        }
        return marked;
    }

    /// <summary>
    /// For each item (a street segment, a place), whether its change from <paramref name="baseline"/> to
    /// <paramref name="variant"/>, paired replication by replication (the same seeds, so common random numbers), is a
    /// discovery once every item is tested at once. Element <c>[r][i]</c> is item i in replication r.
    /// </summary>
    public static bool[] PairedDiscoveries(IReadOnlyList<IReadOnlyList<double>> baseline, IReadOnlyList<IReadOnlyList<double>> variant, double rate = Rate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variant);
        if (baseline.Count != variant.Count || baseline.Count < 2)
        {
            throw new ArgumentException($"Paired tests need the same replications on both sides, at least 2; got {baseline.Count} and {variant.Count}.", nameof(variant));
        }
        int replications = baseline.Count;
        int items = variant[0].Count;
        var pValues = new double[items];
        var b = new double[replications];
        var v = new double[replications];
        for (int i = 0; i < items; i++)
        {
            for (int r = 0; r < replications; r++)
            {
                b[r] = baseline[r][i];
                v[r] = variant[r][i];
            }
            pValues[i] = PairedDifference.Of(b, v).PValue;
        }
        return Discoveries(pValues, rate);
    }

    /// <summary>
    /// How many replications would resolve a difference of the observed size with the observed spread: the smallest n
    /// (up to <paramref name="limit"/>) whose 95 % interval, t(n − 1) · SD / √n, is narrower than the mean difference.
    /// Null when the difference is 0 or even <paramref name="limit"/> replications would not resolve it; the spread of
    /// a few replications is itself uncertain, so this is a guide, not a promise.
    /// </summary>
    public static int? ReplicationsToResolve(PairedDifference difference, int limit = 1000)
    {
        if (difference.MeanDifference == 0 || difference.Replications < 2)
        {
            return null;
        }
        double spread = difference.StandardError * Math.Sqrt(difference.Replications);
        if (spread == 0)
        {
            return difference.Replications;
        }
        for (int n = 2; n <= limit; n++)
        {
            if (PairedDifference.TQuantile(n) * spread / Math.Sqrt(n) < Math.Abs(difference.MeanDifference))
            {
                return n;
            }
        }
        return null;
    }
}
