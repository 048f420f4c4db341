using DigitalTwin.Engine.Surroundings;
using DigitalTwin.Engine.Network;
using NetTopologySuite.Geometries;

namespace DigitalTwin.Engine.IO;

internal static partial class NeighbourhoodAssembler
{
    /// <summary>
    /// Buildings, water and green from the closed ways of the same file, projected like the streets. Multipolygon
    /// relations are not read by the importer, so areas mapped only as relations (large lakes, some parks) are missing.
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
            int first = xs.Count;
            bool complete = true;
            for (int i = 0; i < nodes.Length - 1; i++)
            {
                if (!map.Nodes.TryGetValue(nodes[i], out var lonLat))
                {
                    complete = false;
                    break;
                }
                var (x, y) = geo.Project(lonLat.Longitude, lonLat.Latitude);
                xs.Add((float)x);
                ys.Add((float)y);
            }
            if (!complete || !InsideBoundary(boundary, xs[first], ys[first]))
            {
                xs.RemoveRange(first, xs.Count - first);
                ys.RemoveRange(first, ys.Count - first);
                continue;
            }
            kinds.Add(kind);
            starts.Add(xs.Count);
        }
        return new MapBackground([.. kinds], [.. starts], [.. xs], [.. ys]);
    }
}
