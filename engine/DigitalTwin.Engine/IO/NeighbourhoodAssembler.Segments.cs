using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using NetTopologySuite.Geometries;

namespace DigitalTwin.Engine.IO;

/// <summary>Cutting the map's ways into segments at junctions and at the area boundary.</summary>
internal static partial class NeighbourhoodAssembler
{
    /// <summary>
    /// Interprets every highway way and cuts the ones for people into segments at their ends and at every node that
    /// more than one way uses (or that one way passes twice). A way cut at the extract's edge keeps its runs of
    /// present nodes.
    /// </summary>
    private static SegmentCandidates CutSegments(RawMap map, GeoReference geo, Polygon? boundary)
    {
        var result = new SegmentCandidates();
        var forPeople = new List<(RawWay Way, SegmentAttributes Attributes)>();
        foreach (RawWay way in map.Ways)
        {
            if (!way.Tags.TryGetValue("highway", out string? highway))
            {
                continue;
            }
            result.HighwayWaysRead++;
            result.WaysByHighway[highway] = result.WaysByHighway.GetValueOrDefault(highway) + 1;
            if (OsmTagInterpretation.Interpret(way.Tags) is { } attributes)
            {
                attributes.OsmWayId = way.Id;
                if (map.HonoursExportedColumns)
                {
                    attributes = GeoJsonColumns.ApplyExported(way.Tags, attributes);
                }
                forPeople.Add((way, attributes));
            }
            else
            {
                result.NotForPeopleWays++;
                result.NotForPeopleMetres += WayLengthMetres(map, way, geo);
            }
        }

        var uses = new Dictionary<long, int>();
        foreach (var (way, _) in forPeople)
        {
            foreach (long node in way.NodeIds)
            {
                uses[node] = uses.GetValueOrDefault(node) + 1;
            }
        }

        var run = new List<long>();
        foreach (var (way, attributes) in forPeople)
        {
            bool anyRun = false;
            run.Clear();
            foreach (long node in way.NodeIds)
            {
                if (!map.Nodes.ContainsKey(node))
                {
                    anyRun |= CutRun(map, geo, boundary, run, attributes, uses, result);
                    run.Clear();
                }
                else if (run.Count == 0 || run[^1] != node)
                {
                    run.Add(node);
                }
            }
            anyRun |= CutRun(map, geo, boundary, run, attributes, uses, result);
            if (!anyRun)
            {
                result.IncompleteWays++;
            }
        }
        return result;
    }

    private static bool CutRun(
        RawMap map, GeoReference geo, Polygon? boundary, List<long> run, SegmentAttributes attributes,
        Dictionary<long, int> uses, SegmentCandidates result)
    {
        if (run.Count < 2)
        {
            return false;
        }
        int start = 0;
        for (int i = 1; i < run.Count; i++)
        {
            if (i == run.Count - 1 || uses[run[i]] > 1)
            {
                if (run[start] == run[i])
                {
                    // A closed loop with no other junction: cut it in the middle so no segment starts and ends
                    // at the same node (routing and positions along a segment assume two distinct ends).
                    int middle = start + (i - start) / 2;
                    AddCandidate(map, geo, boundary, run, start, middle, attributes, result);
                    AddCandidate(map, geo, boundary, run, middle, i, attributes, result);
                }
                else
                {
                    AddCandidate(map, geo, boundary, run, start, i, attributes, result);
                }
                start = i;
            }
        }
        return true;
    }

    private static void AddCandidate(
        RawMap map, GeoReference geo, Polygon? boundary, List<long> run, int first, int last,
        SegmentAttributes attributes, SegmentCandidates result)
    {
        if (first == last)
        {
            return;
        }
        int geometryStart = result.X.Count;
        double length = 0;
        for (int i = first; i <= last; i++)
        {
            var (lon, lat) = map.Nodes[run[i]];
            var (x, y) = geo.Project(lon, lat);
            if (i > first)
            {
                length += Math.Sqrt(Square(x - result.X[^1]) + Square(y - result.Y[^1]));
            }
            result.X.Add(x);
            result.Y.Add(y);
        }
        if (boundary is not null)
        {
            var (mx, my) = PointAlong(result.X, result.Y, geometryStart, result.X.Count, length / 2);
            if (!boundary.Contains(Factory.CreatePoint(new Coordinate(mx, my))))
            {
                result.X.RemoveRange(geometryStart, result.X.Count - geometryStart);
                result.Y.RemoveRange(geometryStart, result.Y.Count - geometryStart);
                result.OutsideBoundary++;
                return;
            }
        }
        result.FromOsm.Add(run[first]);
        result.ToOsm.Add(run[last]);
        result.GeometryStart.Add(result.X.Count);
        result.Attributes.Add(attributes);
        result.LengthMetres.Add(length);
    }

    private static (double X, double Y) PointAlong(List<double> x, List<double> y, int start, int end, double distance)
    {
        double along = 0;
        for (int i = start + 1; i < end; i++)
        {
            double piece = Math.Sqrt(Square(x[i] - x[i - 1]) + Square(y[i] - y[i - 1]));
            if (along + piece >= distance && piece > 0)
            {
                double t = (distance - along) / piece;
                return (x[i - 1] + t * (x[i] - x[i - 1]), y[i - 1] + t * (y[i] - y[i - 1]));
            }
            along += piece;
        }
        return (x[end - 1], y[end - 1]);
    }

    private static double WayLengthMetres(RawMap map, RawWay way, GeoReference geo)
    {
        double length = 0;
        (double X, double Y)? previous = null;
        foreach (long node in way.NodeIds)
        {
            if (!map.Nodes.TryGetValue(node, out var lonLat))
            {
                previous = null;
                continue;
            }
            var point = geo.Project(lonLat.Longitude, lonLat.Latitude);
            if (previous is { } p)
            {
                length += Math.Sqrt(Square(point.X - p.X) + Square(point.Y - p.Y));
            }
            previous = point;
        }
        return length;
    }
}
