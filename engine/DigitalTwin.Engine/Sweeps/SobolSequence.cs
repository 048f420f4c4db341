using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Sweeps;

/// <summary>
/// The Sobol low-discrepancy sequence (Sobol' 1967) in up to <see cref="MaxDimensions"/> dimensions, in Gray-code
/// order (Antonov &amp; Saleev 1979), with the direction numbers of Joe &amp; Kuo (2008, "Constructing Sobol sequences
/// with better two-dimensional projections", file new-joe-kuo-6.21201; dimension 1 is the van der Corput sequence).
/// 32 bits per coordinate. The seed gives a digital shift: every coordinate of dimension d is XORed with the same
/// 32 random bits from the stream (seed, <see cref="StreamPurpose.SweepDesign"/>, 2^32 + d). A digital shift keeps
/// the sequence's stratification (the first 2^m points put exactly one point in each of the 2^m equal intervals of
/// every dimension), moves the first point away from the corner of the cube, and makes designs with different seeds
/// independent replicates.
/// </summary>
public static class SobolSequence
{
    private const int Bits = 32;

    /// <summary>
    /// Joe &amp; Kuo's primitive polynomials and initial direction numbers for dimensions 2 to 21: degree s, the
    /// polynomial's inner coefficients a (as bits), and m_1..m_s.
    /// </summary>
    private static readonly (int Degree, uint Coefficients, uint[] Initial)[] Directions =
    [
        (1, 0, [1]),
        (2, 1, [1, 3]),
        (3, 1, [1, 3, 1]),
        (3, 2, [1, 1, 1]),
        (4, 1, [1, 1, 3, 3]),
        (4, 4, [1, 3, 5, 13]),
        (5, 2, [1, 1, 5, 5, 17]),
        (5, 4, [1, 1, 5, 5, 5]),
        (5, 7, [1, 1, 7, 11, 19]),
        (5, 11, [1, 1, 5, 1, 1]),
        (5, 13, [1, 1, 1, 3, 11]),
        (5, 14, [1, 3, 5, 5, 31]),
        (6, 1, [1, 3, 3, 9, 7, 49]),
        (6, 13, [1, 1, 1, 15, 21, 21]),
        (6, 16, [1, 3, 1, 13, 27, 49]),
        (6, 19, [1, 1, 1, 15, 7, 5]),
        (6, 22, [1, 3, 1, 15, 13, 25]),
        (6, 25, [1, 1, 5, 5, 19, 61]),
        (7, 1, [1, 3, 7, 11, 23, 15, 103]),
        (7, 4, [1, 3, 7, 13, 13, 15, 69]),
    ];

    /// <summary>Dimensions with direction numbers here: a sweep of more parameters uses a Latin hypercube.</summary>
    public const int MaxDimensions = 21;

    /// <summary>Points 0 .. draws-1 of the sequence, digitally shifted by the seed; one row per draw, in [0, 1).</summary>
    public static double[][] Sample(int draws, int dimensions, ulong seed) => Points(draws, dimensions, Shifts(dimensions, seed));

    /// <summary>The unshifted sequence (its first point is the origin), for checks against published values.</summary>
    public static double[][] Unshifted(int draws, int dimensions) => Points(draws, dimensions, new uint[dimensions]);

    private static uint[] Shifts(int dimensions, ulong seed)
    {
        var shifts = new uint[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            var stream = new RandomStream(seed, StreamPurpose.SweepDesign, (1UL << 32) + (ulong)d);
            shifts[d] = (uint)(stream.NextUInt64() >> 32);
        }
        return shifts;
    }

    private static double[][] Points(int draws, int dimensions, uint[] shifts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        var directions = new uint[dimensions][];
        for (int d = 0; d < dimensions; d++)
        {
            directions[d] = DirectionNumbers(d);
        }
        var points = new double[draws][];
        var x = (uint[])shifts.Clone();
        for (int i = 0; i < draws; i++)
        {
            if (i > 0)
            {
                // Gray-code order: point i differs from point i-1 by one direction number, that of the lowest zero bit of i-1.
                int bit = System.Numerics.BitOperations.TrailingZeroCount(~(uint)(i - 1));
                for (int d = 0; d < dimensions; d++)
                {
                    x[d] ^= directions[d][bit];
                }
            }
            var point = new double[dimensions];
            for (int d = 0; d < dimensions; d++)
            {
                point[d] = x[d] / 4294967296.0;
            }
            points[i] = point;
        }
        return points;
    }

    /// <summary>v_k = m_k / 2^k as 32-bit fractions, from the recurrence of the dimension's primitive polynomial.</summary>
    private static uint[] DirectionNumbers(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            for (int k = 0; k < Bits; k++)
            {
                v[k] = 1u << (Bits - 1 - k);
            }
            return v;
        }
        var (s, a, m) = Directions[dimension - 1];
        for (int k = 0; k < s; k++)
        {
            v[k] = m[k] << (Bits - 1 - k);
        }
        for (int k = s; k < Bits; k++)
        {
            uint value = v[k - s] ^ (v[k - s] >> s);
            for (int j = 1; j < s; j++)
            {
                if (((a >> (s - 1 - j)) & 1) != 0)
                {
                    value ^= v[k - j];
                }
            }
            v[k] = value;
        }
        return v;
    }
}
