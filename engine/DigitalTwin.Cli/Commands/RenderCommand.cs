using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>twin render &lt;run&gt;...</c>: draws a run's heatmap into a PNG, without a display; with <c>--baseline</c>, its
/// difference from a baseline run, and with several runs on each side (replications, paired by seed) the mean
/// difference with the streets whose change stays within the noise greyed out.
/// </summary>
public static class RenderCommand
{
    public const int MinimumSidePixels = 200;

    public static Command Create(Terminal terminal, Interruption interruption)
    {
        var runArgument = new Argument<string[]>("run")
        {
            Description = "A run folder (from `twin run`) or its run.msgpack; with --baseline, one per replication (`twin run --seed N`), paired with the baseline's by seed",
            Arity = ArgumentArity.OneOrMore,
        };
        var baseline = new Option<string[]>("--baseline")
        {
            Description = "Runs of the baseline on the same map: draw the run minus the baseline; with 2 or more replications on each side (the same seeds), "
                + "the mean difference, streets whose change stays within the noise in grey (paired tests, all segments together, Benjamini-Hochberg)",
            HelpName = "RUN",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var measure = new Option<string>("--measure") { Description = "One of: " + string.Join(", ", MapVocabulary.MeasureNames), DefaultValueFactory = _ => "encounters" };
        var period = new Option<string>("--period") { Description = "One of: " + string.Join(", ", MapVocabulary.PeriodNames), DefaultValueFactory = _ => "day" };
        var group = new Option<string>("--group") { Description = "Whose movements and meetings: " + string.Join(", ", MapVocabulary.GroupNames), DefaultValueFactory = _ => "everyone" };
        var width = new Option<int>("--width") { Description = "Picture width in pixels", DefaultValueFactory = _ => 1920 };
        var height = new Option<int>("--height") { Description = "Picture height in pixels", DefaultValueFactory = _ => 1080 };
        var observations = new Option<string?>("--observations") { Description = "Residents' observations (.csv or .geojson, docs/observations.md) drawn over the heat", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "The PNG file to write", HelpName = "FILE.png", Required = true };
        var command = new Command("render", "Draw a run's street heatmap (or a difference from a baseline, over replications with what stays within the noise greyed out) into a PNG; no display needed")
        {
            runArgument, baseline, measure, period, group, width, height, output, observations,
        };
        command.SetAction(parse => Execute(
            terminal,
            interruption,
            parse.GetValue(runArgument)!,
            parse.GetValue(baseline) ?? [],
            parse.GetValue(measure)!,
            parse.GetValue(period)!,
            parse.GetValue(group)!,
            parse.GetValue(width),
            parse.GetValue(height),
            parse.GetValue(output)!,
            parse.GetValue(observations)));
        return command;
    }

    internal static int Execute(Terminal terminal, Interruption interruption, IReadOnlyList<string> runPaths, IReadOnlyList<string> baselinePaths, string measureName, string periodName, string groupName, int width, int height, string outputPath,
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
        if (runPaths.Count > 1 && baselinePaths.Count == 0)
        {
            terminal.Error.WriteLine($"error: {runPaths.Count} runs given without --baseline; several runs are replications of a difference, paired with the baseline's runs by seed");
            return TwinApp.UserError;
        }
        var runs = ReadRuns(terminal, runPaths);
        var baselines = ReadRuns(terminal, baselinePaths);
        if (runs is null || baselines is null)
        {
            return TwinApp.UserError;
        }
        if (baselines.Count > 0 && Mismatch(runs, baselines) is { } mismatch)
        {
            terminal.Error.WriteLine("error: " + mismatch);
            return TwinApp.UserError;
        }
        var run = runs[0].Run;
        // Pairs by seed: the order the files were given in does not matter.
        var scene = baselines.Count switch
        {
            0 => new MapScene(run),
            1 => new MapScene(run, baselines[0].Run),
            _ => new MapScene([.. runs.OrderBy(r => r.Run.Seed).Select(r => r.Run)], [.. baselines.OrderBy(b => b.Run.Seed).Select(b => b.Run)]),
        };
        scene.Measure = measure;
        scene.Period = period;
        scene.Group = group;
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
        string difference = baselines.Count switch
        {
            0 => string.Empty,
            1 => ", difference from one baseline run (one pair: nothing tells signal from noise; give replications of both to grey out the noise)",
            _ => string.Create(c, $", mean difference over {baselines.Count} replications, {scene.SignificantSegments!.Count(beyond => beyond)} of {run.SegmentCount} segments beyond the noise"),
        };
        terminal.Out.WriteLine(string.Create(c,
            $"wrote {outputPath} ({width}x{height}, {MapVocabulary.CommandName(measure)}, {MapVocabulary.CommandName(period)}{difference}{(observationLayer is null ? string.Empty : string.Create(c, $", {observationLayer.Count} observations"))}; drawn in {renderMilliseconds:0} ms, {clock.Elapsed.TotalMilliseconds:0} ms with the PNG)"));
        return TwinApp.Success;
    }

    /// <summary>Reads every run with the path it came from; prints the problem and returns null when one cannot be read.</summary>
    private static List<(string Path, RunFile Run)>? ReadRuns(Terminal terminal, IReadOnlyList<string> paths)
    {
        var runs = new List<(string, RunFile)>(paths.Count);
        foreach (string path in paths)
        {
            if (ReadRun(terminal, path) is not { } run)
            {
                return null;
            }
            runs.Add((path, run));
        }
        return runs;
    }

    /// <summary>
    /// Why the runs cannot be drawn against the baselines, in one sentence, or null: a difference needs the same map and
    /// days throughout, each side one scenario, and replications the same seeds on both sides, each seed once.
    /// </summary>
    internal static string? Mismatch(IReadOnlyList<(string Path, RunFile Run)> runs, IReadOnlyList<(string Path, RunFile Run)> baselines)
    {
        var c = CultureInfo.InvariantCulture;
        var first = runs[0];
        foreach (var (path, other) in runs.Concat(baselines))
        {
            if (!SegmentValues.SameNetwork(first.Run, other))
            {
                return $"{path}: its street network differs from {first.Path}'s (a difference needs the same map, clipped the same way)";
            }
            if (other.Days != first.Run.Days)
            {
                return string.Create(c, $"{path} simulated {other.Days} day(s) and {first.Path} {first.Run.Days}; a difference needs runs of the same length");
            }
        }
        if (runs.Count == 1 && baselines.Count == 1)
        {
            return null;
        }
        foreach (var (side, list) in new[] { ("runs drawn", runs), ("baseline runs", baselines) })
        {
            var (path, run) = list.FirstOrDefault(r => r.Run.ScenarioHash != list[0].Run.ScenarioHash || r.Run.ScenarioName != list[0].Run.ScenarioName);
            if (run is not null)
            {
                return $"{path} is a run of '{run.ScenarioName}' and {list[0].Path} of '{list[0].Run.ScenarioName}' (or of another version of it); the {side} must all be replications of one scenario";
            }
            var twice = list.GroupBy(r => r.Run.Seed).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
            {
                return string.Create(c, $"{string.Join(" and ", twice.Select(r => r.Path))} both ran with seed {twice.Key}; each of the {side} needs a seed of its own");
            }
        }
        string Seeds(IEnumerable<(string Path, RunFile Run)> list) => string.Join(", ", list.Select(r => r.Run.Seed).Order());
        if (!runs.Select(r => r.Run.Seed).Order().SequenceEqual(baselines.Select(b => b.Run.Seed).Order()))
        {
            return $"the runs have seeds {Seeds(runs)} and the baseline's {Seeds(baselines)}; replications are paired by seed (common random numbers), so both sides need the same seeds";
        }
        return null;
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
