using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Mobility;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// One interval in a sweep: a passage or stay on a segment, its part near a node, or a stay at a place. On a segment,
/// X is the position (metres from the start node); at a node, X is the distance to the node; at a place X is unused.
/// X(t) = X0 + Velocity (t − Start) for t in [Start, End]. Lateral is constant: on a segment the offset left of its
/// centre line (start-to-end view); at a node the offset left of the centre line looking towards the node (so two
/// pieces' separation there is the sum; see <see cref="EncounterGeometry"/>).
/// </summary>
internal struct Piece
{
    public double Start;
    public double End;
    public double X0;
    public float Velocity; // a speed (float) with a sign: exact as float, and 8 bytes less per piece
    public float Lateral;  // an offset stored as float in the trajectories: exact as float
    public int Resident;
    public int Place;
    public int Segment;    // at a place: the stay's zone (see Zone)
    public TravelModes Mode;
    public bool IsStay;

    /// <summary>
    /// At a place, the zone of the stay: a place's pieces have no segment, so they keep it there. Pieces are written
    /// twice a passage or more (segment, nodes, the sorted copy), so every byte saved is memory traffic saved; 48 bytes
    /// a piece.
    /// </summary>
    public int Zone
    {
        readonly get => Segment;
        set => Segment = value;
    }

    /// <summary>The speed: the velocity's size (a float speed with a sign), 0 for a stay.</summary>
    public readonly float Speed => Math.Abs(Velocity);

    public readonly double At(double time) => X0 + Velocity * (time - Start);

    public readonly bool Moves => !IsStay && Velocity != 0;

    /// <summary>Stay <paramref name="index"/> of the day as a piece on <paramref name="segment"/> (−1 at its place).</summary>
    public static Piece Stay(TrajectoryBuffer t, int index, int segment) => new()
    {
        Start = t.StayStartTimeSeconds[index],
        End = t.StayEndTimeSeconds[index],
        X0 = t.StayOffsetMetres[index],
        Velocity = 0,
        Lateral = t.StayLateralOffsetMetres[index],
        Resident = t.StayResident[index],
        Place = t.StayPlace[index],
        Segment = segment,
        Mode = TravelModes.None,
        IsStay = true,
    };
}

/// <summary>Sweep order: zone (places), start time, then resident and end so ties are broken the same way always.</summary>
internal readonly struct PieceOrder : IComparer<Piece>
{
    /// <summary>
    /// The order as one delegate made once: <c>Span.Sort(TComparer)</c> would box a struct comparer and make a
    /// delegate on every call (hundreds of thousands a day).
    /// </summary>
    public static readonly Comparison<Piece> Comparison = default(PieceOrder).Compare;

    public int Compare(Piece x, Piece y)
    {
        int c = x.Zone.CompareTo(y.Zone);
        if (c != 0) { return c; }
        c = x.Start.CompareTo(y.Start);
        if (c != 0) { return c; }
        c = x.Resident.CompareTo(y.Resident);
        if (c != 0) { return c; }
        c = x.End.CompareTo(y.End);
        if (c != 0) { return c; }
        c = x.Segment.CompareTo(y.Segment);
        return c != 0 ? c : x.X0.CompareTo(y.X0);
    }
}
