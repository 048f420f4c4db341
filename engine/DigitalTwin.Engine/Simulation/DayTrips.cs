using DigitalTwin.Engine.Mobility;

namespace DigitalTwin.Engine.Simulation;

/// <summary>
/// The output of a day's planning phase: every resident's trips, kept per fixed chunk of residents (in resident order)
/// so that moving them runs in parallel over the same chunks. The lists are the pipeline's, reused the next day.
/// </summary>
internal sealed class DayTrips
{
    internal DayTrips(int day, IReadOnlyList<List<Trip>> byChunk)
    {
        Day = day;
        ByChunk = byChunk;
    }

    public int Day { get; }

    internal IReadOnlyList<List<Trip>> ByChunk { get; }

    /// <summary>All trips, in resident order.</summary>
    public IEnumerable<Trip> All => ByChunk.SelectMany(chunk => chunk);

    public int Count => ByChunk.Sum(chunk => chunk.Count);

    /// <summary>The trips that <paramref name="keep"/> accepts, in the same chunks and order (a copy: e.g. the walks handed to another simulator).</summary>
    public DayTrips Where(Predicate<Trip> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return new DayTrips(Day, ByChunk.Select(chunk => chunk.FindAll(keep)).ToArray());
    }
}

/// <summary>Sees the outputs of a day's phases as <see cref="DayPipeline.RunDay"/> runs them (for tests and tools that look inside a day).</summary>
internal interface IDayObserver
{
    /// <summary>The day's trips (valid until the next day is planned).</summary>
    void Planned(DayTrips trips);

    /// <summary>The day's passages and stays, merged in resident order (valid until the next day moves).</summary>
    void Moved(TrajectoryBuffer events);

    /// <summary>The day's encounters within social distance, before attention decides which are noticed.</summary>
    void Detected(ReadOnlySpan<Encounters.Encounter> encounters);
}
