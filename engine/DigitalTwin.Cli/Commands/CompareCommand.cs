using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
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
        var command = new Command("compare", "Compare a baseline with variants over replications and write report.md, report.html, comparison.json/.csv and difference layers")
        {
            baselineArgument, variantsArgument, replications, days, threads, output, robust, workers,
        };
        command.SetAction(parse => parse.GetValue(robust)
            ? ExecuteRobust(terminal, interruption, parse.GetValue(baselineArgument)!, parse.GetValue(variantsArgument) ?? [],
                parse.GetValue(replications) is not null || parse.GetValue(days) is not null, parse.GetValue(workers), parse.GetValue(threads), parse.GetValue(output))
            : Execute(
            terminal,
            interruption,
            parse.GetValue(baselineArgument)!,
            parse.GetValue(variantsArgument) ?? [],
            parse.GetValue(replications),
            parse.GetValue(days),
            parse.GetValue(threads),
            parse.GetValue(output)));
        return command;
    }

    /// <summary>
    /// <c>--robust</c>: runs the sweep (resuming a finished or partial one in --out), then for each variant and outcome
    /// the share of draws in which its effect against the baseline keeps its sign; writes SWEEP-DIR/robust/.
    /// </summary>
    internal static int ExecuteRobust(Terminal terminal, Interruption interruption, string sweepPath, IReadOnlyList<string> variantPaths, bool replicationsOrDays,
        int? workers, int? threads, string? outputFolder)
    {
        if (variantPaths.Count > 0 || replicationsOrDays)
        {
            terminal.Error.WriteLine("error: --robust takes one sweep file (its first scenario the baseline, the others variants; seeds and days in the file), no variant files, --replications or --days");
            return TwinApp.UserError;
        }
        var loaded = Engine.Sweeps.SweepLoader.Load(sweepPath);
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
        int code = SweepCommand.Execute(terminal, interruption, sweepPath, folder, workers, threads, null, false);
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

    internal static int Execute(Terminal terminal, Interruption interruption, string baselinePath, IReadOnlyList<string> variantPaths, int? replications, int? days, int? threads, string? outputFolder)
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
        var paths = new[] { baselinePath }.Concat(variantPaths).ToArray();
        var scenarios = new List<Scenario>();
        var problems = new List<InputProblem>();
        foreach (string path in paths)
        {
            var loaded = ScenarioLoader.Load(path);
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
        var seeds = Enumerable.Range(0, runReplications).Select(r => baseline.Seed + (ulong)r).ToArray();
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
        var networks = new StreetNetwork?[scenarios.Count];
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
            networks[s] = world.Neighbourhood.Network;
            mechanisms[s] = world.MechanismChanges;
        }
        if (problems.Count > 0)
        {
            terminal.WriteProblems(problems);
            return TwinApp.UserError;
        }

        var keys = scenarios.Select(scenario => PreparedScenario.ContentHash(scenario))
            .Select(hash => seeds.Select(seed => new RunKey(EngineInfo.Version, RunKey.CurrentEngineBuild, hash, seed, runDays)).ToArray()).ToArray();
        var runs = scenarios.Select((_, s) => seeds.Select((_, r) => store.TryLoad(slugs[s], keys[s][r])).ToArray()).ToArray();
        int reused = runs.Sum(scenarioRuns => scenarioRuns.Count(run => run is not null));
        int total = runReplications * scenarios.Count;
        if (reused > 0)
        {
            terminal.Out.WriteLine(string.Create(c, $"reusing {reused} of {total} runs finished earlier ({storeDisplay}: same scenario contents, seed, days and engine)"));
        }
        var clock = Stopwatch.StartNew();
        int done = 0, residentsRunning = 0;
        try
        {
            for (int r = 0; r < runReplications; r++)
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
                        var saveProblems = store.Save(slugs[s], keys[s][r], outcomes);
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
        var layers = new Dictionary<string, StreetNetwork>(StringComparer.Ordinal);
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
                layers[info.Slug] = networks[s]!;
            }
            if (scenarios[s].Days != runDays || scenarios[s].Replications != runReplications)
            {
                notes.Add(string.Create(c, $"its own days ({scenarios[s].Days}) and replications ({scenarios[s].Replications}) were replaced by the comparison's ({runDays} days, {runReplications} replications)."));
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
