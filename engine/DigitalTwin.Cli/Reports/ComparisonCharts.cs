using DigitalTwin.Engine.Outcomes;
using ScottPlot;

namespace DigitalTwin.Cli.Reports;

/// <summary>
/// The report's charts as PNG bytes, drawn with ScottPlot: horizontal bars of relative change (% of the baseline) with
/// the 95 % interval as error bars, so outcomes in different units share one axis.
/// </summary>
internal static class ComparisonCharts
{
    private const int WidthPixels = 900;
    private const int RowPixels = 34;
    private const int MarginPixels = 140;

    /// <summary>Colour-blind-safe palette (Okabe-Ito), one colour per variant.</summary>
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    /// <summary>Every chart of the report, by file name.</summary>
    public static Dictionary<string, byte[]> Draw(ComparisonReport report)
    {
        var charts = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ComparisonReport.OverallChartFile] = Outcomes(report),
        };
        foreach (var variant in report.Variants)
        {
            charts[ComparisonReport.GroupChartFile(variant)] = Groups(variant);
        }
        return charts;
    }

    private static byte[] Outcomes(ComparisonReport report)
    {
        var outcomes = report.Variants[0].Comparison.Overall.Select(o => o.Outcome).ToArray();
        int variants = report.Variants.Count;
        var plot = new Plot();
        double slot = 0.8 / variants;
        for (int v = 0; v < variants; v++)
        {
            var bars = new List<Bar>();
            for (int k = 0; k < outcomes.Length; k++)
            {
                var change = report.Variants[v].Comparison.OverallOf(outcomes[k]).Change;
                // Rows from the top: the first outcome is drawn highest.
                double position = outcomes.Length - 1 - k - 0.4 + (slot * (variants - 1 - v)) + (slot / 2);
                bars.Add(RelativeBar(change, position, slot * 0.9, Palette[v % Palette.Length]));
            }
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = report.Variants[v].Scenario.Name;
        }
        Label(plot, [.. outcomes.Select(ComparisonReport.Describe)], "change, % of the baseline (95 % interval)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(WidthPixels, MarginPixels + (RowPixels * outcomes.Length * Math.Max(1, variants)), ImageFormat.Png);
    }

    private static byte[] Groups(VariantReport variant)
    {
        var groups = variant.Comparison.ByGroup.Where(g => g.Outcome == Comparison.HeadlineOutcome).ToArray();
        var plot = new Plot();
        var bars = new List<Bar>();
        for (int k = 0; k < groups.Length; k++)
        {
            bars.Add(RelativeBar(groups[k].Change, groups.Length - 1 - k, 0.7, Palette[TraitIndex(groups, k) % Palette.Length]));
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        Label(plot, [.. groups.Select(g => ComparisonReport.DescribeGroup(g.Trait, g.Group))],
            $"% change in {ComparisonReport.Describe(Comparison.HeadlineOutcome)} (95 % interval)");
        return plot.GetImageBytes(WidthPixels, MarginPixels + (RowPixels * groups.Length), ImageFormat.Png);
    }

    /// <summary>Groups of one trait share a colour, so the six traits read as six blocks.</summary>
    private static int TraitIndex(OutcomeChange[] groups, int k) =>
        groups.Select(g => g.Trait).Distinct().ToList().IndexOf(groups[k].Trait);

    private static Bar RelativeBar(PairedDifference change, double position, double size, Color colour)
    {
        // A zero baseline has no relative change; such a bar stays at 0 rather than inventing a percentage.
        double value = (change.RelativeChange ?? 0) * 100;
        double error = change.RelativeInterval is var (lower, upper) ? (upper - lower) / 2 * 100 : 0;
        return new Bar { Position = position, Value = value, Error = error, Size = size, FillColor = colour };
    }

    private static void Label(Plot plot, string[] rows, string axis)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k < rows.Length; k++)
        {
            ticks.AddMajor(rows.Length - 1 - k, rows[k]);
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Add.VerticalLine(0, 1, Colors.Black);
        plot.XLabel(axis);
    }
}
