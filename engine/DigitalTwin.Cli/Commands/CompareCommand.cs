using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Cli.Reports;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>twin compare &lt;baseline&gt; &lt;variant&gt;...</c>: runs every scenario with the same seeds (common random
/// numbers) and writes a report folder with the changes, their 95 % intervals, who gains and where.
/// </summary>
public static class CompareCommand
{
    public static Command Create(Terminal terminal, Interruption interruption)
    {
        var baselineArgument = new Argument<string>("baseline") { Description = "The baseline scenario file (.json); with --robust, a sweep file whose first scenario is the baseline" };
        var variantsArgument = new Argument<string[]>("variants") { Description = "One or more variant scenario files (none with --robust)", Arity = ArgumentArity.ZeroOrMore };
        var robust = new Option<bool>("--robust") { Description = "Run (or resume) the sweep file given as baseline and report the share of parameter draws in which each variant's effect keeps its sign" };
        var workers = new Option<int?>("--workers") { Description = "With --robust: worker processes for the sweep (default 1)" };
        var replications = new Option<int?>("--replications") { Description = "Runs per scenario, 2 to 100 (default: the baseline's replications)" };
        var days = new Option<int?>("--days") { Description = "Days per run, 1-365 (default: the baseline's days)" };
        var threads = new Option<int?>("--threads") { Description = "Worker threads per run (default: all cores); results do not depend on it" };
        var output = new Option<string?>("--out") { Description = "Report folder (default: out/compare-<baseline name>)", HelpName = "DIR" };
        var untilResolved = new Option<bool>("--until-resolved")
        {
            Description = "Add replications, one at a time, until every variant's change in encounters and in nodding contacts is resolved "
                + "(its 95 % interval excludes zero, or lies within ±--precision % of the baseline) or --max-replications is reached",
        };
        var maxReplications = new Option<int?>("--max-replications") { Description = $"With --until-resolved: at most this many replications, 2 to {ScenarioLoader.MaxReplications} (default {DefaultMaxReplications})" };
        var precision = new Option<double?>("--precision") { Description = $"With --until-resolved: a change counts as resolved as nil when its 95 % interval lies within ± this % of the baseline (default {DefaultPrecisionPercent})", HelpName = "PERCENT" };
        var ignoreMemory = new Option<bool>("--ignore-memory-check") { Description = "Compare even where one run's estimated memory is more than this machine has free" };
        var dataRoot = DataRootOption.Create();
        var command = new Command("compare", "Compare a baseline with variants over replications and write report.md, report.html, comparison.json/.csv and difference layers")
        {
            baselineArgument, variantsArgument, replications, days, threads, output, untilResolved, maxReplications, precision, robust, workers, ignoreMemory, dataRoot,
        };
        command.SetAction(parse => DataRootOption.Run(terminal, parse.GetValue(dataRoot), inputs => parse.GetValue(robust)
            ? ExecuteRobust(terminal, interruption, parse.GetValue(baselineArgument)!, parse.GetValue(variantsArgument) ?? [],
                parse.GetValue(replications) is not null || parse.GetValue(days) is not null || parse.GetValue(untilResolved), parse.GetValue(workers), parse.GetValue(threads), parse.GetValue(output), inputs)
            : Execute(
            terminal,
            interruption,
            parse.GetValue(baselineArgument)!,
            parse.GetValue(variantsArgument) ?? [],
            parse.GetValue(replications),
            parse.GetValue(days),
            parse.GetValue(threads),
            parse.GetValue(output),
            inputs,
            parse.GetValue(untilResolved) ? new Resolution(parse.GetValue(maxReplications) ?? DefaultMaxReplications, parse.GetValue(precision) ?? DefaultPrecisionPercent) : null,
            parse.GetValue(maxReplications) is not null || parse.GetValue(precision) is not null,
            parse.GetValue(ignoreMemory))));
        return command;
    }

    /// <summary>
    /// <c>--robust</c>: runs the sweep (resuming a finished or partial one in --out), then for each variant and outcome
    /// the share of draws in which its effect against the baseline keeps its sign; writes SWEEP-DIR/robust/.
    /// </summary>
    internal static int ExecuteRobust(Terminal terminal, Interruption interruption, string sweepPath, IReadOnlyList<string> variantPaths, bool replicationsOrDays,
        int? workers, int? threads, string? outputFolder, ScenarioInputs inputs)
    {
        if (variantPaths.Count > 0 || replicationsOrDays)
        {
            terminal.Error.WriteLine("error: --robust takes one sweep file (its first scenario the baseline, the others variants; seeds and days in the file), no variant files, --replications, --days or --until-resolved");
            return TwinApp.UserError;
        }
        var loaded = Engine.Sweeps.SweepLoader.Load(sweepPath, inputs);
        if (!loaded.Succeeded)
        {
            terminal.WriteProblems(loaded.Problems);
            return TwinApp.UserError;
        }
        var sweep = loaded.Unwrap();
        if (sweep.Scenarios.Count < 2)
        {
            terminal.Error.WriteLine($"error: {sweepPath}: $.scenarios: has one scenario; --robust compares the first (the baseline) with the others (list the baseline first, then its variants)");
            return TwinApp.UserError;
        }
        string folder = outputFolder ?? Path.Combine("out", "sweep-" + SweepCommand.Slug(sweep.Name));
        int code = SweepCommand.Execute(terminal, interruption, sweepPath, folder, workers, threads, null, false, inputs);
        if (code != TwinApp.Success)
        {
            return code;
        }
        var measured = Learning.RobustEffects.Measure(folder);
        if (!measured.Succeeded)
        {
            terminal.WriteProblems(measured.Problems);
            return TwinApp.UserError;
        }
        var effects = measured.Unwrap();
        string report = Path.Combine(folder, "robust");
        var problems = Learning.StagedFolder.Write(report, staging => Learning.RobustEffects.WriteAll(staging, sweep.Name, sweep.Scenarios[0].Scenario.Name, effects));
        if (problems.Count > 0)
        {
            terminal.WriteProblems(problems);
            return TwinApp.UserError;
        }
        var c = CultureInfo.InvariantCulture;
        foreach (var e in effects)
        {
            terminal.Out.WriteLine(string.Create(c, $"{e.Variant} {e.Outcome}: mean effect {e.MeanEffect:+0.####;-0.####;0}, keeps its sign in {e.ShareKeepingSign * 100:0} % of {e.Draws} draws"));
        }
        terminal.Out.WriteLine($"wrote {Path.Combine(report, Learning.RobustEffects.HtmlFile)} (and report.md, {Learning.RobustEffects.CsvFile})");
        return TwinApp.Success;
    }

    /// <summary>
    /// --until-resolved's default limit: 20 replications narrow an interval to about a third of 3 replications' width
    /// (t·s/√n: 2.09/√20 against 4.30/√3), and keep a Delft comparison of a few variants within minutes.
    /// </summary>
    public const int DefaultMaxReplications = 20;

    /// <summary>
    /// --until-resolved's default precision: a change within ±1 % of the baseline is below what a designer would act on
    /// (a bench or a zebra moves area-wide figures by less), so an interval inside it resolves the change as nil.
    /// </summary>
    public const double DefaultPrecisionPercent = 1;

    /// <summary>How --until-resolved decides: the replication limit and the precision (% of the baseline) that resolves a change as nil.</summary>
    internal sealed record Resolution(int MaxReplications, double PrecisionPercent);

    /// <summary>The outcomes --until-resolved resolves for each variant: the headline and the ties it grows into.</summary>
    internal static readonly string[] ResolvedOutcomes = [Comparison.HeadlineOutcome, "noddingContactsPerResident"];

    /// <summary>Whether a change is resolved: a change (the interval excludes zero) or nil (the interval lies within ± precision of the baseline).</summary>
    internal static string? Resolved(PairedDifference d, double precisionPercent)
    {
        if (d.Distinguishable)
        {
            return "a change";
        }
        double bound = precisionPercent / 100 * Math.Abs(d.BaselineMean);
        // Inclusive, so a change that is exactly zero in every replication is resolved as nil even where the baseline is 0.
        return d.Lower >= -bound && d.Upper <= bound
            ? string.Create(CultureInfo.InvariantCulture, $"no change beyond ±{precisionPercent:0.##} %")
            : null;
    }

    internal static int Execute(Terminal terminal, Interruption interruption, string baselinePath, IReadOnlyList<string> variantPaths, int? replications, int? days, int? threads, string? outputFolder,
        ScenarioInputs inputs, Resolution? resolution = null, bool resolutionOptionsGiven = false, bool ignoreMemoryCheck = false)
    {
        interruption.Listen();
        var c = CultureInfo.InvariantCulture;
        var errors = new List<string>();
        if (variantPaths.Count == 0)
        {
            errors.Add("error: compare needs at least one variant scenario after the baseline");
        }
        if (replications is < 2)
        {
            errors.Add(string.Create(c, $"error: --replications: {replications} is too few; intervals need 2 or more replications"));
        }
        else if (replications > ScenarioLoader.MaxReplications)
        {
            errors.Add(string.Create(c,
                $"error: --replications: {replications} is more than {ScenarioLoader.MaxReplications}; each replication runs every scenario once (check the number)"));
        }
        if (days is < 1 or > 365)
        {
            errors.Add(string.Create(c, $"error: --days: {days} is outside 1-365"));
        }
        if (threads is < 1 or > 1024)
        {
            errors.Add(string.Create(c, $"error: --threads: {threads} is outside 1-1024"));
        }
        if (resolution is null && resolutionOptionsGiven)
        {
            errors.Add("error: --max-replications and --precision only apply with --until-resolved");
        }
        if (resolution is { MaxReplications: < 2 } || resolution?.MaxReplications > ScenarioLoader.MaxReplications)
        {
            errors.Add(string.Create(c, $"error: --max-replications: {resolution.MaxReplications} is outside 2-{ScenarioLoader.MaxReplications}"));
        }
        if (resolution is { } asked && (!double.IsFinite(asked.PrecisionPercent) || asked.PrecisionPercent <= 0 || asked.PrecisionPercent > 100))
        {
            errors.Add(string.Create(c, $"error: --precision: {asked.PrecisionPercent} is outside (0, 100] per cent of the baseline"));
        }
        var paths = new[] { baselinePath }.Concat(variantPaths).ToArray();
        var scenarios = new List<Scenario>();
        var problems = new List<InputProblem>();
        foreach (string path in paths)
        {
            var loaded = ScenarioLoader.Load(path, inputs);
            if (loaded.Succeeded)
            {
                scenarios.Add(loaded.Unwrap());
            }
            else
            {
                problems.AddRange(loaded.Problems);
            }
        }
        if (errors.Count > 0 || problems.Count > 0)
        {
            errors.ForEach(terminal.Error.WriteLine);
            terminal.WriteProblems(problems);
            return TwinApp.UserError;
        }
        var baseline = scenarios[0];
        int runReplications = replications ?? baseline.Replications;
        if (runReplications < 2)
        {
            terminal.Error.WriteLine(string.Create(c,
                $"error: {baselinePath}: $.replications: the baseline asks for {runReplications} replication(s); intervals need 2 or more (pass --replications 2 or more)"));
            return TwinApp.UserError;
        }
        int runDays = days ?? baseline.Days;
        int runThreads = threads ?? Environment.ProcessorCount;
        var seeds = Enumerable.Range(0, runReplications).Select(r => baseline.Seed + (ulong)r).ToList();
        var slugs = Slugs(scenarios);
        string folder = outputFolder ?? Path.Combine("out", "compare-" + slugs[0]);
        var opened = OutputFolder.Open(folder, ComparisonFiles.IsReportOutput);
        if (!opened.Succeeded)
        {
            terminal.WriteProblems(opened.Problems);
            return TwinApp.UserError;
        }
        var output = opened.Unwrap();
        var store = new ComparisonRuns(output.Target);
        string storeDisplay = Path.Combine(output.Display, ComparisonRuns.FolderName);

        terminal.Out.WriteLine(string.Create(c,
            $"comparing {scenarios.Count - 1} variant(s) with '{baseline.Name}': {runReplications} replications of {runDays} days, seeds {seeds[0]} + r, {runThreads} thread(s)"));
        var residents = new int[scenarios.Count];
        var neighbourhoods = new Neighbourhood?[scenarios.Count];
        var mechanisms = new IReadOnlyList<string>[scenarios.Count];
        // Every scenario is prepared (map and people of the first seed) before anything is simulated, so a variant
        // that cannot run stops the comparison at once, not after the runs before it; these worlds serve the first
        // replication, and the report's residents, networks and mechanisms come from them even for reused runs.
        var firstWorlds = new PreparedScenario?[scenarios.Count];
        for (int s = 0; s < scenarios.Count; s++)
        {
            var prepared = PreparedScenario.Prepare(scenarios[s] with { Seed = seeds[0] });
            if (!prepared.Succeeded)
            {
                problems.AddRange(prepared.Problems);
                continue;
            }
            var world = firstWorlds[s] = prepared.Unwrap();
            residents[s] = world.Residents.Count;
            neighbourhoods[s] = world.Neighbourhood;
            mechanisms[s] = world.MechanismChanges;
        }
        if (problems.Count > 0)
        {
            terminal.WriteProblems(problems);
            return TwinApp.UserError;
        }

        // Said before simulating and checked against free memory, as twin run does: the runs go one at a time, so the
        // largest scenario's run is the peak, and a 28-day comparison that runs out after minutes loses its hour. The
        // largest by its estimate: a variant that crowds new housing onto the map's streets can outweigh more residents.
        var estimates = firstWorlds.Select(world => RunEstimate.For(world!, runDays, runThreads)).ToArray();
        int largest = Array.IndexOf(estimates, estimates.MaxBy(e => e.PeakBytes));
        var estimate = estimates[largest];
        int mostResidents = residents[largest];
        int runCount = runReplications * scenarios.Count;
        string more = resolution is null ? string.Empty : ", more with --until-resolved";
        terminal.Out.WriteLine(string.Create(c,
            $"estimate: {estimate.Describe()} per run (the largest, {mostResidents:N0} residents × {runDays} day{(runDays == 1 ? string.Empty : "s")}{estimate.Why}); {runCount} runs{more}"));
        if (!ignoreMemoryCheck && estimate.Refusal(mostResidents, runDays, RunEstimate.AvailableBytes()) is { } refusal)
        {
            terminal.Error.WriteLine(refusal);
            return TwinApp.UserError;
        }
        var hashes = scenarios.Select(scenario => PreparedScenario.ContentHash(scenario)).ToArray();
        RunKey KeyOf(int s, int r) => new(EngineInfo.Version, RunKey.CurrentEngineBuild, hashes[s], seeds[r], runDays);
        // runs[s][r]: scenario s with seed r; --until-resolved appends replications to every scenario together.
        var runs = scenarios.Select((_, s) => seeds.Select((_, r) => store.TryLoad(slugs[s], KeyOf(s, r))).ToList()).ToArray();
        int reused = runs.Sum(scenarioRuns => scenarioRuns.Count(run => run is not null));
        int total = runReplications * scenarios.Count;
        if (reused > 0)
        {
            terminal.Out.WriteLine(string.Create(c, $"reusing {reused} of {total} runs finished earlier ({storeDisplay}: same scenario contents, seed, days and engine)"));
        }
        var clock = Stopwatch.StartNew();
        int done = 0, residentsRunning = 0;
        var resolvedAt = new string?[scenarios.Count];
        try
        {
            for (int r = 0; r < seeds.Count; r++)
            {
                for (int s = 0; s < scenarios.Count; s++)
                {
                    var runClock = Stopwatch.StartNew();
                    string how = "reused";
                    if (runs[s][r] is null)
                    {
                        // The population depends on the seed, so each scenario is prepared once per seed (map and people).
                        var prepared = r == 0 ? InputResult<PreparedScenario>.Success(firstWorlds[s]!) : PreparedScenario.Prepare(scenarios[s] with { Seed = seeds[r] });
                        if (!prepared.Succeeded)
                        {
                            terminal.WriteProblems(prepared.Problems);
                            return TwinApp.UserError;
                        }
                        var world = prepared.Unwrap();
                        residentsRunning = world.Residents.Count;
                        var result = new Simulator(world.Neighbourhood, world.Residents, world.Parameters, new RunOptions(runDays) { Seed = seeds[r], Threads = runThreads })
                            .Run(null, interruption.Token);
                        var outcomes = ReplicationOutcomes.From(seeds[r], world.Neighbourhood, world.Residents, result);
                        // Kept the moment it ends, so a stop or a failure later loses none of the finished runs.
                        var saveProblems = store.Save(slugs[s], KeyOf(s, r), outcomes);
                        if (saveProblems.Count > 0)
                        {
                            terminal.Error.WriteLine($"error: {saveProblems[0]}");
                            return TwinApp.UserError;
                        }
                        runs[s][r] = outcomes;
                        how = string.Create(c, $"{runClock.Elapsed.TotalSeconds:0.0} s");
                    }
                    firstWorlds[s] = null;
                    done++;
                    terminal.Out.WriteLine(string.Create(c,
                        $"  [{done}/{total}] {scenarios[s].Name}, seed {seeds[r]}: {runs[s][r]!.Summary.Overall.EncountersPerResidentPerDay:0.00} encounters per resident per day ({how}; {clock.Elapsed.TotalSeconds:0} s in all)"));
                }
                // --until-resolved: once the asked replications are done, one more replication of every scenario while
                // some variant's change is unresolved and the limit allows.
                if (resolution is not null && r == seeds.Count - 1 && r + 1 >= runReplications)
                {
                    var unresolved = new List<string>();
                    for (int s = 1; s < scenarios.Count; s++)
                    {
                        var comparison = Comparison.Compare(scenarios[s].Name, [.. runs[0].Select(run => run!)], [.. runs[s].Select(run => run!)]);
                        var verdicts = ResolvedOutcomes.Select(o => Resolved(comparison.OverallOf(o).Change, resolution.PrecisionPercent)).ToArray();
                        resolvedAt[s] = verdicts.All(v => v is not null)
                            ? string.Create(c, $"resolved with {seeds.Count} replications: encounters {verdicts[0]}, nodding contacts {verdicts[1]}")
                            : null;
                        if (resolvedAt[s] is null)
                        {
                            unresolved.Add(scenarios[s].Name);
                        }
                    }
                    if (unresolved.Count > 0 && seeds.Count < resolution.MaxReplications)
                    {
                        terminal.Out.WriteLine(string.Create(c,
                            $"  not yet resolved with {seeds.Count} replications: {string.Join(", ", unresolved)}; adding replication {seeds.Count + 1} (limit {resolution.MaxReplications})"));
                        seeds.Add(baseline.Seed + (ulong)seeds.Count);
                        for (int s = 0; s < scenarios.Count; s++)
                        {
                            runs[s].Add(store.TryLoad(slugs[s], KeyOf(s, seeds.Count - 1)));
                        }
                        total += scenarios.Count;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            int kept = runs.Sum(scenarioRuns => scenarioRuns.Count(run => run is not null));
            terminal.Error.WriteLine(string.Create(c,
                $"cancelled ({interruption.Cause}): the comparison stopped in run {done + 1} of {total}; its {kept} finished run(s) are kept in {storeDisplay} and the same compare reuses them; the report in {output.Display} is untouched"));
            return interruption.ExitCode;
        }
        catch (Exception e) when (Failures.IsOutOfMemory(e))
        {
            terminal.Error.WriteLine(Failures.OutOfMemory(residentsRunning, runDays));
            return TwinApp.UserError;
        }
        var finished = runs.Select(scenarioRuns => scenarioRuns.Select(run => run!).ToArray()).ToArray();

        var baselineInfo = Info(scenarios[0], paths[0], baseline, residents[0], slugs[0]);
        var variants = new List<VariantReport>();
        var layers = new Dictionary<string, Neighbourhood>(StringComparer.Ordinal);
        for (int s = 1; s < scenarios.Count; s++)
        {
            var info = Info(scenarios[s], paths[s], baseline, residents[s], slugs[s]);
            var comparison = Comparison.Compare(scenarios[s].Name, finished[0], finished[s]);
            var notes = new List<string>();
            if (!info.SameMapAsBaseline)
            {
                notes.Add($"this variant uses another map or boundary ({info.MapFile}) than the baseline ({baselineInfo.MapFile}): streets and places are paired by name, and there is no per-segment difference layer.");
                comparison = comparison with { Segments = null };
            }
            else if (comparison.Segments is null)
            {
                notes.Add("its street network has other segments than the baseline's, so there is no per-segment difference layer; streets are paired by name.");
            }
            else
            {
                layers[info.Slug] = neighbourhoods[s]!;
            }
            if (scenarios[s].Days != runDays || scenarios[s].Replications != seeds.Count)
            {
                notes.Add(string.Create(c, $"its own days ({scenarios[s].Days}) and replications ({scenarios[s].Replications}) were replaced by the comparison's ({runDays} days, {seeds.Count} replications)."));
            }
            if (resolution is not null)
            {
                notes.Add(resolvedAt[s] ?? string.Create(c,
                    $"not resolved within {resolution.MaxReplications} replications (--until-resolved): the change in encounters or in nodding contacts is neither distinguishable from zero nor within ±{resolution.PrecisionPercent:0.##} % of the baseline."));
            }
            // What the variant changes in the mechanisms' inputs, so a reader sees through which one it can act.
            notes.AddRange(mechanisms[s].Select(line => $"through the mechanisms: {line}."));
            variants.Add(new VariantReport(info, comparison, notes));
        }
        var report = new ComparisonReport(baselineInfo, variants, seeds, runDays, EngineInfo.Version);
        // The report goes into a staging folder with copies of the runs it was made from, and replaces the previous
        // report whole.
        using (var staging = output.Stage())
        {
            var writeProblems = ComparisonFiles.WriteAll(staging.Path, report, layers);
            if (writeProblems.Count > 0)
            {
                terminal.Error.WriteLine($"error: {output.InOutput(writeProblems[0], staging)}; the report in {output.Display} is untouched and the finished runs are kept in {storeDisplay}");
                return TwinApp.UserError;
            }
            store.CopyTo(staging.Path, scenarios.SelectMany((_, s) => seeds.Select(seed => ComparisonRuns.FileName(slugs[s], seed))));
            if (interruption.Requested)
            {
                terminal.Error.WriteLine($"cancelled ({interruption.Cause}): the comparison stopped before its report was moved into place; the finished runs are kept in {storeDisplay} and the report in {output.Display} is untouched");
                return interruption.ExitCode;
            }
            staging.Commit();
        }
        terminal.Out.WriteLine();
        foreach (var variant in variants)
        {
            terminal.Out.WriteLine(ComparisonReport.PlainLanguage(variant).Replace("**", "", StringComparison.Ordinal));
            terminal.Out.WriteLine();
        }
        terminal.Out.WriteLine($"wrote {Path.Combine(output.Display, ComparisonFiles.MarkdownFile)}, {ComparisonFiles.HtmlFile}, {ComparisonFiles.JsonFile}, {ComparisonFiles.CsvFile}"
            + (layers.Count > 0 ? $", {layers.Count} difference layer(s)" : string.Empty)
            + $", and the runs in {storeDisplay}" + (reused > 0 ? string.Create(c, $" ({reused} of {total} reused)") : string.Empty));
        return TwinApp.Success;
    }

    private static ScenarioInfo Info(Scenario scenario, string file, Scenario baseline, int residents, string slug) => new(
        scenario.Name, file, scenario.Description, Path.GetFileName(scenario.MapPath), SameMap(scenario, baseline), residents, slug);

    /// <summary>The same map file and the same boundary: the networks then match segment for segment unless an intervention changes them.</summary>
    private static bool SameMap(Scenario a, Scenario b) =>
        string.Equals(Path.GetFullPath(a.MapPath), Path.GetFullPath(b.MapPath), StringComparison.Ordinal)
        && (a.BoundingPolygon ?? []).SequenceEqual(b.BoundingPolygon ?? []);

    /// <summary>File-name-safe, unique names: lower case letters and digits joined by dashes; a repeat gets -2, -3, ….</summary>
    internal static string[] Slugs(IReadOnlyList<Scenario> scenarios)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var slugs = new string[scenarios.Count];
        for (int i = 0; i < scenarios.Count; i++)
        {
            var slug = new StringBuilder();
            foreach (char ch in scenarios[i].Name.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(ch))
                {
                    slug.Append(ch);
                }
                else if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
            string baseSlug = slug.ToString().Trim('-');
            baseSlug = baseSlug.Length == 0 ? "scenario" : baseSlug;
            string candidate = baseSlug;
            for (int k = 2; !used.Add(candidate); k++)
            {
                candidate = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{k}");
            }
            slugs[i] = candidate;
        }
        return slugs;
    }
}
