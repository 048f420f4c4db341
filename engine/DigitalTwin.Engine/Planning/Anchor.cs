namespace DigitalTwin.Engine.Planning;

internal enum AnchorKind : byte
{
    /// <summary>The resident's own home.</summary>
    Home = 0,

    /// <summary>A place of the neighbourhood (index into the place set).</summary>
    Place,

    /// <summary>Where a road leaves the map: trips beyond the neighbourhood go through one (index into the gateways).</summary>
    Gateway,

    /// <summary>Someone else's home, for a visit (index into the home set).</summary>
    OtherHome,
}

/// <summary>A location a resident travels between: home, a place, a gateway out of the map, or another home.</summary>
internal readonly record struct Anchor(AnchorKind Kind, int Index)
{
    public static Anchor Home { get; } = new(AnchorKind.Home, -1);
}

/// <summary>How a stay at a destination can be seen by others (decides whether it can produce encounters).</summary>
internal enum StayKind : byte
{
    /// <summary>Not in public: at work, in class, at someone's home.</summary>
    Unobserved = 0,

    /// <summary>At a place where people are together: a café, a park, a bench, a shop.</summary>
    AtPlace,

    /// <summary>On the pavement at the destination's position: the school gate, a pause on a dog walk, the front door.</summary>
    OnStreet,

    /// <summary>In the middle of a calm street at the destination's position: children playing there.</summary>
    InStreet,
}
