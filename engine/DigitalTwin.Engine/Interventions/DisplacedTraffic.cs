using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Interventions;

/// <summary>Car traffic that a closed or calmed street no longer carries, moved onto the detours cars now take.</summary>
internal static class DisplacedTraffic
{
    /// <summary>
    /// For each street between two junctions, its vehicles a day (its busiest addressed segment's, less the share that
    /// evaporates) are added along the shortest car route between those junctions in the changed network. Where no detour exists the traffic disappears. Returns the vehicles a day moved.
    /// The detour avoids every segment the intervention addresses: a calmed street stays open to cars, but the traffic
    /// taken off it cannot go back onto it.
    /// </summary>
    public static double Redistribute(NeighbourhoodDraft draft, List<(SegmentId Segment, double Vehicles)> displaced, SegmentId[] addressed)
    {
        var avoid = addressed.Select(s => s.Value).ToHashSet();
        double kept = 1 - draft.Parameters.Interventions.TrafficEvaporationShare;
        var network = draft.Network;
        double moved = 0;
        // The segments of one street between the same two junctions carry the same cars one after another: the street's
        // traffic is their busiest segment's, moved once, not once per segment. Keyed in the order first met, so the
        // result does not depend on hashing.
        var streets = new List<(int From, int To, double Vehicles)>();
        foreach (var (segment, vehicles) in displaced)
        {
            if (vehicles <= 0)
            {
                continue;
            }
            int from = JunctionBeyond(network, network.SegmentFrom[segment.Value], segment.Value, avoid);
            int to = JunctionBeyond(network, network.SegmentTo[segment.Value], segment.Value, avoid);
            (from, to) = (Math.Min(from, to), Math.Max(from, to));
            int known = streets.FindIndex(street => street.From == from && street.To == to);
            if (known < 0)
            {
                streets.Add((from, to, vehicles));
            }
            else if (vehicles > streets[known].Vehicles)
            {
                streets[known] = (from, to, vehicles);
            }
        }
        foreach (var (from, to, vehicles) in streets)
        {
            // A segment inside a longer street has no way round between its own ends but the street itself: the detour
            // runs between the junctions where the addressed street meets the rest of the car network.
            var detour = from == to ? [] : CarDetour(network, from, to, avoid);
            foreach (int s in detour)
            {
                draft.Change(new SegmentId(s), a => a with { CarVehiclesPerDay = (float)(a.CarVehiclesPerDay + (vehicles * kept)) });
            }
            moved += detour.Count > 0 ? vehicles * kept : 0;
        }
        return moved;
    }

    /// <summary>
    /// Follows the addressed street from <paramref name="node"/> (leaving <paramref name="segment"/> behind) to the first
    /// node where a car can turn onto a street not addressed: that node, or the street's dead end.
    /// </summary>
    private static int JunctionBeyond(StreetNetwork network, int node, int segment, HashSet<int> avoid)
    {
        var seen = new HashSet<int> { segment };
        while (true)
        {
            int onward = -1, onwardCount = 0;
            foreach (int arc in network.ArcsFrom(new NodeId(node)))
            {
                int s = arc >> 1;
                if ((network.ModesEither(new SegmentId(s)) & TravelModes.Car) == 0 || seen.Contains(s))
                {
                    continue;
                }
                if (!avoid.Contains(s))
                {
                    return node; // a junction with the rest of the car network
                }
                onward = s;
                onwardCount++;
            }
            if (onwardCount != 1)
            {
                return node; // a dead end, or the addressed streets branch: stop here
            }
            seen.Add(onward);
            node = network.SegmentFrom[onward] == node ? network.SegmentTo[onward] : network.SegmentFrom[onward];
        }
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
