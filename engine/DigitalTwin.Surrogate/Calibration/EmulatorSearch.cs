using DigitalTwin.Engine.Sweeps;

namespace DigitalTwin.Surrogate.Calibration;

/// <summary>The best point an emulator found and the error it predicts there.</summary>
public sealed record EmulatedOptimum(IReadOnlyList<double> Values, double PredictedError);

/// <summary>
/// Minimises an emulator over the parameter ranges by dense search: a Latin hypercube of many points (the emulator
/// answers thousands in a second) and the best of them. A tree emulator is piecewise constant, so a gradient method
/// would stall on its plateaus; dense sampling does not care. Among points the emulator ties, the one nearest the
/// middle of the runs' best region wins: the centre of the set within 1 % of the least predicted error, which keeps
/// the answer away from an arbitrary corner of a flat plateau. Deterministic: the design has a fixed seed.
/// </summary>
public static class EmulatorSearch
{
    public const int DefaultPoints = 20_000;

    public static EmulatedOptimum Minimise(Func<IReadOnlyList<double[]>, double[]> emulator, IReadOnlyList<ParameterRange> ranges, int points = DefaultPoints, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(ranges);
        double[][] unit = LatinHypercube.Sample(points, ranges.Count, seed);
        var candidates = unit.Select(u => ranges.Select((r, d) => r.ValueAt(u[d])).ToArray()).ToList();
        double[] predicted = emulator(candidates);
        double best = predicted.Min();
        double tolerance = Math.Abs(best) * 0.01;
        var near = candidates.Where((_, i) => predicted[i] <= best + tolerance).ToList();
        double[] centre = [.. ranges.Select((r, d) => r.IsInteger ? Math.Round(near.Average(p => p[d])) : near.Average(p => p[d]))];
        // The centre of a plateau that is not convex may fall outside it: then the best sampled point is the answer.
        double atCentre = emulator([centre])[0];
        if (atCentre <= best + tolerance)
        {
            return new EmulatedOptimum(centre, atCentre);
        }
        int index = Array.IndexOf(predicted, best);
        return new EmulatedOptimum(candidates[index], best);
    }
}
