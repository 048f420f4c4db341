namespace DigitalTwin.Engine.Familiarity;

/// <summary>How repeated encounters become ties and how ties fade (MODEL.md step 7). Overridable per scenario.</summary>
public sealed record FamiliarityParameters
{
    /// <summary>
    /// Decay d of the ACT-R base-level activation A = ln Σ t_j^−d (t in days since each encounter). 0.5 is ACT-R's
    /// default (Anderson &amp; Lebiere 1998) and fits the recency effect of social contact in Pachur, Schooler &amp;
    /// Stevens (2014, "We'll meet again").
    /// </summary>
    public double ActivationDecay { get; init; } = 0.5;

    /// <summary>
    /// An encounter is never counted as younger than this (days) when activation is computed, so t^−d stays
    /// finite for encounters earlier the same day. One hour.
    /// </summary>
    public double MinimumAgeDays { get; init; } = 1.0 / 24;

    /// <summary>Familiar stranger: seen on at least this many different days (MODEL.md; Milgram 1972) ...</summary>
    public int FamiliarStrangerDays { get; init; } = 3;

    /// <summary>... within this many days (MODEL.md: ≥ 3 encounters on ≥ 3 days within 14 days). At most 64.</summary>
    public int FamiliarStrangerWindowDays { get; init; } = 14;

    /// <summary>
    /// Nodding contact: nodded or greeted on at least this many different days ("knikkende contacten" are people one
    /// greets repeatedly, not once; source doc ch. 2) ...
    /// </summary>
    public int NoddingContactNodDays { get; init; } = 2;

    /// <summary>... within this many days. At most 64.</summary>
    public int NoddingContactWindowDays { get; init; } = 28;

    /// <summary>
    /// Acquaintance: a nodding contact who has also spent this much time (seconds) together while both were
    /// staying (MODEL.md: ≥ 5 min; stationary time is where conversation starts, Mehta 2007).
    /// </summary>
    public double AcquaintanceStationarySeconds { get; init; } = 300;

    /// <summary>
    /// A familiar stranger is forgotten when activation falls below this: the minimal tie (three meetings five days
    /// apart) drops after about four weeks without contact (MODEL.md: ties fade over weeks to months).
    /// </summary>
    public double FamiliarStrangerFadeActivation { get; init; } = -0.65;

    /// <summary>Nodding contacts last longer: a greeting is remembered (a minimal one fades after ~2 months).</summary>
    public double NoddingContactFadeActivation { get; init; } = -0.9;

    /// <summary>Acquaintances last longest (a minimal one fades after ~3–4 months without contact).</summary>
    public double AcquaintanceFadeActivation { get; init; } = -1.1;

    public static FamiliarityParameters Default { get; } = new();
}
