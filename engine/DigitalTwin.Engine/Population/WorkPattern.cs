namespace DigitalTwin.Engine.Population;

/// <summary>When a worker works (source doc Tabel 1: night and weekend workers have less time and energy for the street).</summary>
public enum WorkPattern : byte
{
    /// <summary>No paid work: children, pupils, students, retired and others not working.</summary>
    None = 0,

    /// <summary>Regular daytime hours.</summary>
    Day,

    /// <summary>Rotating shifts (early, late, weekends).</summary>
    Shift,

    /// <summary>Mainly at night.</summary>
    Night,
}
