using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Sweeps;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman &amp; Conover 1979): each dimension's range is cut into as many equal
/// strata as there are draws, and every stratum is used exactly once per dimension, so even a few draws cover each
/// parameter's whole range. Dimension d shuffles its strata (Fisher-Yates) and places each draw at a uniform point
/// inside its stratum, all from the random stream (seed, <see cref="StreamPurpose.SweepDesign"/>, d): the design is
/// a function of (draws, dimensions, seed) alone, and adding a dimension leaves the earlier ones as they were.
/// </summary>
public static class LatinHypercube
{
    /// <summary>Points in the unit cube [0, 1)^dimensions, one row per draw.</summary>
    public static double[][] Sample(int draws, int dimensions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        var points = new double[draws][];
        for (int i = 0; i < draws; i++)
        {
            points[i] = new double[dimensions];
        }
        var strata = new int[draws];
        for (int d = 0; d < dimensions; d++)
        {
            var stream = new RandomStream(seed, StreamPurpose.SweepDesign, (ulong)d);
            for (int i = 0; i < draws; i++)
            {
                strata[i] = i;
            }
            for (int i = draws - 1; i > 0; i--)
            {
                int j = stream.NextInt(i + 1);
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }
            for (int i = 0; i < draws; i++)
            {
                points[i][d] = (strata[i] + stream.NextDouble()) / draws;
            }
        }
        return points;
    }
}
