namespace DigitalTwin.Engine.Observations;

/// <summary>
/// The aspects a resident may rate a place or street on, each 1 to 5 (Leefplekmeter style; docs/observations.md).
/// The TNO guide names the Leefplekmeter (residents evaluate their surroundings theme by theme) without its themes;
/// these four are the guide's own themes for social cohesion: feeling safe, being comfortable to stay, meeting
/// others, and green.
/// </summary>
public enum ObservationAspect
{
    Safety,
    Comfort,
    Meeting,
    Greenery,
}

/// <summary>
/// A resident's ratings of one observation, per <see cref="ObservationAspect"/>: 1 (very poor) to 5 (very good), 3
/// neutral, 0 where the aspect was not rated. A five-point scale with a neutral middle, as rating forms use.
/// </summary>
public readonly record struct AspectRatings(byte Safety, byte Comfort, byte Meeting, byte Greenery)
{
    public const int Lowest = 1;
    public const int Highest = 5;

    /// <summary>The scale's middle: a rating of 3 changes nothing in the model.</summary>
    public const double Neutral = 3;

    /// <summary>The file words of the aspects (the CSV column and GeoJSON property names), in enum order.</summary>
    public static IReadOnlyList<string> Words { get; } = ["safety", "comfort", "meeting", "greenery"];

    public static AspectRatings None => default;

    public byte this[ObservationAspect aspect] => aspect switch
    {
        ObservationAspect.Safety => Safety,
        ObservationAspect.Comfort => Comfort,
        ObservationAspect.Meeting => Meeting,
        _ => Greenery,
    };

    public bool Any => Safety + Comfort + Meeting + Greenery > 0;

    public AspectRatings With(ObservationAspect aspect, byte rating) => aspect switch
    {
        ObservationAspect.Safety => this with { Safety = rating },
        ObservationAspect.Comfort => this with { Comfort = rating },
        ObservationAspect.Meeting => this with { Meeting = rating },
        _ => this with { Greenery = rating },
    };

    /// <summary>The mean of the aspects rated, or null when none was.</summary>
    public double? Mean()
    {
        int sum = 0, count = 0;
        foreach (byte r in (ReadOnlySpan<byte>)[Safety, Comfort, Meeting, Greenery])
        {
            if (r > 0)
            {
                sum += r;
                count++;
            }
        }
        return count == 0 ? null : (double)sum / count;
    }
}
