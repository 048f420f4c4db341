using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Comfortable walking speed by age and sex (Bohannon 1997: 1.27–1.46 m/s for adults; people 60+ about 1.24 m/s),
/// with a personal spread, and slower for people with limited mobility.
/// </summary>
public sealed record WalkingSpeedParameters
{
    [Parameter("m/s", 0.3, 2.5, "Bohannon 1997: comfortable gait speed by age and sex")]
    public double ChildMetresPerSecond { get; init; } = 1.2;

    [Parameter("m/s", 0.3, 2.5, "Bohannon 1997: comfortable gait speed by age and sex")]
    public double YouthMetresPerSecond { get; init; } = 1.40;

    [Parameter("m/s", 0.3, 2.5, "Bohannon 1997: comfortable gait speed by age and sex")]
    public double YoungAdultManMetresPerSecond { get; init; } = 1.46;

    [Parameter("m/s", 0.3, 2.5, "Bohannon 1997: comfortable gait speed by age and sex")]
    public double YoungAdultWomanMetresPerSecond { get; init; } = 1.41;

    [Parameter("m/s", 0.3, 2.5, "Bohannon 1997: comfortable gait speed by age and sex")]
    public double MiddleAgeManMetresPerSecond { get; init; } = 1.43;

    [Parameter("m/s", 0.3, 2.5, "Bohannon 1997: comfortable gait speed by age and sex")]
    public double MiddleAgeWomanMetresPerSecond { get; init; } = 1.39;

    [Parameter("m/s", 0.3, 2.5, "Bohannon 1997: comfortable gait speed by age and sex")]
    public double OlderManMetresPerSecond { get; init; } = 1.27;

    [Parameter("m/s", 0.3, 2.5, "Bohannon 1997: comfortable gait speed by age and sex")]
    public double OlderWomanMetresPerSecond { get; init; } = 1.24;

    /// <summary>Personal spread (coefficient of variation) around the group mean; Bohannon's SDs are ≈ 10–15 %.</summary>
    [Parameter("coefficient of variation", 0, 0.5, "Bohannon 1997: standard deviations are about 10-15 % of the mean")]
    public double PersonalSpread { get; init; } = 0.1;

    /// <summary>People with limited mobility walk at this share of their group's speed.</summary>
    [Parameter("share", 0.1, 1, "Reasoned: people with limited mobility walk slower than their group")]
    public double LimitedMobilityFactor { get; init; } = 0.7;

    public double SpeedOf(ulong seed, int resident, AgeBand age, Gender gender, Health health)
    {
        bool man = gender == Gender.Man;
        double mean = age switch
        {
            AgeBand.Child => ChildMetresPerSecond,
            AgeBand.Youth => YouthMetresPerSecond,
            AgeBand.YoungAdult => man ? YoungAdultManMetresPerSecond : YoungAdultWomanMetresPerSecond,
            AgeBand.MiddleAge => man ? MiddleAgeManMetresPerSecond : MiddleAgeWomanMetresPerSecond,
            _ => man ? OlderManMetresPerSecond : OlderWomanMetresPerSecond,
        };
        if (health == Health.LimitedMobility)
        {
            mean *= LimitedMobilityFactor;
        }
        var stream = new RandomStream(seed, StreamPurpose.Population, (ulong)resident, 77);
        return mean * Math.Clamp(1 + (PersonalSpread * stream.NextGaussian()), 0.6, 1.4);
    }
}
