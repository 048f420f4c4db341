using DigitalTwin.Engine.Surroundings;
using DigitalTwin.Engine.Network;
using NetTopologySuite.Geometries;

namespace DigitalTwin.Engine.IO;

internal static partial class NeighbourhoodAssembler
{
    /// <summary>
    /// Buildings, water and green from the closed ways of the same file, projected like the streets, and from the outer
    /// rings of its multipolygon relations (a lake, a park or a large building mapped as several ways, joined end to
    /// end; a ring that does not close is left out). Inner rings (a courtyard, an island) are not cut out: the layer
    /// holds simple rings, and a background drawn under the streets shows them filled.
    /// An area is kept when its first point lies inside the boundary (if any): cheap, and right for the small areas
    /// a neighbourhood is made of.
    /// </summary>
    private static MapBackground FindBackground(RawMap map, GeoReference geo, Polygon? boundary)
    {
        var kinds = new List<BackgroundKind>();
        var starts = new List<int> { 0 };
        var xs = new List<float>();
        var ys = new List<float>();
        foreach (RawWay way in map.Ways)
        {
            long[] nodes = way.NodeIds;
            // A closed ring: at least a triangle plus the repeated first node.
            if (nodes.Length < 4 || nodes[0] != nodes[^1] || BackgroundTags.Classify(way.Tags) is not { } kind)
            {
                continue;
            }
            if (!AddRing(nodes, map, geo, boundary, xs, ys))
            {
                continue;
            }
            kinds.Add(kind);
            starts.Add(xs.Count);
        }
        if (map.Multipolygons.Count > 0)
        {
            var wayNodes = new Dictionary<long, long[]>(map.UntaggedWays);
            foreach (RawWay way in map.Ways)
            {
                wayNodes[way.Id] = way.NodeIds;
            }
            foreach (RawMultipolygon relation in map.Multipolygons)
            {
                if (BackgroundTags.Classify(relation.Tags) is not { } kind)
                {
                    continue;
                }
                var outer = relation.Members.Where(m => m.Role is "outer" or "").Select(m => wayNodes.GetValueOrDefault(m.WayId)).OfType<long[]>().ToList();
                foreach (long[] ring in ClosedRings(outer))
                {
                    if (AddRing(ring, map, geo, boundary, xs, ys))
                    {
                        kinds.Add(kind);
                        starts.Add(xs.Count);
                    }
                }
            }
        }
        return new MapBackground([.. kinds], [.. starts], [.. xs], [.. ys]);
    }

    /// <summary>Adds a closed ring's points (without the repeated first) if every node is known and it lies inside the boundary.</summary>
    private static bool AddRing(long[] nodes, RawMap map, GeoReference geo, Polygon? boundary, List<float> xs, List<float> ys)
    {
        int first = xs.Count;
        for (int i = 0; i < nodes.Length - 1; i++)
        {
            if (!map.Nodes.TryGetValue(nodes[i], out var lonLat))
            {
                xs.RemoveRange(first, xs.Count - first);
                ys.RemoveRange(first, ys.Count - first);
                return false;
            }
            var (x, y) = geo.Project(lonLat.Longitude, lonLat.Latitude);
            xs.Add((float)x);
            ys.Add((float)y);
        }
        if (!InsideBoundary(boundary, xs[first], ys[first]))
        {
            xs.RemoveRange(first, xs.Count - first);
            ys.RemoveRange(first, ys.Count - first);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Joins ways end to end into closed rings, as OSM multipolygons are drawn: a way closed on itself is a ring; others
    /// are chained by shared end nodes (either way round). What cannot be closed (a member cut off by the extract's
    /// edge) is dropped.
    /// </summary>
    internal static List<long[]> ClosedRings(IReadOnlyList<long[]> ways)
    {
        var rings = new List<long[]>();
        var open = new List<long[]>();
        foreach (long[] way in ways)
        {
            if (way.Length >= 4 && way[0] == way[^1])
            {
                rings.Add(way);
            }
            else if (way.Length >= 2)
            {
                open.Add(way);
            }
        }
        while (open.Count > 0)
        {
            var ring = new List<long>(open[^1]);
            open.RemoveAt(open.Count - 1);
            while (ring[0] != ring[^1])
            {
                int next = open.FindIndex(w => w[0] == ring[^1] || w[^1] == ring[^1]);
                if (next < 0)
                {
                    break;
                }
                long[] way = open[next];
                open.RemoveAt(next);
                ring.AddRange(way[0] == ring[^1] ? way.Skip(1) : way.Reverse().Skip(1));
            }
            if (ring.Count >= 4 && ring[0] == ring[^1])
            {
                rings.Add([.. ring]);
            }
        }
        return rings;
    }
}
