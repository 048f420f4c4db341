using System.Diagnostics;
using System.Globalization;

namespace DigitalTwin.Cli.Sweeps;

/// <summary>
/// A sweep on this machine with N worker processes: each runs <c>twin sweep run-slice FOLDER --slice i/N</c> (the same
/// command a Slurm array task runs), so a worker that crashes or runs out of memory takes only its own run with it.
/// Progress is read from the result files as they appear, the same way for any worker count.
/// </summary>
internal sealed class LocalWorkers(Terminal terminal, string folder, SweepManifest manifest, int workers, int threads)
{
    /// <summary>Starts the workers and waits for them; 0 when every run finished, else the exit code to return.</summary>
    public int Run(SweepProgress progress, CancellationToken token)
    {
        var pending = manifest.Runs.Where(run => !File.Exists(SweepResults.PathOf(folder, run))).ToList();
        var processes = new List<(Process Process, List<string> Errors)>();
        try
        {
            for (int slice = 0; slice < workers; slice++)
            {
                processes.Add(Start(slice));
            }
            while (true)
            {
                int finished = pending.RemoveAll(run => File.Exists(SweepResults.PathOf(folder, run)));
                progress.Add(finished);
                token.ThrowIfCancellationRequested();
                var failed = processes.FirstOrDefault(p => p.Process.HasExited && p.Process.ExitCode != 0);
                if (failed.Process is not null)
                {
                    if (failed.Process.ExitCode is Outputs.Interruption.InterruptedExitCode or Outputs.Interruption.TerminatedExitCode)
                    {
                        // Ctrl-C reaches the workers (one process group) as it reaches this command: give this
                        // command's own handler a moment, so the stop is reported as a stop, not as a failure.
                        token.WaitHandle.WaitOne(TimeSpan.FromSeconds(2));
                        token.ThrowIfCancellationRequested();
                    }
                    lock (failed.Errors)
                    {
                        failed.Errors.ForEach(terminal.Error.WriteLine);
                    }
                    terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"a worker stopped (exit code {failed.Process.ExitCode}); the other workers are stopped too. Finished runs are kept: run the same command again to go on"));
                    return failed.Process.ExitCode is TwinApp.UserError or TwinApp.InternalError ? failed.Process.ExitCode : TwinApp.InternalError;
                }
                if (processes.All(p => p.Process.HasExited))
                {
                    progress.Add(pending.RemoveAll(run => File.Exists(SweepResults.PathOf(folder, run))));
                    return 0;
                }
                token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250));
                token.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            foreach (var (process, _) in processes)
            {
                // Only the workers this command started; a run cut short leaves no result (results are written atomically).
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit();
                }
                process.Dispose();
            }
        }
    }

    private (Process, List<string>) Start(int slice)
    {
        var command = TwinExecutable.Command();
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }
        foreach (string arg in (string[])["sweep", "run-slice", folder, "--slice", string.Create(CultureInfo.InvariantCulture, $"{slice}/{workers}"),
            "--threads", threads.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a sweep worker: " + command[0]);
        var errors = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        // A worker's own lines are not needed (progress comes from the result files), but its pipe must be drained.
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return (process, errors);
    }
}

/// <summary>Prints "[done/total] elapsed, estimate" as runs finish, from the runs finished by this command.</summary>
internal sealed class SweepProgress(Terminal terminal, int total, int alreadyDone)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int _alreadyDone = alreadyDone;
    private int _done = alreadyDone;

    public int Done => _done;

    public void Add(int finished)
    {
        if (finished <= 0)
        {
            return;
        }
        _done += finished;
        double elapsed = _clock.Elapsed.TotalSeconds;
        int here = _done - _alreadyDone;
        string left = _done >= total ? "done" : string.Create(CultureInfo.InvariantCulture, $"about {Duration(elapsed / here * (total - _done))} left");
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{_done}/{total}] {Duration(elapsed)} elapsed, {left}"));
    }

    public static string Duration(double seconds) => seconds switch
    {
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} h"),
    };
}
