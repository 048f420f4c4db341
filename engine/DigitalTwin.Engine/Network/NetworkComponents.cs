namespace DigitalTwin.Engine.Network;

/// <summary>Connected parts of the network for one mode.</summary>
internal static class NetworkComponents
{
    /// <summary>
    /// Marks the segments of the largest connected part (by length) among those the mode may use in either
    /// direction. The walkable network is connected by construction, but its car streets need not be: two car
    /// streets joined only by a footpath are separate for a driver, and a trip between them has no route.
    /// </summary>
    public static bool[] Largest(StreetNetwork network, TravelModes mode)
    {
        ArgumentNullException.ThrowIfNull(network);
        var parent = new int[network.NodeCount];
        for (int n = 0; n < parent.Length; n++)
        {
            parent[n] = n;
        }
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
        var usable = new bool[network.SegmentCount];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            usable[s] = (network.ModesEither(new SegmentId(s)) & mode) != 0;
            if (usable[s])
            {
                int a = Find(network.SegmentFrom[s]), b = Find(network.SegmentTo[s]);
                if (a != b)
                {
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }
        var length = new double[network.NodeCount];
        int best = -1;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            if (usable[s])
            {
                int root = Find(network.SegmentFrom[s]);
                length[root] += network.LengthMetres[s];
                if (best < 0 || length[root] > length[best] || (length[root] == length[best] && root < best))
                {
                    best = root;
                }
            }
        }
        var kept = new bool[network.SegmentCount];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            kept[s] = usable[s] && Find(network.SegmentFrom[s]) == best;
        }
        return kept;
    }
}
