using DigitalTwin.Engine;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.TestKit;

/// <summary>A neighbourhood with its synthesised residents: everything a simulator needs.</summary>
public sealed record SimulationWorld(Neighbourhood Neighbourhood, Residents Residents)
{
    public StreetNetwork Network => Neighbourhood.Network;

    /// <summary>The same people in the same homes on a changed street network (same segment indices).</summary>
    public SimulationWorld WithStreets(Func<SegmentId, SegmentAttributes, SegmentAttributes> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var builder = Network.ToBuilder();
        for (int s = 0; s < builder.SegmentCount; s++)
        {
            var id = new SegmentId(s);
            builder.SetAttributes(id, change(id, builder.GetAttributes(id)));
        }
        return this with { Neighbourhood = Neighbourhood with { Network = builder.Build() } };
    }

    /// <summary>Runs the full simulator.</summary>
    public RunResult Run(int days, ulong seed, int threads = 1, SimulationParameters? parameters = null) =>
        new Simulator(Neighbourhood, Residents, parameters ?? SimulationParameters.Default, seed, threads, days).Run(days);
}

/// <summary>What one simulated day produced, phase by phase, for tests that look inside the simulator.</summary>
public sealed record SimulatedDay(
    DayPlanner Planner,
    TripMaker TripMaker,
    IReadOnlyList<IReadOnlyList<PlannedActivity>> Plans,
    IReadOnlyList<Trip> Trips,
    IReadOnlyList<IReadOnlyList<RouteLeg>> Routes,
    TrajectoryBuffer Trajectories,
    IReadOnlyList<Encounter> Encounters);

/// <summary>
/// Small synthetic neighbourhoods with synthesised residents for simulation tests: a generated grid (shops, cafés,
/// a school, a park, benches and homes) and a population from Dutch national defaults. A 6 × 6 grid with 600
/// residents simulates a day in a few tens of milliseconds.
/// </summary>
public static class SimulationWorlds
{
    /// <summary>A grid of <paramref name="rows"/> × <paramref name="columns"/> intersections 100 m apart with <paramref name="residents"/> people.</summary>
    public static SimulationWorld Grid(int residents = 600, int rows = 6, int columns = 6, ulong populationSeed = 1, GeneratorOptions? options = null)
    {
        var neighbourhood = NetworkGenerator.Grid(rows, columns, options);
        return new SimulationWorld(neighbourhood, People(neighbourhood, residents, populationSeed));
    }

    /// <summary>A world on a given neighbourhood with <paramref name="residents"/> people in its homes.</summary>
    public static SimulationWorld Of(Neighbourhood neighbourhood, int residents, ulong populationSeed = 1) =>
        new(neighbourhood, People(neighbourhood, residents, populationSeed));

    /// <summary>The neighbourhood with no homes on the given segment (so nobody has to start or end a trip there).</summary>
    public static Neighbourhood WithoutHomesOn(Neighbourhood neighbourhood, int segment)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var kept = neighbourhood.Homes.Records.Where(h => h.Segment.Value != segment).ToList();
        return neighbourhood with { Homes = new HomeSet(kept) };
    }

    /// <summary>Residents from Dutch national defaults, placed in the neighbourhood's homes.</summary>
    public static Residents People(Neighbourhood neighbourhood, int residents, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var profile = NeighbourhoodProfile.FromNumbers(residents, name: "synthetic").Unwrap();
        return PopulationSynthesiser.Synthesise(profile, neighbourhood.Homes, seed).Unwrap();
    }

    /// <summary>
    /// Runs the simulator's phases for one day by hand (plan → trips → trees → move → detect), keeping what the
    /// simulator throws away: every plan, trip, route and raw encounter (same-household pairs included).
    /// </summary>
    public static SimulatedDay SimulateDay(SimulationWorld world, int day, ulong seed, SimulationParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var p = parameters ?? SimulationParameters.Default;
        var neighbourhood = world.Neighbourhood;
        var residents = world.Residents;
        var planner = new DayPlanner(neighbourhood, residents, p.Planning, seed);
        var trees = new ShortestPathTreeCache(new RouteCostModel(neighbourhood.Network, p.Routing, seed, p.CrossSection));
        var tripMaker = new TripMaker(neighbourhood, residents, planner, p.ModeChoice, p.Walking, trees.Model, seed);
        var routes = new RoutePlanner(trees);
        var mover = new Mover(neighbourhood, tripMaker, routes, seed, p.CrossSection, p.StreetLife);

        var plans = new List<IReadOnlyList<PlannedActivity>>(residents.Count);
        var trips = new List<Trip>();
        var scratch = new PlanScratch();
        var plan = new List<PlannedActivity>();
        for (int r = 0; r < residents.Count; r++)
        {
            planner.Plan(r, day, scratch, plan);
            plans.Add([.. plan]);
            tripMaker.Make(r, day, plan, trips);
        }
        trees.PrepareDay(trips.Select(t => tripMaker.TreeRequestOf(t)).OfType<TreeRequest>().ToList(), 1);

        var legsOfTrip = new List<IReadOnlyList<RouteLeg>>(trips.Count);
        var routing = new RoutingScratch(trees.Model);
        foreach (var trip in trips)
        {
            float length = mover.Route(trip, routing);
            legsOfTrip.Add(length < 0 ? [] : [.. routing.Legs]);
        }

        var trajectories = new TrajectoryBuffer();
        var tally = new MovementTally(neighbourhood.Network.SegmentCount);
        var all = trips.ToArray();
        for (int start = 0; start < all.Length;)
        {
            int stop = start + 1;
            while (stop < all.Length && all[stop].Resident == all[start].Resident)
            {
                stop++;
            }
            mover.Move(all.AsSpan(start, stop - start), day, trajectories, tally, routing);
            start = stop;
        }

        var found = new EncounterBuffer();
        new ExactEncounterDetector(p.Encounters).Detect(neighbourhood.Network, neighbourhood.Places.Count, trajectories, found);
        return new SimulatedDay(planner, tripMaker, plans, trips, legsOfTrip, trajectories, found.Items.ToArray());
    }
}
