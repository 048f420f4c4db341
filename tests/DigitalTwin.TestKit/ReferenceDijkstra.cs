using DigitalTwin.Engine.Network;

namespace DigitalTwin.TestKit;

/// <summary>
/// A plain node-based Dijkstra on segment length, written for clarity rather than speed: the yardstick the
/// edge-based tree router is checked against when all perceived-cost factors are neutral.
/// </summary>
internal static class ReferenceDijkstra
{
    public static double Distance(StreetNetwork network, NetworkPosition origin, NetworkPosition destination, TravelModes mode)
    {
        var distance = new double[network.NodeCount];
        Array.Fill(distance, double.PositiveInfinity);
        var queue = new PriorityQueue<int, double>();
        void Seed(int node, double d)
        {
            if (d < distance[node])
            {
                distance[node] = d;
                queue.Enqueue(node, d);
            }
        }
        int a = origin.Segment;
        if ((network.ModesForward[a] & mode) != 0)
        {
            Seed(network.SegmentTo[a], network.LengthMetres[a] - origin.OffsetMetres);
        }
        if ((network.ModesBackward[a] & mode) != 0)
        {
            Seed(network.SegmentFrom[a], origin.OffsetMetres);
        }
        while (queue.TryDequeue(out int node, out double d))
        {
            if (d > distance[node])
            {
                continue;
            }
            for (int s = 0; s < network.SegmentCount; s++)
            {
                if (network.SegmentFrom[s] == node && (network.ModesForward[s] & mode) != 0)
                {
                    Seed(network.SegmentTo[s], d + network.LengthMetres[s]);
                }
                if (network.SegmentTo[s] == node && (network.ModesBackward[s] & mode) != 0)
                {
                    Seed(network.SegmentFrom[s], d + network.LengthMetres[s]);
                }
            }
        }
        int b = destination.Segment;
        double best = double.PositiveInfinity;
        if ((network.ModesForward[b] & mode) != 0)
        {
            best = Math.Min(best, distance[network.SegmentFrom[b]] + destination.OffsetMetres);
        }
        if ((network.ModesBackward[b] & mode) != 0)
        {
            best = Math.Min(best, distance[network.SegmentTo[b]] + network.LengthMetres[b] - destination.OffsetMetres);
        }
        if (a == b)
        {
            bool forward = destination.OffsetMetres >= origin.OffsetMetres;
            if (((forward ? network.ModesForward[a] : network.ModesBackward[a]) & mode) != 0)
            {
                best = Math.Min(best, Math.Abs(destination.OffsetMetres - origin.OffsetMetres));
            }
        }
        return best;
    }
}
