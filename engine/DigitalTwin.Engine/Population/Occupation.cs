namespace DigitalTwin.Engine.Population;

/// <summary>What a resident mainly does on a weekday; day planning starts from it.</summary>
public enum Occupation : byte
{
    /// <summary>0–3 years: not yet at school (Dutch children start primary school at 4); goes where a parent goes.</summary>
    Infant = 0,

    /// <summary>4–17 years at primary or secondary school (leerplicht and kwalificatieplicht up to 18).</summary>
    Pupil,

    /// <summary>In tertiary or vocational education (mostly 18–24).</summary>
    Student,

    /// <summary>Paid work; see <see cref="WorkPattern"/> for when.</summary>
    Worker,

    /// <summary>65 or older and not working.</summary>
    Retired,

    /// <summary>Adult under 65 without paid work: homemaker, job seeker, unable to work.</summary>
    NotWorking,
}
