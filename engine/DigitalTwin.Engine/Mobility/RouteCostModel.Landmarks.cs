using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Landmark lower bounds for the one-off searches (ALT: A*, landmarks and the triangle inequality; Goldberg and
/// Harrelson 2005). For a few landmarks on the rim of the network, a tree per profile gives every arc's least cost to
/// the landmark, D_L. Going from x to the landmark through y costs at least as much as the best way, so the cost from
/// the origin o to any arc y is at least D_L(o) − D_L(y): a bound in the profile's own perceived costs, much tighter
/// than straight-line distance times the cheapest cost per metre, and consistent, so the search stays exact.
/// </summary>
internal sealed partial class RouteCostModel
{
    /// <summary>Landmarks per profile: eight compass sectors of the network's rim (memory: 8 floats per arc per profile).</summary>
    public const int LandmarkCount = 8;

    private readonly float[]?[] _landmarkDistances; // per profile index, built on first use

    /// <summary>
    /// Least perceived cost from every arc to each landmark for a profile, arc-major (<c>[arc * LandmarkCount + l]</c>,
    /// so one arc's bounds share a cache line); positive infinity where a landmark cannot be reached. Built on first
    /// use per profile; a pure function of the network, the parameters and the profile.
    /// </summary>
    public ReadOnlySpan<float> LandmarkDistances(CostProfile profile) => LandmarkTable(profile);

    /// <summary>As <see cref="LandmarkDistances"/>, the array itself (read only, for search state that outlives a span).</summary>
    internal float[] LandmarkTable(CostProfile profile) => OncePerProfile(_landmarkDistances, profile, static (model, p) => model.BuildLandmarkDistances(p));

    private float[] BuildLandmarkDistances(CostProfile profile)
    {
        int arcs = _network.SegmentCount * 2;
        var distances = new float[arcs * LandmarkCount];
        Array.Fill(distances, float.PositiveInfinity);
        var heap = new ArcHeap();
        var landmarks = LandmarkPositions(profile.Mode);
        for (int l = 0; l < landmarks.Length; l++)
        {
            var tree = ShortestPathTree.Build(this, new TreeKey(landmarks[l], TreeDirection.ToRoot, profile), heap);
            for (int arc = 0; arc < arcs; arc++)
            {
                distances[(arc * LandmarkCount) + l] = tree.Cost(arc);
            }
        }
        return distances;
    }

    /// <summary>
    /// One landmark per compass sector around the network's centre: the end of a segment the mode may use that lies
    /// farthest out. Rim landmarks bound best, because most routes run towards or away from some part of the rim.
    /// </summary>
    private NetworkPosition[] LandmarkPositions(TravelModes mode)
    {
        var network = _network;
        double centreX = 0, centreY = 0;
        for (int n = 0; n < network.NodeCount; n++)
        {
            centreX += network.NodeX[n];
            centreY += network.NodeY[n];
        }
        centreX /= Math.Max(1, network.NodeCount);
        centreY /= Math.Max(1, network.NodeCount);
        var best = new (double Distance, NetworkPosition Position)?[LandmarkCount];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            if ((network.ModesEither(new SegmentId(s)) & mode) == 0)
            {
                continue;
            }
            foreach (bool atEnd in (ReadOnlySpan<bool>)[false, true])
            {
                int node = atEnd ? network.SegmentTo[s] : network.SegmentFrom[s];
                double dx = network.NodeX[node] - centreX, dy = network.NodeY[node] - centreY;
                double distance = Math.Sqrt((dx * dx) + (dy * dy));
                int sector = (int)((Math.Atan2(dy, dx) + Math.PI) / (2 * Math.PI) * LandmarkCount) % LandmarkCount;
                if (best[sector] is not { } current || distance > current.Distance)
                {
                    best[sector] = (distance, new NetworkPosition(s, atEnd ? network.LengthMetres[s] : 0));
                }
            }
        }
        return [.. best.Where(b => b.HasValue).Select(b => b!.Value.Position)];
    }
}
