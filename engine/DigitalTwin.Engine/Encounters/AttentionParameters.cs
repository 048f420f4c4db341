namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Who notices whom (MODEL.md, "Attention"): passing within social distance is not meeting. An encounter is noticed
/// with a chance that grows with how long the two are in view of each other and falls in a crowd, where a person can
/// attend to only a few of those around. Only noticed encounters can become nods and build familiarity.
/// </summary>
public sealed record AttentionParameters
{
    /// <summary>
    /// Rate (per second in view) at which a person takes in a face: the chance to notice someone seen for t seconds is
    /// 1 − e^(−rate × t). Walkers look at other people's faces only part of the time and briefly (Goffman 1963's civil
    /// inattention; eye-tracking of walkers, Foulsham, Walker &amp; Kingstone 2011, finds gaze on people a minority of
    /// fixations). Reasoned: one face in two seconds of view, so a 2.6 s head-on pass is noticed three times in four, a
    /// one-second brush two times in five, and anyone sat beside for a minute surely.
    /// </summary>
    [Parameter("per s", 0.01, 100, "Reasoned after Goffman 1963 (civil inattention) and Foulsham et al. 2011 (walkers' gaze): one face in 2 s of view")]
    public double NoticeRatePerSecond { get; init; } = 0.5;

    /// <summary>
    /// How many of the people around one can attend to at a time: in a crowd of n others the chance to notice any one of
    /// them is multiplied by min(1, capacity / n). Multiple-object tracking studies find people follow about four moving
    /// things at once (Pylyshyn &amp; Storm 1988); Milgram (1970) describes the overload that makes city people screen out most
    /// of those around them.
    /// </summary>
    [Parameter("people", 1, 100, "Pylyshyn & Storm 1988: about four moving objects are tracked at once; Milgram 1970 on overload")]
    public double Capacity { get; init; } = 4;

    public static AttentionParameters Default { get; } = new();
}
