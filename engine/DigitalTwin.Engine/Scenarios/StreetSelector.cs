using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// Resolves a <see cref="StreetAddress"/> to the segments it names: the one place where scenario files meet the
/// network, used by validation now and by interventions when they apply. Results are sorted by segment id.
/// </summary>
internal static class StreetSelector
{
    public static SegmentId[] Resolve(StreetAddress address, StreetNetwork network)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(network);
        var selected = new List<SegmentId>();
        switch (address)
        {
            case StreetByName byName:
                ReadOnlySpan<string> names = network.Names;
                ReadOnlySpan<int> nameIndex = network.NameIndex;
                int wanted = -1;
                for (int i = 1; i < names.Length; i++)
                {
                    if (string.Equals(names[i], byName.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        wanted = i;
                        break;
                    }
                }
                for (int s = 0; wanted > 0 && s < nameIndex.Length; s++)
                {
                    if (nameIndex[s] == wanted || string.Equals(names[nameIndex[s]], byName.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        selected.Add(new SegmentId(s));
                    }
                }
                break;
            case StreetByOsmWayIds byIds:
                var ids = new HashSet<long>(byIds.OsmWayIds);
                ReadOnlySpan<long> wayIds = network.OsmWayId;
                for (int s = 0; s < wayIds.Length; s++)
                {
                    if (ids.Contains(wayIds[s]))
                    {
                        selected.Add(new SegmentId(s));
                    }
                }
                break;
            case StreetByPolygon byPolygon:
                (double[] px, double[] py) = Project(byPolygon.Polygon, network.GeoReference);
                for (int s = 0; s < network.SegmentCount; s++)
                {
                    if (PolylineTouchesPolygon(network, new SegmentId(s), px, py))
                    {
                        selected.Add(new SegmentId(s));
                    }
                }
                break;
            case StreetByPoint byPoint:
                (double x, double y) = network.GeoReference.Project(byPoint.Point.Longitude, byPoint.Point.Latitude);
                for (int s = 0; s < network.SegmentCount; s++)
                {
                    if (DistanceToSegment(network, new SegmentId(s), x, y) <= byPoint.RadiusMetres)
                    {
                        selected.Add(new SegmentId(s));
                    }
                }
                break;
            default:
                throw new ArgumentException($"Unknown address kind {address.GetType().Name}.", nameof(address));
        }
        return [.. selected];
    }

    /// <summary>The OSM way ids of an address that no segment of the network carries.</summary>
    public static long[] MissingWayIds(StreetByOsmWayIds address, StreetNetwork network)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(network);
        var present = new HashSet<long>(network.OsmWayId.ToArray());
        return [.. address.OsmWayIds.Where(id => !present.Contains(id)).Distinct().Order()];
    }

    /// <summary>Metres from a point to the nearest segment of the network (infinity for an empty network).</summary>
    public static double DistanceToNearestSegment(LonLat point, StreetNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        (double x, double y) = network.GeoReference.Project(point.Longitude, point.Latitude);
        double best = double.PositiveInfinity;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            best = Math.Min(best, DistanceToSegment(network, new SegmentId(s), x, y));
        }
        return best;
    }

    private static (double[] X, double[] Y) Project(IReadOnlyList<LonLat> ring, GeoReference reference)
    {
        var x = new double[ring.Count];
        var y = new double[ring.Count];
        for (int i = 0; i < ring.Count; i++)
        {
            (x[i], y[i]) = reference.Project(ring[i].Longitude, ring[i].Latitude);
        }
        return (x, y);
    }

    private static double DistanceToSegment(StreetNetwork network, SegmentId segment, double x, double y)
    {
        (ReadOnlyMemory<double> gx, ReadOnlyMemory<double> gy) = network.Geometry(segment);
        ReadOnlySpan<double> sx = gx.Span;
        ReadOnlySpan<double> sy = gy.Span;
        double best = double.PositiveInfinity;
        for (int i = 1; i < sx.Length; i++)
        {
            best = Math.Min(best, PointToLine(x, y, sx[i - 1], sy[i - 1], sx[i], sy[i]));
        }
        return best;
    }

    private static double PointToLine(double x, double y, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.Clamp(((x - ax) * dx + (y - ay) * dy) / lengthSquared, 0, 1);
        double cx = ax + t * dx - x;
        double cy = ay + t * dy - y;
        return Math.Sqrt(cx * cx + cy * cy);
    }

    /// <summary>True when any vertex of the polyline lies inside the polygon or any of its pieces crosses an edge.</summary>
    private static bool PolylineTouchesPolygon(StreetNetwork network, SegmentId segment, double[] px, double[] py)
    {
        (ReadOnlyMemory<double> gx, ReadOnlyMemory<double> gy) = network.Geometry(segment);
        ReadOnlySpan<double> sx = gx.Span;
        ReadOnlySpan<double> sy = gy.Span;
        for (int i = 0; i < sx.Length; i++)
        {
            if (Inside(sx[i], sy[i], px, py))
            {
                return true;
            }
        }
        for (int i = 1; i < sx.Length; i++)
        {
            for (int j = 0, k = px.Length - 1; j < px.Length; k = j++)
            {
                if (Cross(sx[i - 1], sy[i - 1], sx[i], sy[i], px[k], py[k], px[j], py[j]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Even-odd ray casting; the ring may be closed (last = first) or open.</summary>
    private static bool Inside(double x, double y, double[] px, double[] py)
    {
        bool inside = false;
        for (int j = 0, k = px.Length - 1; j < px.Length; k = j++)
        {
            if ((py[j] > y) != (py[k] > y) && x < (px[k] - px[j]) * (y - py[j]) / (py[k] - py[j]) + px[j])
            {
                inside = !inside;
            }
        }
        return inside;
    }

    private static bool Cross(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        double d1 = Orientation(cx, cy, dx, dy, ax, ay);
        double d2 = Orientation(cx, cy, dx, dy, bx, by);
        double d3 = Orientation(ax, ay, bx, by, cx, cy);
        double d4 = Orientation(ax, ay, bx, by, dx, dy);
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
    }

    private static double Orientation(double ax, double ay, double bx, double by, double cx, double cy) =>
        (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}
