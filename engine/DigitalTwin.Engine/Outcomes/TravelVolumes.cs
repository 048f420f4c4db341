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

    /// <summary>
    /// The survey's figures for residents of areas of the scenario's degree of urbanisation (CBS ste_mvs, 1–5), or of
    /// the whole country where the scenario gives none: CBS StatLine 84710 ("Mobiliteit; per persoon, vervoerwijzen,
    /// motieven, regiokenmerken", ODiN 2018–2023), residents aged 6+ in private households, all days, trips per person
    /// per day by main mode and kilometres walked per person per day (walking stages of every trip, so walks to and from
    /// stops and stations included), for 2019 (before the pandemic) and 2023 (the latest year). Shares leave out mopeds
    /// and "other" (not modelled); car is driver plus passenger, transit is train plus bus, tram and metro.
    /// </summary>
    public static AreaTypeSurvey ForAreaType(int? urbanisationClass) => urbanisationClass is >= 1 and <= 5
        ? AreaTypeSurveys[urbanisationClass.Value]
        : AreaTypeSurveys[0];

    private static readonly AreaTypeSurvey[] AreaTypeSurveys =
    [
        new("the Netherlands", "odinNetherlands",
            Survey(2.71, driver: 0.95, passenger: 0.31, train: 0.08, busTramMetro: 0.07, bike: 0.76, walk: 0.43, walkedKm: 0.88),
            Survey(2.72, driver: 0.91, passenger: 0.30, train: 0.07, busTramMetro: 0.06, bike: 0.73, walk: 0.56, walkedKm: 1.14)),
        new("extremely urbanised areas", "odinExtremelyUrbanised",
            Survey(2.59, driver: 0.63, passenger: 0.23, train: 0.13, busTramMetro: 0.16, bike: 0.82, walk: 0.53, walkedKm: 1.06),
            Survey(2.55, driver: 0.59, passenger: 0.23, train: 0.10, busTramMetro: 0.13, bike: 0.78, walk: 0.65, walkedKm: 1.27)),
        new("strongly urbanised areas", "odinStronglyUrbanised",
            Survey(2.74, driver: 0.96, passenger: 0.33, train: 0.09, busTramMetro: 0.06, bike: 0.77, walk: 0.42, walkedKm: 0.89),
            Survey(2.76, driver: 0.91, passenger: 0.32, train: 0.08, busTramMetro: 0.04, bike: 0.74, walk: 0.57, walkedKm: 1.16)),
        new("moderately urbanised areas", "odinModeratelyUrbanised",
            Survey(2.80, driver: 1.06, passenger: 0.33, train: 0.07, busTramMetro: 0.04, bike: 0.79, walk: 0.41, walkedKm: 0.82),
            Survey(2.83, driver: 1.05, passenger: 0.34, train: 0.05, busTramMetro: 0.03, bike: 0.74, walk: 0.51, walkedKm: 1.08)),
        new("hardly urbanised areas", "odinHardlyUrbanised",
            Survey(2.76, driver: 1.13, passenger: 0.35, train: 0.04, busTramMetro: 0.03, bike: 0.71, walk: 0.36, walkedKm: 0.78),
            Survey(2.79, driver: 1.13, passenger: 0.32, train: 0.03, busTramMetro: 0.02, bike: 0.69, walk: 0.48, walkedKm: 1.05)),
        new("areas that are not urbanised", "odinNotUrbanised",
            Survey(2.64, driver: 1.18, passenger: 0.35, train: 0.04, busTramMetro: 0.03, bike: 0.58, walk: 0.32, walkedKm: 0.73),
            Survey(2.70, driver: 1.15, passenger: 0.34, train: 0.03, busTramMetro: 0.03, bike: 0.58, walk: 0.46, walkedKm: 1.00)),
    ];

    private static TravelVolumes Survey(double trips, double driver, double passenger, double train, double busTramMetro, double bike, double walk, double walkedKm) =>
        FromCounts(trips, walk, bike, driver + passenger, train + busTramMetro) with { WalkedKilometresPerPersonPerDay = walkedKm };

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

/// <summary>
/// The travel survey for one area type (<see cref="TravelVolumes.ForAreaType"/>): who it describes, the key it has in
/// summary.json, and its 2019 and 2023 figures.
/// </summary>
public sealed record AreaTypeSurvey(string Residents, string Key, TravelVolumes Odin2019, TravelVolumes Odin2023);
