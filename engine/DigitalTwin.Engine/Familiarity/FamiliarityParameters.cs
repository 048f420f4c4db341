namespace DigitalTwin.Engine.Familiarity;

/// <summary>How repeated encounters become ties and how ties fade (MODEL.md step 7). Overridable per scenario.</summary>
public sealed record FamiliarityParameters
{
    /// <summary>
    /// Decay d of the ACT-R base-level activation A = ln Σ t_j^−d (t in days since each encounter). 0.5 is ACT-R's
    /// default (Anderson &amp; Lebiere 1998) and fits the recency effect of social contact in Pachur, Schooler &amp;
    /// Stevens (2014, "We'll meet again").
    /// </summary>
    [Parameter("", 0.01, 2, "ACT-R default d = 0.5 (Anderson & Lebiere 1998); fits Pachur, Schooler & Stevens 2014")]
    public double ActivationDecay { get; init; } = 0.5;

    /// <summary>
    /// An encounter is never counted as younger than this (days) when activation is computed, so t^−d stays
    /// finite for encounters earlier the same day. One hour.
    /// </summary>
    [Parameter("days", 0.0001, 1, "Reasoned: one hour keeps t^-d finite for encounters earlier the same day")]
    public double MinimumAgeDays { get; init; } = 1.0 / 24;

    /// <summary>Familiar stranger: seen on at least this many different days (MODEL.md; Milgram 1972) ...</summary>
    [Parameter("days", 1, 64, "MODEL.md; Milgram 1972: seen on at least 3 different days")]
    public int FamiliarStrangerDays { get; init; } = 3;

    /// <summary>... within this many days (MODEL.md: ≥ 3 encounters on ≥ 3 days within 14 days). At most 64.</summary>
    [Parameter("days", 1, 64, "MODEL.md: at least 3 encounters on at least 3 days within 14 days (at most 64)")]
    public int FamiliarStrangerWindowDays { get; init; } = 14;

    /// <summary>
    /// Nodding contact: nodded or greeted on at least this many different days ("knikkende contacten" are people one
    /// greets repeatedly, not once; source doc ch. 2) ...
    /// </summary>
    [Parameter("days", 1, 64, "Source doc ch. 2: nodding contacts are people one greets repeatedly, not once")]
    public int NoddingContactNodDays { get; init; } = 2;

    /// <summary>... within this many days. At most 64.</summary>
    [Parameter("days", 1, 64, "Reasoned: four weeks (at most 64)")]
    public int NoddingContactWindowDays { get; init; } = 28;

    /// <summary>
    /// Acquaintance: a nodding contact who has also talked with the other this long (seconds): time spent staying together
    /// counts only on encounters that began with a greeting (a nod while both stayed), not mere co-presence
    /// (MODEL.md: ≥ 5 min; stationary time is where conversation starts, Mehta 2007).
    /// </summary>
    [Parameter("s", 0, 86_400, "MODEL.md: at least 5 minutes of stationary time together; Mehta 2007")]
    public double AcquaintanceStationarySeconds { get; init; } = 300;

    /// <summary>
    /// A familiar stranger is forgotten when activation falls below this: the minimal tie (three meetings five days
    /// apart) drops after about four weeks without contact (MODEL.md: ties fade over weeks to months).
    /// </summary>
    [Parameter("activation", -10, 5, "MODEL.md: ties fade over weeks; a minimal tie drops after about four weeks")]
    public double FamiliarStrangerFadeActivation { get; init; } = -0.65;

    /// <summary>Nodding contacts last longer: a greeting is remembered (a minimal one fades after ~2 months).</summary>
    [Parameter("activation", -10, 5, "Reasoned: a greeting is remembered; a minimal one fades after about 2 months")]
    public double NoddingContactFadeActivation { get; init; } = -0.9;

    /// <summary>Acquaintances last longest (a minimal one fades after ~3–4 months without contact).</summary>
    [Parameter("activation", -10, 5, "Reasoned: a minimal acquaintance fades after 3-4 months without contact")]
    public double AcquaintanceFadeActivation { get; init; } = -1.1;

    public static FamiliarityParameters Default { get; } = new();

    /// <summary>
    /// A pair that holds no tie and has not nodded within <see cref="NoddingContactWindowDays"/> is forgotten when its
    /// activation falls below this, and the ledger may drop it (it still counts among the people met). Most pairs
    /// meet once: with d = 0.5 a single meeting falls below −1.3 after e^2.6 ≈ 13.5 days, by when it has left the
    /// 14-day familiar-stranger window, so forgetting never takes a day away from that rule. What is lost: memory
    /// strength below e^−1.3 ≈ 0.27 (a nod-logit term of at most 1.2 × ln 1.27 ≈ 0.29 on a meeting after that long)
    /// and shared stationary time of pairs that never nodded. Lower keeps more pairs longer (more memory).
    /// </summary>
    [Parameter("activation", -50, 0, "Reasoned: a single meeting is forgotten after about 13.5 days, once it has left the 14-day familiar-stranger window")]
    public double ForgottenActivation { get; init; } = -1.3;
}
