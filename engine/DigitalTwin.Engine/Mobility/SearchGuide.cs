using System.Runtime.CompilerServices;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// The A* bound of a guided search: for each target segment (up to <see cref="MaxTargets"/>; beyond that the search
/// is left unguided) a lower bound of the cost from an arc to it, from the straight-line distance times the profile's
/// lowest cost per metre and from the landmarks (<see cref="RouteCostModel.LandmarkDistances"/>); the bound of an arc
/// is the smallest over the targets, scaled by <see cref="ShortestPathTree.GuideScale"/>. Each per-target bound is
/// consistent, so their minimum is too.
/// </summary>
internal sealed class SearchGuide
{
    /// <summary>Beyond this many targets the nearest-target bound is weak and costly: the search runs unguided.</summary>
    public const int MaxTargets = 16;

    private const int Landmarks = RouteCostModel.LandmarkCount;

    private readonly double[] _x = new double[MaxTargets];
    private readonly double[] _y = new double[MaxTargets];
    private readonly double[] _reach = new double[MaxTargets];
    private readonly float[] _landmark = new float[MaxTargets * Landmarks];
    private int _count;
    private RouteCostModel? _model;
    private float[]? _distances;
    private float[]? _arcCosts;
    private float _perMetre;
    private bool _toRoot;

    internal SearchGuide? Prepare(RouteCostModel model, TreeKey key, ReadOnlySpan<int> targets, ReadOnlySpan<float> arcCosts)
    {
        _count = 0;
        if (targets.Length > MaxTargets)
        {
            return null;
        }
        _model = model;
        _toRoot = key.Direction == TreeDirection.ToRoot;
        _perMetre = model.LowestCostPerMetre(key.Profile);
        _distances = model.LandmarkTable(key.Profile);
        _arcCosts = model.ArcCostTable(key.Profile);
        foreach (int segment in targets)
        {
            int t = _count++;
            (_x[t], _y[t], _reach[t]) = model.Midpoint(segment);
            var landmark = _landmark.AsSpan(t * Landmarks, Landmarks);
            // ToRoot: the cost from an arc x back to the target o is at least D(o) − D(x), best with the smaller D(o)
            // of the target's two directions. FromRoot: from x on to the target t at least E(x) − E(t), E = D − own
            // (the cost from the arc's end to the landmark), best with the larger E(t).
            landmark.Fill(_toRoot ? float.PositiveInfinity : float.NegativeInfinity);
            for (int direction = 0; direction < 2; direction++)
            {
                int arc = (segment * 2) + direction;
                if (float.IsPositiveInfinity(arcCosts[arc]))
                {
                    continue;
                }
                for (int l = 0; l < Landmarks; l++)
                {
                    float d = _distances[(arc * Landmarks) + l];
                    landmark[l] = _toRoot ? Math.Min(landmark[l], d) : Math.Max(landmark[l], d - arcCosts[arc]);
                }
            }
            for (int l = 0; l < Landmarks; l++)
            {
                if (float.IsInfinity(landmark[l]))
                {
                    landmark[l] = float.NaN; // no bound from this landmark: NaN never wins a comparison
                }
            }
        }
        return this;
    }

    /// <summary>A lower bound (already scaled) of the cost from <paramref name="arc"/> to the nearest target.</summary>
    internal float Bound(int arc)
    {
        var model = _model!;
        var network = model.Network;
        int node = _toRoot ? model.StartNode(arc) : model.EndNode(arc);
        double nodeX = network.NodeX[node], nodeY = network.NodeY[node];
        var own = _distances.AsSpan(arc * Landmarks, Landmarks);
        float ownCost = _arcCosts![arc];
        float nearest = float.PositiveInfinity;
        for (int t = 0; t < _count; t++)
        {
            var landmark = _landmark.AsSpan(t * Landmarks, Landmarks);
            float bound = 0;
            for (int l = 0; l < Landmarks; l++)
            {
                // -infinity (the arc cannot reach the landmark) and NaN never win the comparison.
                float viaLandmark = _toRoot ? landmark[l] - own[l] : own[l] - ownCost - landmark[l];
                if (viaLandmark > bound)
                {
                    bound = viaLandmark;
                }
            }
            // The straight-line bound only where it beats the landmarks: compared squared, so the square root is
            // taken only then (it was a third of a visit's search time).
            double dx = nodeX - _x[t], dy = nodeY - _y[t];
            double beaten = (bound / _perMetre) + _reach[t];
            if (_perMetre > 0 && (dx * dx) + (dy * dy) > beaten * beaten)
            {
                bound = Math.Max(bound, (float)((Math.Sqrt((dx * dx) + (dy * dy)) - _reach[t]) * _perMetre));
            }
            nearest = Math.Min(nearest, bound);
        }
        return float.IsPositiveInfinity(nearest) ? 0 : nearest * ShortestPathTree.GuideScale;
    }
}
