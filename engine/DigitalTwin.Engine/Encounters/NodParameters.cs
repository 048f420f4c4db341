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
    public double Intercept { get; init; } = -2.2;

    /// <summary>
    /// Both staying (a bench, a café, the school gate): stationary activity is where contact starts (Gehl 2010;
    /// Whyte 1980; Mehta 2007 on stationary and social activity). Odds × e^1.5 ≈ 4.5.
    /// </summary>
    public double BothStaying { get; init; } = 1.5;

    /// <summary>One stays, the other passes: the sitter watches the street and can greet (Whyte 1980); half of staying.</summary>
    public double SitterAndPasserBy { get; init; } = 0.8;

    /// <summary>Walking alongside for half a minute or more gives time to acknowledge each other.</summary>
    public double Alongside { get; init; } = 1.0;

    /// <summary>
    /// Per unit of ln(duration / <see cref="ReferenceDurationSeconds"/>): longer contact, more chance to notice and
    /// greet. Capped at <see cref="DurationCapSeconds"/> so an afternoon on the same terrace does not make a nod certain.
    /// </summary>
    public double LogDuration { get; init; } = 0.3;

    /// <summary>A head-on pass of two walkers lasts about 2.6 s (7.4 m at 2.8 m/s): durations are measured against 3 s.</summary>
    public double ReferenceDurationSeconds { get; init; } = 3;

    public double DurationCapSeconds { get; init; } = 300;

    /// <summary>
    /// Per m/s of the faster person above <see cref="ComfortableWalkingSpeedMetresPerSecond"/>: speed leaves less
    /// time to recognise a face (Gehl 2010, "the 5 km/h architecture"). A cyclist at 5 m/s loses ≈ 1.1.
    /// </summary>
    public double PerMetrePerSecondAboveWalking { get; init; } = -0.3;

    /// <summary>Bohannon (1997): comfortable walking speed 1.27–1.46 m/s.</summary>
    public double ComfortableWalkingSpeedMetresPerSecond { get; init; } = 1.4;

    /// <summary>
    /// Per unit of ln(other people present): a packed pavement is anonymous; people in crowds screen out contact
    /// (Milgram 1970, "The experience of living in cities"). Ten others present: −0.4 × ln 10 ≈ −0.9.
    /// </summary>
    public double PerLogOthersPresent { get; init; } = -0.4;

    /// <summary>
    /// Per 1,000 motor vehicles a day on the segment. Appleyard (1969/1981, Livable Streets): 3.0 friends and
    /// acquaintances per resident on a light street (2,000 vehicles/day) against 0.9 on a heavy one (16,000):
    /// ln(0.9 / 3.0) / 14 ≈ −0.086 per 1,000 vehicles/day.
    /// </summary>
    public double PerThousandVehiclesPerDay { get; init; } = -0.086;

    /// <summary>
    /// After dark on an unlit segment faces are not recognised at social distance (Fotios, Yang &amp; Cheal 2015 on
    /// face recognition under low light): a large penalty.
    /// </summary>
    public double DarkUnlit { get; init; } = -1.2;

    /// <summary>After dark on a lit segment (or unknown lighting): some loss (Uttley &amp; Fotios 2017).</summary>
    public double DarkLit { get; init; } = -0.3;

    /// <summary>
    /// Evening darkness from this time (seconds since midnight). 19:30 is about the yearly average of civil dusk in
    /// the Netherlands with daylight saving; the simulator may set it per day of the year.
    /// </summary>
    public double DarkFromSeconds { get; init; } = 19.5 * 3600;

    /// <summary>Morning darkness until this time (seconds since midnight); about the yearly average of dawn, 07:00.</summary>
    public double DarkUntilSeconds { get; init; } = 7 * 3600;

    /// <summary>
    /// Per unit of ln(1 + S), S = Σ t_j^−d the pair's memory strength (e^activation) before today: people greet whom
    /// they recognise, and recognition grows with frequency and recency of past contact (Pachur et al. 2014).
    /// Met yesterday only: S = 1, +0.83; met daily for two weeks: S ≈ 6.5, +2.4.
    /// </summary>
    public double PerLogFamiliarity { get; init; } = 1.2;

    public static NodParameters Default { get; } = new();
}
