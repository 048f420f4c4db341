using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalTwin.Cli.Reports;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Surrogate.Emulation;

namespace DigitalTwin.Cli.Learning;

/// <summary>
/// The files of <c>twin sensitivity</c>: report.html (self-contained) and report.md with its SVG charts,
/// sensitivity.json (every figure) and three CSV tables (accuracy, importance, partial dependence).
/// </summary>
internal static class SensitivityFiles
{
    public const string HtmlFile = "report.html";
    public const string MarkdownFile = "report.md";
    public const string JsonFile = "sensitivity.json";
    public const string AccuracyFile = "accuracy.csv";
    public const string ImportanceFile = "importance.csv";
    public const string DependenceFile = "partial-dependence.csv";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static IReadOnlyList<InputProblem> WriteAll(string folder, SweepSensitivity analysis)
    {
        var problems = new List<InputProblem>(Document(folder, Build(analysis)));
        problems.AddRange(AtomicFile.Write(Path.Combine(folder, JsonFile), s => WriteJson(s, analysis)).Problems);
        problems.AddRange(Text(Path.Combine(folder, AccuracyFile), AccuracyCsv(analysis)));
        problems.AddRange(Text(Path.Combine(folder, ImportanceFile), ImportanceCsv(analysis)));
        problems.AddRange(Text(Path.Combine(folder, DependenceFile), DependenceCsv(analysis)));
        return problems;
    }

    public static ReportDocument Build(SweepSensitivity analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var blocks = new List<ReportBlock>
        {
            new Paragraph(string.Create(C,
                $"Sweep **{analysis.SweepName}**: {analysis.Runs} runs over {analysis.Draws} parameter draws. For each outcome an ML.NET FastTree regression emulator (300 trees of at most 8 leaves, learning rate 0.05, seed {Emulator.Seed}, one thread) learns the outcome from the inputs ({string.Join(", ", analysis.Inputs)}).")),
            new Paragraph(string.Create(C,
                $"**Held-out accuracy**: an emulator trained without a quarter of the draws (draws {string.Join(", ", analysis.TestDraws)}, all their runs) predicts those runs; R² = 1 − residual / total sum of squares on them. **Importance**: ML.NET's permutation feature importance of an emulator trained on every run: how far R² falls when one input is shuffled among the runs (mean of 10 shuffles); near 0 or below, the outcome does not depend on it within the swept ranges. **Partial dependence**: the emulated outcome along each input's swept range with the other inputs as they were in the runs, averaged. A low held-out R² means the outcome varies mostly by chance (seed) or the draws are too few: read its importance with care.")),
            new Heading(2, "Emulator accuracy and top drivers"),
            new Table(["outcome", "held-out R²", "held-out MAE", "mean", "min", "max", "top input", "its R² drop"],
                [.. analysis.Outcomes.Select(o =>
                {
                    var top = o.Importance.MaxBy(i => i.RSquaredDrop)!;
                    return (IReadOnlyList<string>)[o.Outcome, F(o.Accuracy.RSquared), F(o.Accuracy.MeanAbsoluteError), F(o.Mean), F(o.Minimum), F(o.Maximum), top.Name, F(top.RSquaredDrop)];
                })], 5),
            new Heading(2, "Importance: fall in R² when an input is shuffled"),
            new Table(["outcome", .. analysis.Inputs], [.. analysis.Outcomes.Select(o => (IReadOnlyList<string>)[o.Outcome, .. o.Importance.Select(i => F(i.RSquaredDrop))])]),
        };
        int chart = 0;
        foreach (var outcome in analysis.Outcomes.Where(o => SweepSensitivity.Measures.Contains(o.Outcome)))
        {
            chart++;
            blocks.Add(new Heading(2, outcome.Outcome));
            blocks.Add(new Paragraph(string.Create(C, $"Held-out R² {F(outcome.Accuracy.RSquared)} ({outcome.Accuracy.TestRuns} test runs, {outcome.Accuracy.TrainingRuns} training runs); over the runs {F(outcome.Minimum)} to {F(outcome.Maximum)}, mean {F(outcome.Mean)}.")));
            blocks.Add(new SvgChart(string.Create(C, $"importance-{chart:00}.svg"), $"{outcome.Outcome}: fall in R² when each input is shuffled",
                EmulatorCharts.Bars([.. outcome.Importance.OrderByDescending(i => i.RSquaredDrop).Select(i => (i.Name, i.RSquaredDrop))], "fall in R²")));
            blocks.Add(new SvgChart(string.Create(C, $"dependence-{chart:00}.svg"), $"{outcome.Outcome}: partial dependence on each input (others averaged over the runs)",
                EmulatorCharts.SmallLines([.. outcome.Dependence.Select(d => (d.Name, d.Values, d.Outcome))])));
        }
        if (analysis.Skipped.Count > 0)
        {
            blocks.Add(new Heading(2, "Outcomes not analysed"));
            blocks.Add(new Table(["outcome", "why"], [.. analysis.Skipped.Select(s => (IReadOnlyList<string>)[s.Outcome, s.Reason])], 0));
        }
        return new ReportDocument($"Sensitivity: {analysis.SweepName}", blocks);
    }

    private static void WriteJson(Stream stream, SweepSensitivity analysis)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("sweep", analysis.SweepName);
        json.WriteNumber("runs", analysis.Runs);
        json.WriteNumber("draws", analysis.Draws);
        json.WriteStartObject("emulator");
        json.WriteString("trainer", "ML.NET FastTree regression");
        json.WriteNumber("trees", 300);
        json.WriteNumber("leaves", 8);
        json.WriteNumber("learningRate", 0.05);
        json.WriteNumber("seed", Emulator.Seed);
        json.WriteNumber("testFraction", HeldOut.TestFraction);
        json.WriteEndObject();
        WriteStrings(json, "inputs", analysis.Inputs);
        json.WriteStartArray("testDraws");
        analysis.TestDraws.ToList().ForEach(json.WriteNumberValue);
        json.WriteEndArray();
        json.WriteStartArray("outcomes");
        foreach (var o in analysis.Outcomes)
        {
            json.WriteStartObject();
            json.WriteString("outcome", o.Outcome);
            Number(json, "mean", o.Mean);
            Number(json, "min", o.Minimum);
            Number(json, "max", o.Maximum);
            json.WriteStartObject("heldOut");
            json.WriteNumber("trainingRuns", o.Accuracy.TrainingRuns);
            json.WriteNumber("testRuns", o.Accuracy.TestRuns);
            Number(json, "rSquared", o.Accuracy.RSquared);
            Number(json, "meanAbsoluteError", o.Accuracy.MeanAbsoluteError);
            json.WriteEndObject();
            json.WriteStartArray("importance");
            foreach (var i in o.Importance)
            {
                json.WriteStartObject();
                json.WriteString("input", i.Name);
                Number(json, "rSquaredDrop", i.RSquaredDrop);
                Number(json, "rSquaredDropStandardError", i.RSquaredDropStandardError);
                Number(json, "meanAbsoluteErrorRise", i.MeanAbsoluteErrorRise);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("partialDependence");
            foreach (var d in o.Dependence)
            {
                json.WriteStartObject();
                json.WriteString("input", d.Name);
                json.WriteStartArray("values");
                d.Values.ToList().ForEach(json.WriteNumberValue);
                json.WriteEndArray();
                json.WriteStartArray("outcome");
                d.Outcome.ToList().ForEach(json.WriteNumberValue);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var s in analysis.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("outcome", s.Outcome);
            json.WriteString("reason", s.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string AccuracyCsv(SweepSensitivity analysis)
    {
        var csv = new StringBuilder("outcome,trainingRuns,testRuns,rSquared,meanAbsoluteError\n");
        foreach (var o in analysis.Outcomes)
        {
            csv.Append(C, $"{o.Outcome},{o.Accuracy.TrainingRuns},{o.Accuracy.TestRuns},{R(o.Accuracy.RSquared)},{R(o.Accuracy.MeanAbsoluteError)}\n");
        }
        return csv.ToString();
    }

    private static string ImportanceCsv(SweepSensitivity analysis)
    {
        var csv = new StringBuilder("outcome,input,rank,rSquaredDrop,rSquaredDropStandardError,meanAbsoluteErrorRise\n");
        foreach (var o in analysis.Outcomes)
        {
            var ranked = o.Importance.OrderByDescending(i => i.RSquaredDrop).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
            for (int r = 0; r < ranked.Count; r++)
            {
                csv.Append(C, $"{o.Outcome},{ranked[r].Name},{r + 1},{R(ranked[r].RSquaredDrop)},{R(ranked[r].RSquaredDropStandardError)},{R(ranked[r].MeanAbsoluteErrorRise)}\n");
            }
        }
        return csv.ToString();
    }

    private static string DependenceCsv(SweepSensitivity analysis)
    {
        var csv = new StringBuilder("outcome,input,value,emulatedOutcome\n");
        foreach (var o in analysis.Outcomes)
        {
            foreach (var d in o.Dependence)
            {
                for (int k = 0; k < d.Values.Count; k++)
                {
                    csv.Append(C, $"{o.Outcome},{d.Name},{R(d.Values[k])},{R(d.Outcome[k])}\n");
                }
            }
        }
        return csv.ToString();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
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

    /// <summary>
    /// A learning report as its commands write it: report.md and report.html, and each SVG chart as a file of its own
    /// beside them (the HTML carries the charts inline, the Markdown links to the files).
    /// </summary>
    internal static List<InputProblem> Document(string folder, ReportDocument document)
    {
        var problems = new List<InputProblem>();
        foreach (var chart in document.Blocks.OfType<SvgChart>())
        {
            problems.AddRange(Text(Path.Combine(folder, chart.FileName), chart.StandaloneFile()));
        }
        problems.AddRange(Text(Path.Combine(folder, MarkdownFile), document.ToMarkdown()));
        problems.AddRange(Text(Path.Combine(folder, HtmlFile), document.ToHtml()));
        return problems;
    }

    internal static IReadOnlyList<InputProblem> Text(string path, string text) =>
        AtomicFile.Write(path, s => s.Write(new UTF8Encoding(false).GetBytes(text))).Problems;

    private static string F(double value) => double.IsFinite(value) ? value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", C) : "n/a";

    private static string R(double value) => double.IsFinite(value) ? value.ToString("R", C) : string.Empty;
}
