namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// One piece of a route on one segment: from <see cref="FromOffsetMetres"/> to <see cref="ToOffsetMetres"/>
/// (offsets measured from the segment's start node, so a leg against the segment's direction has From &gt; To).
/// </summary>
internal readonly record struct RouteLeg(int Segment, float FromOffsetMetres, float ToOffsetMetres)
{
    public bool Forward => ToOffsetMetres >= FromOffsetMetres;

    public float LengthMetres => Math.Abs(ToOffsetMetres - FromOffsetMetres);

    /// <summary>Turns a route around in place: the legs in reverse order, each walked the other way.</summary>
    public static void Reverse(List<RouteLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        legs.Reverse();
        for (int i = 0; i < legs.Count; i++)
        {
            legs[i] = new RouteLeg(legs[i].Segment, legs[i].ToOffsetMetres, legs[i].FromOffsetMetres);
        }
    }
}
