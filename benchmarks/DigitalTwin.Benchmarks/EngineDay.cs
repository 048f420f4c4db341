using DigitalTwin.Engine;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Benchmarks;

/// <summary>
/// One day of the engine's movement through its <see cref="DayPipeline"/>, phase by phase on one thread, with the
/// trips as a plain list: for benchmarks that need the day's trips and passages themselves (the SUMO export, the
/// micro-benchmarks' inputs).
/// </summary>
internal sealed class EngineDay
{
    public EngineDay(Neighbourhood neighbourhood, Residents residents, ulong seed, SimulationParameters? parameters = null)
    {
        Neighbourhood = neighbourhood;
        Residents = residents;
        Seed = seed;
        Pipeline = new DayPipeline(neighbourhood, residents, parameters ?? SimulationParameters.Default,
            new RunOptions(1) { Seed = seed, KeepAcrossDaysBytes = long.MaxValue });
    }

    public Neighbourhood Neighbourhood { get; }

    public Residents Residents { get; }

    public ulong Seed { get; }

    public DayPipeline Pipeline { get; }

    public DayPlanner Planner => Pipeline.Planner;

    public TripMaker TripMaker => Pipeline.TripMaker;

    public ShortestPathTreeCache Trees => Pipeline.Trees;

    public Mover Mover => Pipeline.Mover;

    /// <summary>Every resident's trips of <paramref name="day"/>, in resident order.</summary>
    public List<Trip> PlanTrips(int day) => Pipeline.PlanTrips(day).All.ToList();

    /// <summary>Builds the route trees <paramref name="trips"/> read (the pipeline's second phase).</summary>
    public void PrepareTrees(List<Trip> trips) => Pipeline.PrepareRoutes(Pipeline.TripsOf(0, trips));

    /// <summary>Routes and moves the trips into <paramref name="output"/> (a copy of the pipeline's merged day).</summary>
    public void Move(List<Trip> trips, int day, TrajectoryBuffer output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Clear();
        output.Append(Pipeline.Move(Pipeline.TripsOf(day, trips)));
    }

    /// <summary>The whole day's movement: plan, trees, move.</summary>
    public TrajectoryBuffer Simulate(int day)
    {
        var trips = Pipeline.PlanTrips(day);
        Pipeline.PrepareRoutes(trips);
        var output = new TrajectoryBuffer();
        output.Append(Pipeline.Move(trips));
        return output;
    }
}
