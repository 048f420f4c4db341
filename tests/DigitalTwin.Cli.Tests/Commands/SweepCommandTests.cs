using System.Text.Json;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary>
/// <c>twin sweep</c> on a tiny grid: the same manifest and table for any worker count and for slices run apart,
/// resuming, collecting, and bad input as one line per problem with exit code 1.
/// </summary>
public sealed class SweepCommandTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private string Folder(string name) => Path.Combine(_files.Directory, name);

    private static (int Code, string Out, string Error) Run(params string[] args) => SweepFixtures.Run(args);

    private static byte[] Bytes(string folder, string file) => File.ReadAllBytes(Path.Combine(folder, file));

    [Fact]
    [Trait("Category", "Slow")]
    public void The_same_sweep_gives_the_same_manifest_and_table_with_one_worker_two_worker_processes_and_slices_run_apart()
    {
        string sweep = SweepFixtures.TinySweep(_files, draws: 4, seeds: 2);

        var one = Run("sweep", sweep, "--out", Folder("one"), "--workers", "1");
        var two = Run("sweep", sweep, "--out", Folder("two"), "--workers", "2", "--threads", "1");
        // What a Slurm array job does, without Slurm: the script, then each slice by itself, then collect.
        var script = Run("sweep", sweep, "--out", Folder("apart"), "--slurm", "--dry-run", "--slices", "3");
        var slices = Enumerable.Range(0, 3).Select(i => Run("sweep", "run-slice", Folder("apart"), "--slice", $"{i}/3", "--threads", "1")).ToList();
        var collect = Run("sweep", "collect", Folder("apart"));

        Assert.True(one.Code == 0, one.Error);
        Assert.True(two.Code == 0, two.Error);
        Assert.True(script.Code == 0, script.Error);
        Assert.All(slices, s => Assert.True(s.Code == 0, s.Error));
        Assert.True(collect.Code == 0, collect.Error);
        Assert.Contains("8 runs = 1 scenario(s) × 4 draws (latin-hypercube, seed 9) of 2 parameter(s) × 2 seed(s) from 42, 1 day(s) each", one.Out, StringComparison.Ordinal);
        Assert.Contains("[8/8]", one.Out, StringComparison.Ordinal);
        Assert.Contains("[8/8]", two.Out, StringComparison.Ordinal);
        Assert.Contains("wrote", collect.Out, StringComparison.Ordinal);
        byte[] manifest = Bytes(Folder("one"), "manifest.json");
        byte[] table = Bytes(Folder("one"), "sweep.csv");
        Assert.Equal(manifest, Bytes(Folder("two"), "manifest.json"));
        Assert.Equal(manifest, Bytes(Folder("apart"), "manifest.json"));
        Assert.Equal(table, Bytes(Folder("two"), "sweep.csv"));
        Assert.Equal(table, Bytes(Folder("apart"), "sweep.csv"));

        string[] lines = File.ReadAllLines(Path.Combine(Folder("one"), "sweep.csv"));
        Assert.Equal(9, lines.Length);
        Assert.StartsWith("run,scenario,variant,draw,seed,days,attention.noticeRatePerSecond,familiarity.familiarStrangerDays,residents,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",encountersPerResidentPerDay,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",ageBand.Older.noddingContactsPerResident,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("test-d0-s42,scenario.json,test,0,42,1,", lines[1], StringComparison.Ordinal);
        var (columns, rows) = ParquetTable.Read(Path.Combine(Folder("one"), "sweep.parquet"));
        Assert.Equal(lines[0].Split(','), columns);
        Assert.Equal(lines.Skip(1).Select(l => l.Split(',')), rows);
        Assert.Equal(Bytes(Folder("one"), "sweep.parquet"), Bytes(Folder("two"), "sweep.parquet"));
        // The runs differ: the drawn values reach the simulation.
        int noticed = Array.IndexOf(lines[0].Split(','), "noticedEncounters");
        Assert.True(lines.Skip(1).Select(l => l.Split(',')[noticed]).Distinct().Count() > 1, "every run noticed as many encounters: the drawn notice rate did not reach the engine");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_rerun_keeps_the_finished_runs_and_simulates_only_the_missing_one()
    {
        string sweep = SweepFixtures.TinySweep(_files, draws: 3);
        string folder = Folder("sweep");
        Assert.Equal(0, Run("sweep", sweep, "--out", folder).Code);
        byte[] table = Bytes(folder, "sweep.csv");
        string[] results = Directory.GetFiles(Path.Combine(folder, "runs"));
        Assert.Equal(3, results.Length);
        var kept = File.GetLastWriteTimeUtc(results[0]);
        File.Delete(results[1]);
        File.WriteAllText(results[2], "{ \"half a file");

        var again = Run("sweep", sweep, "--out", folder);

        Assert.True(again.Code == 0, again.Error);
        Assert.Contains("1 run(s) finished earlier are kept", again.Out, StringComparison.Ordinal);
        Assert.Contains("running 2 run(s)", again.Out, StringComparison.Ordinal);
        Assert.Equal(kept, File.GetLastWriteTimeUtc(results[0]));
        Assert.Equal(table, Bytes(folder, "sweep.csv"));
        Assert.Empty(Directory.GetFiles(folder, "*.partial", SearchOption.AllDirectories));
    }

    [SignalFact]
    [Trait("Category", "Slow")]
    public void A_sweep_stopped_by_SIGTERM_keeps_its_finished_runs_stops_its_workers_and_the_same_command_finishes_the_same_table()
    {
        // Enough runs that the signal comes while most are still to do: a quiet machine finishes a tiny run in ~30 ms.
        string sweep = SweepFixtures.TinySweep(_files, draws: 200);
        Assert.Equal(0, Run("sweep", sweep, "--out", Folder("reference"), "--threads", "1").Code);
        string target = Folder("stopped");

        int code;
        using (var process = TwinProcess.Start("sweep", sweep, "--out", target, "--workers", "2", "--threads", "1"))
        {
            // The first progress line: runs are finished and kept, most are still to come.
            Assert.True(process.WaitForLine("/200] ") is not null, process.Output + process.Error);
            process.Signal("TERM");
            code = process.WaitForExit();
            Assert.True(code == Interruption.TerminatedExitCode, $"exit code {code}: {process.Output}\n{process.Error}");
            Assert.Contains("cancelled (SIGTERM):", process.Error, StringComparison.Ordinal);
        }
        // The workers are the command's children: none outlives it.
        Assert.DoesNotContain(Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)),
            d => ReadCommandLine(d).Contains(target, StringComparison.Ordinal));
        int kept = Directory.GetFiles(Path.Combine(target, "runs"), "*.json").Length;
        Assert.InRange(kept, 1, 199);

        var again = Run("sweep", sweep, "--out", target, "--workers", "2", "--threads", "1");

        Assert.True(again.Code == 0, again.Error);
        Assert.Contains($"{kept} run(s) finished earlier are kept", again.Out, StringComparison.Ordinal);
        Assert.Equal(Bytes(Folder("reference"), "sweep.csv"), Bytes(target, "sweep.csv"));
    }

    private static string ReadCommandLine(string processFolder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processFolder, "cmdline")).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Collect_names_the_runs_without_a_result_and_exits_with_1()
    {
        string sweep = SweepFixtures.TinySweep(_files, draws: 2);
        string folder = Folder("sweep");
        Assert.Equal(0, Run("sweep", sweep, "--out", folder).Code);
        File.Delete(Path.Combine(folder, "runs", "test-d1-s42.json"));

        var (code, _, error) = Run("sweep", "collect", folder);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("1 of 2 runs have no result yet (test-d1-s42)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slurm_dry_run_writes_an_array_job_over_slices_of_the_manifest_and_submits_nothing()
    {
        string sweep = SweepFixtures.TinySweep(_files, draws: 5);
        string folder = Folder("cluster");

        var (code, output, error) = Run("sweep", sweep, "--out", folder, "--slurm", "--dry-run", "--slices", "4", "--array-limit", "2",
            "--partition", "rome", "--time", "00:10:00", "--setup", "module load 2024");

        Assert.True(code == 0, error);
        Assert.Contains("not submitted (--dry-run)", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "slurm", "job-id")));
        string script = File.ReadAllText(Path.Combine(folder, "slurm", "sweep.sbatch"));
        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --array=0-3%2\n", script, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --partition=rome\n#SBATCH --time=00:10:00\n", script, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --output=" + Path.Combine(Path.GetFullPath(folder), "slurm", "slice-%a.log"), script, StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail\nmodule load 2024\nexec ", script, StringComparison.Ordinal);
        Assert.Contains($"sweep run-slice '{Path.GetFullPath(folder)}' --slice \"$SLURM_ARRAY_TASK_ID/4\"", script, StringComparison.Ordinal);
        // Slurm reads #SBATCH lines only before the first command.
        int lastDirective = script.LastIndexOf("#SBATCH", StringComparison.Ordinal);
        Assert.True(lastDirective < script.IndexOf("set -euo", StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        Assert.Equal(5, manifest.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void A_scenario_that_cannot_be_prepared_stops_the_slurm_submission_before_any_script_is_written()
    {
        _files.WidenPavement("Nowhere Street", 3);
        string sweep = SweepFixtures.TinySweep(_files);
        string folder = Folder("cluster");

        var (code, _, error) = Run("sweep", sweep, "--out", folder, "--slurm", "--dry-run");

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("Nowhere Street", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "slurm", "sweep.sbatch")));
    }

    [Fact]
    public void Bad_sweep_files_exit_with_1_and_one_line_per_problem_without_a_stack_trace()
    {
        string sweep = SweepFixtures.TinySweep(_files);
        string text = File.ReadAllText(sweep)
            .Replace("attention.noticeRatePerSecond", "attention.noticeRatePerSecnd", StringComparison.Ordinal)
            .Replace("\"max\":3", "\"max\":99", StringComparison.Ordinal)
            .Replace("\"scenario.json\"", "\"nowhere.json\"", StringComparison.Ordinal);
        _files.WriteText("bad.json", text);

        var (code, output, error) = Run("sweep", Path.Combine(_files.Directory, "bad.json"), "--out", Folder("bad"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.Empty(output);
        string[] lines = error.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("error: " + Path.Combine(_files.Directory, "bad.json") + ": $.", line, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("base scenario not found: nowhere.json", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("unknown model parameter 'attention.noticeRatePerSecnd' (did you mean 'attention.noticeRatePerSecond'?)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("familiarity.familiarStrangerDays.max (line 1): must be a whole number between 1 and 64 days (the parameter's allowed range), got 99", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder("bad")));
    }

    [Fact]
    public void A_folder_of_another_sweep_is_refused_and_options_that_do_not_go_together_too()
    {
        string sweep = SweepFixtures.TinySweep(_files, draws: 2);
        string folder = Folder("sweep");
        Assert.Equal(0, Run("sweep", sweep, "--out", folder, "--slurm", "--dry-run").Code);
        File.WriteAllText(sweep, File.ReadAllText(sweep).Replace("\"draws\":2", "\"draws\":3", StringComparison.Ordinal));

        var other = Run("sweep", sweep, "--out", folder);
        var dryRunAlone = Run("sweep", sweep, "--out", Folder("x"), "--dry-run");
        var workersOnSlurm = Run("sweep", sweep, "--out", Folder("y"), "--slurm", "--workers", "2");
        var noManifest = Run("sweep", "collect", _files.Directory);

        Assert.Equal(TwinApp.UserError, other.Code);
        Assert.Contains("belongs to another sweep", other.Error, StringComparison.Ordinal);
        Assert.Equal(TwinApp.UserError, dryRunAlone.Code);
        Assert.Contains("--dry-run: goes with --slurm", dryRunAlone.Error, StringComparison.Ordinal);
        Assert.Equal(TwinApp.UserError, workersOnSlurm.Code);
        Assert.Contains("--workers: is for a sweep on this machine", workersOnSlurm.Error, StringComparison.Ordinal);
        Assert.Equal(TwinApp.UserError, noManifest.Code);
        Assert.Contains("no sweep manifest here", noManifest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slice_refuses_to_run_a_scenario_changed_since_the_manifest_was_written()
    {
        string sweep = SweepFixtures.TinySweep(_files, draws: 2);
        string folder = Folder("sweep");
        Assert.Equal(0, Run("sweep", sweep, "--out", folder, "--slurm", "--dry-run").Code);
        string scenario = Path.Combine(_files.Directory, "scenario.json");
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("\"seed\": 42", "\"seed\": 43", StringComparison.Ordinal));

        var (code, _, error) = Run("sweep", "run-slice", folder, "--slice", "0/1");

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("has changed since the sweep's manifest was written", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")));
    }
}
