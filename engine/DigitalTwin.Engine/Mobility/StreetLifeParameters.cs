namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Short stops and pace of walkers on the street (MODEL.md, "Stops and pace"): active frontage, benches and room on the
/// pavement make passers-by slow down and stop for a moment, and a stop is a stay on the street where people meet.
/// </summary>
public sealed record StreetLifeParameters
{
    /// <summary>
    /// Short stops (looking in a window, reading a sign, a word with someone) per walker per 100 m of active frontage
    /// (shops, cafés, workshops). Gehl, Kaefer &amp; Reigstad (2006, "Close encounters with buildings", the 2003 Copenhagen
    /// study; Gehl 2010, Cities for People p. 79) found that in front of active facades walkers often stopped, and that
    /// with the same pedestrian flow the level of activity in front of active facades was seven times that in front of
    /// passive ones. The rate itself is reasoned: one walker in five stops along 100 m of shop fronts.
    /// </summary>
    [Parameter("stops per 100 m", 0, 5, "Gehl, Kaefer & Reigstad 2006: walkers often stop in front of active facades (0.2 per 100 m reasoned)")]
    public double StopsPer100MetresActive { get; init; } = 0.2;

    /// <summary>
    /// The same in front of blank walls, garages and closed fronts: a seventh of active frontage's (Gehl et al. 2006: seven
    /// times as much activity in front of active facades as in front of passive ones at the same flow).
    /// </summary>
    [Parameter("stops per 100 m", 0, 5, "Gehl, Kaefer & Reigstad 2006: seven times less activity in front of passive facades (0.2 / 7)")]
    public double StopsPer100MetresPassive { get; init; } = 0.2 / 7;

    /// <summary>Along homes (front doors, front gardens, windows) and frontage not mapped: between the two, reasoned at twice the passive rate.</summary>
    [Parameter("stops per 100 m", 0, 5, "Reasoned: homes' fronts are between active and passive facades (twice the passive rate)")]
    public double StopsPer100MetresResidential { get; init; } = 0.4 / 7;

    /// <summary>How long a short stop lasts (seconds): a look in a window or a few words; Gehl's stops are brief (reasoned half a minute).</summary>
    [Parameter("s", 1, 600, "Reasoned: a look in a window or a few words last about half a minute (Gehl et al. 2006 count brief stops)")]
    public double StopSeconds { get; init; } = 30;

    /// <summary>
    /// Walking pace in front of active frontage as a share of the walker's own pace. Gehl et al. (2006) observed walkers
    /// slowing down in front of active facades and walking markedly faster along closed ones; 0.9 is reasoned.
    /// </summary>
    [Parameter("share", 0.3, 1, "Gehl, Kaefer & Reigstad 2006: walkers slow down in front of active facades (0.9 reasoned)")]
    public double ActiveFrontagePace { get; init; } = 0.9;

    /// <summary>
    /// Stops on a street with a bench: people sit where there are places to sit (Whyte 1980). Chance that a walker aged 65
    /// or over sits down a while on a bench they pass; others at a quarter of it. Reasoned. At most one sit a trip: a
    /// rest is a pause in a walk, so a street lined with benches is not sat along bench after bench.
    /// </summary>
    [Parameter("probability", 0, 1, "Whyte 1980: people sit where there are places to sit (0.1 for people 65+ reasoned; others a quarter)")]
    public double BenchSitProbabilityOlder { get; init; } = 0.1;

    /// <summary>Minutes sat on a bench passed on the way (Whyte 1980 observed sits of a few minutes to much longer; 5 reasoned).</summary>
    [Parameter("min", 0, 120, "Whyte 1980: sits last from a few minutes to much longer (5 min reasoned)")]
    public double BenchSitMinutes { get; init; } = 5;

    /// <summary>
    /// Pavement width at which stops happen at the full rate; narrower pavements scale them down in proportion (Mehta 2007:
    /// sidewalk width predicts stationary and social activity; 1.8 m lets two people pass a person standing).
    /// </summary>
    [Parameter("m", 0.1, 10, "Mehta 2007: sidewalk width predicts stationary activity; 1.8 m lets two pass a person standing")]
    public double FullStopsPavementMetres { get; init; } = 1.8;

    /// <summary>
    /// Share of time in front of the home spent across the street (a chat with the neighbour opposite) where crossing
    /// costs no wait. Appleyard &amp; Lintell (1972) found residents of the light street in contact across it and those of
    /// the heavy street confined to their own side. Reasoned: a third.
    /// </summary>
    [Parameter("share", 0, 1, "Appleyard & Lintell 1972: on the light street neighbours meet across it, on the heavy one not (a third reasoned)")]
    public double AcrossStreetShare { get; init; } = 1.0 / 3;

    /// <summary>
    /// Crossing wait (seconds, <see cref="RouteCostModel.CrossingWaitSeconds"/>) that halves the chance of going across:
    /// 10 s is the bound between levels of service B and C of the HCM 2010 (ch. 19) pedestrian crossing delay, beyond
    /// which waiting is noticeably irksome. Reasoned.
    /// </summary>
    [Parameter("s", 0.1, 600, "HCM 2010 ch. 19: 10 s of delay bounds levels of service B and C (reasoned half-life)")]
    public double AcrossStreetHalfWaitSeconds { get; init; } = 10;

    public static StreetLifeParameters Default { get; } = new();

    /// <summary>Stops per walker per metre on a segment of the given frontage and pavement width.</summary>
    public double StopsPerMetre(Network.Frontage frontage, double pavementWidthMetres)
    {
        double per100 = frontage switch
        {
            Network.Frontage.Active => StopsPer100MetresActive,
            Network.Frontage.Passive => StopsPer100MetresPassive,
            _ => StopsPer100MetresResidential,
        };
        return per100 / 100 * Math.Clamp(pavementWidthMetres / FullStopsPavementMetres, 0, 1);
    }
}
