using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;

namespace DigitalTwin.Cli.Sweeps;

/// <summary>What the user chose for the array job; null: Slurm's (or the cluster's) default.</summary>
internal sealed record SlurmSettings(int Slices, int ArrayLimit, int CpusPerTask, string? Partition, string? Account, string? Time, string? Memory, IReadOnlyList<string> Setup);

/// <summary>
/// A sweep as a Slurm array job: <c>slurm/sweep.sbatch</c> in the sweep folder, one array task per slice of the
/// manifest, each running <c>twin sweep run-slice FOLDER --slice $SLURM_ARRAY_TASK_ID/N</c> with this same twin (by
/// absolute path: the build and the sweep folder must be on a file system every node sees). A task skips the runs
/// already finished, so a job can be submitted again after a failure or a time limit and does only what is left.
/// </summary>
internal static class SlurmJob
{
    public const string Folder = "slurm";
    public const string ScriptFile = "sweep.sbatch";
    public const string JobIdFile = "job-id";

    public static string Script(string folder, SweepManifest manifest, SlurmSettings settings)
    {
        var c = CultureInfo.InvariantCulture;
        string sweepFolder = Path.GetFullPath(folder);
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append(c, $"# Written by twin sweep for '{manifest.Name}': {manifest.Runs.Count} runs in {settings.Slices} slices, one array task per slice.\n");
        script.Append(c, $"# Submit again (it goes on where it stopped): sbatch {Quote(Path.Combine(sweepFolder, Folder, ScriptFile))}\n");
        script.Append(c, $"# When every task is done: twin sweep collect {Quote(sweepFolder)}\n");
        script.Append(c, $"#SBATCH --job-name={JobName(manifest.Name)}\n");
        script.Append(c, $"#SBATCH --array=0-{settings.Slices - 1}%{settings.ArrayLimit}\n");
        script.Append(c, $"#SBATCH --cpus-per-task={settings.CpusPerTask}\n");
        script.Append(c, $"#SBATCH --output={Path.Combine(sweepFolder, Folder, "slice-%a.log")}\n");
        if (settings.Partition is not null)
        {
            script.Append(c, $"#SBATCH --partition={settings.Partition}\n");
        }
        if (settings.Account is not null)
        {
            script.Append(c, $"#SBATCH --account={settings.Account}\n");
        }
        if (settings.Time is not null)
        {
            script.Append(c, $"#SBATCH --time={settings.Time}\n");
        }
        if (settings.Memory is not null)
        {
            script.Append(c, $"#SBATCH --mem={settings.Memory}\n");
        }
        script.Append("set -euo pipefail\n");
        foreach (string line in settings.Setup)
        {
            script.Append(line).Append('\n');
        }
        string twin = string.Join(' ', TwinExecutable.Command().Select(Quote));
        script.Append(c, $"exec {twin} sweep run-slice {Quote(sweepFolder)} --slice \"$SLURM_ARRAY_TASK_ID/{settings.Slices}\" --threads \"${{SLURM_CPUS_PER_TASK:-{settings.CpusPerTask}}}\"\n");
        return script.ToString();
    }

    public static string ScriptPath(string folder) => Path.Combine(folder, Folder, ScriptFile);

    public static InputResult<string> Write(string folder, SweepManifest manifest, SlurmSettings settings)
    {
        string directory = Path.Combine(folder, Folder);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            return InputResult<string>.Failure(new InputProblem(directory, string.Empty, $"cannot create the folder: {IoFailure.Cause(e)}", IoFailure.Suggestion(e)));
        }
        string text = Script(folder, manifest, settings);
        var written = AtomicFile.Write(ScriptPath(folder), stream => stream.Write(Encoding.UTF8.GetBytes(text)));
        if (written.Succeeded && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(written.Unwrap(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return written;
    }

    /// <summary>Runs <c>sbatch --parsable SCRIPT</c>: the job id, or why Slurm did not take the job.</summary>
    public static InputResult<string> Submit(string folder)
    {
        string script = ScriptPath(folder);
        var start = new ProcessStartInfo("sbatch") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--parsable");
        start.ArgumentList.Add(script);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return InputResult<string>.Failure(new InputProblem(script, string.Empty, "cannot submit: sbatch is not found (" + e.Message + ")",
                "run on a Slurm login node (after 'module load slurm' where the cluster needs it), or write the script only with --dry-run"));
        }
        using (process)
        {
            string output = process!.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                return InputResult<string>.Failure(new InputProblem(script, string.Empty,
                    string.Create(CultureInfo.InvariantCulture, $"sbatch refused the job (exit code {process.ExitCode}): {error.Trim().ReplaceLineEndings("; ")}"),
                    "the script is kept: change its #SBATCH lines or the options and submit again"));
            }
            // --parsable prints "jobid" or "jobid;cluster".
            string id = output.Trim().Split(';')[0];
            var saved = AtomicFile.Write(Path.Combine(folder, Folder, JobIdFile), stream => stream.Write(Encoding.UTF8.GetBytes(id + "\n")));
            return saved.Succeeded ? InputResult<string>.Success(id) : InputResult<string>.Failure(saved.Problems);
        }
    }

    /// <summary>A job name Slurm shows in squeue: the sweep's name in letters, digits, '-' and '_'.</summary>
    private static string JobName(string name)
    {
        var text = new StringBuilder("twin-");
        foreach (char ch in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-');
        }
        return text.ToString();
    }

    /// <summary>Single-quoted for bash.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
