using System.Runtime.CompilerServices;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// When two people are within social distance d, exactly and in continuous time: the rules that
/// <c>BruteForceEncounterDetector</c> (tests/DigitalTwin.TestKit) checks by sampling. Every piece moves on a straight
/// line in (time, position): x(t) = x0 + v (t − t0), with a constant lateral offset y (a stay has v = 0). So the gap
/// between two of them is linear in time, g(τ) = g0 + w τ from the start of their overlap, and "within d" is a linear
/// inequality solved for τ (<see cref="Solve"/>); there is no time step.
/// <list type="bullet">
/// <item><b>Same segment</b>: (x_a − x_b)² + (y_a − y_b)² ≤ d², so |x_a(t) − x_b(t)| ≤ r with r = sqrt(d² − (y_a − y_b)²)
/// (<see cref="AlongReach"/>); never when |y_a − y_b| ≥ d (two walkers on opposite pavements of a wide road). Here
/// g0 = x_a − x_b at the overlap's start and w = v_a − v_b.</item>
/// <item><b>Two segments sharing a node</b>: the path through the node is unfolded into one straight street. Along it
/// the distance is the sum of the two distances to the node, x'_a + x'_b ≤ r (<see cref="NearStartNode"/> and
/// <see cref="NearEndNode"/> turn a piece into its distance to a node, x' = x at the start node and L − x at the end
/// node, and cut it to where x' ≤ d); across it, the laterals seen in one direction of travel through the node: with
/// each y' the offset left of the centre line looking towards the node (the segment's own y, sign flipped when the
/// segment starts at the node), looking towards the node from one side is looking away from it on the other, so the
/// separation is |y'_a + y'_b| and r = sqrt(d² − (y'_a + y'_b)²). Exact for a straight continuation; at a corner the
/// Euclidean distance differs a little (usually shorter, so corner contacts are slightly under-counted). Contacts
/// across two nodes (through a segment shorter than d) are not seen.</item>
/// <item><b>The same place</b>: co-present for the whole overlap; which pairs share a zone is the sweep's business
/// (see <see cref="PlaceZones"/>).</item>
/// </list>
/// Every quantity is computed with the lower resident as a, so the numbers never depend on the sweep order.
/// </summary>
internal static class EncounterGeometry
{
    /// <summary>
    /// The time [<paramref name="start"/>, <paramref name="end"/>] in which two pieces of one sweep are within
    /// <paramref name="d"/> (<paramref name="a"/> the lower resident's): inside the overlap of their intervals, the
    /// part where the rule of <paramref name="kind"/> holds. False when there is none, or only a single instant.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InContact(in Piece a, in Piece b, SweepKind kind, double d, out double start, out double end)
    {
        double lo = Math.Max(a.Start, b.Start);
        double hi = Math.Min(a.End, b.End);
        start = lo;
        end = lo;
        if (!(hi > lo))
        {
            return false;
        }
        double from;
        double until;
        switch (kind)
        {
            case SweepKind.Segment:
                if (!AlongReach(d, (double)a.Lateral - b.Lateral, out double reach)
                    || !Solve(a.At(lo) - b.At(lo), (double)a.Velocity - b.Velocity, hi - lo, reach, absolute: true, out from, out until))
                {
                    return false;
                }
                break;
            case SweepKind.Node:
                // Both laterals look towards the node: facing each other through it, left of one is right of the other.
                if (!AlongReach(d, (double)a.Lateral + b.Lateral, out double nodeReach)
                    || !Solve(a.At(lo) + b.At(lo), (double)a.Velocity + b.Velocity, hi - lo, nodeReach, absolute: false, out from, out until))
                {
                    return false;
                }
                break;
            default:
                (from, until) = (0, hi - lo);
                break;
        }
        start = lo + from;
        end = until >= hi - lo ? hi : lo + until;
        return end > start;
    }

    /// <summary>
    /// How the two move relative to each other: both still (co-present), one still (passing by), else the same way or
    /// opposite ways along the street. Through a node the distances to the node run opposite to the path: one
    /// approaching (x' falling) and one leaving (x' rising) move the same way along the unfolded street.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FragmentKind KindOf(in Piece a, in Piece b, SweepKind kind)
    {
        if (!a.Moves && !b.Moves)
        {
            return FragmentKind.CoPresent;
        }
        if (!a.Moves || !b.Moves)
        {
            return FragmentKind.PassingBy;
        }
        if (kind == SweepKind.Node)
        {
            return (a.Velocity < 0) != (b.Velocity < 0) ? FragmentKind.SameDirection : FragmentKind.Opposite;
        }
        return (a.Velocity > 0) == (b.Velocity > 0) ? FragmentKind.SameDirection : FragmentKind.Opposite;
    }

    /// <summary>
    /// The part of a segment's piece near its start node, as a piece at that node: x' = x (velocity unchanged), cut
    /// to where x' ≤ d (the largest reach any lateral separation allows). Looking towards the start node, the
    /// segment's left is the other way round: the lateral flips sign. False when the piece never comes that near.
    /// </summary>
    public static bool NearStartNode(in Piece piece, double d, out Piece atNode)
    {
        atNode = piece;
        if (!ClipToNode(ref atNode, piece.X0, piece.Velocity, d))
        {
            return false;
        }
        atNode.Lateral = -piece.Lateral;
        return true;
    }

    /// <summary>
    /// The part of a segment's piece near its end node, as a piece at that node: x' = L − x, so the velocity flips
    /// sign; the lateral already looks towards the end node. False when the piece never comes within d.
    /// </summary>
    public static bool NearEndNode(in Piece piece, double segmentLengthMetres, double d, out Piece atNode)
    {
        atNode = piece;
        return ClipToNode(ref atNode, segmentLengthMetres - piece.X0, -piece.Velocity, d);
    }

    /// <summary>
    /// How far apart along the street two people at lateral separation <paramref name="lateralMetres"/> may be and
    /// still be within <paramref name="d"/>: sqrt(d² − Δy²). False when the separation alone is d or more.
    /// </summary>
    internal static bool AlongReach(double d, double lateralMetres, out double reach)
    {
        if (lateralMetres == 0)
        {
            reach = d;
            return true;
        }
        double left = d * d - lateralMetres * lateralMetres;
        reach = left > 0 ? Math.Sqrt(left) : 0;
        return left > 0;
    }

    /// <summary>
    /// The times τ in [0, span] with |g0 + w τ| ≤ d (<paramref name="absolute"/>) or g0 + w τ ≤ d, as [from, until].
    /// With w ≠ 0 the bounds are where the line crosses ±d: τ = (d − g0) / w and τ = (−d − g0) / w (one-sided: the
    /// other bound is ∓∞ by the sign of w), ordered; with w = 0 the gap is constant and holds throughout or never.
    /// False when there are none or only a single instant.
    /// </summary>
    internal static bool Solve(double g0, double w, double span, double d, bool absolute, out double from, out double until)
    {
        double low;
        double high;
        if (w == 0)
        {
            bool within = absolute ? Math.Abs(g0) <= d : g0 <= d;
            (low, high) = within ? (0, span) : (1, 0);
        }
        else
        {
            double upper = (d - g0) / w;
            double lower = absolute ? (-d - g0) / w : (w > 0 ? double.NegativeInfinity : double.PositiveInfinity);
            (low, high) = upper < lower ? (upper, lower) : (lower, upper);
        }
        from = Math.Max(low, 0);
        until = Math.Min(high, span);
        return until > from;
    }

    /// <summary>
    /// Cuts <paramref name="piece"/> to the times its distance to a node, <paramref name="distanceAtStart"/> +
    /// <paramref name="rate"/> τ, is at most <paramref name="d"/>, and makes X that distance.
    /// </summary>
    private static bool ClipToNode(ref Piece piece, double distanceAtStart, double rate, double d)
    {
        if (!Solve(distanceAtStart, rate, piece.End - piece.Start, d, absolute: false, out double from, out double until))
        {
            return false;
        }
        double start = piece.Start;
        piece.Start = start + from;
        piece.End = until >= piece.End - start ? piece.End : start + until;
        piece.X0 = distanceAtStart + rate * from;
        piece.Velocity = (float)rate; // ± a float speed: exact
        return piece.End > piece.Start;
    }
}
