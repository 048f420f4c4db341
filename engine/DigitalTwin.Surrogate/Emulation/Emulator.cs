using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace DigitalTwin.Surrogate.Emulation;

/// <summary>
/// A regression emulator of one outcome over the swept parameters: ML.NET FastTree (gradient-boosted trees), trained
/// single-threaded with a fixed seed so the same table gives the same model, figures and report bytes on any machine.
/// Trees suit a sweep's outcomes: they need no scaling, take thresholds and interactions as they come, and stay
/// honest on a few dozen runs when leaves must hold a few runs each.
/// </summary>
public sealed class Emulator
{
    /// <summary>The seed of ML.NET's context and of FastTree: fixed, as the sweep's own design seed is.</summary>
    public const int Seed = 20_250_801;

    private readonly MLContext _ml;
    private readonly RegressionPredictionTransformer<FastTreeRegressionModelParameters> _model;

    private Emulator(MLContext ml, RegressionPredictionTransformer<FastTreeRegressionModelParameters> model, IReadOnlyList<string> featureNames)
    {
        _ml = ml;
        _model = model;
        FeatureNames = featureNames;
    }

    /// <summary>The inputs in the order every feature row gives them.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>
    /// Trains on every row. Leaves hold at least 2 rows and trees at most 8 leaves, with 300 trees at learning rate
    /// 0.05: on 20 to 200 runs that fits a smooth response closely without one leaf per run.
    /// </summary>
    public static Emulator Train(IReadOnlyList<string> featureNames, IReadOnlyList<double[]> features, IReadOnlyList<double> outcome)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(outcome);
        if (features.Count != outcome.Count)
        {
            throw new ArgumentException($"{features.Count} feature rows but {outcome.Count} outcomes.", nameof(outcome));
        }
        if (features.Count < MinimumRows)
        {
            throw new ArgumentException($"An emulator needs at least {MinimumRows} runs; got {features.Count}.", nameof(features));
        }
        var ml = new MLContext(Seed);
        var data = Load(ml, featureNames.Count, features, outcome);
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = 300,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 2,
            LearningRate = 0.05,
            // One thread: FastTree's parallel histogram sums would otherwise add in an order that depends on the machine.
            NumberOfThreads = 1,
            Seed = Seed,
            LabelColumnName = nameof(EmulatorRow.Label),
            FeatureColumnName = nameof(EmulatorRow.Features),
        });
        return new Emulator(ml, trainer.Fit(data), featureNames);
    }

    /// <summary>Fewer runs than this leave a tree nothing to split (leaves hold 2 runs or more).</summary>
    public const int MinimumRows = 4;

    /// <summary>The emulated outcome at each row of <paramref name="features"/>, in order.</summary>
    public double[] Predict(IReadOnlyList<double[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            return [];
        }
        var data = Load(_ml, FeatureNames.Count, features, new double[features.Count]);
        var scored = _model.Transform(data);
        return [.. scored.GetColumn<float>(nameof(ScoredRow.Score)).Select(s => (double)s)];
    }

    /// <summary>
    /// ML.NET's permutation feature importance on <paramref name="features"/>: for each input, how much R² falls (mean
    /// and standard error over <paramref name="permutations"/> shuffles) when its column is shuffled among the rows.
    /// </summary>
    public IReadOnlyList<FeatureImportance> PermutationImportance(IReadOnlyList<double[]> features, IReadOnlyList<double> outcome, int permutations = 10)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(outcome);
        var data = Load(_ml, FeatureNames.Count, features, outcome);
        var statistics = _ml.Regression.PermutationFeatureImportance(_model, data, nameof(EmulatorRow.Label), permutationCount: permutations);
        return [.. statistics.Select((s, i) => new FeatureImportance(FeatureNames[i], -s.RSquared.Mean, s.RSquared.StandardError, s.MeanAbsoluteError.Mean))];
    }

    /// <summary>
    /// Partial dependence (Friedman 2001): at each of <paramref name="points"/> values evenly over [min, max] of
    /// input <paramref name="feature"/>, the emulated outcome averaged over the rows of <paramref name="features"/> with
    /// that input set to the value and the others as they are.
    /// </summary>
    public PartialDependence PartialDependence(IReadOnlyList<double[]> features, int feature, double min, double max, int points = 20)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        double[] grid = [.. Enumerable.Range(0, points).Select(k => min + ((max - min) * k / (points - 1)))];
        var rows = new List<double[]>(grid.Length * features.Count);
        foreach (double value in grid)
        {
            foreach (var row in features)
            {
                double[] copy = [.. row];
                copy[feature] = value;
                rows.Add(copy);
            }
        }
        double[] predicted = Predict(rows);
        double[] mean = [.. grid.Select((_, k) => predicted.AsSpan(k * features.Count, features.Count).ToArray().Average())];
        return new PartialDependence(FeatureNames[feature], grid, mean);
    }

    private static IDataView Load(MLContext ml, int width, IReadOnlyList<double[]> features, IReadOnlyList<double> outcome)
    {
        var rows = new EmulatorRow[features.Count];
        for (int r = 0; r < rows.Length; r++)
        {
            if (features[r].Length != width)
            {
                throw new ArgumentException($"Row {r} has {features[r].Length} inputs, not {width}.", nameof(features));
            }
            rows[r] = new EmulatorRow { Label = (float)outcome[r], Features = [.. features[r].Select(v => (float)v)] };
        }
        var schema = SchemaDefinition.Create(typeof(EmulatorRow));
        schema[nameof(EmulatorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}

/// <summary>How much an input matters to the emulator: the fall in R² (and rise in mean absolute error) when it is shuffled.</summary>
public sealed record FeatureImportance(string Name, double RSquaredDrop, double RSquaredDropStandardError, double MeanAbsoluteErrorRise);

/// <summary>The emulated outcome along one input, the others averaged over the runs.</summary>
public sealed record PartialDependence(string Name, IReadOnlyList<double> Values, IReadOnlyList<double> Outcome);

/// <summary>One row as ML.NET reads it; public with settable members because ML.NET fills and reads it by reflection.</summary>
public sealed class EmulatorRow
{
    public float Label { get; set; }

#pragma warning disable CA1819 // ML.NET maps a vector column to an array member and to nothing else.
    public float[] Features { get; set; } = [];
#pragma warning restore CA1819
}

/// <summary>The emulator's output column.</summary>
public sealed class ScoredRow
{
    public float Score { get; set; }
}
