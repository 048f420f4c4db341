using ScottPlot;

namespace DigitalTwin.Benchmarks.Scale;

/// <summary>The log-log picture of the scale run: simulation time (left axis) and peak memory (right) against residents.</summary>
internal static class ScalePlot
{
    public static void Write(ScaleReport report, string path)
    {
        var plot = new Plot();
        plot.Title("DigitalTwin scale run (log-log)");
        plot.XLabel("residents (log10)");
        plot.Axes.Left.Label.Text = "run time, s (log10)";
        plot.Axes.Right.Label.Text = "peak working set, MB (log10)";
        foreach (var series in report.Points.Where(p => p.City == "synthetic").GroupBy(p => (p.Days, p.Threads)))
        {
            var list = series.OrderBy(p => p.Residents).ToArray();
            double[] x = list.Select(p => Math.Log10(p.Residents)).ToArray();
            var time = plot.Add.Scatter(x, list.Select(p => Math.Log10(p.WallSeconds)).ToArray());
            time.LegendText = $"time, {series.Key.Days} d, {series.Key.Threads} thr";
            var memory = plot.Add.Scatter(x, list.Select(p => Math.Log10(p.PeakWorkingSetBytes / 1e6)).ToArray());
            memory.LegendText = $"memory, {series.Key.Days} d, {series.Key.Threads} thr";
            memory.LinePattern = LinePattern.Dashed;
            memory.Axes.YAxis = plot.Axes.Right;
        }
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1000, 640);
    }
}
