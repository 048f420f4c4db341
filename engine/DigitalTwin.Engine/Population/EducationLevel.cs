namespace DigitalTwin.Engine.Population;

/// <summary>Highest education level attained (a_opl_lg / a_opl_md / a_opl_hg, the CBS split for 15–75 year-olds).</summary>
public enum EducationLevel : byte
{
    /// <summary>Under 15: not applicable.</summary>
    None = 0,

    /// <summary>Primary, vmbo, first years of havo/vwo, mbo-1.</summary>
    Low,

    /// <summary>Upper havo/vwo, mbo-2 to mbo-4.</summary>
    Middle,

    /// <summary>Hbo or university.</summary>
    High,
}
