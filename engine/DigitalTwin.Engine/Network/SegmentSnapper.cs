using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace DigitalTwin.Engine.Network;

/// <summary>Where a point meets the network: the segment, how far along it (metres from its start), how far off.</summary>
internal readonly record struct SnapResult(SegmentId Segment, float OffsetMetres, double DistanceMetres);

/// <summary>
/// Finds the nearest segment allowing given modes to a point, with an STRtree over segment envelopes. The query
/// envelope grows (doubling) until the best hit lies within it, which makes the answer exact: any segment closer
/// than the envelope's half-width must intersect the envelope.
/// </summary>
internal sealed class SegmentSnapper
{
    private const double FirstSearchRadiusMetres = 25;

    private readonly StreetNetwork _network;
    private readonly STRtree<int> _index = new();
    private readonly double _maxExtentMetres;
    private readonly int _indexed; // STRtree.Count walks the whole tree: counted once here, not per snap

    public SegmentSnapper(StreetNetwork network, TravelModes modes = TravelModes.Walk)
        : this(network, modes, null)
    {
    }

    /// <summary>A snapper over the segments that allow <paramref name="modes"/> and, if given, are marked in <paramref name="only"/>.</summary>
    public SegmentSnapper(StreetNetwork network, TravelModes modes, IReadOnlyList<bool>? only)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        var all = new Envelope();
        for (int s = 0; s < network.SegmentCount; s++)
        {
            if ((network.ModesEither(new SegmentId(s)) & modes) == 0 || (only is not null && !only[s]))
            {
                continue;
            }
            var (x, y) = network.Geometry(new SegmentId(s));
            var envelope = new Envelope();
            for (int i = 0; i < x.Length; i++)
            {
                envelope.ExpandToInclude(x.Span[i], y.Span[i]);
            }
            _index.Insert(envelope, s);
            _indexed++;
            all.ExpandToInclude(envelope);
        }
        _index.Build();
        _maxExtentMetres = all.IsNull ? 0 : Math.Max(all.Width, all.Height) + 1;
    }

    /// <summary>The nearest segment within <paramref name="maxDistanceMetres"/>, or null when there is none.</summary>
    public SnapResult? Snap(double x, double y, double maxDistanceMetres)
    {
        if (_indexed == 0)
        {
            return null;
        }
        double limit = Math.Min(maxDistanceMetres, _maxExtentMetres + Math.Abs(x) + Math.Abs(y));
        for (double radius = Math.Min(FirstSearchRadiusMetres, limit); ; radius *= 2)
        {
            radius = Math.Min(radius, limit);
            var hits = _index.Query(new Envelope(x - radius, x + radius, y - radius, y + radius));
            SnapResult? best = null;
            foreach (int s in hits)
            {
                var candidate = Nearest(s, x, y);
                // Ties go to the lower segment index, so the result does not depend on the tree's order.
                if (best is not { } b || candidate.DistanceMetres < b.DistanceMetres
                    || (candidate.DistanceMetres == b.DistanceMetres && candidate.Segment.Value < b.Segment.Value))
                {
                    best = candidate;
                }
            }
            if (best is { } found && found.DistanceMetres <= radius)
            {
                return found.DistanceMetres <= maxDistanceMetres ? found : null;
            }
            if (radius >= limit)
            {
                return null;
            }
        }
    }

    /// <summary>Every segment within <paramref name="radiusMetres"/>, nearest first; equal distances in segment order, so the answer does not depend on the tree's order.</summary>
    public SnapResult[] Within(double x, double y, double radiusMetres)
    {
        var found = new List<SnapResult>();
        foreach (int s in _index.Query(new Envelope(x - radiusMetres, x + radiusMetres, y - radiusMetres, y + radiusMetres)))
        {
            var candidate = Nearest(s, x, y);
            if (candidate.DistanceMetres <= radiusMetres)
            {
                found.Add(candidate);
            }
        }
        found.Sort((a, b) => a.DistanceMetres != b.DistanceMetres ? a.DistanceMetres.CompareTo(b.DistanceMetres) : a.Segment.Value.CompareTo(b.Segment.Value));
        return [.. found];
    }

    private SnapResult Nearest(int segment, double px, double py)
    {
        var (xs, ys) = _network.Geometry(new SegmentId(segment));
        ReadOnlySpan<double> x = xs.Span, y = ys.Span;
        double bestDistanceSquared = double.MaxValue, bestOffset = 0, along = 0;
        for (int i = 1; i < x.Length; i++)
        {
            double dx = x[i] - x[i - 1], dy = y[i] - y[i - 1];
            double lengthSquared = dx * dx + dy * dy;
            double t = lengthSquared > 0 ? Math.Clamp(((px - x[i - 1]) * dx + (py - y[i - 1]) * dy) / lengthSquared, 0, 1) : 0;
            double cx = x[i - 1] + t * dx - px, cy = y[i - 1] + t * dy - py;
            double d2 = cx * cx + cy * cy;
            double length = Math.Sqrt(lengthSquared);
            if (d2 < bestDistanceSquared)
            {
                bestDistanceSquared = d2;
                bestOffset = along + t * length;
            }
            along += length;
        }
        float offset = (float)Math.Min(bestOffset, _network.LengthMetres[segment]);
        return new SnapResult(new SegmentId(segment), offset, Math.Sqrt(bestDistanceSquared));
    }
}
