using System.CommandLine;
using System.Globalization;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Cli.Learning;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Cli.Sweeps;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Sweeps;
using DigitalTwin.Surrogate.Calibration;
using DigitalTwin.Surrogate.Emulation;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>twin calibrate &lt;scenario&gt; --counts counts.csv</c>: a sweep over the parameters that drive volumes, an
/// ML.NET emulator of the count error, its minimum, real runs to confirm it, a calibrated scenario and a fit report.
/// </summary>
public static class CalibrateCommand
{
    public static Command Create(Terminal terminal, Interruption interruption)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario to calibrate (.json)" };
        var counts = new Option<string>("--counts") { Description = "Observed counts (CSV: site, osmWayId or segment, hour, mode, count; docs/counts.md)", Required = true, HelpName = "FILE" };
        var parameters = new Option<string[]>("--parameter")
        {
            Description = "NAME=MIN:MAX, repeatable: the parameters to calibrate and their ranges (default: modeChoice.walkConstant=0.8:2.8 and modeChoice.bikeConstant=-0.4:1.6, the car constant staying the reference)",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var draws = new Option<int?>("--draws") { Description = "Parameter draws of the sweep (Latin hypercube; default 32)" };
        var seeds = new Option<int?>("--seeds") { Description = "Seeds per draw (default 1)" };
        var days = new Option<int?>("--days") { Description = "Days per run (default 1: counts are per day or per hour of the day)" };
        var confirmSeeds = new Option<int?>("--confirm-seeds") { Description = "Seeds of the real runs before and after (default 2)" };
        var workers = new Option<int?>("--workers") { Description = "Worker processes for the sweep (default 1)" };
        var threads = new Option<int?>("--threads") { Description = "Threads per run (default: the cores shared among the workers)" };
        var output = new Option<string?>("--out") { Description = "Folder (default: out/calibrate-<scenario file name>); the same folder again resumes the sweep", HelpName = "DIR" };
        var dataRoot = DataRootOption.Create();
        var command = new Command("calibrate", "Fit the parameters that drive walking, cycling and driving volumes to observed street counts: sweep, ML.NET emulator of the count error, minimum, confirming runs, calibrated scenario and fit report")
        {
            scenario, counts, parameters, draws, seeds, days, confirmSeeds, workers, threads, output, dataRoot,
        };
        command.SetAction(parse => DataRootOption.Run(terminal, parse.GetValue(dataRoot), inputs => Execute(terminal, interruption, new Request(parse.GetValue(scenario)!, parse.GetValue(counts)!, parse.GetValue(parameters) ?? [],
            parse.GetValue(draws) ?? 32, parse.GetValue(seeds) ?? 1, parse.GetValue(days) ?? 1, parse.GetValue(confirmSeeds) ?? 2,
            parse.GetValue(workers), parse.GetValue(threads), parse.GetValue(output)), inputs)));
        return command;
    }

    internal sealed record Request(string Scenario, string Counts, IReadOnlyList<string> Parameters, int Draws, int Seeds, int Days, int ConfirmSeeds, int? Workers, int? Threads, string? Output);

    public const string CalibratedFile = "calibrated.json";
    public const string SweepFolder = "sweep";
    public const string FitFolder = "fit";
    public const string SweepFile = "calibration.sweep.json";

    internal static int Execute(Terminal terminal, Interruption interruption, Request request, ScenarioInputs inputs)
    {
        interruption.Listen();
        var c = CultureInfo.InvariantCulture;
        var errors = new List<string>();
        if (request.Draws is < HeldOut.MinimumDraws or > 10_000)
        {
            errors.Add(string.Create(c, $"error: --draws: {request.Draws} is outside {HeldOut.MinimumDraws}-10000 (the emulator learns from 3/4 of them and is tested on the rest)"));
        }
        if (request.Seeds is < 1 or > 100 || request.ConfirmSeeds is < 1 or > 100)
        {
            errors.Add("error: --seeds and --confirm-seeds: 1-100");
        }
        if (request.Days is < 1 or > 365)
        {
            errors.Add(string.Create(c, $"error: --days: {request.Days} is outside 1-365"));
        }
        var ranges = ParseRanges(request.Parameters, errors);
        if (errors.Count > 0)
        {
            errors.ForEach(terminal.Error.WriteLine);
            return TwinApp.UserError;
        }
        var loaded = ScenarioLoader.Load(request.Scenario, inputs);
        if (!loaded.Succeeded)
        {
            terminal.WriteProblems(loaded.Problems);
            return TwinApp.UserError;
        }
        var scenario = loaded.Unwrap();
        var map = PreparedScenario.LoadMap(scenario);
        var prepared = map.Succeeded ? PreparedScenario.Prepare(scenario, map.Unwrap()) : InputResult<PreparedScenario>.Failure(map.Problems);
        if (!prepared.Succeeded)
        {
            terminal.WriteProblems(prepared.Problems);
            return TwinApp.UserError;
        }
        var counts = CountsFile.Read(request.Counts, prepared.Unwrap().Neighbourhood.Network);
        if (!counts.Succeeded)
        {
            terminal.WriteProblems(counts.Problems);
            return TwinApp.UserError;
        }
        var observed = counts.Unwrap();
        string folder = request.Output ?? Path.Combine("out", "calibrate-" + SweepCommand.Slug(Path.GetFileNameWithoutExtension(scenario.SourceFile)));
        string sweepFolder = Path.Combine(folder, SweepFolder);
        var sweep = WriteSweep(scenario, ranges!, request, folder);
        if (!sweep.Succeeded)
        {
            terminal.WriteProblems(sweep.Problems);
            return TwinApp.UserError;
        }
        var definition = sweep.Unwrap();
        var manifest = SweepManifest.From(definition) with { CountSegments = [.. observed.SelectMany(o => o.Segments).Distinct().Order()] };
        if (SweepCommand.PrepareFolder(sweepFolder, manifest) is { } refused)
        {
            terminal.Error.WriteLine("error: " + refused);
            return TwinApp.UserError;
        }
        int finished = manifest.Runs.Count(run => SweepResults.TryRead(sweepFolder, manifest, run) is not null);
        SweepCommand.RemoveStale(sweepFolder, manifest);
        terminal.Out.WriteLine(string.Create(c,
            $"calibrate '{scenario.Name}' to {observed.Count} count(s) at {observed.Select(o => o.Site).Distinct().Count()} site(s): {string.Join(", ", definition.Ranges.Select(r => $"{r.Name} {r.Min}..{r.Max}"))}"));
        terminal.Out.WriteLine(string.Create(c, $"sweep: {manifest.Runs.Count} runs ({definition.Design.Draws} draws × {definition.Seeds.Count} seed(s), {definition.Days} day(s) each) in {sweepFolder}"));
        int code = SweepCommand.RunHere(terminal, interruption, sweepFolder, manifest, finished, request.Workers, request.Threads);
        if (code != TwinApp.Success)
        {
            return code;
        }
        try
        {
            return Finish(terminal, interruption, request, folder, scenario, map.Unwrap(), observed, definition, sweepFolder, manifest);
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            terminal.Error.WriteLine($"cancelled ({interruption.Cause}): the sweep's runs are kept in {sweepFolder}; the same command goes on from there");
            return interruption.ExitCode;
        }
    }

    private static int Finish(Terminal terminal, Interruption interruption, Request request, string folder, Scenario scenario, LoadedMap map,
        IReadOnlyList<ObservedCount> observed, SweepDefinition definition, string sweepFolder, SweepManifest manifest)
    {
        var c = CultureInfo.InvariantCulture;
        var runCounts = Calibration.RunCounts(sweepFolder, manifest, observed);
        if (!runCounts.Succeeded)
        {
            terminal.WriteProblems(runCounts.Problems);
            return TwinApp.UserError;
        }
        double[][] simulated = runCounts.Unwrap();
        double[] errors = [.. simulated.Select(run => CountFit.MeanSquaredLogError(observed, run))];
        string[] names = [.. definition.Ranges.Select(r => r.Name)];
        var features = manifest.Runs.Select(r => r.Values.ToArray()).ToList();
        bool[] isTest = HeldOut.TestRuns([.. manifest.Runs.Select(r => r.Draw)], Emulator.Seed);
        var accuracy = CountEmulator.MeasureHeldOut(names, observed, features, simulated, isTest);
        var emulator = CountEmulator.Train(names, observed, features, simulated);
        var optimum = EmulatorSearch.Minimise(emulator.PredictError, definition.Ranges);
        double[] calibrated = [.. optimum.Values.Select((v, i) => Calibration.Rounded(v, definition.Ranges[i]))];
        terminal.Out.WriteLine(string.Create(c,
            $"emulator of the count error: held-out R² {accuracy.RSquared:0.00} ({accuracy.TestRuns} test runs); its minimum {optimum.PredictedError:0.####} at {string.Join(", ", names.Select((n, i) => $"{n} = {calibrated[i]}"))}"));
        ulong[] seeds = [.. Enumerable.Range(0, request.ConfirmSeeds).Select(k => definition.Seeds[0] + (ulong)k)];
        terminal.Out.WriteLine(string.Create(c, $"confirming with {2 * seeds.Length} real runs (the scenario's own values and the minimum, {seeds.Length} seed(s) each)"));
        var before = Calibration.Confirm(scenario, map, observed, definition.Ranges, null, seeds, definition.Days, interruption.Token);
        var after = Calibration.Confirm(scenario, map, observed, definition.Ranges, calibrated, seeds, definition.Days, interruption.Token);
        var dependence = definition.Ranges.Select((r, j) => ErrorDependence(emulator, features, names[j], j, r.Min, r.Max)).ToList();
        var result = new CalibrationResult(scenario, observed, definition.Ranges, features, errors, accuracy, optimum, before, after,
            Array.IndexOf(errors, errors.Min()), definition.Days, seeds, dependence);
        string calibratedPath = Path.Combine(folder, CalibratedFile);
        var problems = new List<InputProblem>(StagedFolder.Write(Path.Combine(folder, FitFolder), staging => CalibrationFiles.WriteAll(staging, result)));
        if (problems.Count == 0)
        {
            problems.AddRange(SensitivityFiles.Text(calibratedPath, Calibration.CalibratedScenarioJson(result, calibratedPath)));
        }
        if (problems.Count > 0)
        {
            terminal.WriteProblems(problems);
            return TwinApp.UserError;
        }
        // The file is for people to run: it must load as a scenario, or it is a bug here. It lies in the output folder
        // and extends the scenario where that is, so it reads under the scenario's data root, which a run of it may
        // have to be given.
        var reloaded = ScenarioLoader.Load(calibratedPath, scenario.Inputs);
        if (!reloaded.Succeeded)
        {
            throw new InvalidOperationException("The calibrated scenario does not load: " + string.Join("; ", reloaded.Problems));
        }
        string root = scenario.Inputs.DataRoot!;
        string runIt = DataRoot.Holds(DataRoot.Of(calibratedPath), root) ? string.Empty : $" (run it with {DataRootOption.Name} {root}: it extends {scenario.SourceFile})";
        terminal.Out.WriteLine(string.Create(c,
            $"count error (mean squared log): {before.Fit.MeanSquaredLogError:0.####} before, {after.Fit.MeanSquaredLogError:0.####} after; R² {before.Fit.RSquared:0.00} → {after.Fit.RSquared:0.00}; MAE {before.Fit.MeanAbsoluteError:0.#} → {after.Fit.MeanAbsoluteError:0.#}"));
        terminal.Out.WriteLine($"wrote {calibratedPath}{runIt} and {Path.Combine(folder, FitFolder, CalibrationFiles.HtmlFile)}");
        return TwinApp.Success;
    }

    /// <summary>The emulated count error along one parameter, the others as they were in the sweep's runs, averaged (partial dependence).</summary>
    private static PartialDependence ErrorDependence(CountEmulator emulator, IReadOnlyList<double[]> runs, string name, int parameter, double min, double max, int points = 20)
    {
        double[] grid = [.. Enumerable.Range(0, points).Select(k => min + ((max - min) * k / (points - 1)))];
        var rows = grid.SelectMany(value => runs.Select(run =>
        {
            double[] copy = [.. run];
            copy[parameter] = value;
            return copy;
        })).ToList();
        double[] error = emulator.PredictError(rows);
        return new PartialDependence(name, grid, [.. grid.Select((_, k) => error.AsSpan(k * runs.Count, runs.Count).ToArray().Average())]);
    }

    /// <summary>--parameter NAME=MIN:MAX, each once; names and ranges are checked by the sweep loader, with suggestions.</summary>
    private static List<CalibrationRange>? ParseRanges(IReadOnlyList<string> texts, List<string> errors)
    {
        if (texts.Count == 0)
        {
            return [.. Calibration.DefaultRanges];
        }
        var c = CultureInfo.InvariantCulture;
        var ranges = new List<CalibrationRange>();
        foreach (string text in texts)
        {
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            string[] bounds = equals > 0 ? text[(equals + 1)..].Split(':') : [];
            if (equals <= 0 || bounds.Length != 2
                || !double.TryParse(bounds[0], NumberStyles.Float, c, out double min) || !double.TryParse(bounds[1], NumberStyles.Float, c, out double max))
            {
                errors.Add($"error: --parameter: '{text}' is not NAME=MIN:MAX (e.g. modeChoice.walkConstant=0.8:2.8)");
                continue;
            }
            string name = text[..equals].Trim();
            if (ranges.Any(r => r.Name == name))
            {
                errors.Add($"error: --parameter: {name} is given twice");
                continue;
            }
            ranges.Add(new CalibrationRange(name, min, max));
        }
        return ranges;
    }

    /// <summary>Writes the calibration's sweep file beside the sweep folder and loads it; a problem with it (an unknown parameter, a range the parameter does not allow) leaves nothing behind.</summary>
    private static InputResult<SweepDefinition> WriteSweep(Scenario scenario, IReadOnlyList<CalibrationRange> ranges, Request request, string folder)
    {
        bool created = !Directory.Exists(folder);
        string path = Path.Combine(folder, SweepFile);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            return InputResult<SweepDefinition>.Failure(new InputProblem(folder, string.Empty, $"cannot create the folder: {IoFailure.Cause(e)}", "choose another --out"));
        }
        string text = Calibration.SweepJson(scenario, ranges, request.Draws, request.Seeds, request.Days);
        var written = SensitivityFiles.Text(path, text);
        if (written.Count > 0)
        {
            return InputResult<SweepDefinition>.Failure(written);
        }
        var loaded = SweepLoader.Load(path, scenario.Inputs);
        if (!loaded.Succeeded)
        {
            if (created)
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
            // The problems name the generated file; what the user wrote is --parameter.
            return InputResult<SweepDefinition>.Failure([.. loaded.Problems.Select(p => p with { File = "--parameter" })]);
        }
        return loaded;
    }
}
