using DigitalTwin.Engine;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Benchmarks;

/// <summary>
/// One day of the engine's movement, run phase by phase on one thread with the engine's own public parts (as
/// <see cref="Simulator"/> does): plans, trips, the route trees the trips read, passages and stays. Used where a
/// benchmark needs the day's trips and passages themselves (the SUMO export, the micro-benchmarks' inputs).
/// </summary>
public sealed class EngineDay
{
    public EngineDay(Neighbourhood neighbourhood, Residents residents, ulong seed, SimulationParameters? parameters = null)
    {
        var p = parameters ?? SimulationParameters.Default;
        Neighbourhood = neighbourhood;
        Residents = residents;
        Seed = seed;
        Planner = new DayPlanner(neighbourhood, residents, p.Planning, seed);
        Trees = new ShortestPathTreeCache(new RouteCostModel(neighbourhood.Network, p.Routing, seed, p.CrossSection));
        TripMaker = new TripMaker(neighbourhood, residents, Planner, p.ModeChoice, p.Walking, Trees.Model, seed);
        Mover = new Mover(neighbourhood, TripMaker, new RoutePlanner(Trees), seed, p.CrossSection, p.StreetLife);
    }

    public Neighbourhood Neighbourhood { get; }

    public Residents Residents { get; }

    public ulong Seed { get; }

    public DayPlanner Planner { get; }

    public TripMaker TripMaker { get; }

    public ShortestPathTreeCache Trees { get; }

    public Mover Mover { get; }

    /// <summary>Every resident's trips of <paramref name="day"/>, in resident order.</summary>
    public List<Trip> PlanTrips(int day)
    {
        var trips = new List<Trip>();
        var scratch = new PlanScratch();
        var plan = new List<PlannedActivity>();
        for (int r = 0; r < Residents.Count; r++)
        {
            Planner.Plan(r, day, scratch, plan);
            TripMaker.Make(r, day, plan, trips);
        }
        return trips;
    }

    /// <summary>Builds the route trees <paramref name="trips"/> read (the simulator's phase 2).</summary>
    public void PrepareTrees(List<Trip> trips)
    {
        var requests = new List<TreeRequest>();
        foreach (var trip in trips)
        {
            if (TripMaker.TreeRequestOf(trip) is { } request)
            {
                requests.Add(request);
            }
        }
        Trees.PrepareDay(requests, 1);
    }

    /// <summary>Routes and moves the trips (resident by resident) into <paramref name="output"/>.</summary>
    public void Move(List<Trip> trips, int day, TrajectoryBuffer output)
    {
        output.Clear();
        var tally = new MovementTally(Neighbourhood.Network.SegmentCount);
        var scratch = new RoutingScratch(Trees.Model);
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(trips);
        int start = 0;
        while (start < span.Length)
        {
            int stop = start + 1;
            while (stop < span.Length && span[stop].Resident == span[start].Resident)
            {
                stop++;
            }
            Mover.Move(span[start..stop], day, output, tally, scratch);
            start = stop;
        }
    }

    /// <summary>The whole day: plan, trees, move.</summary>
    public TrajectoryBuffer Simulate(int day)
    {
        var trips = PlanTrips(day);
        PrepareTrees(trips);
        var output = new TrajectoryBuffer();
        Move(trips, day, output);
        return output;
    }
}
