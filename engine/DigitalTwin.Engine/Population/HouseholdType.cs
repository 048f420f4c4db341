namespace DigitalTwin.Engine.Population;

/// <summary>The CBS household split: a_1p_hh, a_hh_z_k (several people, no children), a_hh_m_k (with children at home).</summary>
public enum HouseholdType : byte
{
    OnePerson = 0,

    /// <summary>Several people without children at home: couples, flatmates.</summary>
    WithoutChildren,

    /// <summary>One or two parents with at least one child living at home (children of any age, as CBS counts them).</summary>
    WithChildren,
}
