using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Outcomes;

/// <summary>The sample of repeated pairs: only pairs met on 2 days or more, all their encounters, a fixed share, bounded.</summary>
public sealed class RepeatedPairSampleTests
{
    [Fact]
    public void Only_pairs_met_on_two_days_are_reported_with_every_encounter()
    {
        // 200,000 pairs on day 0; the even ones meet again twice on day 3, the odd ones never again.
        var sample = new RepeatedPairSample(seed: 3);
        sample.Observe(0, Pairs(200_000, _ => true, startSeconds: 100));
        sample.Observe(3, Pairs(200_000, p => p % 2 == 0, startSeconds: 200, twice: true));

        var reported = sample.Repeated();
        var pairs = reported.GroupBy(e => (e.ResidentA, e.ResidentB)).ToList();

        // 1 in 256 of the 100,000 repeated pairs: about 390.
        Assert.Equal(256, RepeatedPairSample.OneIn);
        Assert.InRange(pairs.Count, 310, 470);
        Assert.All(pairs, pair =>
        {
            Assert.Equal(0, pair.Key.ResidentB % 2); // even pairs: B = 100,000 + an even number
            Assert.Equal([(0, 100f), (3, 200f), (3, 200f)], pair.Select(e => (e.Day, e.StartSeconds)));
        });
    }

    [Fact]
    public void The_sample_depends_on_the_seed_not_on_the_order_pairs_come_in()
    {
        var forward = new RepeatedPairSample(seed: 5);
        var another = new RepeatedPairSample(seed: 6);
        foreach (int day in new[] { 0, 1 })
        {
            forward.Observe(day, Pairs(100_000, _ => true, startSeconds: day));
            another.Observe(day, Pairs(100_000, _ => true, startSeconds: day));
        }

        Assert.NotEmpty(forward.Repeated());
        Assert.NotEqual(forward.Repeated().Select(e => e.ResidentB), another.Repeated().Select(e => e.ResidentB));
    }

    [Fact]
    public void At_most_the_bounded_number_of_pairs_is_reported()
    {
        // The default bound (2,000) would need 2 M pairs a day here; the rule is the same for 10.
        var sample = new RepeatedPairSample(seed: 1, maxPairs: 10);
        for (int day = 0; day < 2; day++)
        {
            sample.Observe(day, Pairs(100_000, _ => true, startSeconds: 0));
        }

        Assert.Equal(10, sample.Repeated().Select(e => (e.ResidentA, e.ResidentB)).Distinct().Count());
    }

    [Fact]
    public void Repeated_pairs_of_a_run_really_met_on_two_days_or_more()
    {
        var result = SimulationWorlds.Grid(residents: 600).Run(7, seed: 7, threads: 2);
        var ties = result.Ties.ToDictionary(t => (t.ResidentA, t.ResidentB));

        var pairs = result.PairEncounters.GroupBy(e => (e.ResidentA, e.ResidentB)).ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair => Assert.True(pair.Select(e => e.Day).Distinct().Count() >= 2, $"{pair.Key} met on one day only"));
        // The ledger, which counts days on its own, agrees for the pairs it still remembers.
        var remembered = pairs.Where(p => ties.ContainsKey(p.Key)).ToList();
        Assert.NotEmpty(remembered);
        Assert.All(remembered, pair => Assert.Equal(ties[pair.Key].DaysMetInLast64Days, pair.Select(e => e.Day).Distinct().Count()));
        Assert.All(result.PairEncounters, e => Assert.True(e.Segment >= 0 || e.Place >= 0, "an encounter is on a segment or at a place"));
    }

    /// <summary>Encounters of pairs (0, 1), (0, 2), … in pair order, on segment 0; <paramref name="twice"/> gives each two.</summary>
    private static Encounter[] Pairs(int count, Func<int, bool> meets, double startSeconds, bool twice = false)
    {
        var encounters = new List<Encounter>();
        for (int p = 0; p < count; p++)
        {
            if (!meets(p))
            {
                continue;
            }
            for (int k = 0; k < (twice ? 2 : 1); k++)
            {
                encounters.Add(new Encounter { ResidentA = p / 50_000, ResidentB = (p % 50_000) + 100_000, StartTimeSeconds = startSeconds, DurationSeconds = 2, Segment = 0, Place = -1 });
            }
        }
        return [.. encounters];
    }
}
