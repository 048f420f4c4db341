using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;
using DigitalTwin.Validation.Worlds;

namespace DigitalTwin.Validation.Checks;

/// <summary>How pairs met again on the next day at one day-to-day spread of habitual times (summed over days and replications).</summary>
public sealed record RoutineFigures(
    double DayToDaySpreadMinutes,
    long PairDays,
    double MetAgainNextDayShare,
    double SameTimeShare,
    double MedianGapMinutes);

/// <summary>
/// The <see cref="Quarter"/> over consecutive days with perfect habits (a day-to-day spread of 0: the same times every
/// day), the engine's day-to-day spread of habitual times (10 min) and no habit at all (180 min, the parameter's maximum:
/// every activity's whole spread is drawn afresh each day). For every pair of residents of different households that came within social distance on a day: did they
/// meet again the next day, and if so was one of the next day's encounters within <see cref="SameTimeMinutes"/> of the
/// clock time of one of the first day's?
/// </summary>
public static class Routines
{
    public static IReadOnlyList<double> Levels { get; } = [0, 10, 180];

    public const int Residents = 1_200;

    public const double SameTimeMinutes = 15;

    public static int Days => ValidationScale.Days(5, 10);

    private static readonly Lazy<IReadOnlyList<RoutineFigures>> Cached = new(() => [.. Levels.Select(Measure)]);

    public static IReadOnlyList<RoutineFigures> Figures => Cached.Value;

    private static RoutineFigures Measure(double spreadMinutes)
    {
        var parameters = SimulationParameters.Default.With([new("planning.routineDayToDaySpreadMinutes", spreadMinutes)]);
        long pairDays = 0, again = 0, sameTime = 0;
        var gaps = new List<double>();
        foreach (ulong seed in ValidationScale.Seeds)
        {
            var world = Quarter.World(Residents, seed, dwellingsPerHome: 2);
            var household = world.Residents.Household.ToArray();
            Dictionary<ulong, List<double>>? yesterday = null;
            for (int day = 0; day < Days; day++)
            {
                var today = new Dictionary<ulong, List<double>>();
                foreach (var e in SimulationWorlds.SimulateDay(world, day, seed, parameters).Encounters)
                {
                    if (household[e.ResidentA] == household[e.ResidentB])
                    {
                        continue;
                    }
                    if (!today.TryGetValue(e.PairKey, out var starts))
                    {
                        today[e.PairKey] = starts = [];
                    }
                    starts.Add(e.StartTimeSeconds);
                }
                if (yesterday is not null)
                {
                    foreach (var (pair, before) in yesterday)
                    {
                        pairDays++;
                        if (!today.TryGetValue(pair, out var after))
                        {
                            continue;
                        }
                        again++;
                        double gap = before.Min(b => after.Min(a => Math.Abs(a - b))) / 60;
                        gaps.Add(gap);
                        sameTime += gap <= SameTimeMinutes ? 1 : 0;
                    }
                }
                yesterday = today;
            }
        }
        gaps.Sort();
        return new RoutineFigures(spreadMinutes, pairDays, (double)again / pairDays, (double)sameTime / Math.Max(1, again), gaps.Count > 0 ? gaps[gaps.Count / 2] : double.NaN);
    }
}

/// <summary>Routines: the same people meet again at about the same time of day (Milgram's familiar strangers).</summary>
public sealed class RoutineChecks
{
    private static IReadOnlyList<RoutineFigures> Figures => Routines.Figures;

    [Fact]
    public void Habits_make_pairs_meet_again_the_next_day()
    {
        HomeStreetTrafficChecks.AssertFalling(Figures.Select(f => f.MetAgainNextDayShare), "share of pairs meeting again the next day (day-to-day spread 0, 10, 180 min)");
    }

    [Fact]
    public void Habits_make_pairs_meet_again_at_about_the_same_time()
    {
        HomeStreetTrafficChecks.AssertFalling(Figures.Select(f => f.SameTimeShare), $"share of next-day meetings within {Routines.SameTimeMinutes} min of the first day's time");
        HomeStreetTrafficChecks.AssertRising(Figures.Select(f => f.MedianGapMinutes), "median clock-time gap between the two days' meetings (min)");
    }
}

/// <summary>What a density of the same streets produced on Market Street.</summary>
public sealed record CrowdFigures(int Residents, long StreetEncounters, double MeanCrowding, double NoticedShare);

/// <summary>
/// The same <see cref="Quarter"/> at three densities (2, 6 and 18 dwellings a home, the residents scaled with them).
/// Measured on Market Street, the busiest street: of the encounters within social distance on the pavement, the share
/// noticed, each encounter's chance from the engine's <see cref="AttentionModel"/> (time in view × the share of the
/// crowd one can attend to), averaged.
/// </summary>
public static class Crowds
{
    public static IReadOnlyList<int> Densities { get; } = [2, 6, 18];

    public const int ResidentsPerDwellingLevel = 400;

    public static int Days => ValidationScale.Days(2, 5);

    private static readonly Lazy<IReadOnlyList<CrowdFigures>> Cached = new(() => [.. Densities.Select(Measure)]);

    public static IReadOnlyList<CrowdFigures> Figures => Cached.Value;

    private static CrowdFigures Measure(int density)
    {
        var attention = new AttentionModel(AttentionParameters.Default);
        long count = 0;
        double crowding = 0, noticed = 0;
        int residents = density * ResidentsPerDwellingLevel;
        foreach (ulong seed in ValidationScale.Seeds)
        {
            var world = Quarter.World(residents, seed, density);
            for (int day = 0; day < Days; day++)
            {
                foreach (var e in SimulationWorlds.SimulateDay(world, day, seed).Encounters)
                {
                    if (e.Place >= 0 || !Quarter.MarketStreet.Contains(e.Segment))
                    {
                        continue;
                    }
                    count++;
                    crowding += e.Crowding;
                    noticed += attention.Probability(e);
                }
            }
        }
        return new CrowdFigures(residents, count, crowding / count, noticed / count);
    }
}

/// <summary>Crowds: a smaller share of those passed is noticed (limited attention).</summary>
public sealed class CrowdChecks
{
    [Fact]
    public void In_a_crowd_fewer_of_those_passed_are_noticed()
    {
        var figures = Crowds.Figures;
        HomeStreetTrafficChecks.AssertRising(figures.Select(f => f.MeanCrowding), "mean crowding of Market Street's encounters (2, 6, 18 dwellings a home)");
        HomeStreetTrafficChecks.AssertFalling(figures.Select(f => f.NoticedShare), "share of Market Street's encounters noticed (2, 6, 18 dwellings a home)");
    }
}
