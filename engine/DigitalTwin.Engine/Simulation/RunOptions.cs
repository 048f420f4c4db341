using DigitalTwin.Engine.Collections;

namespace DigitalTwin.Engine.Simulation;

/// <summary>
/// How a run is carried out, apart from the model (<see cref="SimulationParameters"/>): how many days, on how many
/// threads, from which seed, what is sampled for replay and how much day-sized memory is kept between days. Results
/// depend on <see cref="Days"/> and <see cref="Seed"/> only; never on the threads or the memory policy.
/// </summary>
public sealed record RunOptions
{
    public RunOptions(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        Days = days;
    }

    /// <summary>Days simulated, from the scenario's first day (see <see cref="Planning.Calendar"/>).</summary>
    public int Days { get; }

    /// <summary>The seed every random stream is derived from.</summary>
    public ulong Seed { get; init; }

    /// <summary>Worker threads (at least 1); the result is bit-identical on any count.</summary>
    public int Threads
    {
        get;
        init => field = Math.Max(1, value);
    } = 1;

    /// <summary>Residents whose trajectories are kept for replay in the viewer (a sample, not everyone).</summary>
    public int ReplaySampleResidents { get; init; } = 300;

    /// <summary>On a run's last day, day-sized buffers above this are given back once done with (<see cref="DayBuffers"/>).</summary>
    public long KeepAcrossDaysBytes { get; init; } = DayBuffers.DefaultKeepAcrossDaysBytes;
}
