namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Coefficients of the nod model (MODEL.md step 6): log-odds contributions that add up to the logit of the chance
/// that an encounter becomes a nod or greeting. Defaults are starting values from the literature named beside
/// each, to be calibrated; all are overridable from a scenario file.
/// </summary>
public sealed record NodParameters
{
    /// <summary>
    /// Log-odds for two strangers on foot passing on a quiet, lit residential street by day: logistic(−2.2) ≈ 10 %.
    /// Dutch street etiquette greets strangers rarely in towns; a modest base keeps first nods occasional.
    /// </summary>
    [Parameter("log-odds", -10, 10, "Reasoned: logistic(-2.2) is about 10 %; Dutch town etiquette greets strangers rarely")]
    public double Intercept { get; init; } = -2.2;

    /// <summary>
    /// Both staying (a bench, a café, the school gate): stationary activity is where contact starts (Gehl 2010;
    /// Whyte 1980; Mehta 2007 on stationary and social activity). Odds × e^1.5 ≈ 4.5.
    /// </summary>
    [Parameter("log-odds", -5, 5, "Gehl 2010; Whyte 1980; Mehta 2007: stationary activity is where contact starts")]
    public double BothStaying { get; init; } = 1.5;

    /// <summary>One stays, the other passes: the sitter watches the street and can greet (Whyte 1980); half of staying.</summary>
    [Parameter("log-odds", -5, 5, "Whyte 1980: the sitter watches the street and can greet; half of staying")]
    public double SitterAndPasserBy { get; init; } = 0.8;

    /// <summary>Walking alongside for half a minute or more gives time to acknowledge each other.</summary>
    [Parameter("log-odds", -5, 5, "Reasoned: walking alongside gives time to acknowledge each other")]
    public double Alongside { get; init; } = 1.0;

    /// <summary>
    /// Per unit of ln(duration / <see cref="ReferenceDurationSeconds"/>): longer contact, more chance to notice and
    /// greet. Capped at <see cref="DurationCapSeconds"/> so an afternoon on the same terrace does not make a nod certain.
    /// </summary>
    [Parameter("log-odds per ln(duration)", -2, 2, "Reasoned: longer contact gives more chance to notice and greet")]
    public double LogDuration { get; init; } = 0.3;

    /// <summary>A head-on pass of two walkers lasts about 2.6 s (7.4 m at 2.8 m/s): durations are measured against 3 s.</summary>
    [Parameter("s", 0.1, 60, "A head-on pass of two walkers lasts about 2.6 s (7.4 m at 2.8 m/s)")]
    public double ReferenceDurationSeconds { get; init; } = 3;

    [Parameter("s", 1, 86_400, "Reasoned: an afternoon on the same terrace does not make a nod certain")]
    public double DurationCapSeconds { get; init; } = 300;

    /// <summary>
    /// Per m/s of the faster person above <see cref="ComfortableWalkingSpeedMetresPerSecond"/>: speed leaves less
    /// time to recognise a face (Gehl 2010, "the 5 km/h architecture"). A cyclist at 5 m/s loses ≈ 1.1.
    /// </summary>
    [Parameter("log-odds per m/s", -5, 5, "Gehl 2010, the 5 km/h architecture: speed leaves less time to recognise a face")]
    public double PerMetrePerSecondAboveWalking { get; init; } = -0.3;

    /// <summary>Bohannon (1997): comfortable walking speed 1.27–1.46 m/s.</summary>
    [Parameter("m/s", 0.3, 2.5, "Bohannon 1997: comfortable walking speed 1.27-1.46 m/s")]
    public double ComfortableWalkingSpeedMetresPerSecond { get; init; } = 1.4;

    /// <summary>
    /// Per unit of ln(other people present): a packed pavement is anonymous; people in crowds screen out contact
    /// (Milgram 1970, "The experience of living in cities"). Ten others present: −0.4 × ln 10 ≈ −0.9.
    /// </summary>
    [Parameter("log-odds per ln(others)", -5, 5, "Milgram 1970, The experience of living in cities: crowds screen out contact")]
    public double PerLogOthersPresent { get; init; } = -0.4;

    /// <summary>
    /// Per 1,000 motor vehicles a day on the segment. Appleyard (1969/1981, Livable Streets): 3.0 friends and
    /// acquaintances per resident on a light street (2,000 vehicles/day) against 0.9 on a heavy one (16,000):
    /// ln(0.9 / 3.0) / 14 ≈ −0.086 per 1,000 vehicles/day.
    /// </summary>
    [Parameter("log-odds per 1,000 vehicles/day", -1, 1, "Appleyard 1969/1981, Livable Streets: ln(0.9 / 3.0) / 14")]
    public double PerThousandVehiclesPerDay { get; init; } = -0.086;

    /// <summary>
    /// After dark on an unlit segment faces are not recognised at social distance (Fotios, Yang &amp; Cheal 2015 on
    /// face recognition under low light): a large penalty.
    /// </summary>
    [Parameter("log-odds", -10, 10, "Fotios, Yang & Cheal 2015: faces are not recognised at social distance in low light")]
    public double DarkUnlit { get; init; } = -1.2;

    /// <summary>After dark on a lit segment (or unknown lighting): some loss (Uttley &amp; Fotios 2017).</summary>
    [Parameter("log-odds", -10, 10, "Uttley & Fotios 2017: some loss after dark on lit streets")]
    public double DarkLit { get; init; } = -0.3;

    /// <summary>
    /// Per unit of ln(1 + S), S = Σ t_j^−d the pair's memory strength (e^activation) before today: people greet whom
    /// they recognise, and recognition grows with frequency and recency of past contact (Pachur et al. 2014).
    /// Met yesterday only: S = 1, +0.83; met daily for two weeks: S ≈ 6.5, +2.4.
    /// </summary>
    [Parameter("log-odds per ln(1 + S)", -5, 5, "Pachur et al. 2014: recognition grows with frequency and recency of past contact")]
    public double PerLogFamiliarity { get; init; } = 1.2;

    public static NodParameters Default { get; } = new();

    /// <summary>
    /// Seconds after sunset (and before sunrise) that it stays light enough to recognise a face: civil twilight, when
    /// the sun is less than 6° below the horizon, lasts 35–50 min in the Netherlands (shortest at the equinoxes,
    /// longest at midsummer); 40 min is its yearly middle. Each day's sunrise and sunset come from the run's
    /// <see cref="Planning.Calendar"/>.
    /// </summary>
    [Parameter("s", 0, 7_200, "Civil twilight (sun less than 6 degrees below the horizon) lasts 35-50 min in the Netherlands")]
    public double CivilTwilightSeconds { get; init; } = 40 * 60;
}
