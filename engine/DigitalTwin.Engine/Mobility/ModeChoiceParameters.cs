namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// A multinomial logit over walk, bike, public transport and car (MODEL.md step 2). Utilities are an alternative
/// constant minus a distance term. Defaults are set so that shares by distance resemble Dutch travel (CBS ODiN
/// 2019): under 1 km about half the trips are walked and a third cycled; at 2 km the bike leads; beyond 5 km the car.
/// The STOMP principle (walk, bike, transit, shared, car) is a re-weighting of exactly these numbers.
/// </summary>
public sealed record ModeChoiceParameters
{
    [Parameter("utility", -10, 10, "Set so mode shares by distance resemble CBS ODiN 2019: under 1 km about half walked")]
    public double WalkConstant { get; init; } = 1.8;

    /// <summary>Disutility per km walked.</summary>
    [Parameter("utility/km", 0, 20, "Set so mode shares by distance resemble CBS ODiN 2019")]
    public double WalkPerKilometre { get; init; } = 2.2;

    /// <summary>Older walkers (65+) feel distance this much more (they walk ≈ 500 m trips against ≈ 800 m on average).</summary>
    [Parameter("ratio", 1, 10, "SCP 2016: older adults walk trips of about 500 m against about 800 m on average")]
    public double OlderWalkDistanceMultiplier { get; init; } = 1.5;

    /// <summary>People with limited mobility feel walking distance this much more.</summary>
    [Parameter("ratio", 1, 10, "Reasoned: people with limited mobility feel walking distance much more")]
    public double LimitedMobilityWalkDistanceMultiplier { get; init; } = 2.5;

    [Parameter("utility", -10, 10, "CBS ODiN 2019: a third of trips under 1 km cycled; the bike leads at 2 km")]
    public double BikeConstant { get; init; } = 0.6;

    [Parameter("utility/km", 0, 20, "Set so mode shares by distance resemble CBS ODiN 2019")]
    public double BikePerKilometre { get; init; } = 0.35;

    /// <summary>Children from this age cycle on their own (Dutch children cycle to school from about 8–9; younger ones on the back).</summary>
    [Parameter("years", 0, 18, "Dutch children cycle to school on their own from about 8-9")]
    public int MinimumCyclingAge { get; init; } = 8;

    [Parameter("utility", -10, 10, "CBS ODiN 2019: beyond 5 km the car leads")]
    public double CarConstant { get; init; } = -0.6;

    [Parameter("utility/km", -5, 20, "Set so mode shares by distance resemble CBS ODiN 2019 (no distance term)")]
    public double CarPerKilometre { get; init; }

    /// <summary>Share of households with a car by income group (CBS: ≈ 75 % nationally, fewer in cities and among low incomes).</summary>
    [Parameter("share", 0, 1, "CBS: about 75 % of households have a car, fewer in cities and among low incomes")]
    public double CarAvailabilityLow { get; init; } = 0.45;

    [Parameter("share", 0, 1, "CBS: about 75 % of households have a car nationally")]
    public double CarAvailabilityMiddle { get; init; } = 0.7;

    [Parameter("share", 0, 1, "CBS: about 75 % of households have a car, more among high incomes")]
    public double CarAvailabilityHigh { get; init; } = 0.85;

    /// <summary>Children and others without a licence ride as passengers; less often than an adult drives.</summary>
    [Parameter("utility", 0, 10, "Reasoned: passengers without a licence ride less often than an adult drives")]
    public double CarPassengerConstantPenalty { get; init; } = 1.0;

    /// <summary>
    /// Public transport is an option only for trips out of the map, and only with a stop within this walk. With the car
    /// constant and the bike's distance term, a trip of 8 km (the median trip out of the map) by someone with a car splits
    /// about 73 / 15 / 12 car / bike / transit, near the survey's split of trips of 7.5–15 km (about two-thirds by car, a
    /// fifth by bike, a tenth by public transport); at −0.8 public transport took as many as the car.
    /// </summary>
    [Parameter("utility", -10, 10, "CBS ODiN 2019, trips of 7.5-15 km: about two-thirds by car, a fifth by bike, a tenth by public transport")]
    public double TransitConstant { get; init; } = -2.4;

    [Parameter("utility/km", -5, 20, "Reasoned: no distance term for trips out of the map")]
    public double TransitPerKilometre { get; init; }

    [Parameter("m", 0, 5000, "Reasoned: public transport is an option only with a stop within a walk of this length")]
    public double TransitStopMaxWalkMetres { get; init; } = 800;

    /// <summary>Minutes waited at the stop (half a 10–15 minute headway).</summary>
    [Parameter("min", 0, 60, "Half a 10-15 minute headway")]
    public double TransitWaitMinutes { get; init; } = 6;

    /// <summary>
    /// Utility of walking on a tour that starts after dark (added to <see cref="WalkConstant"/>): half the log of the
    /// after-dark/daylight ratio of pedestrian counts at the same clock hour, ln(1/1.62) / 2 (Uttley &amp; Fotios 2017; the
    /// other half is <see cref="Planning.PlanningParameters.DarkOutingRetention"/>). Stronger from an unlit home street
    /// (<see cref="Planning.PlanningParameters.UnlitStreetDarknessMultiplier"/>).
    /// </summary>
    [Parameter("utility", -5, 0, "Uttley & Fotios 2017: 62 % more pedestrians in daylight than after dark; half the log-ratio")]
    public double DarkWalkUtility { get; init; } = -0.24;

    /// <summary>As <see cref="DarkWalkUtility"/> for cycling: 38 % more cyclists in daylight, ln(1/1.38) / 2.</summary>
    [Parameter("utility", -5, 0, "Uttley & Fotios 2017: 38 % more cyclists in daylight than after dark; half the log-ratio")]
    public double DarkBikeUtility { get; init; } = -0.16;

    /// <summary>Cycling speed (m/s): Dutch cyclists average ≈ 15 km/h (Fietsersbond), whatever their age in the model.</summary>
    [Parameter("m/s", 1, 10, "Fietsersbond: Dutch cyclists average about 15 km/h")]
    public double BikeSpeedMetresPerSecond { get; init; } = 4.2;

    /// <summary>Car speed as a share of the limit, for junctions, parking and traffic in town.</summary>
    [Parameter("share", 0.1, 1, "Reasoned: junctions, parking and traffic in town")]
    public double CarSpeedShareOfLimit { get; init; } = 0.7;

    /// <summary>
    /// Metres a driver walks between the car and the door. 0 with parking at the door; a STOMP plan that moves parking
    /// to the edge of the area sets it to <see cref="EdgeParkingWalkMetres"/>, and the walk counts against the car.
    /// </summary>
    [Parameter("m", 0, 2000, "Reasoned: parking at the door costs no walk; STOMP moves it to the edge")]
    public double CarParkingWalkMetres { get; init; }

    /// <summary>The walk to a car parked at the area's edge under a STOMP plan (a neighbourhood's radius, a few minutes).</summary>
    [Parameter("m", 0, 2000, "Reasoned: the edge of a neighbourhood is a few hundred metres (3-5 minutes) from most doors")]
    public double EdgeParkingWalkMetres { get; init; } = 250;
}
