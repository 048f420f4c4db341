using DigitalTwin.Surrogate.Emulation;

namespace DigitalTwin.Surrogate.Tests.Emulation;

public class EmulatorTests
{
    private static readonly string[] Names = ["strong", "weak", "unused"];

    /// <summary>y = 10 x0 + 2 x1 (x2 unused) plus a little deterministic noise, over 60 Latin-hypercube points in [0, 1]³.</summary>
    private static (List<double[]> X, List<double> Y) KnownResponse(int rows = 60)
    {
        var points = Engine.Sweeps.LatinHypercube.Sample(rows, 3, 7);
        var y = points.Select((p, i) => (10 * p[0]) + (2 * p[1]) + (0.05 * Math.Sin(i * 12.9898))).ToList();
        return ([.. points], y);
    }

    [Fact]
    public void Held_out_accuracy_of_a_smooth_response_is_high_and_the_split_keeps_draws_together()
    {
        var (x, y) = KnownResponse();
        int[] draws = [.. Enumerable.Range(0, x.Count).Select(i => i / 2)];
        bool[] test = HeldOut.TestRuns(draws, Emulator.Seed);
        Assert.Equal(16, test.Count(t => t)); // a quarter of 30 draws, rounded: 8 draws × 2 runs
        for (int i = 0; i < draws.Length; i += 2)
        {
            Assert.Equal(test[i], test[i + 1]);
        }
        var accuracy = HeldOut.Measure(Names, x, y, test);
        Assert.True(accuracy.RSquared > 0.85, $"R² {accuracy.RSquared}");
        Assert.Equal(44, accuracy.TrainingRuns);
    }

    [Fact]
    public void Permutation_importance_ranks_the_inputs_by_their_effect()
    {
        var (x, y) = KnownResponse();
        var importance = Emulator.Train(Names, x, y).PermutationImportance(x, y);
        Assert.Equal(Names, importance.Select(i => i.Name));
        Assert.True(importance[0].RSquaredDrop > importance[1].RSquaredDrop, $"{importance[0].RSquaredDrop} vs {importance[1].RSquaredDrop}");
        Assert.True(importance[1].RSquaredDrop > importance[2].RSquaredDrop, $"{importance[1].RSquaredDrop} vs {importance[2].RSquaredDrop}");
        Assert.True(importance[0].RSquaredDrop > 0.5);
        Assert.True(importance[2].RSquaredDrop < 0.05);
    }

    [Fact]
    public void Partial_dependence_follows_the_slope_of_each_input()
    {
        var (x, y) = KnownResponse();
        var emulator = Emulator.Train(Names, x, y);
        var strong = emulator.PartialDependence(x, 0, 0, 1, 11);
        var unused = emulator.PartialDependence(x, 2, 0, 1, 11);
        Assert.Equal(11, strong.Values.Count);
        // The true rise over [0, 1] is 10; trees flatten the ends a little.
        double rise = strong.Outcome[^1] - strong.Outcome[0];
        Assert.InRange(rise, 7, 11);
        Assert.InRange(unused.Outcome.Max() - unused.Outcome.Min(), 0, 1);
    }

    [Fact]
    public void The_same_rows_give_the_same_model()
    {
        var (x, y) = KnownResponse();
        var first = Emulator.Train(Names, x, y).Predict(x);
        var second = Emulator.Train(Names, x, y).Predict(x);
        Assert.Equal(first, second);
        var firstImportance = Emulator.Train(Names, x, y).PermutationImportance(x, y);
        var secondImportance = Emulator.Train(Names, x, y).PermutationImportance(x, y);
        Assert.Equal(firstImportance, secondImportance);
    }

    [Fact]
    public void Sensitivity_leaves_out_an_outcome_that_does_not_vary()
    {
        var (x, _) = KnownResponse();
        Assert.Null(Sensitivity.Analyse("constant", Names, x, [.. x.Select(_ => 3.0)], [.. x.Select((_, i) => i % 4 == 0)]));
    }

    [Fact]
    public void R_squared_matches_a_hand_computed_value()
    {
        // observed mean 2; total SS = 2; residual SS = 0.25 + 0 + 0.25 = 0.5; R² = 1 - 0.5 / 2.
        Assert.Equal(0.75, HeldOut.RSquared([1, 2, 3], [1.5, 2, 2.5]), 12);
        Assert.Equal(1.0 / 3, HeldOut.MeanAbsoluteError([1, 2, 3], [1.5, 2, 2.5]), 12);
    }
}
