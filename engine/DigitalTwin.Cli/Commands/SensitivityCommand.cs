using System.CommandLine;
using System.Globalization;
using DigitalTwin.Cli.Learning;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>twin sensitivity &lt;sweep-dir&gt;</c>: which swept parameters drive each outcome, from ML.NET emulators of the
/// sweep's runs (held-out accuracy, permutation importance, partial dependence), as an HTML report with JSON and CSV.
/// </summary>
public static class SensitivityCommand
{
    public const string DefaultFolder = "sensitivity";

    public static Command Create(Terminal terminal)
    {
        var folder = new Argument<string>("sweep-dir") { Description = "A finished sweep folder (with manifest.json and runs/), from twin sweep" };
        var output = new Option<string?>("--out") { Description = "Report folder (default: SWEEP-DIR/sensitivity); replaced whole once every file is written", HelpName = "DIR" };
        var command = new Command("sensitivity", "Which parameters drive each outcome of a sweep: emulator accuracy on held-out draws, permutation importance and partial dependence (HTML, JSON, CSV)")
        {
            folder, output,
        };
        command.SetAction(parse => Execute(terminal, parse.GetValue(folder)!, parse.GetValue(output)));
        return command;
    }

    internal static int Execute(Terminal terminal, string sweepFolder, string? outputFolder)
    {
        var c = CultureInfo.InvariantCulture;
        var analysed = SweepSensitivity.Analyse(sweepFolder);
        if (!analysed.Succeeded)
        {
            terminal.WriteProblems(analysed.Problems);
            return TwinApp.UserError;
        }
        var analysis = analysed.Unwrap();
        string folder = outputFolder ?? Path.Combine(sweepFolder, DefaultFolder);
        var problems = StagedFolder.Write(folder, staging => SensitivityFiles.WriteAll(staging, analysis));
        if (problems.Count > 0)
        {
            terminal.WriteProblems(problems);
            return TwinApp.UserError;
        }
        terminal.Out.WriteLine(string.Create(c, $"sensitivity of '{analysis.SweepName}': {analysis.Outcomes.Count} outcome(s) over {analysis.Runs} runs, {analysis.Inputs.Count} input(s)"));
        foreach (var o in analysis.Outcomes.Where(o => SweepSensitivity.Measures.Contains(o.Outcome)))
        {
            var top = o.Importance.MaxBy(i => i.RSquaredDrop)!;
            terminal.Out.WriteLine(string.Create(c, $"  {o.Outcome}: held-out R² {o.Accuracy.RSquared:0.00}; most important {top.Name} (R² drop {top.RSquaredDrop:0.00})"));
        }
        terminal.Out.WriteLine($"wrote {Path.Combine(folder, SensitivityFiles.HtmlFile)} (and report.md, {SensitivityFiles.JsonFile}, {SensitivityFiles.AccuracyFile}, {SensitivityFiles.ImportanceFile}, {SensitivityFiles.DependenceFile})");
        return TwinApp.Success;
    }
}
