using System.Diagnostics;
using System.Globalization;

namespace DigitalTwin.Cli.Tests.Outputs;

/// <summary>
/// <c>twin</c> as a child process (the apphost built next to the tests), for what only a real process shows: being
/// killed, and signals. Lines of standard output are kept with the moment they arrived.
/// </summary>
internal sealed class TwinProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<(TimeSpan At, string Line)> _lines = [];
    private readonly List<string> _errors = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Thread[] _readers;

    private TwinProcess(params string[] args)
    {
        string apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "twin.exe" : "twin");
        var start = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "twin.dll") } };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start };
        _process.Start();
        // Lines are read on threads of their own, not the thread pool's: tests block pool threads, and a starved pool
        // would hand lines over late and make their moments wrong.
        _readers =
        [
            Reader(_process.StandardOutput, line =>
            {
                lock (_lines)
                {
                    _lines.Add((_clock.Elapsed, line));
                    Monitor.PulseAll(_lines);
                }
            }),
            Reader(_process.StandardError, line =>
            {
                lock (_errors)
                {
                    _errors.Add(line);
                }
            }),
        ];
    }

    private static Thread Reader(StreamReader stream, Action<string> add)
    {
        var thread = new Thread(() =>
        {
            while (stream.ReadLine() is { } line)
            {
                add(line);
            }
        })
        { IsBackground = true };
        thread.Start();
        return thread;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static TwinProcess Start(params string[] args) => new(args);

    /// <summary>Runs to the end and returns the exit code (fails the test after two minutes).</summary>
    public static (int Code, TwinProcess Process) Run(params string[] args)
    {
        var process = new TwinProcess(args);
        return (process.WaitForExit(), process);
    }

    public int WaitForExit()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("twin did not finish within two minutes");
        }
        foreach (var reader in _readers)
        {
            reader.Join();
        }
        return _process.ExitCode;
    }

    /// <summary>Waits until a line of standard output contains <paramref name="text"/>; returns when it arrived, or null when the process ended first.</summary>
    public TimeSpan? WaitForLine(string text)
    {
        var deadline = _clock.Elapsed + TimeSpan.FromMinutes(2);
        while (_clock.Elapsed < deadline)
        {
            bool exited = _process.HasExited;
            if (exited)
            {
                // The last lines of output.
                foreach (var reader in _readers)
                {
                    reader.Join();
                }
            }
            lock (_lines)
            {
                foreach (var (at, line) in _lines)
                {
                    if (line.Contains(text, StringComparison.Ordinal))
                    {
                        return at;
                    }
                }
                if (exited)
                {
                    return null;
                }
                Monitor.Wait(_lines, 50);
            }
        }
        throw new TimeoutException($"no line with '{text}' within two minutes");
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines.Select(l => l.Line));
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_errors)
            {
                return string.Join('\n', _errors);
            }
        }
    }

    public void Kill() => _process.Kill();

    /// <summary>Sends a signal by name (INT, TERM) with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + name, Id.ToString(CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
