using System.Runtime.InteropServices;

namespace DigitalTwin.Cli.Outputs;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM as a request to stop: the running command looks at <see cref="Token"/> at its safe
/// points (between simulated days, before it moves outputs into place), throws its staging folder away and returns
/// <see cref="ExitCode"/>, so a stopped command never leaves half-written outputs. A second signal ends the process at
/// once, as an impatient user expects; what that leaves behind is named so that the next command cleans it up.
/// </summary>
public sealed class Interruption : IDisposable
{
    /// <summary>128 + the signal's number, what shells report for a process a signal stopped.</summary>
    public const int InterruptedExitCode = 130;

    public const int TerminatedExitCode = 143;

    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private PosixSignal? _signal;
    private volatile bool _listening;

    private Interruption()
    {
    }

    public CancellationToken Token => _source.Token;

    public bool Requested => _source.IsCancellationRequested;

    /// <summary>130 after Ctrl-C, 143 after SIGTERM.</summary>
    public int ExitCode => _signal == PosixSignal.SIGTERM ? TerminatedExitCode : InterruptedExitCode;

    /// <summary>How the user asked, for the one line that says what was stopped.</summary>
    public string Cause => _signal == PosixSignal.SIGTERM ? "SIGTERM" : "Ctrl-C";

    /// <summary>Stops on SIGINT and SIGTERM (Ctrl-C and Ctrl-Break on Windows come as SIGINT).</summary>
    public static Interruption FromSignals()
    {
        var interruption = new Interruption();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                interruption._registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    if (!interruption._listening || interruption.Requested)
                    {
                        // A command that does not stop at safe points (network, view), or the second signal: the
                        // default action ends the process now.
                        return;
                    }
                    context.Cancel = true;
                    interruption.Request(context.Signal);
                }));
            }
            catch (PlatformNotSupportedException)
            {
                // A platform without this signal: its default action stays.
            }
        }
        return interruption;
    }

    /// <summary>An interruption no signal reaches (tests call <see cref="Request"/> themselves).</summary>
    public static Interruption Manual() => new();

    /// <summary>Called by a command that looks at <see cref="Token"/>: from now on the first signal is its to handle.</summary>
    public void Listen() => _listening = true;

    public void Request(PosixSignal signal)
    {
        lock (_registrations)
        {
            _signal ??= signal;
        }
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _source.Dispose();
    }
}
