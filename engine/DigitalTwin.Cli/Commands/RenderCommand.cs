using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>twin render &lt;run&gt;</c>: draws a run's heatmap (or its difference from a baseline) into a PNG, without a display.</summary>
public static class RenderCommand
{
    public const int MinimumSidePixels = 200;

    public static Command Create(Terminal terminal, Interruption interruption)
    {
        var runArgument = new Argument<string>("run") { Description = "A run folder (from `twin run`) or its run.msgpack" };
        var baseline = new Option<string?>("--baseline") { Description = "Another run of the same map: draw this run minus the baseline", HelpName = "RUN" };
        var measure = new Option<string>("--measure") { Description = "One of: " + string.Join(", ", MapVocabulary.MeasureNames), DefaultValueFactory = _ => "encounters" };
        var period = new Option<string>("--period") { Description = "One of: " + string.Join(", ", MapVocabulary.PeriodNames), DefaultValueFactory = _ => "day" };
        var group = new Option<string>("--group") { Description = "Whose movements and meetings: " + string.Join(", ", MapVocabulary.GroupNames), DefaultValueFactory = _ => "everyone" };
        var width = new Option<int>("--width") { Description = "Picture width in pixels", DefaultValueFactory = _ => 1920 };
        var height = new Option<int>("--height") { Description = "Picture height in pixels", DefaultValueFactory = _ => 1080 };
        var observations = new Option<string?>("--observations") { Description = "Residents' observations (.csv or .geojson, docs/observations.md) drawn over the heat", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "The PNG file to write", HelpName = "FILE.png", Required = true };
        var command = new Command("render", "Draw a run's street heatmap (or a difference from a baseline) into a PNG; no display needed")
        {
            runArgument, baseline, measure, period, group, width, height, output, observations,
        };
        command.SetAction(parse => Execute(
            terminal,
            interruption,
            parse.GetValue(runArgument)!,
            parse.GetValue(baseline),
            parse.GetValue(measure)!,
            parse.GetValue(period)!,
            parse.GetValue(group)!,
            parse.GetValue(width),
            parse.GetValue(height),
            parse.GetValue(output)!,
            parse.GetValue(observations)));
        return command;
    }

    internal static int Execute(Terminal terminal, Interruption interruption, string runPath, string? baselinePath, string measureName, string periodName, string groupName, int width, int height, string outputPath,
        string? observationsPath = null)
    {
        interruption.Listen();
        var c = CultureInfo.InvariantCulture;
        if (!MapVocabulary.TryParseMeasure(measureName, out var measure))
        {
            terminal.Error.WriteLine($"error: --measure: '{measureName}' is not a measure; use one of: {string.Join(", ", MapVocabulary.MeasureNames)}");
            return TwinApp.UserError;
        }
        if (!MapVocabulary.TryParseGroup(groupName, out var group))
        {
            terminal.Error.WriteLine($"error: --group: '{groupName}' is not a group; use one of: {string.Join(", ", MapVocabulary.GroupNames)}");
            return TwinApp.UserError;
        }
        if (!MapVocabulary.TryParsePeriod(periodName, out var period))
        {
            terminal.Error.WriteLine($"error: --period: '{periodName}' is not a period; use one of: {string.Join(", ", MapVocabulary.PeriodNames)}");
            return TwinApp.UserError;
        }
        foreach (var (name, value) in new[] { ("--width", width), ("--height", height) })
        {
            if (value is < MinimumSidePixels or > OffscreenMapRenderer.MaximumSidePixels)
            {
                terminal.Error.WriteLine(string.Create(c, $"error: {name}: {value} is outside {MinimumSidePixels}-{OffscreenMapRenderer.MaximumSidePixels} pixels"));
                return TwinApp.UserError;
            }
        }
        if (!outputPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            terminal.Error.WriteLine($"error: --out: '{outputPath}' should end in .png");
            return TwinApp.UserError;
        }
        // A folder that cannot take the picture is found before the run is read and drawn.
        var unwritable = OutputFile.Check(outputPath);
        if (unwritable.Count > 0)
        {
            terminal.WriteProblems(unwritable);
            return TwinApp.UserError;
        }
        var run = ReadRun(terminal, runPath);
        if (run is null)
        {
            return TwinApp.UserError;
        }
        RunFile? baseline = null;
        if (baselinePath is not null)
        {
            baseline = ReadRun(terminal, baselinePath);
            if (baseline is null)
            {
                return TwinApp.UserError;
            }
            if (!SegmentValues.SameNetwork(run, baseline))
            {
                terminal.Error.WriteLine($"error: {baselinePath}: the baseline's street network differs from the run's (a difference needs the same map, clipped the same way)");
                return TwinApp.UserError;
            }
        }
        var scene = new MapScene(run, baseline) { Measure = measure, Period = period, Group = group };
        ObservationLayer? observationLayer = null;
        if (observationsPath is not null)
        {
            var layer = ObservationLayer.Load(observationsPath, scene);
            if (!layer.Succeeded)
            {
                terminal.WriteProblems(layer.Problems);
                return TwinApp.UserError;
            }
            observationLayer = layer.Unwrap();
        }
        var clock = Stopwatch.StartNew();
        using var renderer = OffscreenMapRenderer.TryCreate(out string reason);
        if (renderer is null)
        {
            terminal.Error.WriteLine($"error: cannot draw offscreen: {reason}");
            return TwinApp.UserError;
        }
        var picture = renderer.Render(scene, width, height, observations: observationLayer);
        double renderMilliseconds = clock.Elapsed.TotalMilliseconds;
        if (interruption.Requested)
        {
            terminal.Error.WriteLine($"cancelled ({interruption.Cause}): the picture was not written; {outputPath} is untouched");
            return interruption.ExitCode;
        }
        var problems = OutputFile.Write(outputPath, stream => PngWriter.Write(stream, picture.Image));
        if (problems.Count > 0)
        {
            terminal.WriteProblems(problems);
            return TwinApp.UserError;
        }
        terminal.Out.WriteLine(string.Create(c,
            $"wrote {outputPath} ({width}x{height}, {MapVocabulary.CommandName(measure)}, {MapVocabulary.CommandName(period)}{(baseline is null ? string.Empty : ", difference from baseline")}{(observationLayer is null ? string.Empty : string.Create(c, $", {observationLayer.Count} observations"))}; drawn in {renderMilliseconds:0} ms, {clock.Elapsed.TotalMilliseconds:0} ms with the PNG)"));
        return TwinApp.Success;
    }

    /// <summary>Reads a run from a folder (its run.msgpack) or a file; prints the problem and returns null when it cannot.</summary>
    internal static RunFile? ReadRun(Terminal terminal, string path)
    {
        string file = Directory.Exists(path) ? Path.Combine(path, RunWriter.RunFileName) : path;
        var read = RunFile.Read(file);
        if (!read.Succeeded)
        {
            terminal.WriteProblems(read.Problems);
            return null;
        }
        return read.Unwrap();
    }
}
