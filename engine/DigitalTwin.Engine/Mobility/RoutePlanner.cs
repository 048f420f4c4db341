using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Routes between two positions on the network using cached shortest-path trees rooted at the two end nodes of
/// the destination's segment. Reads the cache only; the trees must be prepared first (<see cref="TreesFor"/>).
/// </summary>
public sealed class RoutePlanner(ShortestPathTreeCache cache)
{
    public ShortestPathTreeCache Cache { get; } = cache;

    /// <summary>The two trees a route to <paramref name="destination"/> reads.</summary>
    public (int Root, CostProfile Profile) TreeFor(NetworkPosition destination, CostProfile profile, bool atEnd) =>
        (atEnd ? Cache.Model.Network.SegmentTo[destination.Segment] : Cache.Model.Network.SegmentFrom[destination.Segment], profile);

    public void TreesFor(NetworkPosition destination, CostProfile profile, ICollection<(int Root, CostProfile Profile)> keys)
    {
        keys.Add(TreeFor(destination, profile, atEnd: false));
        keys.Add(TreeFor(destination, profile, atEnd: true));
    }

    /// <summary>
    /// Appends the legs of the least-cost route to <paramref name="legs"/> and returns its length in metres, or -1
    /// when the destination cannot be reached with this profile's mode.
    /// </summary>
    public float Route(NetworkPosition origin, NetworkPosition destination, CostProfile profile, List<RouteLeg> legs)
    {
        var model = Cache.Model;
        var network = model.Network;
        var arcCosts = model.ArcCosts(profile);
        int a = origin.Segment;
        int b = destination.Segment;
        float lengthA = Math.Max(network.LengthMetres[a], 1e-3f);
        float lengthB = Math.Max(network.LengthMetres[b], 1e-3f);

        float best = float.PositiveInfinity;
        int bestStart = -1;
        ShortestPathTree? bestTree = null;
        bool bestEntersForward = false;

        if (a == b)
        {
            int arc = destination.OffsetMetres >= origin.OffsetMetres ? a * 2 : a * 2 + 1;
            if (!float.IsPositiveInfinity(arcCosts[arc]))
            {
                best = arcCosts[arc] * Math.Abs(destination.OffsetMetres - origin.OffsetMetres) / lengthA;
            }
        }

        var fromTree = Cache.Get(network.SegmentFrom[b], profile);
        var toTree = Cache.Get(network.SegmentTo[b], profile);
        for (int direction = 0; direction < 2; direction++)
        {
            int start = a * 2 + direction;
            float startCost = arcCosts[start];
            if (float.IsPositiveInfinity(startCost))
            {
                continue;
            }
            float remaining = direction == 0 ? lengthA - origin.OffsetMetres : origin.OffsetMetres;
            float partial = startCost * remaining / lengthA;
            for (int entry = 0; entry < 2; entry++)
            {
                bool enterForward = entry == 0;
                var tree = enterForward ? fromTree : toTree;
                float toRoot = tree.Cost(start);
                float entryCost = arcCosts[b * 2 + entry];
                if (float.IsPositiveInfinity(toRoot) || float.IsPositiveInfinity(entryCost))
                {
                    continue;
                }
                float entryMetres = enterForward ? destination.OffsetMetres : lengthB - destination.OffsetMetres;
                float onward = Math.Max(0, toRoot - startCost);
                float total = partial + onward + (entryCost * entryMetres / lengthB);
                if (total < best)
                {
                    best = total;
                    bestStart = start;
                    bestTree = tree;
                    bestEntersForward = enterForward;
                }
            }
        }

        if (float.IsPositiveInfinity(best))
        {
            return -1;
        }
        if (bestTree is null)
        {
            legs.Add(new RouteLeg(a, origin.OffsetMetres, destination.OffsetMetres));
            return Math.Abs(destination.OffsetMetres - origin.OffsetMetres);
        }

        float length = 0;
        length += AddLeg(legs, a, origin.OffsetMetres, (bestStart & 1) == 0 ? network.LengthMetres[a] : 0);
        for (int arc = bestTree.Next(bestStart); arc >= 0; arc = bestTree.Next(arc))
        {
            int s = arc >> 1;
            length += (arc & 1) == 0 ? AddLeg(legs, s, 0, network.LengthMetres[s]) : AddLeg(legs, s, network.LengthMetres[s], 0);
        }
        length += bestEntersForward
            ? AddLeg(legs, b, 0, destination.OffsetMetres)
            : AddLeg(legs, b, network.LengthMetres[b], destination.OffsetMetres);
        return length;
    }

    private static float AddLeg(List<RouteLeg> legs, int segment, float from, float to)
    {
        if (from != to)
        {
            legs.Add(new RouteLeg(segment, from, to));
        }
        return Math.Abs(to - from);
    }
}
