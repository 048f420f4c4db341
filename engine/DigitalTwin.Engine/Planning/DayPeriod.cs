namespace DigitalTwin.Engine.Planning;

/// <summary>The Dutch "dagdelen" the model reports by (MODEL.md step 1).</summary>
public enum DayPeriod : byte
{
    /// <summary>06:00–12:00.</summary>
    Morning = 0,

    /// <summary>12:00–18:00.</summary>
    Afternoon,

    /// <summary>18:00–24:00.</summary>
    Evening,

    /// <summary>00:00–06:00.</summary>
    Night,
}

internal static class DayPeriods
{
    public const int Count = 4;

    public const double SecondsPerDay = 86_400;

    public static DayPeriod Of(double timeSeconds)
    {
        double hour = timeSeconds / 3600.0 % 24;
        return hour switch
        {
            < 6 => DayPeriod.Night,
            < 12 => DayPeriod.Morning,
            < 18 => DayPeriod.Afternoon,
            _ => DayPeriod.Evening,
        };
    }

    public static string Name(DayPeriod period) => period switch
    {
        DayPeriod.Morning => "morning",
        DayPeriod.Afternoon => "afternoon",
        DayPeriod.Evening => "evening",
        _ => "night",
    };
}
