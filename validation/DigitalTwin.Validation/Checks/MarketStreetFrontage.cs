using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.TestKit;
using DigitalTwin.Validation.Worlds;

namespace DigitalTwin.Validation.Checks;

/// <summary>What one frontage of Market Street produced (summed over the replications).</summary>
public sealed record FrontageFigures(
    Frontage Frontage,
    long WalkPassages,
    long StreetStops,
    double StopsPer100Passages,
    double MovingSpeedMetresPerSecond,
    double SpeedWithStopsMetresPerSecond);

/// <summary>
/// Market Street of <see cref="Quarter"/> (three 100 m segments with the shops) with passive, residential and active
/// frontage; everything else equal. Measured on it: short stops per 100 walking passages (the simulator's
/// <c>StreetStops</c> over its walk passages) and walking speed from the walkers' passages: moving (length / time on
/// the move) and overall (length / time from entering the segment to leaving it, stops included).
/// </summary>
public static class MarketStreetFrontage
{
    public static IReadOnlyList<Frontage> Levels { get; } = [Frontage.Passive, Frontage.Residential, Frontage.Active];

    public const int Residents = 1_200;

    public static int Days => ValidationScale.Days(7, 28);

    /// <summary>Days whose passages are read for speeds.</summary>
    public static int SpeedDays => ValidationScale.Days(3, 7);

    private static readonly Lazy<IReadOnlyList<FrontageFigures>> Cached = new(() => [.. Levels.Select(Measure)]);

    public static IReadOnlyList<FrontageFigures> Figures => Cached.Value;

    private static FrontageFigures Measure(Frontage frontage)
    {
        long passages = 0, stops = 0;
        double metres = 0, movingSeconds = 0, overallSeconds = 0;
        foreach (ulong seed in ValidationScale.Seeds)
        {
            var world = Quarter.World(Residents, seed, dwellingsPerHome: 2)
                .WithStreets((id, a) => Quarter.MarketStreet.Contains(id.Value) ? a with { Frontage = frontage } : a);
            var result = world.Run(Days, seed);
            foreach (int s in Quarter.MarketStreet)
            {
                passages += StreetOutcomes.Total(result.Streets.WalkPassages, s);
                stops += StreetOutcomes.Total(result.Streets.StreetStops, s);
            }
            for (int day = 0; day < SpeedDays; day++)
            {
                var trajectories = SimulationWorlds.SimulateDay(world, day, seed).Trajectories;
                var segment = trajectories.PassageSegment;
                var mode = trajectories.PassageMode;
                var entry = trajectories.PassageEntryTimeSeconds;
                var exit = trajectories.PassageExitTimeSeconds;
                var speed = trajectories.PassageSpeedMetresPerSecond;
                var resumes = trajectories.PassageResumesAfterStop;
                for (int i = 0; i < trajectories.PassageCount; i++)
                {
                    if (mode[i] != TravelModes.Walk || !Quarter.MarketStreet.Contains(segment[i]))
                    {
                        continue;
                    }
                    double seconds = exit[i] - entry[i];
                    metres += speed[i] * seconds;
                    movingSeconds += seconds;
                    overallSeconds += seconds;
                    if (resumes[i] && i > 0)
                    {
                        // The stop before this piece: from the end of the walker's previous piece on the segment.
                        overallSeconds += entry[i] - exit[i - 1];
                    }
                }
            }
        }
        return new FrontageFigures(frontage, passages, stops, 100.0 * stops / passages, metres / movingSeconds, metres / overallSeconds);
    }
}

/// <summary>Active frontage: more stops, slower walkers (Gehl, Kaefer &amp; Reigstad 2006).</summary>
public sealed class MarketStreetFrontageChecks
{
    private static IReadOnlyList<FrontageFigures> Figures => MarketStreetFrontage.Figures;

    [Fact]
    public void Livelier_frontage_means_more_stops_per_passage()
    {
        Assert.All(Figures, f => Assert.True(f.WalkPassages > 1_000, $"only {f.WalkPassages} walking passages on Market Street ({f.Frontage})"));
        HomeStreetTrafficChecks.AssertRising(Figures.Select(f => f.StopsPer100Passages), "stops per 100 walking passages (passive, residential, active)");
    }

    [Fact]
    public void Livelier_frontage_means_slower_walking()
    {
        HomeStreetTrafficChecks.AssertFalling(Figures.Select(f => f.SpeedWithStopsMetresPerSecond), "walking speed with stops (passive, residential, active)");
        Assert.True(Figures[2].MovingSpeedMetresPerSecond < Figures[0].MovingSpeedMetresPerSecond,
            $"walkers should move slower along active than along passive frontage: {Figures[2].MovingSpeedMetresPerSecond:F3} vs {Figures[0].MovingSpeedMetresPerSecond:F3} m/s");
    }
}
