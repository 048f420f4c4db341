using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Encounters;

/// <summary>The exact detector against the time-stepped reference on many random small days.</summary>
public class ExactEncounterDetectorReferenceTests
{
    private const double Dt = 0.05;

    // Both sides must agree outside a margin of a couple of samples around every boundary.
    private const double Tolerance = 2.5 * Dt;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 300; seed++)
        {
            data.Add(seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Exact_detector_agrees_with_the_time_stepped_reference(int seed)
    {
        var network = TinyWorlds.SmallGrid();
        var day = new TrajectoryBuffer();
        SyntheticDays.Fill(day, network, (ulong)seed, residents: 14, placeCount: 2, horizonSeconds: 90);
        // Gap 0: compare the contact sets themselves, not the joining rule.
        var parameters = new EncounterParameters { MaxThreads = 1, EpisodeGapSeconds = 0 };
        var exact = new EncounterBuffer();
        new ExactEncounterDetector(parameters).Detect(network, 2, day, exact);
        List<SampledEpisode> reference = BruteForceEncounterDetector.Detect(network, day, parameters, Dt);

        var exactByPair = exact.Items.ToArray()
            .GroupBy(e => (e.ResidentA, e.ResidentB))
            .ToDictionary(g => g.Key, g => g.Select(e => (e.StartTimeSeconds, e.EndTimeSeconds)).ToList());
        var referenceByPair = reference
            .GroupBy(e => (e.ResidentA, e.ResidentB))
            .ToDictionary(g => g.Key, g => g.Select(e => (e.StartTimeSeconds, e.EndTimeSeconds)).ToList());

        foreach (var (pair, intervals) in exactByPair)
        {
            var other = referenceByPair.GetValueOrDefault(pair) ?? [];
            foreach (var (start, end) in intervals)
            {
                if (end - start > 2 * Tolerance)
                {
                    Assert.True(Covered(start + Tolerance, end - Tolerance, other),
                        $"seed {seed}: exact contact {pair} [{start:F3}, {end:F3}] missing in reference [{string.Join(", ", other)}]");
                }
            }
        }
        foreach (var (pair, intervals) in referenceByPair)
        {
            var other = exactByPair.GetValueOrDefault(pair) ?? [];
            foreach (var (start, end) in intervals)
            {
                if (end - start > 2 * Tolerance)
                {
                    Assert.True(Covered(start + Tolerance, end - Tolerance, other),
                        $"seed {seed}: reference contact {pair} [{start:F3}, {end:F3}] missing in exact [{string.Join(", ", other)}]");
                }
            }
        }
    }

    [Fact]
    public void Random_cases_are_not_trivial()
    {
        var network = TinyWorlds.SmallGrid();
        var parameters = new EncounterParameters { MaxThreads = 1, EpisodeGapSeconds = 0 };
        var detector = new ExactEncounterDetector(parameters);
        var day = new TrajectoryBuffer();
        var exact = new EncounterBuffer();
        var kinds = new HashSet<EncounterKind>();
        int total = 0;
        int atNodes = 0;
        for (int seed = 1; seed <= 300; seed++)
        {
            SyntheticDays.Fill(day, network, (ulong)seed, residents: 14, placeCount: 2, horizonSeconds: 90);
            detector.Detect(network, 2, day, exact);
            total += exact.Count;
            foreach (Encounter e in exact.Items)
            {
                kinds.Add(e.Kind);
                atNodes += e.Node >= 0 ? 1 : 0;
            }
        }
        Assert.True(total > 1000, $"{total} encounters");
        Assert.True(atNodes > 20, $"{atNodes} at nodes");
        Assert.Equal(5, kinds.Count);
    }

    [Fact]
    public void Random_cases_exercise_the_lateral_rule()
    {
        var network = TinyWorlds.SmallGrid();
        var detector = new ExactEncounterDetector(new EncounterParameters { MaxThreads = 1, EpisodeGapSeconds = 0 });
        var day = new TrajectoryBuffer();
        var flat = new TrajectoryBuffer();
        var exact = new EncounterBuffer();
        int withLaterals = 0;
        int onCentreLine = 0;
        for (int seed = 1; seed <= 100; seed++)
        {
            SyntheticDays.Fill(day, network, (ulong)seed, residents: 14, placeCount: 2, horizonSeconds: 90);
            flat.Clear();
            for (int i = 0; i < day.PassageCount; i++)
            {
                flat.AddPassage(day.GetPassage(i) with { LateralOffsetMetres = 0 });
            }
            for (int i = 0; i < day.StayCount; i++)
            {
                flat.AddStay(day.GetStay(i) with { LateralOffsetMetres = 0 });
            }
            detector.Detect(network, 2, day, exact);
            withLaterals += exact.Count;
            detector.Detect(network, 2, flat, exact);
            onCentreLine += exact.Count;
        }
        // Lateral gaps of several metres keep a good share of the pairs apart that would meet on one line.
        Assert.InRange(withLaterals, onCentreLine / 4, onCentreLine * 9 / 10);
    }

    /// <summary>True when [from, to] lies inside the union of the intervals (each widened by one sample).</summary>
    private static bool Covered(double from, double to, List<(double Start, double End)> intervals)
    {
        double reached = from;
        foreach (var (start, end) in intervals.OrderBy(i => i.Start))
        {
            if (start - Dt <= reached)
            {
                reached = Math.Max(reached, end + Dt);
            }
        }
        return reached >= to;
    }
}
