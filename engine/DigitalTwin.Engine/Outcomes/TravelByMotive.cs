using DigitalTwin.Engine.Planning;

namespace DigitalTwin.Engine.Outcomes;

/// <summary>
/// The travel motives of the Dutch travel survey (CBS StatLine 84710, "reismotieven"), into which the engine's
/// activities fall. A trip home counts under the activity it comes from, as the survey's "to and from work" does.
/// </summary>
public enum SurveyMotive
{
    Work = 0,
    Shopping,
    Education,
    Visits,
    Leisure,
    TouringWalking,
    Services,
    Other,
}

/// <summary>
/// Trips per person aged 6+ per day by <see cref="SurveyMotive"/>, and the survey's own figures where we have them:
/// CBS StatLine 84710, residents aged 6+ of extremely urbanised areas and of the whole country, 2019 and 2023 (the
/// other area types' motive rows were not read). "Work" adds the survey's business trips to its commuting.
/// </summary>
public static class TravelByMotive
{
    public const int Count = 8;

    /// <summary>Each motive's key in summary.json, by <see cref="SurveyMotive"/>.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["work", "shopping", "education", "visits", "leisure", "touringWalking", "services", "other"];

    /// <summary>Each motive in words, by <see cref="SurveyMotive"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["to and from work (and business)", "shopping and groceries", "education", "visits", "leisure and sports", "touring and walking", "services and care", "other (taking and fetching people, ...)"];

    /// <summary>A run's trips per resident aged 6+ per day by motive.</summary>
    public static IReadOnlyList<double> PerPersonPerDay(Simulation.RunTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        double personDays = Math.Max(1, (double)totals.ResidentsAgedSixPlus * totals.Days);
        return [.. totals.SurveyedTrips.ByMotive.Select(trips => trips / personDays)];
    }

    internal static SurveyMotive Of(ActivityKind activity) => activity switch
    {
        ActivityKind.Work => SurveyMotive.Work,
        ActivityKind.Groceries or ActivityKind.Shopping => SurveyMotive.Shopping,
        ActivityKind.School or ActivityKind.Study => SurveyMotive.Education,
        ActivityKind.Visit => SurveyMotive.Visits,
        ActivityKind.ThirdPlace or ActivityKind.Sports or ActivityKind.Community or ActivityKind.Worship or ActivityKind.Playground => SurveyMotive.Leisure,
        ActivityKind.DogWalk or ActivityKind.Park or ActivityKind.Bench or ActivityKind.Stoep or ActivityKind.StreetPlay => SurveyMotive.TouringWalking,
        ActivityKind.Healthcare => SurveyMotive.Services,
        _ => SurveyMotive.Other,
    };

    /// <summary>
    /// The survey's trips per person per day by motive for the area type (<see cref="TravelVolumes.ForAreaType"/>), 2019
    /// and 2023, or null for an area type whose motive rows we have not read.
    /// </summary>
    public static (IReadOnlyList<double> Odin2019, IReadOnlyList<double> Odin2023)? SurveyFor(int? urbanisationClass) => urbanisationClass switch
    {
        1 => ([0.49 + 0.09, 0.55, 0.23, 0.23, 0.51, 0.14, 0.09, 0.26], [0.40 + 0.07, 0.58, 0.18, 0.23, 0.51, 0.21, 0.08, 0.28]),
        null => ([0.50 + 0.11, 0.54, 0.22, 0.27, 0.51, 0.17, 0.09, 0.29], [0.44 + 0.09, 0.58, 0.18, 0.27, 0.50, 0.26, 0.09, 0.32]),
        _ => null,
    };
}
