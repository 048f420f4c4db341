using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Where across a street a walker, a cyclist or a sitter is: the lateral offset of a <see cref="Passage"/> or street
/// <see cref="Stay"/>, in metres left of the segment's centre line looking from its start node to its end node.
/// <list type="bullet">
/// <item>A street with a carriageway (cars allowed and a carriageway width above 0 for its type, see
/// <see cref="StreetCrossSectionParameters"/>) has a pavement on each side, each half of the network's walking
/// width (the network does not keep which sides have one): a walker takes the left or right pavement, at
/// ±(carriageway / 2 + u × pavementPerSide).</item>
/// <item>A footway, path, pedestrian street, cycleway or living street has no carriageway: walkers share the width,
/// at (u − 0.5) × width.</item>
/// <item>Cyclists keep right (Dutch traffic): on a road with cars at <see
/// cref="StreetCrossSectionParameters.CyclistEdgeDistanceMetres"/> inside the carriageway's right edge, on a path
/// in the middle of its right half.</item>
/// <item>A street stay (a bench, a stoep, the school gate) is at the outer edge of the pavement on its side.</item>
/// </list>
/// Side and u are given relative to the direction of travel, so a walker who keeps them through a trip stays on
/// the same pavement across nodes, whichever way the segments are drawn.
/// </summary>
internal static class LateralPlacement
{
    /// <summary>The carriageway width of a segment: its type's width where cars may drive, else 0.</summary>
    public static double CarriagewayMetres(StreetNetwork network, int segment, StreetCrossSectionParameters crossSection)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(crossSection);
        bool cars = ((network.ModesForward[segment] | network.ModesBackward[segment]) & TravelModes.Car) != 0;
        return cars ? crossSection.CarriagewayMetres(network.Highway[segment]) : 0;
    }

    /// <summary>
    /// A walker's offset.
    /// </summary>
    /// <param name="direction">+1 walking from the start node to the end node, -1 back.</param>
    /// <param name="leftOfTravel">True for the pavement (or half) on the walker's left.</param>
    /// <param name="fraction">u in [0, 1): how far out from the kerb (or across a shared path) the walker is.</param>
    public static float Walker(StreetNetwork network, int segment, sbyte direction, bool leftOfTravel, double fraction, StreetCrossSectionParameters crossSection)
    {
        double carriageway = CarriagewayMetres(network, segment, crossSection);
        double width = network.PavementWidthMetres[segment];
        double side = leftOfTravel ? direction : -direction;
        if (carriageway > 0 && width > 0)
        {
            return (float)(side * (0.5 * carriageway + fraction * 0.5 * width));
        }
        // A shared width: u across it, measured from the walker's right so the place is kept through a trip.
        return (float)(direction * (fraction - 0.5) * width);
    }

    /// <summary>A cyclist's offset: keeping right, at the carriageway's edge or in the right half of a path.</summary>
    public static float Cyclist(StreetNetwork network, int segment, sbyte direction, StreetCrossSectionParameters crossSection)
    {
        double carriageway = CarriagewayMetres(network, segment, crossSection);
        double fromCentre = carriageway > 0
            ? Math.Max(0, 0.5 * carriageway - crossSection.CyclistEdgeDistanceMetres)
            : 0.25 * network.PavementWidthMetres[segment];
        return (float)(-direction * fromCentre);
    }

    /// <summary>
    /// Whether the point (<paramref name="x"/>, <paramref name="y"/>) lies left of the segment's drawn line (looking from
    /// its start node to its end node) where it is <paramref name="offsetMetres"/> along: the side of the street a
    /// building stands on. Null when the point lies on the line (within a centimetre), as in generated grids.
    /// </summary>
    public static bool? SideOf(StreetNetwork network, int segment, double offsetMetres, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(network);
        var (xs, ys) = network.Geometry(new SegmentId(segment));
        var px = xs.Span;
        var py = ys.Span;
        double walked = 0;
        for (int i = 1; i < px.Length; i++)
        {
            double dx = px[i] - px[i - 1], dy = py[i] - py[i - 1];
            double piece = Math.Sqrt((dx * dx) + (dy * dy));
            if (walked + piece >= offsetMetres || i == px.Length - 1)
            {
                double along = piece > 0 ? Math.Clamp((offsetMetres - walked) / piece, 0, 1) : 0;
                double cx = px[i - 1] + (along * dx), cy = py[i - 1] + (along * dy);
                double cross = (dx * (y - cy)) - (dy * (x - cx));
                double distance = piece > 0 ? Math.Abs(cross) / piece : 0;
                return distance < 0.01 ? null : cross > 0;
            }
            walked += piece;
        }
        return null;
    }

    /// <summary>
    /// For every home, whether it stands left of its segment's drawn line (<see cref="SideOf"/>); a home drawn on the
    /// centre line (a generated grid) is put on alternate sides by its index, so both sides are lived on.
    /// </summary>
    public static bool[] HomesLeftOfSegment(Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var homes = neighbourhood.Homes;
        var left = new bool[homes.Count];
        for (int h = 0; h < homes.Count; h++)
        {
            var home = homes[h];
            left[h] = SideOf(neighbourhood.Network, homes.Segment[h], homes.OffsetMetres[h], home.X, home.Y) ?? (h % 2 == 0);
        }
        return left;
    }

    /// <summary>A street stay's offset: the outer edge of the pavement on the given side of the segment.</summary>
    /// <param name="leftOfSegment">True for the side left of the segment's start-to-end direction.</param>
    public static float StreetStay(StreetNetwork network, int segment, bool leftOfSegment, StreetCrossSectionParameters crossSection)
    {
        double carriageway = CarriagewayMetres(network, segment, crossSection);
        double width = network.PavementWidthMetres[segment];
        double edge = carriageway > 0 && width > 0 ? 0.5 * carriageway + 0.5 * width : 0.5 * width;
        return (float)(leftOfSegment ? edge : -edge);
    }
}
