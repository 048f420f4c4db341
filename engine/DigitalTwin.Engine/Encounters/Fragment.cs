using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>How the two people of a contact piece move relative to each other (decides the encounter's kind).</summary>
internal enum FragmentKind : byte
{
    Opposite,
    SameDirection,
    PassingBy,
    CoPresent,
}

/// <summary>
/// A contact piece of one pair at one segment, node or place, before joining into episodes. 48 bytes: a city's day
/// holds tens of millions of them twice (as found, and sorted), so a place and a node share one field (a place's
/// fragment has no segment, a node's has its lower segment) and the attention weight is left to the modes it comes
/// from.
/// </summary>
internal struct Fragment
{
    public ulong Pair;
    public double Start;
    public double End;
    public int Segment;     // -1 at a place
    public int PlaceOrNode; // the place (Segment −1), the node (a node's fragment), or −1 (a segment's)
    public float Position;
    public float Speed;
    public int Crowding;
    public FragmentKind Kind;
    public TravelModes ModeA;
    public TravelModes ModeB;

    public readonly int Place => Segment < 0 ? PlaceOrNode : -1;

    public readonly int Node => Segment >= 0 ? PlaceOrNode : -1;
}

/// <summary>
/// A total order on fragments, pair first, so the joined output does not depend on chunking or thread count: the
/// pieces a pair produced anywhere follow each other in time order.
/// </summary>
internal readonly struct FragmentOrder : IKeyedOrder<Fragment>
{
    public static ulong KeyOf(in Fragment item) => item.Pair;

    public int Compare(Fragment x, Fragment y)
    {
        int c = x.Pair.CompareTo(y.Pair);
        if (c != 0) { return c; }
        c = x.Start.CompareTo(y.Start);
        if (c != 0) { return c; }
        c = x.End.CompareTo(y.End);
        if (c != 0) { return c; }
        c = x.Segment.CompareTo(y.Segment);
        if (c != 0) { return c; }
        // Place, then node: with equal segments only one of them can differ, and it is the shared field.
        c = x.PlaceOrNode.CompareTo(y.PlaceOrNode);
        if (c != 0) { return c; }
        c = x.Position.CompareTo(y.Position);
        if (c != 0) { return c; }
        c = x.Kind.CompareTo(y.Kind);
        if (c != 0) { return c; }
        c = x.ModeA.CompareTo(y.ModeA);
        if (c != 0) { return c; }
        c = x.ModeB.CompareTo(y.ModeB);
        if (c != 0) { return c; }
        c = x.Crowding.CompareTo(y.Crowding);
        if (c != 0) { return c; }
        return x.Speed.CompareTo(y.Speed); // the weight follows from the modes
    }
}
