using System.CommandLine;
using System.Globalization;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Cli.Sweeps;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Sweeps;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>twin sweep &lt;sweep.json&gt;</c>: base scenarios × sampled parameter values × seeds as a manifest of runs, run
/// here with worker processes or on a Slurm cluster as an array job, resumable; <c>twin sweep collect</c> merges the
/// results into one table. <c>run-slice</c> (hidden) is what each worker and each Slurm task runs.
/// </summary>
public static class SweepCommand
{
    private const int MaxWorkers = 256;

    public static Command Create(Terminal terminal, Interruption interruption)
    {
        var file = new Argument<string>("sweep") { Description = "The sweep file (.json): base scenarios, parameter ranges, design, seeds, days" };
        var output = new Option<string?>("--out") { Description = "Sweep folder (default: out/sweep-<sweep name>); the same folder again resumes", HelpName = "DIR" };
        var workers = new Option<int?>("--workers") { Description = "Worker processes on this machine (default 1)" };
        var threads = new Option<int?>("--threads") { Description = "Threads per run (default: the cores shared among the workers); results do not depend on it" };
        var slurm = new Option<bool>("--slurm") { Description = "Write slurm/sweep.sbatch (an array job over slices of the manifest) and submit it with sbatch" };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --slurm: write the script, do not submit it" };
        var slices = new Option<int?>("--slices") { Description = "With --slurm: array tasks, each a slice of the runs (default: runs, at most 100)" };
        var arrayLimit = new Option<int?>("--array-limit") { Description = "With --slurm: tasks running at once (default 20)" };
        var cpus = new Option<int?>("--cpus-per-task") { Description = "With --slurm: cores per task, the threads of its runs (default 2)" };
        var partition = new Option<string?>("--partition") { Description = "With --slurm: the partition (#SBATCH --partition)" };
        var account = new Option<string?>("--account") { Description = "With --slurm: the account to charge (#SBATCH --account)" };
        var time = new Option<string?>("--time") { Description = "With --slurm: time limit per task, e.g. 01:00:00 (#SBATCH --time)" };
        var memory = new Option<string?>("--mem") { Description = "With --slurm: memory per task, e.g. 4G (#SBATCH --mem)" };
        var setup = new Option<string[]>("--setup") { Description = "With --slurm: a shell line run before twin in each task, e.g. 'module load 2024' (repeatable)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var dataRoot = DataRootOption.Create();
        var command = new Command("sweep", "Run scenarios over sampled parameter values and seeds (here, or as a Slurm array job) and collect one table")
        {
            file, output, workers, threads, slurm, dryRun, slices, arrayLimit, cpus, partition, account, time, memory, setup, dataRoot,
        };
        command.SetAction(parse => DataRootOption.Run(terminal, parse.GetValue(dataRoot), inputs => Execute(terminal, interruption, parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(workers), parse.GetValue(threads),
            parse.GetValue(slurm) ? new SlurmRequest(parse.GetValue(dryRun), parse.GetValue(slices), parse.GetValue(arrayLimit), parse.GetValue(cpus),
                parse.GetValue(partition), parse.GetValue(account), parse.GetValue(time), parse.GetValue(memory), parse.GetValue(setup) ?? []) : null,
            parse.GetValue(dryRun), inputs)));

        var collectFolder = new Argument<string>("folder") { Description = "The sweep folder (with manifest.json)" };
        var collect = new Command("collect", "Merge every run's parameters and outcomes of a sweep folder into sweep.csv and sweep.parquet (one row per run)") { collectFolder };
        collect.SetAction(parse => Collect(terminal, parse.GetValue(collectFolder)!));
        command.Subcommands.Add(collect);

        var sliceFolder = new Argument<string>("folder") { Description = "The sweep folder (with manifest.json)" };
        var slice = new Option<string>("--slice") { Description = "Which slice: i/n runs the runs at positions i, i+n, i+2n, ... of the manifest", Required = true };
        var sliceThreads = new Option<int?>("--threads") { Description = "Threads per run (default: all cores)" };
        var runSlice = new Command("run-slice", "Run one slice of a sweep's manifest (what each worker and Slurm task runs)") { sliceFolder, slice, sliceThreads };
        runSlice.Hidden = true;
        runSlice.SetAction(parse => RunSlice(terminal, interruption, parse.GetValue(sliceFolder)!, parse.GetValue(slice)!, parse.GetValue(sliceThreads)));
        command.Subcommands.Add(runSlice);
        return command;
    }

    internal sealed record SlurmRequest(bool DryRun, int? Slices, int? ArrayLimit, int? CpusPerTask, string? Partition, string? Account, string? Time, string? Memory, IReadOnlyList<string> Setup);

    internal static int Execute(Terminal terminal, Interruption interruption, string path, string? outputFolder, int? workers, int? threads, SlurmRequest? slurm, bool dryRun,
        ScenarioInputs inputs)
    {
        interruption.Listen();
        var c = CultureInfo.InvariantCulture;
        var errors = new List<string>();
        if (workers is < 1 or > MaxWorkers)
        {
            errors.Add(string.Create(c, $"error: --workers: {workers} is outside 1-{MaxWorkers}"));
        }
        if (threads is < 1 or > 1024)
        {
            errors.Add(string.Create(c, $"error: --threads: {threads} is outside 1-1024"));
        }
        if (dryRun && slurm is null)
        {
            errors.Add("error: --dry-run: goes with --slurm (it writes the Slurm script without submitting it)");
        }
        if (slurm is not null)
        {
            errors.AddRange(SlurmErrors(slurm, workers));
        }
        if (errors.Count > 0)
        {
            errors.ForEach(terminal.Error.WriteLine);
            return TwinApp.UserError;
        }
        var loaded = SweepLoader.Load(path, inputs);
        if (!loaded.Succeeded)
        {
            terminal.WriteProblems(loaded.Problems);
            return TwinApp.UserError;
        }
        var sweep = loaded.Unwrap();
        var manifest = SweepManifest.From(sweep);
        string folder = outputFolder ?? Path.Combine("out", "sweep-" + Slug(sweep.Name));
        var prepared = PrepareFolder(folder, manifest);
        if (prepared is not null)
        {
            terminal.Error.WriteLine("error: " + prepared);
            return TwinApp.UserError;
        }
        int finished = manifest.Runs.Count(run => SweepResults.TryRead(folder, manifest, run) is not null);
        RemoveStale(folder, manifest);
        terminal.Out.WriteLine(string.Create(c,
            $"sweep '{sweep.Name}': {manifest.Runs.Count} runs = {sweep.Scenarios.Count} scenario(s) × {sweep.Design.Draws} draws ({sweep.Design.MethodName}, seed {sweep.Design.Seed}) of {sweep.Ranges.Count} parameter(s) × {sweep.Seeds.Count} seed(s) from {sweep.Seeds[0]}, {sweep.Days} day(s) each"));
        terminal.Out.WriteLine(string.Create(c, $"folder: {folder} ({SweepManifest.FileName}{(finished > 0 ? $"; {finished} run(s) finished earlier are kept" : string.Empty)})"));
        if (slurm is not null)
        {
            // A task that fails on the cluster does so after its wait in the queue: what can be checked here is.
            var unprepared = PrepareEachScenario(sweep);
            if (unprepared.Count > 0)
            {
                terminal.WriteProblems(unprepared);
                return TwinApp.UserError;
            }
            return SubmitToSlurm(terminal, folder, manifest, slurm);
        }
        int code = RunHere(terminal, interruption, folder, manifest, finished, workers, threads);
        return code != TwinApp.Success ? code : Collect(terminal, folder);
    }

    /// <summary>
    /// Runs the unfinished runs of a prepared sweep folder on this machine (one worker in this process, or worker
    /// processes), with progress; also what <c>twin calibrate</c> runs its sweep with.
    /// </summary>
    internal static int RunHere(Terminal terminal, Interruption interruption, string folder, SweepManifest manifest, int finished, int? workers, int? threads)
    {
        var c = CultureInfo.InvariantCulture;
        int runWorkers = Math.Min(workers ?? 1, Math.Max(1, manifest.Runs.Count - finished));
        int runThreads = threads ?? Math.Max(1, Environment.ProcessorCount / runWorkers);
        var progress = new SweepProgress(terminal, manifest.Runs.Count, finished);
        try
        {
            if (finished < manifest.Runs.Count)
            {
                terminal.Out.WriteLine(string.Create(c, $"running {manifest.Runs.Count - finished} run(s) with {runWorkers} worker process(es), {runThreads} thread(s) each"));
                if (runWorkers == 1)
                {
                    var worker = new SweepWorker(folder, manifest, runThreads) { Finished = (_, _) => progress.Add(1) };
                    var problems = worker.Run(0, 1, interruption.Token);
                    if (problems.Count > 0)
                    {
                        terminal.WriteProblems(problems);
                        return TwinApp.UserError;
                    }
                }
                else
                {
                    int code = new LocalWorkers(terminal, folder, manifest, runWorkers, runThreads).Run(progress, interruption.Token);
                    if (code != 0)
                    {
                        return code;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            int kept = manifest.Runs.Count(run => SweepResults.TryRead(folder, manifest, run) is not null);
            terminal.Error.WriteLine(string.Create(c,
                $"cancelled ({interruption.Cause}): {kept} of {manifest.Runs.Count} runs are finished and kept in {Path.Combine(folder, SweepManifest.RunsFolder)}; the same command goes on from there"));
            return interruption.ExitCode;
        }
        catch (Exception e) when (Failures.IsOutOfMemory(e))
        {
            terminal.Error.WriteLine(Failures.OutOfMemoryWithoutSize);
            return TwinApp.UserError;
        }
        return TwinApp.Success;
    }

    /// <summary>The problems of preparing each base scenario (map, street addresses, people) with its first run's values.</summary>
    private static List<InputProblem> PrepareEachScenario(SweepDefinition sweep)
    {
        var problems = new List<InputProblem>();
        var runs = sweep.Runs();
        for (int s = 0; s < sweep.Scenarios.Count; s++)
        {
            var prepared = Engine.Scenarios.PreparedScenario.Prepare(sweep.ScenarioOf(runs.First(run => run.Scenario == s)));
            problems.AddRange(prepared.Problems);
        }
        return problems;
    }

    private static IEnumerable<string> SlurmErrors(SlurmRequest slurm, int? workers)
    {
        var c = CultureInfo.InvariantCulture;
        if (workers is not null)
        {
            yield return "error: --workers: is for a sweep on this machine; with --slurm the array tasks are the workers (--slices, --array-limit)";
        }
        if (slurm.Slices is < 1 or > 10_000)
        {
            yield return string.Create(c, $"error: --slices: {slurm.Slices} is outside 1-10000");
        }
        if (slurm.ArrayLimit is < 1 or > 10_000)
        {
            yield return string.Create(c, $"error: --array-limit: {slurm.ArrayLimit} is outside 1-10000");
        }
        if (slurm.CpusPerTask is < 1 or > 1024)
        {
            yield return string.Create(c, $"error: --cpus-per-task: {slurm.CpusPerTask} is outside 1-1024");
        }
        foreach (var (name, value) in new[] { ("--partition", slurm.Partition), ("--account", slurm.Account), ("--time", slurm.Time), ("--mem", slurm.Memory) })
        {
            if (value is not null && (value.Length == 0 || value.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch))))
            {
                yield return $"error: {name}: '{value}' must be one word (it becomes an #SBATCH line)";
            }
        }
        if (slurm.Setup.Any(line => line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal)))
        {
            yield return "error: --setup: takes one shell line per --setup (repeat the option for more lines)";
        }
    }

    private static int SubmitToSlurm(Terminal terminal, string folder, SweepManifest manifest, SlurmRequest request)
    {
        var c = CultureInfo.InvariantCulture;
        var settings = new SlurmSettings(Math.Min(request.Slices ?? Math.Min(100, manifest.Runs.Count), manifest.Runs.Count), request.ArrayLimit ?? 20,
            request.CpusPerTask ?? 2, request.Partition, request.Account, request.Time, request.Memory, request.Setup);
        var written = SlurmJob.Write(folder, manifest, settings);
        if (!written.Succeeded)
        {
            terminal.WriteProblems(written.Problems);
            return TwinApp.UserError;
        }
        string script = SlurmJob.ScriptPath(folder);
        terminal.Out.WriteLine(string.Create(c,
            $"wrote {script}: {settings.Slices} array task(s), at most {settings.ArrayLimit} at once, {settings.CpusPerTask} core(s) each"));
        if (request.DryRun)
        {
            terminal.Out.WriteLine($"not submitted (--dry-run); submit with: sbatch {script}");
            return TwinApp.Success;
        }
        var submitted = SlurmJob.Submit(folder);
        if (!submitted.Succeeded)
        {
            terminal.WriteProblems(submitted.Problems);
            return TwinApp.UserError;
        }
        string id = submitted.Unwrap();
        terminal.Out.WriteLine($"submitted batch job {id}");
        terminal.Out.WriteLine($"follow it with: squeue -j {id}; logs: {Path.Combine(folder, SlurmJob.Folder)}/slice-N.log; when it is done: twin sweep collect {folder}");
        return TwinApp.Success;
    }

    internal static int Collect(Terminal terminal, string folder)
    {
        var manifest = SweepManifest.Read(folder);
        if (!manifest.Succeeded)
        {
            terminal.WriteProblems(manifest.Problems);
            return TwinApp.UserError;
        }
        var table = SweepTable.Collect(folder, manifest.Unwrap());
        if (!table.Succeeded)
        {
            terminal.WriteProblems(table.Problems);
            return TwinApp.UserError;
        }
        var written = table.Unwrap().WriteAll(folder);
        if (!written.Succeeded)
        {
            terminal.WriteProblems(written.Problems);
            return TwinApp.UserError;
        }
        var t = table.Unwrap();
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {string.Join(", ", written.Unwrap().Select(p => Path.Combine(folder, Path.GetFileName(p))))}: {t.Rows.Count} runs × {t.Columns.Count} columns"));
        return TwinApp.Success;
    }

    internal static int RunSlice(Terminal terminal, Interruption interruption, string folder, string sliceText, int? threads)
    {
        interruption.Listen();
        var c = CultureInfo.InvariantCulture;
        string[] parts = sliceText.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, c, out int slice) || !int.TryParse(parts[1], NumberStyles.None, c, out int slices)
            || slices < 1 || slice >= slices)
        {
            terminal.Error.WriteLine($"error: --slice: '{sliceText}' must be i/n with 0 <= i < n (e.g. 0/4)");
            return TwinApp.UserError;
        }
        if (threads is < 1 or > 1024)
        {
            terminal.Error.WriteLine(string.Create(c, $"error: --threads: {threads} is outside 1-1024"));
            return TwinApp.UserError;
        }
        var manifest = SweepManifest.Read(folder);
        if (!manifest.Succeeded)
        {
            terminal.WriteProblems(manifest.Problems);
            return TwinApp.UserError;
        }
        int total = SweepWorker.Slice(manifest.Unwrap(), slice, slices).Count();
        int done = 0;
        var worker = new SweepWorker(folder, manifest.Unwrap(), threads ?? Environment.ProcessorCount)
        {
            Finished = (run, seconds) => terminal.Out.WriteLine(string.Create(c, $"  {run.Id} ({++done} run(s) of slice {slice}/{slices} done here, {seconds:0.0} s)")),
        };
        terminal.Out.WriteLine(string.Create(c, $"slice {slice}/{slices} of sweep '{manifest.Unwrap().Name}': {total} run(s)"));
        try
        {
            var problems = worker.Run(slice, slices, interruption.Token);
            if (problems.Count > 0)
            {
                terminal.WriteProblems(problems);
                return TwinApp.UserError;
            }
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            terminal.Error.WriteLine($"cancelled ({interruption.Cause}): slice {sliceText} stopped; its finished runs are kept");
            return interruption.ExitCode;
        }
        catch (Exception e) when (Failures.IsOutOfMemory(e))
        {
            terminal.Error.WriteLine(Failures.OutOfMemoryWithoutSize);
            return TwinApp.UserError;
        }
        terminal.Out.WriteLine(string.Create(c, $"slice {slice}/{slices}: every run done"));
        return TwinApp.Success;
    }

    /// <summary>
    /// Creates the folder and its manifest, or checks that the manifest there is this sweep's (then the command goes
    /// on where it stopped); the problem, or null.
    /// </summary>
    internal static string? PrepareFolder(string folder, SweepManifest manifest)
    {
        string path = SweepManifest.PathIn(folder);
        byte[] bytes = manifest.ToJson();
        try
        {
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)
                    ? null
                    : $"{path}: belongs to another sweep (another sweep file, design, or scenario contents); give another --out, or remove {folder} to start this sweep afresh";
            }
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                return $"{folder}: holds other files and no sweep manifest; --out must name a new or empty folder of the sweep's own";
            }
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (Engine.IO.IoFailure.Find(e) is not null)
        {
            return $"{folder}: cannot be used: {Engine.IO.IoFailure.Cause(e)}";
        }
        var written = Engine.IO.AtomicFile.Write(path, stream => stream.Write(bytes));
        return written.Succeeded ? null : written.Problems[0].ToString();
    }

    /// <summary>Result files from other inputs or another engine build are simulated again; removed first, so progress counts only new ones.</summary>
    internal static void RemoveStale(string folder, SweepManifest manifest)
    {
        foreach (var run in manifest.Runs)
        {
            string result = SweepResults.PathOf(folder, run);
            if (File.Exists(result) && SweepResults.TryRead(folder, manifest, run) is null)
            {
                File.Delete(result);
            }
        }
    }

    internal static string Slug(string name)
    {
        var slug = new string([.. name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]).Trim('-');
        return slug.Length == 0 ? "sweep" : slug;
    }
}
