using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalTwin.Cli.Reports;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Surrogate.Emulation;

namespace DigitalTwin.Cli.Learning;

/// <summary>
/// The fit report of <c>twin calibrate</c>: report.html (self-contained) and report.md with SVG charts, fit.json and
/// fit.csv (observed and simulated at every count, before and after).
/// </summary>
internal static class CalibrationFiles
{
    public const string HtmlFile = SensitivityFiles.HtmlFile;
    public const string MarkdownFile = SensitivityFiles.MarkdownFile;
    public const string JsonFile = "fit.json";
    public const string CsvFile = "fit.csv";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static IReadOnlyList<InputProblem> WriteAll(string folder, CalibrationResult result)
    {
        var problems = SensitivityFiles.Document(folder, Build(result));
        problems.AddRange(AtomicFile.Write(Path.Combine(folder, JsonFile), s => WriteJson(s, result)).Problems);
        problems.AddRange(SensitivityFiles.Text(Path.Combine(folder, CsvFile), Csv(result)));
        return problems;
    }

    public static ReportDocument Build(CalibrationResult r)
    {
        var before = r.Before.Fit;
        var after = r.After.Fit;
        var blocks = new List<ReportBlock>
        {
            new Paragraph(string.Create(C,
                $"Scenario **{r.Scenario.Name}** calibrated to {r.Counts.Count} observed counts at {r.Counts.Select(o => o.Site).Distinct().Count()} sites. A sweep of {r.RunErrors.Count} runs ({r.Days} day(s) each; Latin hypercube over the ranges below) gave each run's count error, the mean squared log error mean((ln(1 + simulated) − ln(1 + observed))²). The emulator of that error is one ML.NET FastTree emulator per count, of ln(1 + simulated count) over the parameters, the error computed from the emulated counts; it was minimised by dense search ({Surrogate.Calibration.EmulatorSearch.DefaultPoints:N0} Latin-hypercube points), then the scenario was run for real at its own values (before) and at the minimum (after), {r.ConfirmSeeds.Count} seed(s) each ({string.Join(", ", r.ConfirmSeeds)}), the simulated counts averaged over the seeds.")),
            new Heading(2, "Parameters"),
            new Table(["parameter", "min", "max", "before (scenario)", "calibrated"],
                [.. r.Ranges.Select((p, i) => (IReadOnlyList<string>)[p.Name, F(p.Min), F(p.Max), F(r.Before.Values[i]), F(r.After.Values[i])])]),
            new Heading(2, "Fit"),
            new Table(["measure", "before", "after"],
            [
                ["count error (mean squared log)", F(before.MeanSquaredLogError), F(after.MeanSquaredLogError)],
                ["R² of simulated against observed", F(before.RSquared), F(after.RSquared)],
                ["mean absolute error (count)", F(before.MeanAbsoluteError), F(after.MeanAbsoluteError)],
            ]),
            new Paragraph(string.Create(C,
                $"The emulator of the count error predicts held-out runs with R² {F(r.EmulatorAccuracy.RSquared)} ({r.EmulatorAccuracy.TestRuns} runs of a quarter of the draws, trained on the other {r.EmulatorAccuracy.TrainingRuns}); it predicts {F(r.Optimum.PredictedError)} at its minimum, and the real runs there give {F(after.MeanSquaredLogError)}. The best run of the sweep had {F(r.RunErrors[r.BestRun])} at {string.Join(", ", r.Ranges.Select((p, i) => $"{p.Name} = {F(r.DrawValues[r.BestRun][i])}"))}.")),
            new SvgChart("observed-simulated.svg", "Observed against simulated counts, before and after calibration (dashed: simulated = observed)",
                EmulatorCharts.ObservedSimulated(
                [
                    ("before", [.. r.Counts.Select((o, i) => (o.Count, r.Before.Simulated[i]))]),
                    ("after", [.. r.Counts.Select((o, i) => (o.Count, r.After.Simulated[i]))]),
                ])),
            new SvgChart("error-dependence.svg", "The emulated count error along each parameter (partial dependence; the others averaged over the sweep's runs)",
                EmulatorCharts.SmallLines([.. r.ErrorDependence.Select(d => (d.Name, d.Values, d.Outcome))])),
            new Heading(2, "Counts"),
            new Table(["site", "hour", "mode", "observed", "before", "after"],
                [.. r.Counts.Select((o, i) => (IReadOnlyList<string>)[o.Site, o.Hour is { } h ? h.ToString("00", C) : "day", o.Mode.ToString().ToLowerInvariant(), F(o.Count), F(r.Before.Simulated[i]), F(r.After.Simulated[i])])], 0),
        };
        return new ReportDocument($"Calibration: {r.Scenario.Name}", blocks);
    }

    private static void WriteJson(Stream stream, CalibrationResult r)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", r.Scenario.SourceFile);
        json.WriteNumber("counts", r.Counts.Count);
        json.WriteNumber("sweepRuns", r.RunErrors.Count);
        json.WriteNumber("days", r.Days);
        json.WriteStartArray("parameters");
        for (int i = 0; i < r.Ranges.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("name", r.Ranges[i].Name);
            json.WriteNumber("min", r.Ranges[i].Min);
            json.WriteNumber("max", r.Ranges[i].Max);
            json.WriteNumber("before", r.Before.Values[i]);
            json.WriteNumber("calibrated", r.After.Values[i]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("emulator");
        Number(json, "heldOutRSquared", r.EmulatorAccuracy.RSquared);
        json.WriteNumber("heldOutRuns", r.EmulatorAccuracy.TestRuns);
        Number(json, "predictedErrorAtMinimum", r.Optimum.PredictedError);
        json.WriteEndObject();
        foreach (var (name, fit) in new[] { ("before", r.Before.Fit), ("after", r.After.Fit) })
        {
            json.WriteStartObject(name);
            Number(json, "meanSquaredLogError", fit.MeanSquaredLogError);
            Number(json, "rSquared", fit.RSquared);
            Number(json, "meanAbsoluteError", fit.MeanAbsoluteError);
            json.WriteEndObject();
        }
        json.WriteStartArray("runErrors");
        foreach (double e in r.RunErrors)
        {
            json.WriteNumberValue(e);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Csv(CalibrationResult r)
    {
        var csv = new StringBuilder("line,site,osmWayId,segment,hour,mode,observed,simulatedBefore,simulatedAfter\n");
        for (int i = 0; i < r.Counts.Count; i++)
        {
            var o = r.Counts[i];
            string site = o.Site.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + o.Site.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : o.Site;
            csv.Append(C, $"{o.Line},{site},{o.OsmWayId},{o.Segment},{o.Hour},{o.Mode.ToString().ToLowerInvariant()},{o.Count:R},{r.Before.Simulated[i]:R},{r.After.Simulated[i]:R}\n");
        }
        return csv.ToString();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string F(double value) => double.IsFinite(value) ? value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.####", C) : "n/a";
}
