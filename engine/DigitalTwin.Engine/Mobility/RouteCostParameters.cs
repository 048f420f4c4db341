namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Weights of the generalised route cost (MODEL.md step 3). Costs are in "perceived metres": a route's cost is its
/// length stretched or shrunk by what the street is like, plus fixed penalties at junctions.
/// </summary>
public sealed record RouteCostParameters
{
    /// <summary>A turn (more than <see cref="TurnAngleDegrees"/>) feels like this many extra metres. Sevtsuk &amp; Basu 2022: ≈ 50 m.</summary>
    public double TurnPenaltyMetres { get; init; } = 50;

    /// <summary>Heading change above which a move counts as a turn rather than going straight on.</summary>
    public double TurnAngleDegrees { get; init; } = 45;

    /// <summary>Crossing a busy road without signals. Broach &amp; Dill 2015: ≈ 70 m.</summary>
    public double BusyCrossingPenaltyMetres { get; init; } = 70;

    /// <summary>Roads from this many motor vehicles a day count as busy (Broach &amp; Dill's arterial class).</summary>
    public double BusyRoadVehiclesPerDay { get; init; } = 5000;

    /// <summary>Walking along a busy road feels this much longer. Sevtsuk &amp; Basu 2022: ≈ 14 %.</summary>
    public double BusyRoadFactor { get; init; } = 1.14;

    /// <summary>Streets with active ground floors feel this much shorter. Sevtsuk &amp; Basu 2022: ≈ 28 % shorter.</summary>
    public double ActiveFrontageFactor { get; init; } = 0.72;

    /// <summary>Pavements narrower than this are avoided (Guo 2009 finds walkers prefer wider pavements).</summary>
    public double ComfortablePavementWidthMetres { get; init; } = 1.8;

    /// <summary>Extra perceived length per missing metre below the comfortable width (reasoned from Guo 2009's ordering).</summary>
    public double NarrowPavementFactorPerMetre { get; init; } = 0.15;

    /// <summary>
    /// After dark an unlit street feels this much longer for an average walker; Uttley &amp; Fotios 2017 show walking
    /// drops after dark, most where lighting is poor. Women and older people weigh it more (source doc Tabel 1).
    /// </summary>
    public double UnlitAfterDarkFactor { get; init; } = 1.5;

    /// <summary>Multiplier on the unlit penalty for people more sensitive to darkness (women, 65+).</summary>
    public double DarknessSensitiveMultiplier { get; init; } = 2.0;

    /// <summary>Uneven surfaces (cobbles) for people with limited mobility: a strong deterrent (source doc Tabel 1).</summary>
    public double UnevenSurfaceLimitedMobilityFactor { get; init; } = 2.0;

    /// <summary>Poor surfaces (unpaved) for people with limited mobility: close to a barrier.</summary>
    public double PoorSurfaceLimitedMobilityFactor { get; init; } = 5.0;

    /// <summary>Cyclists prefer separated cycleways; a mixed street with car traffic feels this much longer per 1,000 vehicles/day.</summary>
    public double BikeTrafficFactorPerThousandVehicles { get; init; } = 0.03;

    /// <summary>
    /// Spread (log-normal sigma) of the per-segment perception noise that gives people different routes between the
    /// same places; a cheap stand-in for path-size logit's choice set (Sevtsuk &amp; Basu 2022).
    /// </summary>
    public double PerceptionNoiseSigma { get; init; } = 0.15;

    /// <summary>How many perceived-cost variants exist per profile; residents are spread over them.</summary>
    public int RouteVariants { get; init; } = 3;

    /// <summary>Upper bound on the memory the shortest-path tree cache may use.</summary>
    public long TreeCacheBytes { get; init; } = 512L * 1024 * 1024;
}
