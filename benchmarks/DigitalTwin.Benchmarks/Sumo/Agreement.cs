namespace DigitalTwin.Benchmarks.Sumo;

/// <summary>How well two per-segment counts agree, over the segments where either is non-zero.</summary>
public sealed record Agreement(int Segments, double Pearson, double ShareWithin10Percent, double MeanEngine, double MeanSumo)
{
    /// <summary>Within ±10 %: |engine − sumo| ≤ 0.1 × sumo (SUMO is the reference; a segment SUMO saw nothing on counts only if the engine saw nothing too).</summary>
    public static Agreement Of(IReadOnlyList<double> engine, IReadOnlyList<double> sumo)
    {
        var pairs = engine.Zip(sumo).Where(p => p.First > 0 || p.Second > 0).ToArray();
        if (pairs.Length == 0)
        {
            return new Agreement(0, double.NaN, double.NaN, 0, 0);
        }
        double within = pairs.Count(p => Math.Abs(p.First - p.Second) <= 0.1 * p.Second) / (double)pairs.Length;
        return new Agreement(pairs.Length, Correlation(pairs.Select(p => p.First).ToArray(), pairs.Select(p => p.Second).ToArray()), within,
            pairs.Average(p => p.First), pairs.Average(p => p.Second));
    }

    public static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
