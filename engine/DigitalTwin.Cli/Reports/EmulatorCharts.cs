using System.Globalization;
using System.Net;
using System.Text;

namespace DigitalTwin.Cli.Reports;

/// <summary>
/// SVG charts for the emulator reports (sensitivity, calibration), in the colours of <see cref="SvgCharts"/>: bars of
/// importance, small multiples of partial dependence, and observed against simulated counts.
/// </summary>
internal static class EmulatorCharts
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Horizontal bars from 0, longest first as given; a negative value (noise) is drawn as 0 and labelled as it is.</summary>
    public static string Bars(IReadOnlyList<(string Label, double Value)> bars, string axisLabel)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int width = 720, labelWidth = 260, barHeight = 18;
        int height = 30 + (bars.Count * barHeight) + 30;
        double plot = width - labelWidth - 80;
        double max = Math.Max(1e-12, bars.Select(b => double.IsFinite(b.Value) ? b.Value : 0).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        svg.Append(C, $"<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" font-family=\"system-ui,sans-serif\" font-size=\"12\">");
        for (int i = 0; i < bars.Count; i++)
        {
            double y = 20 + (i * barHeight);
            double w = Math.Max(0, bars[i].Value) / max * plot;
            svg.Append(C, $"<text x=\"{labelWidth - 8}\" y=\"{y + 13:0.#}\" text-anchor=\"end\">{Encode(bars[i].Label)}</text>");
            svg.Append(C, $"<rect x=\"{labelWidth}\" y=\"{y + 2:0.#}\" width=\"{w:0.#}\" height=\"{barHeight - 4}\" fill=\"{SvgCharts.Palette[0]}\"/>");
            svg.Append(C, $"<text x=\"{labelWidth + w + 4:0.#}\" y=\"{y + 13:0.#}\" font-size=\"10\">{bars[i].Value:0.###}</text>");
        }
        double axis = 20 + (bars.Count * barHeight) + 4;
        svg.Append(C, $"<line x1=\"{labelWidth}\" y1=\"16\" x2=\"{labelWidth}\" y2=\"{axis:0}\" stroke=\"#555\"/>");
        svg.Append(C, $"<text x=\"{labelWidth}\" y=\"{axis + 18:0}\" fill=\"#555\">{Encode(axisLabel)}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One small line chart per panel, side by side in rows of three, each with its own y range.</summary>
    public static string SmallLines(IReadOnlyList<(string Title, IReadOnlyList<double> X, IReadOnlyList<double> Y)> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        const int panelWidth = 240, panelHeight = 170, columns = 3;
        int rows = (panels.Count + columns - 1) / columns;
        int width = panelWidth * columns, height = panelHeight * Math.Max(1, rows);
        var svg = new StringBuilder();
        svg.Append(C, $"<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" font-family=\"system-ui,sans-serif\" font-size=\"10\">");
        for (int p = 0; p < panels.Count; p++)
        {
            var (title, x, y) = panels[p];
            double left = (p % columns * panelWidth) + 48, top = (p / columns * panelHeight) + 22;
            double w = panelWidth - 62, h = panelHeight - 56;
            double xMin = x.Min(), xMax = x.Max(), yMin = y.Min(), yMax = y.Max();
            if (yMax - yMin < 1e-12 * Math.Max(1, Math.Abs(yMax)))
            {
                yMin -= 0.5 * Math.Max(1e-9, Math.Abs(yMin));
                yMax += 0.5 * Math.Max(1e-9, Math.Abs(yMax));
            }
            double Px(double v) => left + ((v - xMin) / Math.Max(1e-300, xMax - xMin) * w);
            double Py(double v) => top + h - ((v - yMin) / (yMax - yMin) * h);
            svg.Append(C, $"<text x=\"{left + (w / 2):0}\" y=\"{top - 8:0}\" text-anchor=\"middle\" font-size=\"11\">{Encode(title)}</text>");
            svg.Append(C, $"<rect x=\"{left:0}\" y=\"{top:0}\" width=\"{w:0}\" height=\"{h:0}\" fill=\"none\" stroke=\"#ccd3dc\"/>");
            svg.Append("<polyline fill=\"none\" stroke=\"").Append(SvgCharts.Palette[0]).Append("\" stroke-width=\"2\" points=\"");
            svg.AppendJoin(' ', x.Select((v, i) => string.Create(C, $"{Px(v):0.#},{Py(y[i]):0.#}")));
            svg.Append("\"/>");
            svg.Append(C, $"<text x=\"{left - 4:0}\" y=\"{top + 8:0}\" text-anchor=\"end\">{Short(yMax)}</text>");
            svg.Append(C, $"<text x=\"{left - 4:0}\" y=\"{top + h:0}\" text-anchor=\"end\">{Short(yMin)}</text>");
            svg.Append(C, $"<text x=\"{left:0}\" y=\"{top + h + 12:0}\">{Short(xMin)}</text>");
            svg.Append(C, $"<text x=\"{left + w:0}\" y=\"{top + h + 12:0}\" text-anchor=\"end\">{Short(xMax)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Observed (x) against simulated (y), one series per colour, with the line y = x; log axes when counts span decades.</summary>
    public static string ObservedSimulated(IReadOnlyList<(string Name, IReadOnlyList<(double Observed, double Simulated)> Points)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        const int size = 420, margin = 50;
        var all = series.SelectMany(s => s.Points).SelectMany(p => new[] { p.Observed, p.Simulated }).Where(double.IsFinite).ToList();
        double max = Math.Max(1, all.DefaultIfEmpty(1).Max()) * 1.05;
        double plot = size - (2 * margin);
        var svg = new StringBuilder();
        svg.Append(C, $"<svg width=\"{size + 160}\" height=\"{size}\" viewBox=\"0 0 {size + 160} {size}\" role=\"img\" font-family=\"system-ui,sans-serif\" font-size=\"11\">");
        svg.Append(C, $"<rect x=\"{margin}\" y=\"{margin}\" width=\"{plot}\" height=\"{plot}\" fill=\"none\" stroke=\"#ccd3dc\"/>");
        svg.Append(C, $"<line x1=\"{margin}\" y1=\"{margin + plot}\" x2=\"{margin + plot}\" y2=\"{margin}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>");
        for (int s = 0; s < series.Count; s++)
        {
            string colour = SvgCharts.Palette[s % SvgCharts.Palette.Length];
            foreach (var (observed, simulated) in series[s].Points)
            {
                svg.Append(C, $"<circle cx=\"{margin + (observed / max * plot):0.#}\" cy=\"{margin + plot - (simulated / max * plot):0.#}\" r=\"3.5\" fill=\"{colour}\" fill-opacity=\"0.75\"/>");
            }
            svg.Append(C, $"<rect x=\"{size + 4}\" y=\"{margin + (s * 18)}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>");
            svg.Append(C, $"<text x=\"{size + 20}\" y=\"{margin + (s * 18) + 10}\">{Encode(series[s].Name)}</text>");
        }
        svg.Append(C, $"<text x=\"{margin + (plot / 2):0}\" y=\"{size - 12}\" text-anchor=\"middle\">observed count</text>");
        svg.Append(C, $"<text x=\"14\" y=\"{margin + (plot / 2):0}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {margin + (plot / 2):0})\">simulated count</text>");
        svg.Append(C, $"<text x=\"{margin}\" y=\"{margin + plot + 14}\">0</text><text x=\"{margin + plot}\" y=\"{margin + plot + 14}\" text-anchor=\"end\">{Short(max)}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string Short(double value) => Math.Abs(value) >= 1000 || (Math.Abs(value) < 0.01 && value != 0)
        ? value.ToString("0.##e0", C)
        : value.ToString("0.###", C);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
