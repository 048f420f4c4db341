using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Routes between a position and an anchor (a place, a gateway) using the anchor's cached tree: towards the anchor
/// with a <see cref="TreeDirection.ToRoot"/> tree, away from it with a <see cref="TreeDirection.FromRoot"/> tree.
/// Only reads the cache; the trees must be prepared in the phase before.
/// </summary>
internal sealed class RoutePlanner(ShortestPathTreeCache cache, ArcHierarchyCache? hierarchies = null)
{
    public ShortestPathTreeCache Cache { get; } = cache;

    /// <summary>Hierarchies for one-off routes, where the run has built them (see <see cref="ArcHierarchyCache"/>).</summary>
    public ArcHierarchyCache? Hierarchies { get; } = hierarchies;

    /// <summary>
    /// Appends the legs of the least-cost route from <paramref name="origin"/> to the root of a ToRoot tree and returns
    /// its length in metres, or -1 when the root cannot be reached with the tree's mode.
    /// </summary>
    public float RouteTo(NetworkPosition origin, TreeKey key, List<RouteLeg> legs) =>
        origin.Segment == key.Root.Segment
            ? Direct(origin, key.Root, Cache.Model.ArcCosts(key.Profile), legs)
            : RouteTo(origin, Cache.Get(key), legs);

    /// <summary>As <see cref="RouteTo(NetworkPosition, TreeKey, List{RouteLeg})"/>, with a tree at hand (a one-off search).</summary>
    public float RouteTo(NetworkPosition origin, ShortestPathTree tree, List<RouteLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var key = tree.Key;
        var network = Cache.Model.Network;
        var destination = key.Root;
        var arcCosts = Cache.Model.ArcCosts(key.Profile);
        if (origin.Segment == destination.Segment)
        {
            return Direct(origin, destination, arcCosts, legs);
        }
        int a = origin.Segment;
        float lengthA = Math.Max(network.LengthMetres[a], 1e-3f);
        float best = float.PositiveInfinity;
        int bestStart = -1;
        for (int direction = 0; direction < 2; direction++)
        {
            int start = (a * 2) + direction;
            float own = arcCosts[start];
            float toRoot = tree.Cost(start);
            if (float.IsPositiveInfinity(own) || float.IsPositiveInfinity(toRoot))
            {
                continue;
            }
            float remaining = direction == 0 ? lengthA - origin.OffsetMetres : origin.OffsetMetres;
            float total = (own * remaining / lengthA) + Math.Max(0, toRoot - own);
            if (total < best)
            {
                best = total;
                bestStart = start;
            }
        }
        if (bestStart < 0)
        {
            return -1;
        }
        float length = AddLeg(legs, a, origin.OffsetMetres, (bestStart & 1) == 0 ? network.LengthMetres[a] : 0);
        for (int at = tree.NextPosition(tree.PositionOf(bestStart)), next; at >= 0; at = next)
        {
            next = tree.NextPosition(at);
            int arc = tree.ArcAt(at);
            int s = arc >> 1;
            bool forward = (arc & 1) == 0;
            bool last = next < 0; // the chain ends on the root's own segment
            float from = forward ? 0 : network.LengthMetres[s];
            float to = last ? destination.OffsetMetres : (forward ? network.LengthMetres[s] : 0);
            length += AddLeg(legs, s, from, to);
        }
        return length;
    }

    /// <summary>
    /// Appends the legs of the least-cost route from <paramref name="origin"/> to <paramref name="destination"/> found
    /// with a profile's contraction hierarchy and returns its length in metres, or -1 when it cannot be reached.
    /// </summary>
    public float RouteTo(NetworkPosition origin, NetworkPosition destination, ArcHierarchy hierarchy, HierarchyScratch scratch, List<RouteLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(scratch);
        var network = Cache.Model.Network;
        if (origin.Segment == destination.Segment)
        {
            return Direct(origin, destination, Cache.Model.ArcCosts(hierarchy.Profile), legs);
        }
        if (float.IsPositiveInfinity(hierarchy.Route(Cache.Model, origin, destination, scratch)))
        {
            return -1;
        }
        var arcs = scratch.Arcs;
        int a = origin.Segment;
        float length = AddLeg(legs, a, origin.OffsetMetres, (arcs[0] & 1) == 0 ? network.LengthMetres[a] : 0);
        for (int i = 1; i < arcs.Count; i++)
        {
            int arc = arcs[i];
            int s = arc >> 1;
            bool forward = (arc & 1) == 0;
            float from = forward ? 0 : network.LengthMetres[s];
            float to = i == arcs.Count - 1 ? destination.OffsetMetres : (forward ? network.LengthMetres[s] : 0);
            length += AddLeg(legs, s, from, to);
        }
        return length;
    }

    /// <summary>
    /// Appends the legs of the least-cost route from the root of a FromRoot tree to <paramref name="destination"/>
    /// and returns its length in metres, or -1 when it cannot be reached with the tree's mode.
    /// </summary>
    public float RouteFrom(TreeKey key, NetworkPosition destination, List<RouteLeg> legs)
    {
        var network = Cache.Model.Network;
        var origin = key.Root;
        var arcCosts = Cache.Model.ArcCosts(key.Profile);
        if (origin.Segment == destination.Segment)
        {
            return Direct(origin, destination, arcCosts, legs);
        }
        var tree = Cache.Get(key);
        int h = destination.Segment;
        float lengthH = Math.Max(network.LengthMetres[h], 1e-3f);
        float best = float.PositiveInfinity;
        int bestEnd = -1;
        for (int direction = 0; direction < 2; direction++)
        {
            int end = (h * 2) + direction;
            float own = arcCosts[end];
            float fromRoot = tree.Cost(end);
            if (float.IsPositiveInfinity(own) || float.IsPositiveInfinity(fromRoot))
            {
                continue;
            }
            // The tree counts the whole arc; the trip stops short of its end by the part beyond the destination.
            float beyond = direction == 0 ? lengthH - destination.OffsetMetres : destination.OffsetMetres;
            float total = fromRoot - (own * beyond / lengthH);
            if (total < best)
            {
                best = total;
                bestEnd = end;
            }
        }
        if (bestEnd < 0)
        {
            return -1;
        }
        int firstNew = legs.Count;
        float length = 0;
        for (int at = tree.PositionOf(bestEnd), next; at >= 0; at = next)
        {
            next = tree.NextPosition(at);
            int arc = tree.ArcAt(at);
            int s = arc >> 1;
            bool forward = (arc & 1) == 0;
            bool first = next < 0; // the chain starts on the root's own segment
            float from = first ? origin.OffsetMetres : (forward ? 0 : network.LengthMetres[s]);
            float to = s == h && arc == bestEnd ? destination.OffsetMetres : (forward ? network.LengthMetres[s] : 0);
            length += AddLeg(legs, s, from, to);
        }
        legs.Reverse(firstNew, legs.Count - firstNew);
        return length;
    }

    private static float Direct(NetworkPosition origin, NetworkPosition destination, ReadOnlySpan<float> arcCosts, List<RouteLeg> legs)
    {
        int arc = (origin.Segment * 2) + (destination.OffsetMetres >= origin.OffsetMetres ? 0 : 1);
        if (float.IsPositiveInfinity(arcCosts[arc]))
        {
            return -1; // a one-way the wrong way round: rare enough to leave the trip out
        }
        legs.Add(new RouteLeg(origin.Segment, origin.OffsetMetres, destination.OffsetMetres));
        return Math.Abs(destination.OffsetMetres - origin.OffsetMetres);
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
