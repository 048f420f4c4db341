using System.Globalization;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Sweeps;

/// <summary>How the parameter draws are spread over their ranges.</summary>
public enum SamplingMethod
{
    /// <summary><see cref="Sweeps.LatinHypercube"/>.</summary>
    LatinHypercube,

    /// <summary><see cref="SobolSequence"/>.</summary>
    Sobol,
}

/// <summary>How a unit-interval draw becomes a parameter value.</summary>
public enum RangeScale
{
    /// <summary>Evenly over [min, max].</summary>
    Linear,

    /// <summary>Evenly over [log min, log max], for parameters whose effect is by ratio (rates, distances).</summary>
    Log,
}

/// <summary>One swept model parameter: its scenario name, the range to draw from and what the engine allows.</summary>
public sealed record ParameterRange(string Name, double Min, double Max, RangeScale Scale, bool IsInteger, double Default, string Unit)
{
    /// <summary>
    /// The value at <paramref name="unit"/> in [0, 1): whole numbers take each of min..max with equal chance; others are
    /// rounded to 6 significant digits (tables stay readable; far below any parameter's precision) and kept in range.
    /// </summary>
    public double ValueAt(double unit)
    {
        if (IsInteger)
        {
            return Math.Min(Max, Math.Floor(Min + (unit * (Max - Min + 1))));
        }
        double value = Scale == RangeScale.Log
            ? Math.Exp(Math.Log(Min) + (unit * (Math.Log(Max) - Math.Log(Min))))
            : Min + (unit * (Max - Min));
        return Math.Clamp(RoundSignificant(value, 6), Min, Max);
    }

    private static double RoundSignificant(double value, int digits)
    {
        if (value == 0)
        {
            return 0;
        }
        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1;
        int decimals = digits - magnitude;
        return decimals is >= 0 and <= 15 ? Math.Round(value, decimals) : double.Parse(value.ToString("G" + digits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}

/// <summary>The design of the draws: method, how many, and the seed that makes them reproducible.</summary>
public sealed record SweepDesign(SamplingMethod Method, int Draws, ulong Seed)
{
    public const int MaxDraws = 100_000;

    /// <summary>The draws as points in the unit cube, one row per draw.</summary>
    public double[][] UnitPoints(int dimensions) => Method == SamplingMethod.Sobol
        ? SobolSequence.Sample(Draws, dimensions, Seed)
        : LatinHypercube.Sample(Draws, dimensions, Seed);

    public string MethodName => Method == SamplingMethod.Sobol ? "sobol" : "latin-hypercube";
}

/// <summary>A base scenario of a sweep: the path as the sweep file writes it, the loaded scenario, and its label.</summary>
public sealed record SweepScenario(string File, Scenario Scenario, string Variant);

/// <summary>One run of a sweep: a scenario at one parameter draw and one seed.</summary>
public sealed record SweepRun(string Id, int Scenario, string Variant, int Draw, ulong Seed, IReadOnlyList<double> Values);

/// <summary>
/// A loaded sweep file (<see cref="SweepLoader"/>): base scenarios × parameter draws × seeds, each run for the same
/// days. Every scenario runs every draw with the same seeds (common random numbers), so a difference between
/// scenarios at one draw and seed is the scenarios', not chance.
/// </summary>
public sealed record SweepDefinition(
    string Name,
    string SourceFile,
    IReadOnlyList<SweepScenario> Scenarios,
    IReadOnlyList<ParameterRange> Ranges,
    SweepDesign Design,
    IReadOnlyList<ulong> Seeds,
    int Days)
{
    public int RunCount => Scenarios.Count * Design.Draws * Seeds.Count;

    /// <summary>
    /// Every run in a fixed order, draw by draw, then seed, then scenario (so the scenarios of one draw and seed lie
    /// together); ids are <c>VARIANT-dDRAW-sSEED</c>, file-name safe and unique.
    /// </summary>
    public IReadOnlyList<SweepRun> Runs()
    {
        double[][] points = Design.UnitPoints(Ranges.Count);
        int width = (Design.Draws - 1).ToString(CultureInfo.InvariantCulture).Length;
        var runs = new List<SweepRun>(RunCount);
        for (int draw = 0; draw < Design.Draws; draw++)
        {
            double[] values = [.. Ranges.Select((range, d) => range.ValueAt(points[draw][d]))];
            foreach (ulong seed in Seeds)
            {
                for (int s = 0; s < Scenarios.Count; s++)
                {
                    string id = string.Create(CultureInfo.InvariantCulture, $"{Scenarios[s].Variant}-d{draw.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}-s{seed}");
                    runs.Add(new SweepRun(id, s, Scenarios[s].Variant, draw, seed, values));
                }
            }
        }
        return runs;
    }

    /// <summary>
    /// The scenario a run simulates: the base scenario with the run's seed and days and the drawn values replacing its
    /// own parameter values (its interventions then act on them as on the scenario's own).
    /// </summary>
    public Scenario ScenarioOf(SweepRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Apply(Scenarios[run.Scenario].Scenario, Ranges.Select((range, d) => KeyValuePair.Create(range.Name, run.Values[d])), run.Seed, Days);
    }

    /// <summary>
    /// <paramref name="scenario"/> with <paramref name="seed"/>, <paramref name="days"/> and the drawn values replacing
    /// its own parameter values; names and values must pass <see cref="ProblemWith"/>.
    /// </summary>
    public static Scenario Apply(Scenario scenario, IEnumerable<KeyValuePair<string, double>> drawn, ulong seed, int days)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var values = drawn.ToList();
        var overrides = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in scenario.ParameterOverrides.Concat(values))
        {
            overrides[pair.Key] = pair.Value;
        }
        return scenario with
        {
            Seed = seed,
            Days = days,
            Parameters = scenario.Parameters.With(values),
            ParameterOverrides = [.. overrides],
        };
    }

    /// <summary>Why a parameter value cannot be simulated (an unknown name, a value out of range), or null when it can.</summary>
    public static string? ProblemWith(string name, double value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Simulation.ParameterRegistry.All.TryGetValue(name, out var info))
        {
            return $"unknown model parameter '{name}'";
        }
        return info.Allows(value) ? null : string.Create(CultureInfo.InvariantCulture, $"{name} = {value} is not {info.AllowedRange()}");
    }
}
