using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Tests.Randomness;

public class RandomStreamTests
{
    [Fact]
    public void Same_key_gives_the_same_sequence()
    {
        var a = new RandomStream(42, StreamPurpose.Plan, 7, 3);
        var b = new RandomStream(42, StreamPurpose.Plan, 7, 3);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Theory]
    [InlineData(43ul, StreamPurpose.Plan, 7ul, 3ul)]
    [InlineData(42ul, StreamPurpose.Route, 7ul, 3ul)]
    [InlineData(42ul, StreamPurpose.Plan, 8ul, 3ul)]
    [InlineData(42ul, StreamPurpose.Plan, 7ul, 4ul)]
    public void Any_key_part_changes_the_sequence(ulong seed, StreamPurpose purpose, ulong entity, ulong day)
    {
        var reference = new RandomStream(42, StreamPurpose.Plan, 7, 3);
        var other = new RandomStream(seed, purpose, entity, day);
        Assert.NotEqual(reference.NextUInt64(), other.NextUInt64());
    }

    [Fact]
    public void Uniform_draws_have_the_expected_mean_and_spread()
    {
        var stream = new RandomStream(1, StreamPurpose.Test, 0);
        const int N = 200_000;
        double sum = 0, sumSquares = 0;
        var buckets = new int[10];
        for (int i = 0; i < N; i++)
        {
            double u = stream.NextDouble();
            Assert.InRange(u, 0.0, 1.0 - double.Epsilon);
            sum += u;
            sumSquares += u * u;
            buckets[stream.NextInt(10)]++;
        }
        double mean = sum / N;
        double variance = sumSquares / N - mean * mean;
        Assert.InRange(mean, 0.497, 0.503);
        Assert.InRange(variance, 1.0 / 12 - 0.002, 1.0 / 12 + 0.002);
        // Chi-square with 9 degrees of freedom: 27.9 is the 0.999 quantile.
        double chi = buckets.Sum(c => Math.Pow(c - N / 10.0, 2) / (N / 10.0));
        Assert.True(chi < 27.9, $"chi-square {chi}");
    }

    [Fact]
    public void A_race_follows_the_weights_and_skips_zeros()
    {
        var stream = new RandomStream(5, StreamPurpose.Test, 1);
        var counts = new int[3];
        double[] weights = [1, 0, 3];
        ulong[] keys = [11, 12, 13];
        for (int i = 0; i < 40_000; i++)
        {
            counts[stream.NextRaced(weights, keys)]++;
        }
        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[2] / (double)counts[0], 2.8, 3.2);
        Assert.Equal(-1, stream.NextRaced([0.0, 0.0], [1UL, 2UL]));
    }

    /// <summary>
    /// Common random numbers that survive a changed choice set: a new alternative, listed first so that every other
    /// alternative's position moves, takes the choices it wins and changes none of the others; a draw against the
    /// cumulative weights changes about a fifth of them here.
    /// </summary>
    [Fact]
    public void A_new_alternative_changes_only_the_choices_it_wins()
    {
        double[] weights = [2, 1, 4, 3];
        ulong[] keys = [101, 102, 103, 104];
        double[] withNew = [1.5, 2, 1, 4, 3];
        ulong[] keysWithNew = [999, 101, 102, 103, 104];
        int won = 0, changedOtherwise = 0, cumulativeChanged = 0;
        const int Decisions = 20_000;
        for (int d = 0; d < Decisions; d++)
        {
            var before = new RandomStream(8, StreamPurpose.Test, (ulong)d);
            var after = new RandomStream(8, StreamPurpose.Test, (ulong)d);
            int old = before.NextRaced(weights, keys);
            int now = after.NextRaced(withNew, keysWithNew);
            if (now == 0)
            {
                won++;
            }
            else if (now - 1 != old)
            {
                changedOtherwise++;
            }
            var cumulativeBefore = new RandomStream(8, StreamPurpose.Test, (ulong)d);
            var cumulativeAfter = new RandomStream(8, StreamPurpose.Test, (ulong)d);
            int oldCumulative = cumulativeBefore.NextWeighted(weights);
            int nowCumulative = cumulativeAfter.NextWeighted(withNew);
            if (nowCumulative != 0 && nowCumulative - 1 != oldCumulative)
            {
                cumulativeChanged++;
            }
        }
        Assert.Equal(0, changedOtherwise);
        Assert.InRange(won / (double)Decisions, 0.12, 0.14); // 1.5 / 11.5 = 0.130, ± 4 standard errors
        Assert.True(cumulativeChanged > Decisions / 10, $"the cumulative draw changed {cumulativeChanged} other choices");
    }
}
