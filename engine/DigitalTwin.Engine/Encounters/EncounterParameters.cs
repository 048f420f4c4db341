namespace DigitalTwin.Engine.Encounters;

/// <summary>What counts as an encounter (MODEL.md step 5). Every value is overridable from a scenario file.</summary>
public sealed record EncounterParameters
{
    /// <summary>
    /// Two people closer than this (metres: along the street and across it, from their lateral positions) are in each
    /// other's social space: Hall's (1966)
    /// proxemics puts the far end of social distance at 12 ft ≈ 3.7 m, where faces are recognised and a nod or
    /// greeting is natural.
    /// </summary>
    [Parameter("m", 0.5, 10, "Hall 1966, The Hidden Dimension: social distance ends at about 3.7 m (12 ft)")]
    public double SocialDistanceMetres { get; init; } = 3.7;

    /// <summary>
    /// Two people moving the same way who stay within social distance this long walk (or ride) together: below it,
    /// one overtakes the other. 30 s is about 40 m at walking pace, longer than any overtaking at walking speed
    /// differences above ~0.2 m/s (2 × 3.7 m / 0.2 m/s ≈ 37 s is the slow end), so only people genuinely keeping pace
    /// are called alongside.
    /// </summary>
    [Parameter("s", 0, 600, "Reasoned: 30 s outlasts any overtaking at walking speed differences above 0.2 m/s")]
    public double AlongsideMinimumSeconds { get; init; } = 30;

    /// <summary>
    /// How much a cyclist takes in of the people around, relative to someone on foot (1). Gehl (2010, Cities for
    /// People) on the 'sense of speed': at 15–20 km/h faces and details blur and attention goes to the road; we take
    /// 0.4. An encounter's weight is the product of both people's factors (each has to notice the other), so
    /// walker–cyclist weighs 0.4 and cyclist–cyclist 0.16. Car occupants take in nothing (Gehl) and are never
    /// considered at all.
    /// </summary>
    [Parameter("weight", 0, 1, "Gehl 2010, Cities for People: at 15-20 km/h faces blur; 0.4 is a modelling choice")]
    public double CyclistAttention { get; init; } = 0.4;

    /// <summary>
    /// A contact that lapses for at most this long and resumes is the same encounter (a lamp post, a parked car or a
    /// step aside breaks it only for a moment). Also joins the pieces of one contact across segments and nodes.
    /// </summary>
    [Parameter("s", 0, 120, "Reasoned: a lamp post or a step aside breaks a contact only for a moment")]
    public double EpisodeGapSeconds { get; init; } = 5;

    /// <summary>Episodes shorter than this are not encounters (0: any contact counts; zero-length touches never do).</summary>
    [Parameter("s", 0, 600, "Reasoned: 0 counts any contact of positive length")]
    public double MinimumDurationSeconds { get; init; }

    /// <summary>
    /// A walker on a segment whose usable pavement is narrower than this (metres) walks on the carriageway edge with
    /// attention on traffic and cannot stop or walk side by side: the passage takes part in no encounter. 0 keeps
    /// only streets without any pavement out; raise it (e.g. to 0.9 m, one person's width) for stricter runs.
    /// </summary>
    [Parameter("m", 0, 5, "Reasoned: 0 keeps only streets without pavement out; 0.9 m is one person")]
    public double MinimumPavementWidthMetres { get; init; }

    /// <summary>
    /// People staying on opposite sides of a street see each other within this distance (metres, straight across and
    /// along): Gehl (2010, Cities for People, the social field of vision) puts recognising a known face and reading its
    /// expression at up to about 25 m. A narrow street keeps neighbours opposite within it; a wide road does not.
    /// </summary>
    [Parameter("m", 0, 100, "Gehl 2010, Cities for People: faces and expressions are recognised up to about 25 m")]
    public double AcrossStreetSightMetres { get; init; } = 25;

    /// <summary>
    /// How traffic noise and movement cut contact across a street: the weight of a sighting across is e^(−k × vehicles/day
    /// / 1000). Appleyard &amp; Lintell (1972) found the heavy street's noise and traffic cut off contact across it; their
    /// friend ratio between the light and heavy street (3.0 against 0.9 over 14,000 vehicles) gives k = ln(3.0/0.9)/14.
    /// </summary>
    [Parameter("per 1,000 vehicles/day", 0, 1, "Appleyard & Lintell 1972: noise and traffic cut contact across the heavy street; ln(3.0/0.9)/14")]
    public double AcrossStreetNoiseDecayPerThousandVehicles { get; init; } = 0.086;

    /// <summary>Threads for the per-segment sweep (1 is fine for small runs; results do not depend on it).</summary>
    [NotAParameter("a thread count; results do not depend on it")]
    public int MaxThreads { get; init; } = Environment.ProcessorCount;

    public static EncounterParameters Default { get; } = new();
}
