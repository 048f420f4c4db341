using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.Engine.Tests.Population;
using Xunit.Abstractions;

namespace DigitalTwin.Engine.Tests.Outcomes;

/// <summary>
/// Why <c>twin compare</c> runs baseline and variant with the same seeds: on a small synthetic grid, the differences
/// between a baseline and a parameter variant vary far less from seed to seed when both share seeds (the same
/// residents, the same day plans) than when the variant runs with other seeds, as independent runs would.
/// </summary>
public class CommonRandomNumbersTests(ITestOutputHelper output)
{
    private const int Replications = 4;
    private const int Days = 3;
    private const ulong FirstSeed = 11;

    /// <summary>Seeds for the independent variant: far from the baseline's, so no run is shared.</summary>
    private const ulong IndependentSeedOffset = 1_000;

    private static readonly Neighbourhood World = NetworkGenerator.Grid(6, 6, new GeneratorOptions { Seed = 3 });

    private static readonly SimulationParameters Baseline = SimulationParameters.Default;

    /// <summary>A wider social distance: more pairs count as meeting, through the model's own encounter mechanism.</summary>
    private static readonly SimulationParameters Variant = SimulationParameters.Default with
    {
        Encounters = SimulationParameters.Default.Encounters with { SocialDistanceMetres = 6 },
    };

    [Fact]
    [Trait("Category", "Slow")]
    public void Paired_seeds_make_the_difference_less_noisy_than_independent_seeds()
    {
        var baseline = new double[Replications];
        var paired = new double[Replications];
        var independent = new double[Replications];
        var baselineRuns = new ReplicationOutcomes[Replications];
        var pairedRuns = new ReplicationOutcomes[Replications];
        for (int r = 0; r < Replications; r++)
        {
            ulong seed = FirstSeed + (ulong)r;
            baselineRuns[r] = RunOnce(Baseline, seed);
            pairedRuns[r] = RunOnce(Variant, seed);
            baseline[r] = baselineRuns[r].Summary.Overall.EncountersPerResidentPerDay;
            paired[r] = pairedRuns[r].Summary.Overall.EncountersPerResidentPerDay;
            independent[r] = RunOnce(Variant, seed + IndependentSeedOffset).Summary.Overall.EncountersPerResidentPerDay;
        }

        var withCommonNumbers = PairedDifference.Of(baseline, paired);
        var withIndependentRuns = PairedDifference.Of(baseline, independent);
        output.WriteLine($"paired: {withCommonNumbers}");
        output.WriteLine($"independent: {withIndependentRuns}");

        Assert.True(withCommonNumbers.MeanDifference > 0, $"a wider social distance must add encounters, got {withCommonNumbers.MeanDifference}");
        Assert.True(withCommonNumbers.StandardError < withIndependentRuns.StandardError / 3,
            $"paired SE {withCommonNumbers.StandardError} should be well under the independent SE {withIndependentRuns.StandardError}");
        Assert.True(withCommonNumbers.Distinguishable);

        // The same runs through the comparison: streets by name of the generated grid, segments one for one.
        var comparison = Comparison.Compare("wider social distance", baselineRuns, pairedRuns);
        Assert.Equal(withCommonNumbers, comparison.OverallOf(Comparison.HeadlineOutcome).Change);
        Assert.Contains(comparison.Streets, s => s.Label == "Row Street 2");
        Assert.Equal(World.Network.SegmentCount, comparison.Segments!.Encounters.Length);
        Assert.NotEmpty(Comparison.LargestGains(comparison.Streets, 3));
    }

    private static ReplicationOutcomes RunOnce(SimulationParameters parameters, ulong seed)
    {
        Residents residents = PopulationSynthesiser.Synthesise(PopulationFixtures.HandMade(), World.Homes, seed, targetResidents: 400).Unwrap();
        var result = new Simulator(World, residents, parameters, new RunOptions(Days) { Seed = seed }).Run();
        return ReplicationOutcomes.From(seed, World, residents, result);
    }
}
