using System.Globalization;
using System.Net;
using System.Text;

namespace DigitalTwin.Cli.Reports;

/// <summary>
/// Small charts as SVG text for reports that must open offline: grouped horizontal bars of shares (0–100 %), one
/// colour per series, a missing value left out (not drawn as zero). The comparison report's PNG charts
/// (<see cref="ComparisonCharts"/>) use the same Okabe-Ito colours.
/// </summary>
internal static class SvgCharts
{
    /// <summary>Colour-blind-safe palette (Okabe-Ito), as in <see cref="ComparisonCharts"/>.</summary>
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

    private const int Width = 720;
    private const int LabelWidth = 230;
    private const int BarHeight = 14;
    private const int GroupGap = 10;
    private const int LegendHeight = 26;

    /// <summary>Bars of percentages: per category one bar per series; series values may be null (not available).</summary>
    public static string PercentBars(IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var c = CultureInfo.InvariantCulture;
        int groupHeight = (series.Count * BarHeight) + GroupGap;
        int height = LegendHeight + (categories.Count * groupHeight) + 24;
        double plotWidth = Width - LabelWidth - 60;
        var svg = new StringBuilder();
        svg.Append(c, $"<svg width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" font-family=\"system-ui,sans-serif\" font-size=\"12\">");
        double legendX = LabelWidth;
        for (int k = 0; k < series.Count; k++)
        {
            svg.Append(c, $"<rect x=\"{legendX:0}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{Palette[k % Palette.Length]}\"/>");
            svg.Append(c, $"<text x=\"{legendX + 16:0}\" y=\"16\">{Encode(series[k].Name)}</text>");
            legendX += 24 + (series[k].Name.Length * 7);
        }
        for (int g = 0; g < categories.Count; g++)
        {
            double top = LegendHeight + (g * groupHeight);
            svg.Append(c, $"<text x=\"{LabelWidth - 8}\" y=\"{top + (series.Count * BarHeight / 2.0) + 4:0.#}\" text-anchor=\"end\">{Encode(categories[g])}</text>");
            for (int k = 0; k < series.Count; k++)
            {
                double y = top + (k * BarHeight);
                if (series[k].Values[g] is not double value || !double.IsFinite(value))
                {
                    svg.Append(c, $"<text x=\"{LabelWidth + 4}\" y=\"{y + BarHeight - 3:0.#}\" fill=\"#777\" font-size=\"10\">not available</text>");
                    continue;
                }
                double w = Math.Clamp(value, 0, 100) / 100 * plotWidth;
                svg.Append(c, $"<rect x=\"{LabelWidth}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{BarHeight - 2}\" fill=\"{Palette[k % Palette.Length]}\"/>");
                svg.Append(c, $"<text x=\"{LabelWidth + w + 4:0.#}\" y=\"{y + BarHeight - 3:0.#}\" font-size=\"10\">{value:0.#} %</text>");
            }
        }
        double axisY = LegendHeight + (categories.Count * groupHeight);
        svg.Append(c, $"<line x1=\"{LabelWidth}\" y1=\"{LegendHeight - 2}\" x2=\"{LabelWidth}\" y2=\"{axisY:0}\" stroke=\"#555\"/>");
        foreach (int tick in new[] { 0, 25, 50, 75, 100 })
        {
            double x = LabelWidth + (tick / 100.0 * plotWidth);
            svg.Append(c, $"<text x=\"{x:0.#}\" y=\"{axisY + 16:0}\" text-anchor=\"middle\" fill=\"#555\" font-size=\"10\">{tick} %</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
