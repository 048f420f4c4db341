using DigitalTwin.Engine.Sweeps;

namespace DigitalTwin.Engine.Tests.Sweeps;

/// <summary>The two designs of a sweep: stratification, published values, and reproducibility by seed.</summary>
public sealed class SamplingDesignTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void A_latin_hypercube_puts_one_draw_in_every_stratum_of_every_dimension(int draws)
    {
        double[][] points = LatinHypercube.Sample(draws, 5, seed: 3);

        Assert.Equal(draws, points.Length);
        for (int d = 0; d < 5; d++)
        {
            var strata = points.Select(p => (int)Math.Floor(p[d] * draws)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, draws), strata);
            Assert.All(points, p => Assert.InRange(p[d], 0, 1 - 1e-12));
        }
    }

    [Fact]
    public void A_latin_hypercube_depends_only_on_its_seed_and_keeps_earlier_dimensions_when_one_is_added()
    {
        double[][] a = LatinHypercube.Sample(16, 3, seed: 11);
        double[][] b = LatinHypercube.Sample(16, 3, seed: 11);
        double[][] wider = LatinHypercube.Sample(16, 4, seed: 11);
        double[][] other = LatinHypercube.Sample(16, 3, seed: 12);

        Assert.Equal(a, b);
        Assert.Equal(a.Select(p => p[..3]), wider.Select(p => p[..3]));
        Assert.NotEqual(a, other);
    }

    [Fact]
    public void The_unshifted_sobol_sequence_has_the_published_first_points()
    {
        // Sobol' points 0-7 in three dimensions (Gray-code order, Joe & Kuo direction numbers), as tabulated by
        // Bratley & Fox (1988) and produced by every implementation of Joe & Kuo's generator.
        double[][] expected =
        [
            [0, 0, 0],
            [0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25],
            [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625],
            [0.875, 0.875, 0.125],
            [0.625, 0.125, 0.875],
            [0.125, 0.625, 0.375],
        ];

        Assert.Equal(expected, SobolSequence.Unshifted(8, 3));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(99UL)]
    public void A_shifted_sobol_design_of_2_to_the_m_draws_fills_every_interval_of_every_dimension_once(ulong seed)
    {
        const int Draws = 32;
        double[][] points = SobolSequence.Sample(Draws, SobolSequence.MaxDimensions, seed);

        for (int d = 0; d < SobolSequence.MaxDimensions; d++)
        {
            Assert.Equal(Enumerable.Range(0, Draws), points.Select(p => (int)Math.Floor(p[d] * Draws)).Order());
        }
        Assert.Equal(points, SobolSequence.Sample(Draws, SobolSequence.MaxDimensions, seed));
        Assert.NotEqual(points, SobolSequence.Sample(Draws, SobolSequence.MaxDimensions, seed + 1));
    }

    [Fact]
    public void Sobol_dimensions_are_not_copies_of_each_other()
    {
        double[][] points = SobolSequence.Unshifted(64, SobolSequence.MaxDimensions);

        for (int a = 0; a < SobolSequence.MaxDimensions; a++)
        {
            for (int b = a + 1; b < SobolSequence.MaxDimensions; b++)
            {
                Assert.False(points.All(p => p[a] == p[b]), $"dimensions {a} and {b} are the same");
            }
        }
    }

    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(0.2499, 2.0)]
    [InlineData(0.25, 3.0)]
    [InlineData(0.9999, 5.0)]
    public void Whole_number_parameters_take_each_value_of_their_range_with_equal_chance(double unit, double expected)
    {
        var range = new ParameterRange("familiarity.familiarStrangerDays", 2, 5, RangeScale.Linear, IsInteger: true, 3, "days");

        Assert.Equal(expected, range.ValueAt(unit));
    }

    [Fact]
    public void A_log_range_spreads_draws_by_ratio_and_values_are_rounded_to_six_digits()
    {
        var range = new ParameterRange("attention.noticeRatePerSecond", 0.01, 1, RangeScale.Log, IsInteger: false, 0.5, "per s");

        Assert.Equal(0.1, range.ValueAt(0.5), 12);
        Assert.Equal(0.01, range.ValueAt(0));
        Assert.Equal(0.0316228, range.ValueAt(0.25));
    }
}
