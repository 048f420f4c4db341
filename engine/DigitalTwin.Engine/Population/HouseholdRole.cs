namespace DigitalTwin.Engine.Population;

/// <summary>A resident's place in the household.</summary>
public enum HouseholdRole : byte
{
    /// <summary>Lives alone.</summary>
    Single = 0,

    /// <summary>One of a couple (or the first adult) in a household without children.</summary>
    Partner,

    /// <summary>A parent in a household with children.</summary>
    Parent,

    /// <summary>A child living at home (any age, as CBS counts them).</summary>
    Child,

    /// <summary>Any further adult: flatmate, adult relative.</summary>
    OtherMember,
}
