using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Weights of the generalised route cost (MODEL.md step 3). Costs are in "perceived metres": a route's cost is its
/// length stretched or shrunk by what the street is like, plus fixed penalties at junctions.
/// </summary>
public sealed record RouteCostParameters
{
    /// <summary>A turn (more than <see cref="TurnAngleDegrees"/>) feels like this many extra metres. Sevtsuk &amp; Basu 2022: ≈ 50 m.</summary>
    [Parameter("m", 0, 500, "Sevtsuk & Basu 2022; Broach & Dill 2015: a turn costs about as much as 50 m of walking")]
    public double TurnPenaltyMetres { get; init; } = 50;

    /// <summary>Heading change above which a move counts as a turn rather than going straight on.</summary>
    [Parameter("degrees", 0, 180, "Reasoned: a heading change above 45 degrees is a turn rather than going straight on")]
    public double TurnAngleDegrees { get; init; } = 45;

    /// <summary>
    /// Perceived metres per second of waiting at the kerb for a gap (see <see cref="RouteCostModel.CrossingWaitSeconds"/>):
    /// walking at 1.4 m/s, with a second of waiting weighing 1.5 seconds of walking (Wardman 2004, meta-analysis of
    /// British values of time: waiting weighs 1.5–2 times travel time). An 8,000 vehicles/day road (7 m) then costs about
    /// 22 m to cross and a 20,000 vehicles/day one, at the 60 s cap, 126 m: the order of Broach &amp; Dill's (2015) 70 m for
    /// an unsignalised busy-road crossing, which this model replaces with a wait that grows with traffic and width.
    /// </summary>
    [Parameter("m/s", 0, 20, "Wardman 2004: waiting weighs about 1.5 x walking time; at 1.4 m/s walking")]
    public double CrossingWaitMetresPerSecond { get; init; } = 2.1;

    /// <summary>Walking speed for the critical gap (HCM 2010, ch. 19, unsignalised pedestrian crossings: 3.5 ft/s).</summary>
    [Parameter("m/s", 0.3, 3, "HCM 2010 ch. 19: pedestrian walking speed 3.5 ft/s (1.07 m/s) for the critical gap")]
    public double CrossingWalkSpeedMetresPerSecond { get; init; } = 1.07;

    /// <summary>Start-up and clearance time added to the critical gap (HCM 2010, ch. 19: 3 s).</summary>
    [Parameter("s", 0, 20, "HCM 2010 ch. 19: pedestrian start-up and end clearance time 3 s")]
    public double CrossingStartUpSeconds { get; init; } = 3;

    /// <summary>
    /// Hours over which a day's motor traffic is spread when the flow a crossing walker meets is taken from vehicles per
    /// day: Dutch urban roads carry about 90 % of their daily traffic between 07:00 and 23:00 (CBS/Rijkswaterstaat hourly
    /// profiles), so an average daytime hour carries about 1/16 of the day.
    /// </summary>
    [Parameter("h", 1, 24, "Reasoned from Dutch hourly traffic profiles: about 90 % of daily traffic runs 07:00-23:00")]
    public double TrafficHoursPerDay { get; init; } = 16;

    /// <summary>
    /// Longest wait counted: beyond 60 s of delay (HCM 2010, level of service F) pedestrians are likely to take risks and
    /// cross in a smaller gap rather than wait longer.
    /// </summary>
    [Parameter("s", 0, 600, "HCM 2010 ch. 19: above 60 s delay (LOS F) pedestrians are likely to take risks rather than wait")]
    public double MaximumCrossingWaitSeconds { get; init; } = 60;

    /// <summary>Roads from this many motor vehicles a day count as busy (Broach &amp; Dill's arterial class).</summary>
    [Parameter("vehicles/day", 0, 100_000, "Broach & Dill 2015: roads of their arterial class count as busy")]
    public double BusyRoadVehiclesPerDay { get; init; } = 5000;

    /// <summary>Walking along a busy road feels this much longer. Sevtsuk &amp; Basu 2022: ≈ 14 %.</summary>
    [Parameter("ratio", 1, 3, "Sevtsuk & Basu 2022; Broach & Dill 2015: walking along a busy road feels about 14 % longer")]
    public double BusyRoadFactor { get; init; } = 1.14;

    /// <summary>Streets with active ground floors feel this much shorter. Sevtsuk &amp; Basu 2022: ≈ 28 % shorter.</summary>
    [Parameter("ratio", 0.3, 1, "Sevtsuk & Basu 2022: streets with active ground floors feel about 28 % shorter")]
    public double ActiveFrontageFactor { get; init; } = 0.72;

    /// <summary>Pavements narrower than this are avoided (Guo 2009 finds walkers prefer wider pavements).</summary>
    [Parameter("m", 0, 10, "Guo 2009: walkers prefer wider pavements")]
    public double ComfortablePavementWidthMetres { get; init; } = 1.8;

    /// <summary>Extra perceived length per missing metre below the comfortable width (reasoned from Guo 2009's ordering).</summary>
    [Parameter("per m", 0, 5, "Reasoned from the ordering in Guo 2009")]
    public double NarrowPavementFactorPerMetre { get; init; } = 0.15;

    /// <summary>
    /// After dark an unlit street feels this much longer for an average walker; Uttley &amp; Fotios 2017 show walking
    /// drops after dark, most where lighting is poor. Women and older people weigh it more (source doc Tabel 1).
    /// </summary>
    [Parameter("ratio", 1, 10, "Uttley & Fotios 2017: walking drops after dark, most where lighting is poor")]
    public double UnlitAfterDarkFactor { get; init; } = 1.5;

    /// <summary>Multiplier on the unlit penalty for people more sensitive to darkness (women, 65+).</summary>
    [Parameter("ratio", 1, 10, "Source doc Tabel 1: women and older people weigh darkness more")]
    public double DarknessSensitiveMultiplier { get; init; } = 2.0;

    /// <summary>Uneven surfaces (cobbles) for people with limited mobility: a strong deterrent (source doc Tabel 1).</summary>
    [Parameter("ratio", 1, 20, "Source doc Tabel 1: uneven surfaces deter people with limited mobility strongly")]
    public double UnevenSurfaceLimitedMobilityFactor { get; init; } = 2.0;

    /// <summary>Poor surfaces (unpaved) for people with limited mobility: close to a barrier.</summary>
    [Parameter("ratio", 1, 50, "Source doc Tabel 1: unpaved surfaces are close to a barrier for limited mobility")]
    public double PoorSurfaceLimitedMobilityFactor { get; init; } = 5.0;

    /// <summary>Cyclists prefer separated cycleways; a mixed street with car traffic feels this much longer per 1,000 vehicles/day.</summary>
    [Parameter("per 1,000 vehicles/day", 0, 1, "Reasoned: cyclists prefer separated cycleways to mixed traffic")]
    public double BikeTrafficFactorPerThousandVehicles { get; init; } = 0.03;

    /// <summary>
    /// Spread (log-normal sigma) of the per-segment perception noise that gives people different routes between the
    /// same places; a cheap stand-in for path-size logit's choice set (Sevtsuk &amp; Basu 2022).
    /// </summary>
    [Parameter("log-normal sigma", 0, 2, "Sevtsuk & Basu 2022: a cheap stand-in for the choice set of path-size logit")]
    public double PerceptionNoiseSigma { get; init; } = 0.15;

    /// <summary>How many perceived-cost variants exist per profile; residents are spread over them.</summary>
    [Parameter("variants", 1, 8, "Reasoned: enough perceived-cost variants to spread residents over routes (memory grows with it)")]
    public int RouteVariants { get; init; } = 3;

    /// <summary>
    /// Share of the crossing wait left for a walker at a zebra crossing (walkers have priority). A cyclist has none there
    /// (Dutch traffic rules, RVV 1990 art. 49: drivers give way to pedestrians on a zebra, and a cyclist is a driver),
    /// so the whole wait stays for bikes (<see cref="CrossingShare"/>).
    /// </summary>
    [Parameter("ratio", 0, 1, "Reasoned from Broach & Dill 2015: controlled crossings remove most of the crossing deterrent; a zebra most")]
    public double ZebraCrossingShare { get; init; } = 0.2;

    /// <summary>Share left at traffic lights: safe, but walkers wait (Broach &amp; Dill: signals cut the penalty to a fraction).</summary>
    [Parameter("ratio", 0, 1, "Broach & Dill 2015: a signalised crossing costs a fraction of an unsignalised one (the wait remains)")]
    public double SignalisedCrossingShare { get; init; } = 0.4;

    /// <summary>Share left at a marked crossing without priority.</summary>
    [Parameter("ratio", 0, 1, "Reasoned: markings alone help little")]
    public double UncontrolledCrossingShare { get; init; } = 0.8;

    /// <summary>Streets along parks and water feel this much shorter on foot (green routes are preferred; Sevtsuk &amp; Basu report scenic effects of this order).</summary>
    [Parameter("ratio", 0.3, 1, "Reasoned from route-choice studies that find walkers prefer green, scenic streets (about 10 %)")]
    public double GreenStreetFactor { get; init; } = 0.9;

    /// <summary>
    /// Multiplies every walking route cost: a STOMP plan's priority for walking (better crossings, shorter waits)
    /// shows as a factor below 1 here and in mode choice. 1 is the street as it is.
    /// </summary>
    [Parameter("ratio", 0.3, 3, "STOMP (source doc): re-prioritising the network for walking; 1 = no change")]
    public double WalkCostFactor { get; init; } = 1;

    /// <summary>The same for cycling.</summary>
    [Parameter("ratio", 0.3, 3, "STOMP (source doc): re-prioritising the network for cycling; 1 = no change")]
    public double BikeCostFactor { get; init; } = 1;

    /// <summary>The same for driving (above 1: the car comes last).</summary>
    [Parameter("ratio", 0.3, 3, "STOMP (source doc): the car comes last; 1 = no change")]
    public double CarCostFactor { get; init; } = 1;

    /// <summary>
    /// When a profile's visits are routed with a contraction hierarchy instead of one guided search each: once those
    /// searches have settled this many times the network's arcs in all. Building one costs about as much as settling
    /// a hundred times the arcs (Delft: 150 ms against 280 ns an arc), but it is built on a thread of its own beside
    /// the day's work (<see cref="ArcHierarchyCache"/>), where it mostly fills time a core would wait anyway: so a
    /// profile builds once its searches have cost a fifth of a build (in paired Delft runs a fifth beat a half: waiting
    /// longer left the second core idle while searches went on).
    /// </summary>
    [NotAParameter("a speed trade-off; it changes at most which of two exactly equally cheap routes a visitor takes")]
    public double HierarchyAfterSettledArcsPerArc { get; init; } = 20;

    /// <summary>Upper bound on the memory the shortest-path tree cache may use.</summary>
    [NotAParameter("a memory bound on a cache; results do not depend on it")]
    public long TreeCacheBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Share of the wait for a gap left at a junction with <paramref name="control"/> for <paramref name="mode"/>: signals
    /// and markings serve walkers and cyclists alike, a zebra only walkers.
    /// </summary>
    public double CrossingShare(CrossingControl control, TravelModes mode) => control switch
    {
        CrossingControl.Zebra => mode == TravelModes.Walk ? ZebraCrossingShare : 1,
        CrossingControl.Signalised => SignalisedCrossingShare,
        CrossingControl.Uncontrolled => UncontrolledCrossingShare,
        _ => 1,
    };
}
