using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;
using DigitalTwin.Validation.Worlds;

namespace DigitalTwin.Validation.Checks;

/// <summary>What one traffic level on Home Street produced (summed over the replications).</summary>
public sealed record TrafficFigures(
    double VehiclesPerDay,
    int HomeStreetResidents,
    double FrontOfHouseMinutesPerResidentDay,
    double CrossingsOfHomeStreetPerDay,
    double CrossingShareAtHomeStreet,
    double TiesPerResident,
    double NoddingOrBetterPerResident,
    double AcrossTiesPerResident,
    double AcrossShare);

/// <summary>
/// Home Street of <see cref="Quarter"/> at light, medium and heavy traffic (Appleyard &amp; Lintell's light street had
/// 2,000 vehicles a day, the heavy one 16,000); everything else equal. Measured: time in front of the home on it, walks
/// crossing it at its junctions (against crossing the quiet East Street), and ties among its residents.
/// </summary>
internal static class HomeStreetTraffic
{
    public static IReadOnlyList<double> Levels { get; } = [2_000, 8_000, 16_000];

    public const int Residents = 1_200;

    /// <summary>Dwellings per home (Home Street's homes hold twice this).</summary>
    public const int DwellingsPerHome = 2;

    public static int Days => ValidationScale.Days(14, 28);

    /// <summary>Days whose routes are read for crossings (routes need no history).</summary>
    public static int CrossingDays => ValidationScale.Days(7, 14);

    private static readonly Lazy<IReadOnlyList<TrafficFigures>> Cached = new(() => [.. Levels.Select(Measure)]);

    public static IReadOnlyList<TrafficFigures> Figures => Cached.Value;

    public static SimulationWorld WorldAt(SimulationWorld world, double vehiclesPerDay) =>
        world.WithStreets((id, a) => Quarter.HomeStreet.Contains(id.Value) ? a with { CarVehiclesPerDay = (float)vehiclesPerDay } : a);

    private static TrafficFigures Measure(double vehiclesPerDay)
    {
        long frontSeconds = 0, homeCrossings = 0, quietCrossings = 0;
        long ties = 0, nodding = 0, across = 0;
        int residentsOnStreet = 0, residentDays = 0;
        foreach (ulong seed in ValidationScale.Seeds)
        {
            var world = WorldAt(Quarter.World(Residents, populationSeed: seed, DwellingsPerHome), vehiclesPerDay);
            var (lives, left) = Quarter.ResidentsOn(world, Quarter.HomeStreet);
            int onStreet = lives.Count(x => x);
            residentsOnStreet += onStreet;
            residentDays += onStreet * Days;

            var result = world.Run(Days, seed);
            foreach (int s in Quarter.HomeStreet)
            {
                frontSeconds += Engine.Outcomes.StreetOutcomes.Total(result.Streets.FrontOfHouseSeconds, s);
            }
            foreach (var tie in result.Ties)
            {
                if (!lives[tie.ResidentA] || !lives[tie.ResidentB] || tie.State == TieState.None)
                {
                    continue;
                }
                ties++;
                nodding += tie.State >= TieState.NoddingContact ? 1 : 0;
                across += left[tie.ResidentA] != left[tie.ResidentB] ? 1 : 0;
            }

            for (int day = 0; day < CrossingDays; day++)
            {
                var simulated = SimulationWorlds.SimulateDay(world, day, seed);
                for (int t = 0; t < simulated.Trips.Count; t++)
                {
                    if (simulated.Trips[t].Mode != TravelModes.Walk)
                    {
                        continue;
                    }
                    var legs = simulated.Routes[t];
                    for (int l = 1; l < legs.Count; l++)
                    {
                        int column = CrossedColumn(legs[l - 1].Segment, legs[l].Segment);
                        if (column >= 0)
                        {
                            if (column <= 3)
                            {
                                homeCrossings++;
                            }
                            else
                            {
                                quietCrossings++;
                            }
                        }
                    }
                }
            }
        }
        int crossingDays = CrossingDays * ValidationScale.Seeds.Count;
        return new TrafficFigures(
            vehiclesPerDay,
            residentsOnStreet / ValidationScale.Seeds.Count,
            frontSeconds / 60.0 / residentDays,
            (double)homeCrossings / crossingDays,
            (double)homeCrossings / Math.Max(1, homeCrossings + quietCrossings),
            2.0 * ties / residentsOnStreet,
            2.0 * nodding / residentsOnStreet,
            2.0 * across / residentsOnStreet,
            (double)across / Math.Max(1, ties));
    }

    /// <summary>
    /// The column at which a walk goes straight over the y = 100 row (from the lane south of it to the lane north of it,
    /// or back): columns 0–3 cross Home Street, 4–5 the quiet East Street. −1 for any other pair of legs.
    /// </summary>
    private static int CrossedColumn(int fromSegment, int toSegment)
    {
        for (int column = 0; column < Quarter.Columns; column++)
        {
            int south = Quarter.NorthSouth(0, column), north = Quarter.NorthSouth(1, column);
            if ((fromSegment == south && toSegment == north) || (fromSegment == north && toSegment == south))
            {
                return column;
            }
        }
        return -1;
    }
}

/// <summary>More traffic on the home street: less life in front of the homes, fewer crossings, fewer ties among neighbours.</summary>
public sealed class HomeStreetTrafficChecks
{
    private static IReadOnlyList<TrafficFigures> Figures => HomeStreetTraffic.Figures;

    [Fact]
    public void More_traffic_means_less_time_in_front_of_the_home()
    {
        Assert.All(Figures, f => Assert.True(f.FrontOfHouseMinutesPerResidentDay > 0, $"no front-of-house time at {f.VehiclesPerDay}/day"));
        AssertFalling(Figures.Select(f => f.FrontOfHouseMinutesPerResidentDay), "front-of-house minutes per resident per day");
    }

    [Fact]
    public void More_traffic_means_fewer_walks_crossing_the_street()
    {
        AssertFalling(Figures.Select(f => f.CrossingsOfHomeStreetPerDay), "walks crossing Home Street per day");
        AssertFalling(Figures.Select(f => f.CrossingShareAtHomeStreet), "share of crossings of the row made at Home Street rather than the quiet East Street");
    }

    /// <summary>
    /// Ties among the street's residents fall with traffic: in the full form at each level (5 seeds × 28 days: 2.82 → 2.40
    /// → 2.28); the quick form resolves only the light street against the two busier ones (the step from 8,000 to 16,000
    /// is a twentieth, within its noise: first seed 3 gave 1.09 → 1.03 → 1.06).
    /// </summary>
    [Fact]
    public void More_traffic_means_fewer_ties_among_the_streets_residents()
    {
        const string What = "ties (familiar stranger or better) with neighbours on the street per resident";
        if (ValidationScale.Full)
        {
            AssertFalling(Figures.Select(f => f.TiesPerResident), What);
            return;
        }
        var ties = Figures.Select(f => f.TiesPerResident).ToList();
        Assert.True(ties[1] < ties[0] && ties[2] < ties[0], $"{What} should be fewer on the busier streets than on the light one, but went {string.Join(" → ", ties)}");
    }

    /// <summary>
    /// Fewer ties across the street at 8,000 and at 16,000 vehicles a day than at 2,000. Between the two busier levels the
    /// engine's figure is flat (5 seeds × 28 days: 1.34 → 1.18 → 1.17): time across the street has all but gone by 8,000
    /// (a 7 s wait to cross), and what remains comes from places and junctions, which traffic does not reach.
    /// </summary>
    [FullFormFact("ties across the street fall by about a tenth from 2,000 to 8,000 vehicles a day (5 seeds × 28 days: "
        + "1.34 → 1.18 → 1.17 per resident); 2 seeds × 14 days cannot resolve that")]
    public void More_traffic_means_fewer_ties_across_the_street()
    {
        var across = Figures.Select(f => f.AcrossTiesPerResident).ToList();
        string seen = string.Join(" → ", across.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(across[1] < across[0] && across[2] < across[0], $"ties across the street should be fewer on the busier streets than on the light one, but went {seen}");
    }

    /// <summary>Strictly falling from each level to the next.</summary>
    internal static void AssertFalling(IEnumerable<double> values, string what) => AssertMonotone(values, what, rising: false);

    /// <summary>Strictly rising from each level to the next.</summary>
    internal static void AssertRising(IEnumerable<double> values, string what) => AssertMonotone(values, what, rising: true);

    private static void AssertMonotone(IEnumerable<double> values, string what, bool rising)
    {
        var list = values.ToList();
        string seen = string.Join(" → ", list.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)));
        for (int i = 1; i < list.Count; i++)
        {
            bool ok = rising ? list[i] > list[i - 1] : list[i] < list[i - 1];
            Assert.True(ok, $"{what} should {(rising ? "rise" : "fall")} with each level, but went {seen}");
        }
    }
}
