using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Viewer.CoCreation;
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
        var screenshot = new Option<string?>("--screenshot") { Description = "Save the last frame as a PNG (with --frames or --script)", HelpName = "FILE.png" };
        var days = new Option<int>("--days")
        {
            Description = "Scenario only: days each co-creation run simulates (short, so an edit shows within seconds)",
            DefaultValueFactory = _ => DefaultCoCreationDays,
        };
        var threads = new Option<int?>("--threads") { Description = "Scenario only: worker threads for the background runs (default: all cores)" };
        var script = new Option<string?>("--script")
        {
            Description = "Scenario only: input to play, e.g. \"select:4242;key:B;wait\" (steps select:WAYID[,WAYID], key:LETTER, wait); closes after the last",
            HelpName = "STEPS",
        };
        var observations = new Option<string?>("--observations")
        {
            Description = "Residents' observations (.csv or .geojson) drawn over the map; with a scenario also where pins go (key O), created if missing (default: the scenario's observations)",
            HelpName = "FILE",
        };
        var save = new Option<string?>("--save")
        {
            Description = "Scenario only: the scenario file key S writes the session's edits to (it extends the scenario opened); given, unsaved edits are also saved on closing. Default for key S: <scenario>-session.json beside the scenario, or the session file itself when one was opened",
            HelpName = "FILE.json",
        };
        var continuous = new Option<bool>("--continuous") { Description = "Draw every frame even when nothing changes (to measure frame time while a run is in progress)" };
        var replications = new Option<int>("--replications")
        {
            Description = "Scenario only: runs per state (seeds seed + r); with 2 or more the difference view greys out streets whose change stays within the noise, at that many times the wait",
            DefaultValueFactory = _ => 1,
        };
        var dataRoot = DataRootOption.Create();
        var command = new Command("view", "Open the interactive map: pan, zoom, click streets, switch measure and period, replay a day; with a scenario, edit streets and see the difference")
        {
            target, baseline, width, height, frames, screenshot, days, threads, script, continuous, observations, save, replications, dataRoot,
        };
        command.SetAction(parse => DataRootOption.Run(terminal, parse.GetValue(dataRoot), inputs => Execute(
            terminal,
            parse.GetValue(target)!,
            parse.GetValue(baseline),
            parse.GetValue(width),
            parse.GetValue(height),
            parse.GetValue(frames),
            parse.GetValue(screenshot),
            new CoCreationOptions(parse.GetValue(days), parse.GetValue(threads), parse.GetValue(script), parse.GetValue(continuous), parse.GetValue(save), parse.GetValue(replications), inputs),
            parse.GetValue(observations))));
        return command;
    }

    /// <summary>Three days: enough for the map to settle, and a run on Delft-Wippolder takes seconds (the README gives the figure).</summary>
    public const int DefaultCoCreationDays = 3;

    /// <summary>What only a scenario (a co-creation session) uses.</summary>
    internal sealed record CoCreationOptions(int Days, int? Threads, string? Script, bool Continuous = false, string? SavePath = null, int Replications = 1, ScenarioInputs? Inputs = null);

    internal static int Execute(Terminal terminal, string target, string? baselinePath, int width, int height, int? frames, string? screenshot,
        CoCreationOptions? coCreation = null, string? observationsPath = null)
    {
        coCreation ??= new CoCreationOptions(DefaultCoCreationDays, null, null);
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
        if (target.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (coCreation.SavePath is not null && !coCreation.SavePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                terminal.Error.WriteLine($"error: --save: '{coCreation.SavePath}' should end in .json (it is a scenario file)");
                return TwinApp.UserError;
            }
            if (baselinePath is not null)
            {
                terminal.Error.WriteLine("error: --baseline: a scenario is its own baseline (edits are compared with it); give --baseline with a run");
                return TwinApp.UserError;
            }
            return CoCreate(terminal, target, width, height, frames, screenshot, coCreation, observationsPath);
        }
        if (coCreation.SavePath is not null)
        {
            terminal.Error.WriteLine("error: --save: saving edits needs a scenario (.json), not a run");
            return TwinApp.UserError;
        }
        if (coCreation.Script is not null)
        {
            terminal.Error.WriteLine("error: --script: scripted edits need a scenario (.json), not a run");
            return TwinApp.UserError;
        }
        string runPath = target;
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
        var scene = new MapScene(run, baseline);
        ObservationLayer? layer = null;
        if (observationsPath is not null)
        {
            var loadedLayer = ObservationLayer.Load(observationsPath, scene);
            if (!loadedLayer.Succeeded)
            {
                terminal.WriteProblems(loadedLayer.Problems);
                return TwinApp.UserError;
            }
            layer = loadedLayer.Unwrap();
        }
        using var window = GlfwWindow.TryOpen(width, height, $"DigitalTwin - {run.ScenarioName}", visible: true, out string reason);
        if (window is null)
        {
            terminal.Error.WriteLine($"error: {reason}");
            terminal.Error.WriteLine("draw the map into a picture instead: twin render <run-folder> --out map.png");
            return TwinApp.UserError;
        }
        var report = new ViewerSession(window, scene).Run(new ViewerOptions
        {
            Observations = layer,
            Frames = frames,
            ScreenshotPath = screenshot,
            Continuous = frames is not null,
        });
        WriteReport(terminal, window, report);
        return TwinApp.Success;
    }

    /// <summary>A co-creation window on a scenario: the map at once, the baseline and every edit simulated in the background.</summary>
    private static int CoCreate(Terminal terminal, string scenarioPath, int width, int height, int? frames, string? screenshot, CoCreationOptions options,
        string? observationsPath)
    {
        var c = CultureInfo.InvariantCulture;
        if (options.Days is < 1 or > 365)
        {
            terminal.Error.WriteLine(string.Create(c, $"error: --days: {options.Days} is outside 1-365"));
            return TwinApp.UserError;
        }
        if (options.Replications is < 1 or > 20)
        {
            terminal.Error.WriteLine(string.Create(c, $"error: --replications: {options.Replications} is outside 1-20 (each edit runs that many times)"));
            return TwinApp.UserError;
        }
        if (options.Threads is < 1 or > 1024)
        {
            terminal.Error.WriteLine(string.Create(c, $"error: --threads: {options.Threads} is outside 1-1024"));
            return TwinApp.UserError;
        }
        IReadOnlyList<ScriptStep>? steps = null;
        if (options.Script is not null)
        {
            if (!CoCreationScript.TryParse(options.Script, out steps, out string scriptError))
            {
                terminal.Error.WriteLine("error: --script: " + scriptError);
                return TwinApp.UserError;
            }
        }
        var loaded = ScenarioLoader.Load(scenarioPath, options.Inputs ?? DataRootOption.Inputs(null));
        if (!loaded.Succeeded)
        {
            terminal.WriteProblems(loaded.Problems);
            return TwinApp.UserError;
        }
        var scenario = loaded.Unwrap();
        var clock = Stopwatch.StartNew();
        var opened = CoCreationSession.Open(scenario, options.Days, options.Threads ?? Environment.ProcessorCount, options.Replications);
        if (!opened.Succeeded)
        {
            terminal.WriteProblems(opened.Problems);
            return TwinApp.UserError;
        }
        var session = opened.Unwrap();
        string replicated = session.Replications > 1
            ? string.Create(c, $", {session.Replications} times (seeds {session.Seed} + r): the difference view greys out streets whose change stays within the noise")
            : string.Empty;
        terminal.Out.WriteLine(string.Create(c,
            $"scenario: {scenario.Name}; map loaded in {clock.Elapsed.TotalSeconds:0.0} s; each run simulates {session.Days} days with seed {session.Seed} on {session.Threads} thread(s){replicated}"));
        bool resumed = session.EditsToRestore > 0;
        if (resumed)
        {
            terminal.Out.WriteLine(string.Create(c,
                $"a saved session: its {session.EditsToRestore} edit(s) are re-run one by one on {Path.GetFileName(session.BaselineFile)} after the baseline (U undoes them)"));
        }
        // A saved session is saved back into itself; a plain scenario gets a session file beside it, never overwritten by S alone.
        string savePath = options.SavePath ?? (resumed ? scenario.SourceFile
            : Path.Combine(Path.GetDirectoryName(scenario.SourceFile)!, Path.GetFileNameWithoutExtension(scenario.SourceFile) + "-session.json"));
        // Pins go to the file named here, else to the scenario's own; a file named here need not exist yet (the first
        // pin creates it), one that exists must load cleanly before anything is appended to it.
        string? pinsFile = observationsPath ?? scenario.ObservationsPath;
        ObservationLayer? layer = null;
        if (pinsFile is not null && File.Exists(pinsFile))
        {
            var loadedLayer = ObservationLayer.Load(pinsFile, session.MapOnlyScene);
            if (!loadedLayer.Succeeded)
            {
                terminal.WriteProblems(loadedLayer.Problems);
                return TwinApp.UserError;
            }
            layer = loadedLayer.Unwrap();
        }
        else if (pinsFile is not null && !ObservationLoader.Extensions.Any(e => pinsFile.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            terminal.Error.WriteLine($"error: --observations: '{pinsFile}' should end in .csv or .geojson");
            return TwinApp.UserError;
        }
        using var window = GlfwWindow.TryOpen(width, height, $"DigitalTwin - {scenario.Name}", visible: true, out string reason);
        if (window is null)
        {
            terminal.Error.WriteLine($"error: {reason}");
            terminal.Error.WriteLine("draw the map into a picture instead: twin run <scenario> then twin render <run-folder> --out map.png");
            return TwinApp.UserError;
        }
        var report = new ViewerSession(window, session).Run(new ViewerOptions
        {
            Observations = layer,
            ObservationsFile = pinsFile,
            Frames = frames,
            ScreenshotPath = screenshot,
            // Drawn only when something changes (input, progress, a finished run), as a person uses it; --continuous
            // draws every frame, to measure the frame rate while a run competes for the processors.
            Continuous = frames is not null || options.Continuous,
            Script = steps,
            Log = terminal.Out.WriteLine,
            SavePath = savePath,
        });
        WriteReport(terminal, window, report);
        if (options.SavePath is not null && session.HasUnsavedEdits)
        {
            session.Save(options.SavePath, out string saved);
            terminal.Out.WriteLine(saved + " (on closing)");
        }
        if (report.FramesDuringRuns > 0)
        {
            terminal.Out.WriteLine(string.Create(c,
                $"while runs were in progress: {report.FramesDuringRuns} frames, {report.MeanFrameMillisecondsDuringRuns:0.0} ms per frame on average, longest {report.LongestFrameMillisecondsDuringRuns:0.0} ms"));
        }
        if (report.ScriptFailure is not null)
        {
            terminal.Error.WriteLine("error: " + report.ScriptFailure);
            return TwinApp.UserError;
        }
        return TwinApp.Success;
    }

    private static void WriteReport(Terminal terminal, GlfwWindow window, ViewerReport report)
    {
        var (w, h) = window.FramebufferSize;
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Frames} frames at {w}x{h}, {report.MeanFrameMilliseconds:0.0} ms per frame ({1000 / Math.Max(report.MeanFrameMilliseconds, 1e-9):0} frames/s)"));
        if (report.ScreenshotPath is not null)
        {
            terminal.Out.WriteLine($"wrote {report.ScreenshotPath}");
        }
    }
}
