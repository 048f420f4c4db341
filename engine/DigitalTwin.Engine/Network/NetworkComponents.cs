namespace DigitalTwin.Engine.Network;

/// <summary>Connected parts of the network for one mode.</summary>
internal static class NetworkComponents
{
    /// <summary>
    /// Marks the segments of the largest strongly connected part (by length) among those the mode may use: every
    /// position on it can be reached from every other one, one-way streets respected. The walkable network is
    /// connected by construction, but its car streets need not be: two car streets joined only by a footpath are
    /// separate for a driver, and a one-way main road cut off at the map's edge leads out with no way back.
    /// </summary>
    public static bool[] Largest(StreetNetwork network, TravelModes mode)
    {
        var (segmentComponent, lengths) = StronglyConnected(network, mode);
        int best = -1;
        for (int c = 0; c < lengths.Length; c++)
        {
            if (lengths[c] > 0 && (best < 0 || lengths[c] > lengths[best]))
            {
                best = c;
            }
        }
        var kept = new bool[network.SegmentCount];
        for (int s = 0; s < kept.Length; s++)
        {
            kept[s] = best >= 0 && segmentComponent[s] == best;
        }
        return kept;
    }

    /// <summary>
    /// The strongly connected part each segment belongs to for the mode (-1 when the mode may not use it or its two ends
    /// lie in different parts, as on a one-way street between two parts), and each part's length of such segments.
    /// Parts are numbered in a fixed order (Kosaraju's, from node 0 up), so the numbering is deterministic.
    /// </summary>
    public static (int[] SegmentComponent, double[] LengthMetres) StronglyConnected(StreetNetwork network, TravelModes mode)
    {
        ArgumentNullException.ThrowIfNull(network);
        int nodes = network.NodeCount;
        var modesForward = network.ModesForward.ToArray();
        var modesBackward = network.ModesBackward.ToArray();
        bool Allows(int arc) => (((arc & 1) == 0 ? modesForward[arc >> 1] : modesBackward[arc >> 1]) & mode) != 0;
        int Head(int arc) => (arc & 1) == 0 ? network.SegmentTo[arc >> 1] : network.SegmentFrom[arc >> 1];

        // Kosaraju: finishing order on the graph, then components on the reversed graph, both without recursion.
        var reversedStart = new int[nodes + 1];
        for (int v = 0; v < nodes; v++)
        {
            foreach (int arc in network.ArcsFrom(new NodeId(v)))
            {
                if (Allows(arc))
                {
                    reversedStart[Head(arc) + 1]++;
                }
            }
        }
        for (int v = 0; v < nodes; v++)
        {
            reversedStart[v + 1] += reversedStart[v];
        }
        var reversedTail = new int[reversedStart[nodes]];
        var fill = (int[])reversedStart.Clone();
        for (int v = 0; v < nodes; v++)
        {
            foreach (int arc in network.ArcsFrom(new NodeId(v)))
            {
                if (Allows(arc))
                {
                    reversedTail[fill[Head(arc)]++] = v;
                }
            }
        }

        var order = new List<int>(nodes);
        var visited = new bool[nodes];
        var stack = new Stack<(int Node, int Next)>();
        for (int root = 0; root < nodes; root++)
        {
            if (visited[root])
            {
                continue;
            }
            visited[root] = true;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (v, next) = stack.Pop();
                var arcs = network.ArcsFrom(new NodeId(v));
                while (next < arcs.Length && (!Allows(arcs[next]) || visited[Head(arcs[next])]))
                {
                    next++;
                }
                if (next < arcs.Length)
                {
                    int w = Head(arcs[next]);
                    stack.Push((v, next + 1));
                    visited[w] = true;
                    stack.Push((w, 0));
                }
                else
                {
                    order.Add(v);
                }
            }
        }

        var component = new int[nodes];
        Array.Fill(component, -1);
        int count = 0;
        var pending = new Stack<int>();
        for (int i = order.Count - 1; i >= 0; i--)
        {
            if (component[order[i]] >= 0)
            {
                continue;
            }
            component[order[i]] = count;
            pending.Push(order[i]);
            while (pending.Count > 0)
            {
                int v = pending.Pop();
                for (int k = reversedStart[v]; k < reversedStart[v + 1]; k++)
                {
                    int u = reversedTail[k];
                    if (component[u] < 0)
                    {
                        component[u] = count;
                        pending.Push(u);
                    }
                }
            }
            count++;
        }

        var length = new double[count];
        var segmentComponent = new int[network.SegmentCount];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            int c = component[network.SegmentFrom[s]];
            bool inside = (network.ModesEither(new SegmentId(s)) & mode) != 0 && c == component[network.SegmentTo[s]];
            segmentComponent[s] = inside ? c : -1;
            if (inside)
            {
                length[c] += network.LengthMetres[s];
            }
        }
        return (segmentComponent, length);
    }
}
