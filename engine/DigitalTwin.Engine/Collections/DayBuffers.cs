namespace DigitalTwin.Engine.Collections;

/// <summary>
/// How much day-sized storage is kept from one day to the next. Reusing buffers saves allocating them anew every day,
/// which matters for a neighbourhood's many short days; at city scale a day takes tens of seconds, its buffers are
/// gigabytes, and holding all of them at once is what sets the run's peak memory. So a buffer larger than
/// <see cref="KeepAcrossDaysBytes"/> is given back as soon as its part of the day is done and made anew when next
/// needed (a few hundred MB in milliseconds, against a day of tens of seconds). Results never depend on it.
/// </summary>
internal static class DayBuffers
{
    /// <summary>Above this a buffer is not kept for the next day (Delft's largest, the node pieces, is 70 MB).</summary>
    public const long KeepAcrossDaysBytes = 256L << 20;
}
