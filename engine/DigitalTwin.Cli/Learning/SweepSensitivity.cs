using System.Globalization;
using DigitalTwin.Cli.Sweeps;
using DigitalTwin.Engine;
using DigitalTwin.Surrogate.Emulation;

namespace DigitalTwin.Cli.Learning;

/// <summary>An outcome left out of the analysis, and why.</summary>
internal sealed record SkippedOutcome(string Outcome, string Reason);

/// <summary>The sensitivity of a sweep's outcomes: what was analysed, on which runs, and each outcome's result.</summary>
internal sealed record SweepSensitivity(
    string SweepName,
    int Runs,
    int Draws,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<int> TestDraws,
    IReadOnlyList<OutcomeSensitivity> Outcomes,
    IReadOnlyList<SkippedOutcome> Skipped)
{
    /// <summary>
    /// The outcomes the issue names (encounters, noticed, nods, nodding contacts, share without one), overall and per
    /// group: the measures of summary.json that a sweep's table holds for every run.
    /// </summary>
    public static readonly string[] Measures =
    [
        "encountersPerResidentPerDay", "noticedPerResidentPerDay", "nodsPerResidentPerDay",
        "noddingContactsPerResident", "shareWithoutNoddingContact",
    ];

    /// <summary>
    /// Reads the sweep folder's manifest and every run's result and analyses each outcome. The inputs are the swept
    /// parameters, and the variant (as a category number) when the sweep has more than one base scenario.
    /// </summary>
    public static InputResult<SweepSensitivity> Analyse(string folder)
    {
        var read = SweepManifest.Read(folder);
        if (!read.Succeeded)
        {
            return InputResult<SweepSensitivity>.Failure(read.Problems);
        }
        var manifest = read.Unwrap();
        var collected = SweepTable.Collect(folder, manifest);
        if (!collected.Succeeded)
        {
            return InputResult<SweepSensitivity>.Failure(collected.Problems);
        }
        var table = collected.Unwrap();
        if (manifest.Draws < HeldOut.MinimumDraws)
        {
            return InputResult<SweepSensitivity>.Failure(new InputProblem(SweepManifest.PathIn(folder), "$.design.draws",
                string.Create(CultureInfo.InvariantCulture, $"has {manifest.Draws} draws; an emulator needs at least {HeldOut.MinimumDraws} to learn from and test on"),
                "sweep again with more draws (32 or more gives a usable held-out accuracy)"));
        }
        bool byVariant = manifest.Scenarios.Count > 1;
        List<string> inputs = [.. manifest.Parameters.Select(p => p.Name)];
        if (byVariant)
        {
            inputs.Add("variant");
        }
        var features = manifest.Runs.Select(run => byVariant ? [.. run.Values, run.Scenario] : run.Values.ToArray()).ToList();
        int[] draws = [.. manifest.Runs.Select(run => run.Draw)];
        bool[] isTest = HeldOut.TestRuns(draws, Emulator.Seed);
        var outcomes = new List<OutcomeSensitivity>();
        var skipped = new List<SkippedOutcome>();
        foreach (string name in OutcomeColumns(table.Columns))
        {
            int column = table.Columns.IndexOf(name);
            double[] values = [.. table.Rows.Select(row => (double)row[column])];
            var result = Sensitivity.Analyse(name, inputs, features, values, isTest);
            if (result is null)
            {
                skipped.Add(new SkippedOutcome(name, values.Any(v => !double.IsFinite(v)) ? "some runs have no value" : string.Create(CultureInfo.InvariantCulture, $"the same in every run ({values[0]:0.####})")));
            }
            else
            {
                outcomes.Add(result);
            }
        }
        int[] testDraws = [.. draws.Where((_, i) => isTest[i]).Distinct().Order()];
        return InputResult<SweepSensitivity>.Success(new SweepSensitivity(manifest.Name, table.Rows.Count, manifest.Draws, inputs, testDraws, outcomes, skipped));
    }

    /// <summary>The overall measures first, then per trait and group in the table's order.</summary>
    private static IEnumerable<string> OutcomeColumns(IReadOnlyList<string> columns)
    {
        foreach (string measure in Measures)
        {
            if (columns.Contains(measure))
            {
                yield return measure;
            }
        }
        foreach (string column in columns)
        {
            int dot = column.LastIndexOf('.');
            if (dot > 0 && column.Count(ch => ch == '.') == 2 && Measures.Contains(column[(dot + 1)..]))
            {
                yield return column;
            }
        }
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }
        return -1;
    }
}
