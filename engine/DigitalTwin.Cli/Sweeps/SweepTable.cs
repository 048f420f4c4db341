using System.Globalization;
using System.Text;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;

namespace DigitalTwin.Cli.Sweeps;

/// <summary>
/// The collected table of a sweep: one row per run in manifest order; columns <c>run</c>, <c>scenario</c> (the base
/// scenario's file as the sweep file writes it), <c>variant</c> (its label), <c>draw</c>, <c>seed</c>, <c>days</c>,
/// every swept parameter by its scenario name, then every outcome (<see cref="SweepResults.Outcomes"/>). Made of the
/// run results alone, never of wall times, so the same sweep gives the same bytes on any machine and worker count.
/// </summary>
internal sealed partial record SweepTable(IReadOnlyList<string> Columns, IReadOnlyList<object[]> Rows)
{
    public const string CsvFile = "sweep.csv";

    /// <summary>run, scenario, variant, draw, seed, days: the columns before the parameters.</summary>
    public const int FixedColumns = 6;

    public static InputResult<SweepTable> Collect(string folder, SweepManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var missing = new List<string>();
        var rows = new List<object[]>();
        List<string>? outcomeNames = null;
        foreach (var run in manifest.Runs)
        {
            var outcomes = SweepResults.TryRead(folder, manifest, run);
            if (outcomes is null)
            {
                missing.Add(run.Id);
                continue;
            }
            outcomeNames ??= [.. outcomes.Select(o => o.Key)];
            if (!outcomeNames.SequenceEqual(outcomes.Select(o => o.Key)))
            {
                return InputResult<SweepTable>.Failure(new InputProblem(SweepResults.PathOf(folder, run), "$.outcomes",
                    "has other outcomes than the sweep's first run", "results of different twin versions cannot share a table; run the sweep again"));
            }
            object[] row = [run.Id, manifest.Scenarios[run.Scenario].File, run.Variant, run.Draw, run.Seed, manifest.Days,
                .. run.Values.Cast<object>(), .. outcomes.Select(o => (object)o.Value)];
            rows.Add(row);
        }
        if (missing.Count > 0)
        {
            return InputResult<SweepTable>.Failure(new InputProblem(Path.Combine(folder, SweepManifest.RunsFolder), string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"{missing.Count} of {manifest.Runs.Count} runs have no result yet ({SweepResults.FirstFew(missing)})"),
                "finish them first: 'twin sweep SWEEP.json --out FOLDER' runs what is left (or wait for the Slurm job; 'squeue --me' shows it)"));
        }
        string[] columns = ["run", "scenario", "variant", "draw", "seed", "days", .. manifest.Parameters.Select(p => p.Name), .. outcomeNames ?? []];
        return InputResult<SweepTable>.Success(new SweepTable(columns, rows));
    }

    /// <summary>RFC 4180 CSV, UTF-8 without a byte-order mark, "\n" line ends; numbers in their shortest round-trip form, an empty cell for a figure that has none.</summary>
    public void WriteCsv(Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Columns.Select(Quote)));
        foreach (var row in Rows)
        {
            writer.WriteLine(string.Join(',', row.Select(Cell)));
        }
    }

    private static string Cell(object value) => value switch
    {
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        string s => Quote(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    /// <summary>Writes sweep.csv and sweep.parquet into the sweep folder, each atomically; the paths written, or the problems.</summary>
    public InputResult<string[]> WriteAll(string folder)
    {
        var csv = AtomicFile.Write(Path.Combine(folder, CsvFile), WriteCsv);
        if (!csv.Succeeded)
        {
            return InputResult<string[]>.Failure(csv.Problems);
        }
        var parquet = AtomicFile.Write(Path.Combine(folder, ParquetFile), WriteParquet);
        if (!parquet.Succeeded)
        {
            return InputResult<string[]>.Failure(parquet.Problems);
        }
        return InputResult<string[]>.Success([csv.Unwrap(), parquet.Unwrap()]);
    }
}
