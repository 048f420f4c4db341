using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Interventions;

/// <summary>Car traffic that a closed or calmed street no longer carries, moved onto the detours cars now take.</summary>
internal static class DisplacedTraffic
{
    /// <summary>
    /// For each street, its vehicles a day (less the share that evaporates) are added along the shortest car route between
    /// its two ends in the changed network. Where no detour exists the traffic disappears. Returns the vehicles a day moved.
    /// The detour avoids every segment the intervention addresses: a calmed street stays open to cars, but the traffic
    /// taken off it cannot go back onto it.
    /// </summary>
    public static double Redistribute(NeighbourhoodDraft draft, List<(SegmentId Segment, double Vehicles)> displaced, SegmentId[] addressed)
    {
        var avoid = addressed.Select(s => s.Value).ToHashSet();
        double kept = 1 - draft.Parameters.Interventions.TrafficEvaporationShare;
        var network = draft.Network;
        double moved = 0;
        foreach (var (segment, vehicles) in displaced)
        {
            if (vehicles <= 0)
            {
                continue;
            }
            var detour = CarDetour(network, network.SegmentFrom[segment.Value], network.SegmentTo[segment.Value], avoid);
            foreach (int s in detour)
            {
                draft.Change(new SegmentId(s), a => a with { CarVehiclesPerDay = (float)(a.CarVehiclesPerDay + (vehicles * kept)) });
            }
            moved += detour.Count > 0 ? vehicles * kept : 0;
        }
        return moved;
    }

    /// <summary>The segments of the shortest car route between two nodes (either direction allowed) off <paramref name="avoid"/>, or none.</summary>
    private static List<int> CarDetour(StreetNetwork network, int from, int to, HashSet<int> avoid)
    {
        var distance = new Dictionary<int, double> { [from] = 0 };
        var via = new Dictionary<int, int>();
        var queue = new PriorityQueue<int, (double, int)>();
        queue.Enqueue(from, (0, from));
        while (queue.TryDequeue(out int node, out var key))
        {
            if (key.Item1 > distance[node])
            {
                continue;
            }
            if (node == to)
            {
                break;
            }
            foreach (int arc in network.ArcsFrom(new NodeId(node)))
            {
                int s = arc >> 1;
                bool forward = (arc & 1) == 0;
                if (avoid.Contains(s) || ((forward ? network.ModesForward[s] : network.ModesBackward[s]) & TravelModes.Car) == 0)
                {
                    continue;
                }
                int next = forward ? network.SegmentTo[s] : network.SegmentFrom[s];
                double d = key.Item1 + network.LengthMetres[s];
                if (!distance.TryGetValue(next, out double known) || d < known)
                {
                    distance[next] = d;
                    via[next] = s;
                    queue.Enqueue(next, (d, next));
                }
            }
        }
        var route = new List<int>();
        if (!via.ContainsKey(to))
        {
            return route;
        }
        for (int node = to; node != from;)
        {
            int s = via[node];
            route.Add(s);
            node = network.SegmentFrom[s] == node ? network.SegmentTo[s] : network.SegmentFrom[s];
        }
        return route;
    }
}
