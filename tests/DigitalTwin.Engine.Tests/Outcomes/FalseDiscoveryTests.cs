using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Tests.Outcomes;

public class FalseDiscoveryTests
{
    /// <summary>
    /// By hand, m = 6 at 5 %: sorted p 0.001, 0.008, 0.039, 0.041, 0.042, 0.60 against k/6 · 0.05 = 0.0083, 0.0167,
    /// 0.025, 0.0333, 0.0417, 0.05. The largest k with p₍ₖ₎ ≤ its bound is 2 (0.039 > 0.025, 0.041 > 0.033,
    /// 0.042 > 0.0417), so the two smallest are discoveries, though four pass 0.05 on their own.
    /// </summary>
    [Fact]
    public void Benjamini_Hochberg_marks_the_hand_computed_discoveries()
    {
        double[] p = [0.041, 0.001, 0.60, 0.039, 0.008, 0.042];

        Assert.Equal([false, true, false, false, true, false], FalseDiscovery.Discoveries(p));
    }

    [Fact]
    public void A_step_up_marks_a_p_value_above_its_own_bound_when_a_larger_one_passes()
    {
        // Sorted 0.01, 0.04, 0.045 against 0.0167, 0.0333, 0.05: 0.04 fails its own bound, but 0.045 passes its, so
        // all three are discoveries (the procedure steps up from the largest).
        Assert.Equal([true, true, true], FalseDiscovery.Discoveries([0.045, 0.01, 0.04]));
        Assert.Empty(FalseDiscovery.Discoveries([]));
    }

    /// <summary>
    /// A world with a known effect: one street of 41 gains +1 with little noise over 5 replications; the other 40 only
    /// have noise (sd 1). Tested one by one, about two of the 40 would pass at 5 %; together, only the real one does.
    /// </summary>
    [Fact]
    public void Among_many_streets_only_the_one_with_a_real_effect_is_marked()
    {
        const int Streets = 41, Replications = 5;
        var random = new RandomStream(11, StreamPurpose.Test, 0);
        var differences = new PairedDifference[Streets];
        for (int s = 0; s < Streets; s++)
        {
            var baseline = new double[Replications];
            var variant = new double[Replications];
            for (int r = 0; r < Replications; r++)
            {
                baseline[r] = 10 + random.NextGaussian();
                variant[r] = s == 0 ? baseline[r] + 1 + (0.05 * random.NextGaussian()) : baseline[r] + random.NextGaussian();
            }
            differences[s] = PairedDifference.Of(baseline, variant);
        }

        var marked = FalseDiscovery.Discoveries([.. differences.Select(d => d.PValue)]);

        Assert.True(marked[0]);
        Assert.Equal(1, marked.Count(m => m));
    }

    /// <summary>
    /// A mean difference of 1 with a spread (sd of the differences) of 2: the interval t(n − 1) · 2 / √n drops below 1
    /// first at n = 18 (t(17) = 2.110: 0.995), not at 17 (t(16) = 2.120: 1.028).
    /// </summary>
    [Fact]
    public void The_replications_to_resolve_an_effect_follow_the_t_interval()
    {
        double sd = 2, n = 3;
        var difference = new PairedDifference(3, 10, 11, 1, sd / Math.Sqrt(n), 0, 0, 0.2);

        Assert.Equal(18, FalseDiscovery.ReplicationsToResolve(difference));
        Assert.Null(FalseDiscovery.ReplicationsToResolve(difference with { MeanDifference = 0 }));
        Assert.Null(FalseDiscovery.ReplicationsToResolve(difference with { MeanDifference = 0.01 }));
    }

    /// <summary>Three replications of four segments: only the segment that changes by the same large amount in each is beyond the noise.</summary>
    [Fact]
    public void Paired_discoveries_mark_a_consistent_change_and_not_an_unchanged_or_noisy_item()
    {
        double[][] before = [[1, 2, 3, 4], [1.1, 2, 3.5, 4], [0.9, 2, 2.5, 4]];
        double[][] after = [[3, 2, 3.2, 4], [3.1, 2, 2.9, 4], [2.9, 2, 3.4, 4]];

        Assert.Equal([true, false, false, false], FalseDiscovery.PairedDiscoveries(before, after));
        Assert.Throws<ArgumentException>(() => FalseDiscovery.PairedDiscoveries(before[..1], after[..1]));
        Assert.Throws<ArgumentException>(() => FalseDiscovery.PairedDiscoveries(before, after[..2]));
    }
}
