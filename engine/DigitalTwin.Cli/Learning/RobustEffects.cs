using System.Globalization;
using System.Text;
using DigitalTwin.Cli.Reports;
using DigitalTwin.Cli.Sweeps;
using DigitalTwin.Engine;

namespace DigitalTwin.Cli.Learning;

/// <summary>
/// One variant's effect on one outcome across a sweep's parameter draws: the effect at each draw is the variant's
/// outcome minus the baseline's, at the same draw and seeds (common random numbers), averaged over the seeds.
/// </summary>
internal sealed record RobustEffect(string Variant, string Outcome, double MeanEffect, double SmallestEffect, double LargestEffect, int Draws, int DrawsKeepingSign)
{
    /// <summary>The share of draws whose effect has the sign of the mean effect (0 when the mean effect is 0).</summary>
    public double ShareKeepingSign => Draws == 0 ? 0 : (double)DrawsKeepingSign / Draws;
}

/// <summary>
/// <c>twin compare --robust</c>: whether each variant's effect keeps its sign over the uncertain parameters of a sweep
/// whose first scenario is the baseline and the others its variants.
/// </summary>
internal static class RobustEffects
{
    public static InputResult<IReadOnlyList<RobustEffect>> Measure(string folder)
    {
        var read = SweepManifest.Read(folder);
        if (!read.Succeeded)
        {
            return InputResult<IReadOnlyList<RobustEffect>>.Failure(read.Problems);
        }
        var manifest = read.Unwrap();
        if (manifest.Scenarios.Count < 2)
        {
            return InputResult<IReadOnlyList<RobustEffect>>.Failure(new InputProblem(manifest.SweepFile, "$.scenarios",
                "has one scenario; --robust compares the first (the baseline) with the others", "list the baseline first, then its variants"));
        }
        var collected = SweepTable.Collect(folder, manifest);
        if (!collected.Succeeded)
        {
            return InputResult<IReadOnlyList<RobustEffect>>.Failure(collected.Problems);
        }
        var table = collected.Unwrap();
        var effects = new List<RobustEffect>();
        foreach (string outcome in SweepSensitivity.Measures.Where(m => table.Columns.IndexOf(m) >= 0))
        {
            int column = table.Columns.IndexOf(outcome);
            var value = new Dictionary<(int Scenario, int Draw, ulong Seed), double>();
            for (int r = 0; r < manifest.Runs.Count; r++)
            {
                var run = manifest.Runs[r];
                value[(run.Scenario, run.Draw, run.Seed)] = (double)table.Rows[r][column];
            }
            for (int v = 1; v < manifest.Scenarios.Count; v++)
            {
                double[] byDraw = [.. Enumerable.Range(0, manifest.Draws).Select(d => manifest.Seeds.Average(seed => value[(v, d, seed)] - value[(0, d, seed)]))];
                double mean = byDraw.Average();
                int keeping = mean == 0 ? 0 : byDraw.Count(e => Math.Sign(e) == Math.Sign(mean));
                effects.Add(new RobustEffect(manifest.Scenarios[v].Variant, outcome, mean, byDraw.Min(), byDraw.Max(), byDraw.Length, keeping));
            }
        }
        return InputResult<IReadOnlyList<RobustEffect>>.Success(effects);
    }

    public const string CsvFile = "robust.csv";
    public const string HtmlFile = SensitivityFiles.HtmlFile;
    public const string MarkdownFile = SensitivityFiles.MarkdownFile;

    public static IReadOnlyList<InputProblem> WriteAll(string folder, string sweepName, string baseline, IReadOnlyList<RobustEffect> effects)
    {
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("variant,outcome,meanEffect,smallestEffect,largestEffect,draws,drawsKeepingSign,shareKeepingSign\n");
        foreach (var e in effects)
        {
            csv.Append(c, $"{e.Variant},{e.Outcome},{e.MeanEffect:R},{e.SmallestEffect:R},{e.LargestEffect:R},{e.Draws},{e.DrawsKeepingSign},{e.ShareKeepingSign:R}\n");
        }
        var document = new ReportDocument($"Robustness: {sweepName}",
        [
            new Paragraph($"Each variant against the baseline **{baseline}** at every parameter draw of the sweep, with the same seeds (common random numbers): the effect at a draw is the variant's outcome minus the baseline's, averaged over the seeds. **Keeps its sign** is the share of draws whose effect has the sign of the mean effect: near 100 % the conclusion holds whatever the uncertain parameters are within their ranges; near 50 % it depends on them."),
            new Table(["variant", "outcome", "mean effect", "smallest", "largest", "keeps its sign"],
                [.. effects.Select(e => (IReadOnlyList<string>)[e.Variant, e.Outcome, F(e.MeanEffect), F(e.SmallestEffect), F(e.LargestEffect),
                    string.Create(c, $"{e.ShareKeepingSign * 100:0} % ({e.DrawsKeepingSign}/{e.Draws})")])], 0),
        ]);
        var problems = SensitivityFiles.Document(folder, document);
        problems.AddRange(SensitivityFiles.Text(Path.Combine(folder, CsvFile), csv.ToString()));
        return problems;
    }

    private static string F(double value) => value.ToString(Math.Abs(value) >= 100 ? "+0.#;-0.#;0" : "+0.####;-0.####;0", CultureInfo.InvariantCulture);
}
