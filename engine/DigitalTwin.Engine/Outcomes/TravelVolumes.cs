using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Outcomes;

/// <summary>
/// A run's travel as a travel survey counts it, beside the survey: trips per person aged 6 and over per day and the
/// shares of trips by main mode (a walk to a transit stop is a trip by public transport). The survey is the Dutch
/// ODiN (CBS, Onderweg in Nederland) for residents of the Metropoolregio Rotterdam Den Haag, the region Delft lies in:
/// table 3.1a of the ODiN 2022 regional report ("ODiN 2022 Metropoolregio Rotterdam Den Haag, plausibiliteitsrapportage",
/// CBS 2023), all days of the week, residents aged 6 and over, 2019 and 2022. Trips per 1,000 persons a day: 2019 total
/// 2,546 (car driver 773, car passenger 275, train 82, bus/tram/metro 185, moped 39, bike 634, walk 486, other 72);
/// 2022 total 2,469 (697, 234, 51, 145, 38, 634, 612, 58). Shares below leave out mopeds and "other" (not modelled).
/// </summary>
public sealed record TravelVolumes(
    double TripsPerPersonPerDay,
    double WalkShare,
    double BikeShare,
    double CarShare,
    double TransitShare,
    double WalkedKilometresPerPersonPerDay)
{
    /// <summary>ODiN 2019, MRDH residents 6+.</summary>
    public static TravelVolumes Odin2019Mrdh { get; } = FromCounts(2.546, walk: 486, bike: 634, car: 773 + 275, transit: 82 + 185);

    /// <summary>ODiN 2022, MRDH residents 6+.</summary>
    public static TravelVolumes Odin2022Mrdh { get; } = FromCounts(2.469, walk: 612, bike: 634, car: 697 + 234, transit: 51 + 145);

    /// <summary>
    /// Kilometres walked per person aged 6+ per day in the whole country, CBS ODiN 2022 ("Onderweg in Nederland 2022,
    /// plausibiliteitsrapportage", CBS 2023): 585 walking trips per 1,000 persons a day (table 4.1) of 2.07 km on average
    /// (table 5.1). The regional report gives no distances.
    /// </summary>
    public const double Odin2022NationalWalkedKilometresPerPersonPerDay = 0.585 * 2.07;

    /// <summary>The run's figures, comparable with the survey's (walked kilometres: everyone, per resident).</summary>
    public static TravelVolumes Of(RunTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        // As the survey counts: a round walk is one trip, and a walk to a transit stop is a trip by transit.
        long modelled = Math.Max(1, totals.TripsByWalk + totals.TripsByBike + totals.TripsByCar - totals.RoundWalkReturns);
        double personDays = Math.Max(1, (double)totals.ResidentsAgedSixPlus * totals.Days);
        return new TravelVolumes(
            totals.TripsAgedSixPlus / personDays,
            (double)(totals.TripsByWalk - totals.TripsByTransit - totals.RoundWalkReturns) / modelled,
            (double)totals.TripsByBike / modelled,
            (double)totals.TripsByCar / modelled,
            (double)totals.TripsByTransit / modelled,
            totals.WalkedKilometres / Math.Max(1.0, (double)totals.Residents * totals.Days));
    }

    /// <summary>Whether a figure lies within the survey years' range, widened by <paramref name="slack"/> either side.</summary>
    public static bool Within(double value, double a, double b, double slack) => value >= Math.Min(a, b) - slack && value <= Math.Max(a, b) + slack;

    private static TravelVolumes FromCounts(double tripsPerDay, double walk, double bike, double car, double transit)
    {
        double modelled = walk + bike + car + transit;
        return new TravelVolumes(tripsPerDay, walk / modelled, bike / modelled, car / modelled, transit / modelled, double.NaN);
    }
}
