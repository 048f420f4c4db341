namespace DigitalTwin.Engine.Population;

/// <summary>The five age bands of CBS Kerncijfers wijken en buurten (a_00_14 … a_65_oo), used for groups in reports.</summary>
public enum AgeBand : byte
{
    /// <summary>0–14 years (a_00_14).</summary>
    Child = 0,

    /// <summary>15–24 years (a_15_24).</summary>
    Youth,

    /// <summary>25–44 years (a_25_44).</summary>
    YoungAdult,

    /// <summary>45–64 years (a_45_64).</summary>
    MiddleAge,

    /// <summary>65 years and older (a_65_oo).</summary>
    Older,
}
