using System.Globalization;
using System.Text.Json.Nodes;
using DigitalTwin.Cli.Commands;
using DigitalTwin.Cli.Sweeps;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.Engine.Sweeps;
using DigitalTwin.Surrogate.Calibration;
using DigitalTwin.Surrogate.Emulation;

namespace DigitalTwin.Cli.Learning;

/// <summary>A parameter to calibrate and the range to search, as --parameter NAME=MIN:MAX gives it.</summary>
internal sealed record CalibrationRange(string Name, double Min, double Max);

/// <summary>Simulated counts at one parameter setting, averaged over seeds, and how well they fit.</summary>
internal sealed record ConfirmedFit(IReadOnlyList<double> Values, IReadOnlyList<double> Simulated, FitMeasures Fit);

/// <summary>Everything a calibration found: the sweep's errors, the emulator, its optimum and the real runs before and after.</summary>
internal sealed record CalibrationResult(
    Scenario Scenario,
    IReadOnlyList<ObservedCount> Counts,
    IReadOnlyList<ParameterRange> Ranges,
    IReadOnlyList<double[]> DrawValues,
    IReadOnlyList<double> RunErrors,
    HeldOutAccuracy EmulatorAccuracy,
    EmulatedOptimum Optimum,
    ConfirmedFit Before,
    ConfirmedFit After,
    int BestRun,
    int Days,
    IReadOnlyList<ulong> ConfirmSeeds,
    IReadOnlyList<PartialDependence> ErrorDependence);

/// <summary>
/// <c>twin calibrate</c>'s steps after the sweep: the count error of every run, an emulator of it over the parameters,
/// its minimum, and real runs at the scenario's own values (before) and at the minimum (after).
/// </summary>
internal static class Calibration
{
    /// <summary>
    /// The parameters that set how many people walk and cycle rather than drive: the walk and bike constants of mode
    /// choice (Dutch mode shares by distance were fitted with them), the car constant staying the reference. Choices
    /// among modes depend on differences of utility, so counts fix the constants against each other and hardly their
    /// common level: with the car constant free as well, the Delft example found every constant shifted by 0.2-0.4
    /// and their differences within 0.2. --parameter replaces the list (e.g. adds a trip rate where counts allow it).
    /// </summary>
    public static IReadOnlyList<CalibrationRange> DefaultRanges { get; } =
    [
        new("modeChoice.walkConstant", 0.8, 2.8),
        new("modeChoice.bikeConstant", -0.4, 1.6),
    ];

    /// <summary>The sweep file calibrate writes and runs, as JSON text: the scenario, the ranges, a Latin hypercube.</summary>
    public static string SweepJson(Scenario scenario, IReadOnlyList<CalibrationRange> ranges, int draws, int seeds, int days)
    {
        var parameters = new JsonObject();
        foreach (var r in ranges)
        {
            parameters[r.Name] = new JsonObject { ["min"] = r.Min, ["max"] = r.Max };
        }
        var sweep = new JsonObject
        {
            ["name"] = "calibrate-" + SweepCommand.Slug(Path.GetFileNameWithoutExtension(scenario.SourceFile)),
            ["description"] = "Written by twin calibrate: the parameters that drive volumes, over their ranges",
            ["scenarios"] = new JsonArray(scenario.SourceFile),
            ["parameters"] = parameters,
            ["design"] = new JsonObject { ["method"] = "latin-hypercube", ["draws"] = draws, ["seed"] = 1 },
            ["seeds"] = new JsonObject { ["count"] = seeds },
            ["days"] = days,
        };
        return sweep.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Each run's simulated counts ([run][count]), in manifest order; the problem when a run kept no counts.</summary>
    public static InputResult<double[][]> RunCounts(string folder, SweepManifest manifest, IReadOnlyList<ObservedCount> counts)
    {
        var simulated = new double[manifest.Runs.Count][];
        for (int r = 0; r < simulated.Length; r++)
        {
            var kept = SweepResults.TryReadCounts(folder, manifest, manifest.Runs[r]);
            if (kept is null)
            {
                return InputResult<double[][]>.Failure(new InputProblem(SweepResults.PathOf(folder, manifest.Runs[r]), "$.segmentCounts",
                    "has no counts at the count sites", "run the same twin calibrate again: it simulates what is missing"));
            }
            simulated[r] = CountFit.Simulated(counts, kept, manifest.Days);
        }
        return InputResult<double[][]>.Success(simulated);
    }

    /// <summary>
    /// Simulates the scenario with <paramref name="values"/> (by <paramref name="ranges"/>' names; none: its own values)
    /// for each seed and averages the counts at the sites.
    /// </summary>
    public static ConfirmedFit Confirm(Scenario scenario, LoadedMap map, IReadOnlyList<ObservedCount> counts, IReadOnlyList<ParameterRange> ranges,
        IReadOnlyList<double>? values, IReadOnlyList<ulong> seeds, int days, CancellationToken token)
    {
        var drawn = values is null ? [] : ranges.Select((r, i) => KeyValuePair.Create(r.Name, values[i])).ToList();
        var sum = new double[counts.Count];
        int[] segments = [.. counts.SelectMany(c => c.Segments).Distinct().Order()];
        foreach (ulong seed in seeds)
        {
            var run = SweepDefinition.Apply(scenario, drawn, seed, days);
            var people = PreparedScenario.Prepare(run, map).Unwrap();
            var result = new Simulator(people.Neighbourhood, people.Residents, people.Parameters, new RunOptions(days) { Seed = seed }).Run(null, token);
            var kept = segments.ToDictionary(s => s, s => new[] { result.Streets.WalkPassagesByHour, result.Streets.BikePassagesByHour, result.Streets.CarPassagesByHour }
                .Select(byHour => byHour.AsSpan(s * Engine.Outcomes.StreetOutcomes.HoursPerDay, Engine.Outcomes.StreetOutcomes.HoursPerDay).ToArray()).ToArray());
            double[] simulated = CountFit.Simulated(counts, kept, days);
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += simulated[i];
            }
        }
        double[] mean = [.. sum.Select(s => s / seeds.Count)];
        var own = values ?? [.. ranges.Select(r => OwnValue(scenario, r))];
        return new ConfirmedFit(own, mean, CountFit.Measure(counts, mean));
    }

    /// <summary>The scenario's own value of a parameter: its override, or the model's default.</summary>
    public static double OwnValue(Scenario scenario, ParameterRange range) =>
        scenario.ParameterOverrides.LastOrDefault(p => p.Key == range.Name) is { Key: not null } own ? own.Value : range.Default;

    /// <summary>Six significant digits: far below what counts can tell apart, and a file people can read.</summary>
    public static double Rounded(double value, ParameterRange range) => range.IsInteger
        ? Math.Round(value)
        : Math.Clamp(double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), range.Min, range.Max);

    /// <summary>
    /// The calibrated scenario: extends the calibrated one (by a path relative to where it is written) and sets the
    /// calibrated values in its parameters block.
    /// </summary>
    public static string CalibratedScenarioJson(CalibrationResult result, string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string extends = Path.GetRelativePath(folder, result.Scenario.SourceFile).Replace('\\', '/');
        var parameters = new JsonObject();
        for (int i = 0; i < result.Ranges.Count; i++)
        {
            parameters[result.Ranges[i].Name] = result.After.Values[i];
        }
        var scenario = new JsonObject
        {
            ["name"] = result.Scenario.Name + " (calibrated)",
            ["description"] = string.Create(CultureInfo.InvariantCulture,
                $"{result.Scenario.Name} with {string.Join(", ", result.Ranges.Select(r => r.Name))} calibrated by twin calibrate to {result.Counts.Count} counts: error (mean squared log) {result.Before.Fit.MeanSquaredLogError:0.###} before, {result.After.Fit.MeanSquaredLogError:0.###} after"),
            ["extends"] = extends,
            ["parameters"] = parameters,
        };
        return scenario.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
