using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Profile;

/// <summary>
/// Walking distance along the street network from the nearest of a set of points (places), by a multi-source
/// Dijkstra over walkable segments weighted by their length: the network distance a resident walks, not the
/// straight line. Distances are cut at a bound, beyond which everything is "farther" (infinity).
/// </summary>
public sealed class WalkingDistances
{
    private readonly StreetNetwork _network;
    private readonly double[] _nodeDistance;
    private readonly List<float>[] _pointsOnSegment;

    /// <param name="network">The street network.</param>
    /// <param name="points">Where the places stand: segment and metres from its start node.</param>
    /// <param name="boundMetres">Farthest distance of interest; longer paths are not followed.</param>
    public WalkingDistances(StreetNetwork network, IEnumerable<(int Segment, double OffsetMetres)> points, double boundMetres)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(points);
        _network = network;
        _nodeDistance = new double[network.NodeCount];
        Array.Fill(_nodeDistance, double.PositiveInfinity);
        _pointsOnSegment = new List<float>[network.SegmentCount];
        var queue = new PriorityQueue<int, double>();
        var from = network.SegmentFrom;
        var to = network.SegmentTo;
        var length = network.LengthMetres;
        foreach (var (segment, offset) in points)
        {
            (_pointsOnSegment[segment] ??= []).Add((float)offset);
            // A place is reached from both ends of its own segment, even a segment walkers may not use otherwise
            // (a café on a cycleway is still entered from the street).
            Seed(from[segment], Math.Clamp(offset, 0, length[segment]));
            Seed(to[segment], Math.Max(0, length[segment] - offset));
        }
        while (queue.TryDequeue(out int node, out double distance))
        {
            if (distance > _nodeDistance[node])
            {
                continue;
            }
            foreach (int arc in network.ArcsFrom(new NodeId(node)))
            {
                int segment = arc >> 1;
                if ((network.ModesEither(new SegmentId(segment)) & TravelModes.Walk) == 0)
                {
                    continue;
                }
                int next = (arc & 1) == 0 ? to[segment] : from[segment];
                double candidate = distance + length[segment];
                if (candidate <= boundMetres && candidate < _nodeDistance[next])
                {
                    _nodeDistance[next] = candidate;
                    queue.Enqueue(next, candidate);
                }
            }
        }

        void Seed(int node, double distance)
        {
            if (distance <= boundMetres && distance < _nodeDistance[node])
            {
                _nodeDistance[node] = distance;
                queue.Enqueue(node, distance);
            }
        }
    }

    /// <summary>Walking distance from the nearest place to the point <paramref name="offsetMetres"/> along a segment; infinity beyond the bound.</summary>
    public double To(int segment, double offsetMetres)
    {
        double length = _network.LengthMetres[segment];
        double offset = Math.Clamp(offsetMetres, 0, length);
        double best = Math.Min(_nodeDistance[_network.SegmentFrom[segment]] + offset, _nodeDistance[_network.SegmentTo[segment]] + (length - offset));
        if (_pointsOnSegment[segment] is { } here)
        {
            foreach (float point in here)
            {
                best = Math.Min(best, Math.Abs(point - offset));
            }
        }
        return best;
    }
}
