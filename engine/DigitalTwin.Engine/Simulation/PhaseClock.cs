using System.Diagnostics;

namespace DigitalTwin.Engine.Simulation;

/// <summary>The phases of a simulated day, in the order they run.</summary>
public enum RunPhase
{
    Plan,
    Trees,
    Move,
    Merge,
    Encounters,
    Familiarity,
    Outcomes,

    /// <summary>After the last day: every remembered pair's tie and the per-resident tie counts.</summary>
    Ties,
}

/// <summary>
/// Measures how long each phase takes, for speed reports and profiling. It reads the monotonic clock only to
/// report; nothing the simulation computes depends on it.
/// </summary>
internal sealed class PhaseClock
{
    private readonly Dictionary<RunPhase, double> _seconds = Enum.GetValues<RunPhase>().ToDictionary(p => p, _ => 0.0);
    private long _mark;

    public IReadOnlyDictionary<RunPhase, double> Seconds => _seconds;

    public void Start() => _mark = Stopwatch.GetTimestamp();

    /// <summary>Adds the time since the last mark to <paramref name="phase"/> and starts the next one.</summary>
    public void Stop(RunPhase phase)
    {
        long now = Stopwatch.GetTimestamp();
        _seconds[phase] += Stopwatch.GetElapsedTime(_mark, now).TotalSeconds;
        _mark = now;
    }
}
