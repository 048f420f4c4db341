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
internal sealed record SimulationWorld(Neighbourhood Neighbourhood, Residents Residents)
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
        new Simulator(Neighbourhood, Residents, parameters ?? SimulationParameters.Default, new RunOptions(days) { Seed = seed, Threads = threads }).Run();
}

/// <summary>
/// What one simulated day produced, phase by phase, for tests that look inside the simulator. <see cref="Encounters"/>
/// are the co-present ones within social distance between members of different households, before attention decides
/// which are noticed (sightings across the street left out).
/// </summary>
internal sealed record SimulatedDay(
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
internal static class SimulationWorlds
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
    /// Runs one day through the engine's <see cref="DayPipeline"/> and keeps what a run throws away: every plan, trip,
    /// route, passage, stay and co-present encounter (before attention). Plans and routes are asked again after the
    /// day: each is a function of (seed, resident, day) and the day's route trees, so they are the ones the day used.
    /// </summary>
    public static SimulatedDay SimulateDay(SimulationWorld world, int day, ulong seed, SimulationParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var residents = world.Residents;
        var pipeline = new DayPipeline(world.Neighbourhood, residents, parameters ?? SimulationParameters.Default,
            new RunOptions(day + 1) { Seed = seed, KeepAcrossDaysBytes = long.MaxValue });
        var kept = new KeptDay();
        pipeline.RunDay(day, kept);

        var plans = new List<IReadOnlyList<PlannedActivity>>(residents.Count);
        var scratch = new PlanScratch();
        var plan = new List<PlannedActivity>();
        for (int r = 0; r < residents.Count; r++)
        {
            pipeline.Planner.Plan(r, day, scratch, plan);
            plans.Add([.. plan]);
        }
        var routing = pipeline.NewRoutingScratch();
        var routes = kept.Trips.Select(trip => pipeline.Mover.Route(trip, routing) < 0 ? [] : (IReadOnlyList<RouteLeg>)[.. routing.Legs]).ToList();
        return new SimulatedDay(pipeline.Planner, pipeline.TripMaker, plans, kept.Trips, routes, kept.Events!, kept.Encounters);
    }

    /// <summary>Keeps the outputs of a day's phases (copies where the pipeline reuses its buffers within the day).</summary>
    private sealed class KeptDay : IDayObserver
    {
        public List<Trip> Trips { get; private set; } = [];

        public TrajectoryBuffer? Events { get; private set; }

        public Encounter[] Encounters { get; private set; } = [];

        public void Planned(DayTrips trips) => Trips = trips.All.ToList();

        public void Moved(TrajectoryBuffer events) => Events = events;

        public void Detected(ReadOnlySpan<Encounter> encounters)
        {
            var copresent = new List<Encounter>(encounters.Length);
            foreach (ref readonly var e in encounters)
            {
                if (e.Kind != EncounterKind.AcrossStreet)
                {
                    copresent.Add(e);
                }
            }
            Encounters = [.. copresent];
        }
    }
}
