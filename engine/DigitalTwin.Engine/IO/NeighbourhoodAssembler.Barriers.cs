using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Surroundings;
using NetTopologySuite.Geometries;

namespace DigitalTwin.Engine.IO;

internal static partial class NeighbourhoodAssembler
{
    /// <summary>
    /// Rail lines and watercourses (<see cref="BarrierTags"/>) from the same file, projected like the streets. Ways of
    /// one kind that meet end to end, where no third way of that kind ends, are joined into one line, in the order
    /// the file lists them, so a canal split at every bridge by its mappers is still one barrier. Each line is clipped
    /// to the boundary, or without one to the streets' bounding box: the start map measures the barrier where the
    /// neighbourhood is, not the whole length of a railway that an extract happens to hold.
    /// </summary>
    private static BarrierLines FindBarriers(RawMap map, GeoReference geo, Polygon? boundary, StreetNetwork network)
    {
        var ways = new List<(BarrierKind Kind, long[] Nodes)>();
        foreach (RawWay way in map.Ways)
        {
            if (way.NodeIds.Length >= 2 && BarrierTags.Classify(way.Tags) is { } kind)
            {
                ways.Add((kind, way.NodeIds));
            }
        }
        if (ways.Count == 0)
        {
            return BarrierLines.Empty;
        }
        var ends = new Dictionary<(BarrierKind, long), List<int>>();
        for (int w = 0; w < ways.Count; w++)
        {
            var (kind, nodes) = ways[w];
            foreach (long end in new[] { nodes[0], nodes[^1] })
            {
                if (!ends.TryGetValue((kind, end), out var list))
                {
                    list = [];
                    ends.Add((kind, end), list);
                }
                list.Add(w);
            }
        }

        Polygon area = boundary ?? StreetsEnvelope(network);
        var kinds = new List<BarrierKind>();
        var starts = new List<int> { 0 };
        var xs = new List<float>();
        var ys = new List<float>();
        var used = new bool[ways.Count];
        var chain = new List<long>();
        for (int w = 0; w < ways.Count; w++)
        {
            if (used[w])
            {
                continue;
            }
            used[w] = true;
            BarrierKind kind = ways[w].Kind;
            chain.Clear();
            chain.AddRange(ways[w].Nodes);
            Extend(chain, kind, ways, ends, used);
            chain.Reverse();
            Extend(chain, kind, ways, ends, used);
            foreach (var run in PresentRuns(map, chain, geo))
            {
                foreach (var piece in Clip(run, area))
                {
                    kinds.Add(kind);
                    foreach (Coordinate c in piece)
                    {
                        xs.Add((float)c.X);
                        ys.Add((float)c.Y);
                    }
                    starts.Add(xs.Count);
                }
            }
        }
        return new BarrierLines([.. kinds], [.. starts], [.. xs], [.. ys]);
    }

    /// <summary>Appends to the chain's last node the one unused way of the same kind that ends there, while there is exactly one.</summary>
    private static void Extend(List<long> chain, BarrierKind kind, List<(BarrierKind Kind, long[] Nodes)> ways, Dictionary<(BarrierKind, long), List<int>> ends, bool[] used)
    {
        while (ends.TryGetValue((kind, chain[^1]), out var atEnd) && atEnd.Count == 2)
        {
            int next = used[atEnd[0]] ? atEnd[1] : atEnd[0];
            if (used[next])
            {
                return;
            }
            used[next] = true;
            long[] nodes = ways[next].Nodes;
            if (nodes[0] == chain[^1])
            {
                chain.AddRange(nodes.AsSpan(1));
            }
            else
            {
                for (int i = nodes.Length - 2; i >= 0; i--)
                {
                    chain.Add(nodes[i]);
                }
            }
        }
    }

    /// <summary>The chain's runs of nodes the file holds (a way cut at the extract's edge lacks some), projected.</summary>
    private static IEnumerable<Coordinate[]> PresentRuns(RawMap map, List<long> chain, GeoReference geo)
    {
        var run = new List<Coordinate>();
        foreach (long node in chain)
        {
            if (map.Nodes.TryGetValue(node, out var lonLat))
            {
                var (x, y) = geo.Project(lonLat.Longitude, lonLat.Latitude);
                if (run.Count == 0 || run[^1].X != x || run[^1].Y != y)
                {
                    run.Add(new Coordinate(x, y));
                }
                continue;
            }
            if (run.Count >= 2)
            {
                yield return [.. run];
            }
            run.Clear();
        }
        if (run.Count >= 2)
        {
            yield return [.. run];
        }
    }

    /// <summary>
    /// The parts of a line inside the area, in order along it. Each piece is cut where it crosses the area's outer ring
    /// and each cut kept when its middle lies inside: exact for the boundary's straight edges, and cheaper than a
    /// general overlay (which cost a fresh process about 50 ms to load for a few dozen lines).
    /// </summary>
    private static IEnumerable<Coordinate[]> Clip(Coordinate[] run, Polygon area)
    {
        Coordinate[] ring = area.ExteriorRing.Coordinates;
        var part = new List<Coordinate>();
        var cuts = new List<double>();
        for (int i = 0; i + 1 < run.Length; i++)
        {
            Coordinate a = run[i], b = run[i + 1];
            cuts.Clear();
            cuts.Add(0);
            cuts.Add(1);
            for (int k = 0; k + 1 < ring.Length; k++)
            {
                if (PieceCrossing(a, b, ring[k], ring[k + 1]) is double t)
                {
                    cuts.Add(t);
                }
            }
            cuts.Sort();
            for (int c = 0; c + 1 < cuts.Count; c++)
            {
                double from = cuts[c], to = cuts[c + 1];
                if (to <= from)
                {
                    continue;
                }
                double middle = (from + to) / 2;
                if (InsideRing(ring, a.X + ((b.X - a.X) * middle), a.Y + ((b.Y - a.Y) * middle)))
                {
                    var start = from == 0 ? a : new Coordinate(a.X + ((b.X - a.X) * from), a.Y + ((b.Y - a.Y) * from));
                    var end = to == 1 ? b : new Coordinate(a.X + ((b.X - a.X) * to), a.Y + ((b.Y - a.Y) * to));
                    if (part.Count == 0 || !part[^1].Equals2D(start))
                    {
                        if (part.Count >= 2)
                        {
                            yield return [.. part];
                        }
                        part.Clear();
                        part.Add(start);
                    }
                    part.Add(end);
                }
                else if (part.Count > 0)
                {
                    if (part.Count >= 2)
                    {
                        yield return [.. part];
                    }
                    part.Clear();
                }
            }
        }
        if (part.Count >= 2)
        {
            yield return [.. part];
        }
    }

    /// <summary>Where along AB (0..1) it crosses CD, or null when it does not (or runs parallel).</summary>
    private static double? PieceCrossing(Coordinate a, Coordinate b, Coordinate c, Coordinate d)
    {
        double rx = b.X - a.X, ry = b.Y - a.Y, sx = d.X - c.X, sy = d.Y - c.Y;
        double denominator = (rx * sy) - (ry * sx);
        if (denominator == 0)
        {
            return null;
        }
        double qx = c.X - a.X, qy = c.Y - a.Y;
        double t = ((qx * sy) - (qy * sx)) / denominator;
        double u = ((qx * ry) - (qy * rx)) / denominator;
        return t is >= 0 and <= 1 && u is >= 0 and <= 1 ? t : null;
    }

    /// <summary>Whether a point lies inside a closed ring (even-odd rule).</summary>
    private static bool InsideRing(Coordinate[] ring, double x, double y)
    {
        bool inside = false;
        for (int i = 0, j = ring.Length - 2; i < ring.Length - 1; j = i++)
        {
            if ((ring[i].Y > y) != (ring[j].Y > y) && x < ((ring[j].X - ring[i].X) * (y - ring[i].Y) / (ring[j].Y - ring[i].Y)) + ring[i].X)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    private static Polygon StreetsEnvelope(StreetNetwork network)
    {
        var envelope = new Envelope();
        for (int n = 0; n < network.NodeCount; n++)
        {
            envelope.ExpandToInclude(network.NodeX[n], network.NodeY[n]);
        }
        return (Polygon)Factory.ToGeometry(envelope);
    }
}
