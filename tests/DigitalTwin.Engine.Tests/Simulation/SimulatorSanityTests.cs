using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Simulation;

/// <summary>
/// Sanity of the whole simulation: each test compares a run with a changed world to a run of the same world
/// unchanged, with fixed seeds, and checks both that the unchanged run shows the thing (so the test can fail) and that
/// the change removes or reduces it.
/// </summary>
public sealed class SimulatorSanityTests
{
    private const int Days = 7;

    private static readonly ulong[] Seeds = [1, 2, 3];

    private static readonly Lazy<SimulationWorld> World = new(() => SimulationWorlds.Grid(residents: 600));

    /// <summary>A residential street without places that many walkers use: the one the street tests change.</summary>
    private static readonly Lazy<int> BusyResidentialStreet = new(() =>
    {
        var world = World.Value;
        var day = SimulationWorlds.SimulateDay(world, day: 0, seed: 1);
        var network = world.Network;
        var withPlaces = world.Neighbourhood.Places.Records.Select(p => p.Segment.Value).ToHashSet();
        return Enumerable.Range(0, network.SegmentCount)
            .Where(s => network.Highway[s] == HighwayKind.Residential && !withPlaces.Contains(s))
            .MaxBy(s => WalkingEncountersOn(day, s));
    });

    [Fact]
    public void More_residents_meet_more_people_each()
    {
        var sparse = SimulationWorlds.Grid(residents: 300);
        var dense = SimulationWorlds.Grid(residents: 600);
        foreach (ulong seed in Seeds)
        {
            double few = EncountersPerResidentPerDay(sparse, sparse.Run(Days, seed));
            double many = EncountersPerResidentPerDay(dense, dense.Run(Days, seed));

            // Encounters per person grow with the density of people on the same streets (about linearly).
            Assert.True(many > 1.3 * few, $"seed {seed}: {many:0.00} encounters per resident per day with 600 residents, {few:0.00} with 300");
        }
    }

    [Fact]
    public void Walkers_on_a_street_without_pavement_meet_nobody_there()
    {
        var world = World.Value;
        int street = BusyResidentialStreet.Value;
        var noPavement = world.WithStreets((id, a) => id.Value == street ? a with { PavementWidthMetres = 0 } : a);
        for (int day = 0; day < 3; day++)
        {
            var before = SimulationWorlds.SimulateDay(world, day, seed: 1);
            var after = SimulationWorlds.SimulateDay(noPavement, day, seed: 1);

            Assert.True(WalkingEncountersOn(before, street) > 0, $"day {day}: nobody met on foot on segment {street} even with its pavement");
            Assert.True(WalkPassagesOn(after, street) > 0, $"day {day}: nobody walks segment {street} any more, so the test proves nothing");
            Assert.Equal(0, WalkingEncountersOn(after, street));
        }
        var run = noPavement.Run(Days, seed: 1);
        Assert.True(StreetOutcomes.Total(run.Streets.WalkPassages, street) > 0);
    }

    [Fact]
    public void A_car_only_street_has_no_walkers_cyclists_or_encounters()
    {
        int street = BusyResidentialStreet.Value;
        // Nobody lives on it, so walking on it is a choice of route, never a door step.
        var world = SimulationWorlds.Of(SimulationWorlds.WithoutHomesOn(World.Value.Neighbourhood, street), residents: 600);
        var carOnly = world.WithStreets((id, a) => id.Value == street ? a with { ModesForward = TravelModes.Car, ModesBackward = TravelModes.Car } : a);

        var before = world.Run(Days, seed: 1);
        var after = carOnly.Run(Days, seed: 1);

        Assert.True(StreetOutcomes.Total(before.Streets.WalkPassages, street) > 0, "nobody walked the street while walking was allowed");
        Assert.True(StreetOutcomes.Total(before.Streets.Encounters, street) > 0, "nobody met on the street while walking was allowed");
        Assert.Equal(0, StreetOutcomes.Total(after.Streets.WalkPassages, street));
        Assert.Equal(0, StreetOutcomes.Total(after.Streets.BikePassages, street));
        Assert.Equal(0, StreetOutcomes.Total(after.Streets.Encounters, street));
        Assert.Equal(0, after.Totals.UnroutableTrips);
    }

    [Fact]
    public void After_dark_walkers_avoid_unlit_streets_that_have_a_lit_alternative()
    {
        var world = World.Value;
        var network = world.Network;
        // The residential avenues run parallel to a lit main avenue: after dark they have a lit alternative.
        var avenues = Enumerable.Range(0, network.SegmentCount)
            .Where(s => network.NameOf(new SegmentId(s)).StartsWith("Column Avenue", StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(avenues);
        var unlit = avenues.ToHashSet();
        var dark = world.WithStreets((id, a) => unlit.Contains(id.Value) ? a with { Lighting = Lighting.Unlit } : a);

        long litEvening = 0, darkEvening = 0, litAfternoon = 0, darkAfternoon = 0;
        foreach (ulong seed in Seeds)
        {
            var lit = world.Run(Days, seed);
            var off = dark.Run(Days, seed);
            litEvening += WalkPassages(lit, avenues, DayPeriod.Evening) + WalkPassages(lit, avenues, DayPeriod.Night);
            darkEvening += WalkPassages(off, avenues, DayPeriod.Evening) + WalkPassages(off, avenues, DayPeriod.Night);
            litAfternoon += WalkPassages(lit, avenues, DayPeriod.Afternoon);
            darkAfternoon += WalkPassages(off, avenues, DayPeriod.Afternoon);
        }

        Assert.True(litEvening > 1000, $"only {litEvening} evening walk passages: too few to compare");
        Assert.True(darkEvening < 0.85 * litEvening, $"evening and night walk passages on the avenues: {darkEvening} unlit vs {litEvening} lit");
        // In daylight (1 October: sunset about 19:15) the lamps change nothing.
        Assert.InRange(darkAfternoon, 0.98 * litAfternoon, 1.02 * litAfternoon);
    }

    private static double EncountersPerResidentPerDay(SimulationWorld world, RunResult result) =>
        OutcomeSummary.From(result.Residents, world.Residents, result.Totals.Days).Overall.EncountersPerResidentPerDay;

    private static long WalkPassages(RunResult result, int[] segments, DayPeriod period) =>
        segments.Sum(s => result.Streets.WalkPassages[StreetOutcomes.Index(s, period)]);

    private static int WalkPassagesOn(SimulatedDay day, int segment)
    {
        var t = day.Trajectories;
        int count = 0;
        for (int i = 0; i < t.PassageCount; i++)
        {
            count += t.PassageSegment[i] == segment && t.PassageMode[i] == TravelModes.Walk ? 1 : 0;
        }
        return count;
    }

    /// <summary>
    /// Encounters on <paramref name="segment"/> in which someone walking on that segment took part. An encounter across
    /// a node is reported on the segment of its longest piece, so a walker on the next street who meets a cyclist at
    /// the junction can show up on this segment without ever walking on it; those do not count.
    /// </summary>
    private static int WalkingEncountersOn(SimulatedDay day, int segment)
    {
        var t = day.Trajectories;
        bool WalkingHere(int resident, double start, double end)
        {
            for (int i = 0; i < t.PassageCount; i++)
            {
                if (t.PassageResident[i] == resident && t.PassageSegment[i] == segment && t.PassageMode[i] == TravelModes.Walk
                    && start < t.PassageExitTimeSeconds[i] && end > t.PassageEntryTimeSeconds[i])
                {
                    return true;
                }
            }
            return false;
        }
        return day.Encounters.Count(e => e.Segment == segment
            && ((e.ModeA == TravelModes.Walk && WalkingHere(e.ResidentA, e.StartTimeSeconds, e.EndTimeSeconds))
                || (e.ModeB == TravelModes.Walk && WalkingHere(e.ResidentB, e.StartTimeSeconds, e.EndTimeSeconds))));
    }
}
