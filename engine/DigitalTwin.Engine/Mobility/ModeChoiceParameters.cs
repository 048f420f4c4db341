namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// A multinomial logit over walk, bike, public transport and car (MODEL.md step 2). Utilities are an alternative
/// constant minus a distance term. Defaults are set so that shares by distance resemble Dutch travel (CBS ODiN
/// 2019): under 1 km about half the trips are walked and a third cycled; at 2 km the bike leads; beyond 5 km the car.
/// The STOMP principle (walk, bike, transit, shared, car) is a re-weighting of exactly these numbers.
/// </summary>
public sealed record ModeChoiceParameters
{
    public double WalkConstant { get; init; } = 1.8;

    /// <summary>Disutility per km walked.</summary>
    public double WalkPerKilometre { get; init; } = 2.2;

    /// <summary>Older walkers (65+) feel distance this much more (they walk ≈ 500 m trips against ≈ 800 m on average).</summary>
    public double OlderWalkDistanceMultiplier { get; init; } = 1.5;

    /// <summary>People with limited mobility feel walking distance this much more.</summary>
    public double LimitedMobilityWalkDistanceMultiplier { get; init; } = 2.5;

    public double BikeConstant { get; init; } = 0.6;

    public double BikePerKilometre { get; init; } = 0.35;

    /// <summary>Children from this age cycle on their own (Dutch children cycle to school from about 8–9; younger ones on the back).</summary>
    public int MinimumCyclingAge { get; init; } = 8;

    public double CarConstant { get; init; } = -0.6;

    public double CarPerKilometre { get; init; }

    /// <summary>Share of households with a car by income group (CBS: ≈ 75 % nationally, fewer in cities and among low incomes).</summary>
    public double CarAvailabilityLow { get; init; } = 0.45;

    public double CarAvailabilityMiddle { get; init; } = 0.7;

    public double CarAvailabilityHigh { get; init; } = 0.85;

    /// <summary>Children and others without a licence ride as passengers; less often than an adult drives.</summary>
    public double CarPassengerConstantPenalty { get; init; } = 1.0;

    /// <summary>Public transport is an option only for trips out of the map, and only with a stop within this walk.</summary>
    public double TransitConstant { get; init; } = -0.8;

    public double TransitPerKilometre { get; init; }

    public double TransitStopMaxWalkMetres { get; init; } = 800;

    /// <summary>Minutes waited at the stop (half a 10–15 minute headway).</summary>
    public double TransitWaitMinutes { get; init; } = 6;

    /// <summary>Cycling speed (m/s): Dutch cyclists average ≈ 15 km/h (Fietsersbond); older riders ≈ 13 km/h.</summary>
    public double BikeSpeedMetresPerSecond { get; init; } = 4.2;

    public double OlderBikeSpeedMetresPerSecond { get; init; } = 3.6;

    /// <summary>Car speed as a share of the limit, for junctions, parking and traffic in town.</summary>
    public double CarSpeedShareOfLimit { get; init; } = 0.7;
}
