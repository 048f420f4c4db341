using System.CommandLine;
using System.Globalization;
using DigitalTwin.Engine.IO;
using DigitalTwin.Viewer.Interactive;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Native;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>twin view &lt;scenario-or-run&gt;</c>: opens the interactive map of a run (running a scenario first when given one).</summary>
public static class ViewCommand
{
    public static Command Create(Terminal terminal)
    {
        var target = new Argument<string>("scenario-or-run") { Description = "A scenario (.json: it is run first), a run folder or a run.msgpack" };
        var baseline = new Option<string?>("--baseline") { Description = "A run of the same map to compare with (key D)", HelpName = "RUN" };
        var width = new Option<int>("--width") { Description = "Window width in pixels", DefaultValueFactory = _ => 1600 };
        var height = new Option<int>("--height") { Description = "Window height in pixels", DefaultValueFactory = _ => 900 };
        var frames = new Option<int?>("--frames") { Description = "Close after this many frames, drawing continuously (for measurements and tests)" };
        var screenshot = new Option<string?>("--screenshot") { Description = "Save the last frame as a PNG (with --frames)", HelpName = "FILE.png" };
        var command = new Command("view", "Open the interactive map: pan, zoom, click streets, switch measure and period, replay a day")
        {
            target, baseline, width, height, frames, screenshot,
        };
        command.SetAction(parse => Execute(
            terminal,
            parse.GetValue(target)!,
            parse.GetValue(baseline),
            parse.GetValue(width),
            parse.GetValue(height),
            parse.GetValue(frames),
            parse.GetValue(screenshot)));
        return command;
    }

    internal static int Execute(Terminal terminal, string target, string? baselinePath, int width, int height, int? frames, string? screenshot)
    {
        var c = CultureInfo.InvariantCulture;
        if (string.IsNullOrEmpty(terminal.Environment("DISPLAY")) && string.IsNullOrEmpty(terminal.Environment("WAYLAND_DISPLAY")))
        {
            terminal.Error.WriteLine("error: there is no display here (DISPLAY is not set), so no window can open.");
            terminal.Error.WriteLine($"draw the map into a picture instead: twin render <run-folder> --out map.png   (or run under xvfb-run)");
            return TwinApp.UserError;
        }
        if (width is < RenderCommand.MinimumSidePixels or > 8192 || height is < RenderCommand.MinimumSidePixels or > 8192)
        {
            terminal.Error.WriteLine(string.Create(c, $"error: --width/--height: {width}x{height} is outside {RenderCommand.MinimumSidePixels}-8192 pixels"));
            return TwinApp.UserError;
        }
        if (frames is < 1)
        {
            terminal.Error.WriteLine("error: --frames: must be at least 1");
            return TwinApp.UserError;
        }
        string runPath = target;
        if (target.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            string folder = Path.Combine("out", Path.GetFileNameWithoutExtension(target));
            int status = RunCommand.Execute(terminal, target, null, null, null, folder);
            if (status != TwinApp.Success)
            {
                return status;
            }
            runPath = folder;
        }
        RunFile? run = RenderCommand.ReadRun(terminal, runPath);
        if (run is null)
        {
            return TwinApp.UserError;
        }
        RunFile? baseline = null;
        if (baselinePath is not null)
        {
            baseline = RenderCommand.ReadRun(terminal, baselinePath);
            if (baseline is null)
            {
                return TwinApp.UserError;
            }
            if (!SegmentValues.SameNetwork(run, baseline))
            {
                terminal.Error.WriteLine($"error: {baselinePath}: the baseline's street network differs from the run's");
                return TwinApp.UserError;
            }
        }
        using var window = GlfwWindow.TryOpen(width, height, $"DigitalTwin - {run.ScenarioName}", visible: true, out string reason);
        if (window is null)
        {
            terminal.Error.WriteLine($"error: {reason}");
            terminal.Error.WriteLine("draw the map into a picture instead: twin render <run-folder> --out map.png");
            return TwinApp.UserError;
        }
        var scene = new MapScene(run, baseline);
        var report = new ViewerSession(window, scene).Run(new ViewerOptions
        {
            Frames = frames,
            ScreenshotPath = screenshot,
            Continuous = frames is not null,
        });
        var (w, h) = window.FramebufferSize;
        terminal.Out.WriteLine(string.Create(c, $"{report.Frames} frames at {w}x{h}, {report.MeanFrameMilliseconds:0.0} ms per frame ({1000 / Math.Max(report.MeanFrameMilliseconds, 1e-9):0} frames/s)"));
        if (report.ScreenshotPath is not null)
        {
            terminal.Out.WriteLine($"wrote {report.ScreenshotPath}");
        }
        return TwinApp.Success;
    }
}
