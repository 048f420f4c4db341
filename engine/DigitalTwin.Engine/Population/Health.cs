namespace DigitalTwin.Engine.Population;

/// <summary>Health as far as it matters on the street (source doc Tabel 1, "Gezondheid"): whether walking is limited.</summary>
public enum Health : byte
{
    Good = 0,

    /// <summary>At least one mobility limitation (walking 400 m, stairs): slower, shorter trips, cobbles are a barrier.</summary>
    LimitedMobility,
}
