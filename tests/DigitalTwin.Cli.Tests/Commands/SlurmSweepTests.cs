using System.Diagnostics;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary>
/// A sweep submitted to a real Slurm cluster as an array job (.ci/slurm-up starts a one-node one; CI runs it): the
/// table collected from the cluster's runs must be byte for byte the table of the same sweep run here.
/// </summary>
public sealed class SlurmSweepTests : IDisposable
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(180);

    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    [SlurmFact]
    [Trait("Category", "Slurm")]
    public void A_sweep_run_as_a_slurm_array_job_collects_the_same_table_as_run_here()
    {
        var (cluster, why) = Slurm.Probe();
        Assert.True(cluster, $"{SlurmFactAttribute.RequireVariable}=1 but no Slurm cluster answers: {why}");
        string sweep = SweepFixtures.TinySweep(_files, draws: 4, seeds: 1);
        string local = Path.Combine(_files.Directory, "local");
        string remote = Path.Combine(_files.Directory, "cluster");

        var here = SweepFixtures.Run("sweep", sweep, "--out", local, "--threads", "1");
        var submitted = SweepFixtures.Run("sweep", sweep, "--out", remote, "--slurm", "--slices", "2", "--array-limit", "2", "--cpus-per-task", "1");

        Assert.True(here.Code == 0, here.Error);
        Assert.True(submitted.Code == 0, submitted.Error);
        string job = File.ReadAllText(Path.Combine(remote, "slurm", "job-id")).Trim();
        Assert.Contains($"submitted batch job {job}", submitted.Out, StringComparison.Ordinal);
        WaitForJob(job, remote);
        string states = Slurm.Run("scontrol", "-o", "show", "job", job).Output;
        var tasks = states.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(tasks.Length == 2 && tasks.All(t => t.Contains("JobState=COMPLETED", StringComparison.Ordinal)),
            $"the array tasks did not all complete:\n{states}\n{Logs(remote)}");

        var collected = SweepFixtures.Run("sweep", "collect", remote);

        Assert.True(collected.Code == 0, collected.Error + Logs(remote));
        byte[] expected = File.ReadAllBytes(Path.Combine(local, "sweep.csv"));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(local, "sweep.csv")).Length);
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(remote, "sweep.csv")));
        Assert.Contains("slice 1/2: every run done", File.ReadAllText(Path.Combine(remote, "slurm", "slice-1.log")), StringComparison.Ordinal);
    }

    [SlurmFact]
    [Trait("Category", "Slurm")]
    public void A_job_slurm_refuses_is_reported_with_slurm_own_reason_and_exit_code_1()
    {
        Assert.True(Slurm.Probe().Answers, "no Slurm cluster answers");
        string sweep = SweepFixtures.TinySweep(_files, draws: 2);
        string folder = Path.Combine(_files.Directory, "cluster");

        var (code, _, error) = SweepFixtures.Run("sweep", sweep, "--out", folder, "--slurm", "--partition", "no-such-partition");

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("sbatch refused the job (exit code 1)", error, StringComparison.Ordinal);
        Assert.Contains("partition", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.True(File.Exists(Path.Combine(folder, "slurm", "sweep.sbatch")), "the script is kept to be corrected and submitted again");
        Assert.False(File.Exists(Path.Combine(folder, "slurm", "job-id")));
    }

    private static void WaitForJob(string job, string folder)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < JobTimeout)
        {
            var (code, output) = Slurm.Run("squeue", "-h", "-j", job, "-o", "%i %T");
            // squeue forgets a finished job after a while and then says "Invalid job id": finished too.
            if (output.Trim().Length == 0 || (code != 0 && output.Contains("Invalid job id", StringComparison.Ordinal)))
            {
                return;
            }
            Thread.Sleep(500);
        }
        Slurm.Run("scancel", job);
        Assert.Fail($"Slurm job {job} did not finish within {JobTimeout.TotalSeconds} s (cancelled).\n{Logs(folder)}");
    }

    private static string Logs(string folder)
    {
        string slurm = Path.Combine(folder, "slurm");
        return !Directory.Exists(slurm) ? string.Empty
            : string.Join('\n', Directory.GetFiles(slurm, "*.log").Order(StringComparer.Ordinal).Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
    }
}

/// <summary>Slurm's client commands, as a test calls them.</summary>
internal static class Slurm
{
    /// <summary>The probe, made once per test run: sinfo waits about 10 s for a controller that is down.</summary>
    public static readonly Lazy<(bool Answers, string Why)> Answers = new(Probe);

    /// <summary>Whether a cluster answers (sinfo lists a node that can take jobs), and why not.</summary>
    public static (bool Answers, string Why) Probe()
    {
        var (code, output) = Run("sinfo", "-h", "-o", "%T");
        if (code != 0)
        {
            return (false, $"sinfo failed: {output.Trim()}");
        }
        return output.Split('\n').Any(state => state.Trim() is "idle" or "mixed" or "allocated" or "completing")
            ? (true, string.Empty)
            : (false, $"sinfo lists no node that takes jobs (states: {output.Trim().Replace('\n', ' ')})");
    }

    public static (int Code, string Output) Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{command} is not installed ({e.Message})");
        }
    }
}

/// <summary>
/// A test that needs a Slurm cluster: skipped, saying why, where none answers, unless TWIN_REQUIRE_SLURM=1 (CI sets
/// it after starting one with .ci/slurm-up), where a missing cluster fails the test instead of hiding it.
/// </summary>
internal sealed class SlurmFactAttribute : FactAttribute
{
    public const string RequireVariable = "TWIN_REQUIRE_SLURM";

    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            return;
        }
        var (answers, why) = Slurm.Answers.Value;
        if (!answers)
        {
            Skip = $"no Slurm cluster answers here ({why}); '.ci/slurm-up' (as root) starts a one-node cluster, and {RequireVariable}=1 turns this skip into a failure (CI sets it)";
        }
    }
}
