using DigitalTwin.Engine.Outcomes;

namespace DigitalTwin.Engine.Tests.Outcomes;

public class ComparisonTests
{
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Four seeds, differences 2, 1, 3, 2. By hand: mean 2; sample SD √(2/3) = 0.816497; SE = SD/√4 = 0.408248;
    /// t(0.975, 3) = 3.182446 (table value; here from the closed-form t CDF for 3 degrees of freedom,
    /// F(x) = 1/2 + (x/√3 / (1 + x²/3) + atan(x/√3)) / π, inverted by bisection); interval 2 ± 1.299228 =
    /// [0.700772, 3.299228]; t = 2/0.408248 = 4.898979, two-sided p = 2(1 − F(t)) = 0.016277.
    /// </summary>
    [Fact]
    public void Paired_difference_matches_hand_computed_values()
    {
        double[] baseline = [10, 12, 11, 13];
        double[] variant = [12, 13, 14, 15];

        var d = PairedDifference.Of(baseline, variant);

        Assert.Equal(4, d.Replications);
        Assert.Equal(11.5, d.BaselineMean, Tolerance);
        Assert.Equal(13.5, d.VariantMean, Tolerance);
        Assert.Equal(2.0, d.MeanDifference, Tolerance);
        Assert.Equal(0.408248290463863, d.StandardError, Tolerance);
        Assert.Equal(3.182446305283706, PairedDifference.TQuantile(4), 1e-7);
        Assert.Equal(0.70077173637489, d.Lower, 1e-7);
        Assert.Equal(3.29922826362511, d.Upper, 1e-7);
        Assert.Equal(0.016276603459428607, d.PValue, 1e-7);
        Assert.True(d.Distinguishable);
        Assert.Equal(2.0 / 11.5, d.RelativeChange!.Value, Tolerance);
    }

    /// <summary>Two seeds, differences +1 and −1: mean 0, SE 1, t(0.975, 1) = 12.706205 (tan(0.475π)), p = 1.</summary>
    [Fact]
    public void An_interval_that_straddles_zero_is_not_distinguishable()
    {
        var d = PairedDifference.Of([5, 5], [6, 4]);

        Assert.Equal(0, d.MeanDifference, Tolerance);
        Assert.Equal(1, d.StandardError, Tolerance);
        Assert.Equal(Math.Tan(0.475 * Math.PI), d.Upper, 1e-6);
        Assert.Equal(1, d.PValue, 1e-9);
        Assert.False(d.Distinguishable);
    }

    [Fact]
    public void Identical_differences_have_no_noise()
    {
        var same = PairedDifference.Of([1, 2, 3], [1, 2, 3]);
        var shifted = PairedDifference.Of([1, 2, 3], [2, 3, 4]);

        Assert.Equal((0.0, 0.0, 1.0), (same.Lower, same.Upper, same.PValue));
        Assert.False(same.Distinguishable);
        Assert.Equal((1.0, 1.0, 0.0), (shifted.Lower, shifted.Upper, shifted.PValue));
        Assert.True(shifted.Distinguishable);
        Assert.Null(PairedDifference.Of([0, 0], [1, 1]).RelativeChange);
    }

    [Fact]
    public void One_replication_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([1.0], [2.0]));
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([1.0, 2.0], [2.0]));
    }

    [Fact]
    public void Outcomes_overall_and_by_group_pair_replications_by_seed()
    {
        ReplicationOutcomes[] baseline = [Run(1, 10, 4), Run(2, 12, 6)];
        ReplicationOutcomes[] variant = [Run(1, 11, 4), Run(2, 14, 7)];

        var comparison = Comparison.Compare("wider", baseline, variant);

        Assert.Equal([1UL, 2UL], comparison.Seeds);
        var encounters = comparison.OverallOf(Comparison.HeadlineOutcome).Change;
        Assert.Equal((11.0, 12.5, 1.5), (encounters.BaselineMean, encounters.VariantMean, encounters.MeanDifference));
        Assert.Equal(8, comparison.Overall.Count); // one row per measure of OutcomeMeasures.Values
        // The age band "Child" has no residents in any run and is left out; "Older" has one outcome row per measure.
        Assert.DoesNotContain(comparison.ByGroup, g => g.Group == "Child");
        var older = comparison.ByGroup.Where(g => g.Trait == "ageBand" && g.Group == "Older").ToArray();
        Assert.Equal(8, older.Length);
        Assert.Equal(0.5, older.Single(g => g.Outcome == Comparison.HeadlineOutcome).Change.MeanDifference, Tolerance);
        var ranked = Comparison.GroupsByRelativeChange(comparison, Comparison.HeadlineOutcome);
        Assert.Equal("Adult", ranked[0].Group);
    }

    [Fact]
    public void Seeds_that_differ_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Comparison.Compare("v", [Run(1, 1, 1), Run(2, 1, 1)], [Run(1, 1, 1), Run(3, 1, 1)]));
        Assert.Throws<ArgumentException>(() => Comparison.Compare("v", [Run(1, 1, 1)], [Run(1, 1, 1)]));
    }

    [Fact]
    public void Streets_pair_by_name_a_new_place_counts_from_zero_and_rankings_are_ordered()
    {
        var baselineStreets = new AreaRates(["Kerkstraat", "Molenweg"], [1.0, 2.0], [0.1, 0.2]);
        var variantStreets = new AreaRates(["Kerkstraat", "Molenweg"], [1.5, 1.0], [0.1, 0.2]);
        var baselinePlaces = new AreaRates([], [], []);
        var variantPlaces = new AreaRates(["New Café (cafe)"], [3.0], [1.0]);
        ReplicationOutcomes[] baseline = [Run(1, 1, 1) with { Streets = baselineStreets, Places = baselinePlaces }, Run(2, 1, 1) with { Streets = baselineStreets, Places = baselinePlaces }];
        ReplicationOutcomes[] variant = [Run(1, 1, 1) with { Streets = variantStreets, Places = variantPlaces }, Run(2, 1, 1) with { Streets = variantStreets with { Encounters = [1.7, 1.2] }, Places = variantPlaces }];

        var comparison = Comparison.Compare("v", baseline, variant);

        Assert.Equal(["Kerkstraat", "Molenweg"], comparison.Streets.Select(s => s.Label));
        Assert.Equal(0.6, comparison.Streets[0].Encounters.MeanDifference, Tolerance);
        Assert.Equal(-0.9, comparison.Streets[1].Encounters.MeanDifference, Tolerance);
        var cafe = Assert.Single(comparison.Places);
        Assert.Equal((0.0, 3.0), (cafe.Encounters.BaselineMean, cafe.Encounters.VariantMean));
        Assert.Equal(["Kerkstraat"], Comparison.LargestGains(comparison.Streets, 5).Select(s => s.Label));
        Assert.Equal(["Molenweg"], Comparison.LargestLosses(comparison.Streets, 5).Select(s => s.Label));
        Assert.NotNull(comparison.Segments);
    }

    /// <summary>A hand-made replication: everyone's encounters per day, and the older residents' (who are some of everyone).</summary>
    internal static ReplicationOutcomes Run(ulong seed, double encounters, double olderEncounters)
    {
        var all = new OutcomeMeasures { Residents = 10, EncountersPerResidentPerDay = encounters, NodsPerResidentPerDay = encounters / 10 };
        var older = new OutcomeMeasures { Residents = 3, EncountersPerResidentPerDay = olderEncounters };
        var adult = new OutcomeMeasures { Residents = 7, EncountersPerResidentPerDay = (encounters * 10 - olderEncounters * 3) / 7 };
        var summary = new OutcomeSummary(all, [new GroupBreakdown("ageBand", [("Child", new OutcomeMeasures()), ("Adult", adult), ("Older", older)])]);
        var none = new AreaRates([], [], []);
        return new ReplicationOutcomes(seed, 7, summary, none, none, [0.5, 0.25], [0.1, 0.05]);
    }
}
