using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Surroundings;

namespace DigitalTwin.Engine.Profile;

/// <summary>
/// One chance to cross a barrier line: where walkable streets cross it, those within
/// <see cref="StartMapParameters.CrossingMergeMetres"/> of one another along the line taken as one (a bridge with
/// its separately mapped footways is one crossing).
/// </summary>
/// <param name="Line">The barrier line (index into the neighbourhood's <see cref="BarrierLines"/>).</param>
/// <param name="Kind">Rail or water.</param>
/// <param name="AlongMetres">Where along the line, from its first point.</param>
/// <param name="X">Projected position, metres.</param>
/// <param name="Y">Projected position, metres.</param>
/// <param name="Level">At grade: a street and the barrier share a node (a level crossing on rail; on water, a dam or ford).</param>
/// <param name="Segments">How many walkable street segments cross here.</param>
public sealed record BarrierCrossing(int Line, BarrierKind Kind, double AlongMetres, double X, double Y, bool Level, int Segments);

/// <summary>The start map's water and rail barriers: which lines count, their crossings and the stretches between them.</summary>
/// <param name="Counted">Per barrier line: false for a track running beside an earlier counted track of the same railway (one corridor is one barrier).</param>
/// <param name="LengthMetres">Per barrier line, its length.</param>
/// <param name="LongestStretchMetres">Per counted line, the longest distance between two consecutive crossings along it (0 with fewer than two).</param>
/// <param name="Crossings">Every crossing of a counted line, by line and position along it.</param>
public sealed record StartMapBarriers(bool[] Counted, double[] LengthMetres, double[] LongestStretchMetres, IReadOnlyList<BarrierCrossing> Crossings)
{
    public static StartMapBarriers None { get; } = new([], [], [], []);
}

public sealed partial record StartMap
{
    /// <summary>Water and rail barriers with their crossings; empty when the map has no barrier lines.</summary>
    public StartMapBarriers Barriers { get; init; } = StartMapBarriers.None;

    /// <summary>
    /// Finds where walkable segments cross the neighbourhood's barrier lines and adds the water and rail indicators.
    /// A crossing is found in plan: a walkable segment whose line meets the barrier line is a bridge over it, an
    /// underpass beneath it or a level crossing (the street does not keep OSM's bridge=*, and plan geometry finds all
    /// three alike). Where they share a node it is at grade.
    /// </summary>
    private static StartMapBarriers WaterAndRail(Neighbourhood neighbourhood, bool[] walkable, StartMapParameters parameters, List<ProfileIndicator> indicators)
    {
        var lines = neighbourhood.Barriers;
        var network = neighbourhood.Network;
        var length = new double[lines.Count];
        for (int l = 0; l < lines.Count; l++)
        {
            length[l] = lines.LengthMetres(l);
        }
        bool[] counted = CountedLines(lines, parameters.RailCorridorMetres);

        // Street geometry as floats, the precision the barrier lines are kept in, so that a node the two share is the
        // same point in both and a level crossing meets exactly there.
        var streets = new List<(float[] X, float[] Y, float MinX, float MinY, float MaxX, float MaxY)>();
        var streetSegment = new List<int>();
        for (int s = 0; s < network.SegmentCount; s++)
        {
            if (!walkable[s])
            {
                continue;
            }
            var (xs, ys) = network.Geometry(new SegmentId(s));
            float[] fx = new float[xs.Length], fy = new float[ys.Length];
            for (int k = 0; k < fx.Length; k++)
            {
                fx[k] = (float)xs.Span[k];
                fy[k] = (float)ys.Span[k];
            }
            streets.Add((fx, fy, fx.Min(), fy.Min(), fx.Max(), fy.Max()));
            streetSegment.Add(s);
        }

        var crossings = new List<BarrierCrossing>();
        var longest = new double[lines.Count];
        var hits = new List<(double Along, bool Level, int Segment)>();
        for (int l = 0; l < lines.Count; l++)
        {
            if (!counted[l])
            {
                continue;
            }
            int first = lines.LineStart[l], end = lines.LineStart[l + 1];
            var x = lines.X.AsSpan(first, end - first);
            var y = lines.Y.AsSpan(first, end - first);
            float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
            for (int k = 0; k < x.Length; k++)
            {
                minX = Math.Min(minX, x[k]);
                minY = Math.Min(minY, y[k]);
                maxX = Math.Max(maxX, x[k]);
                maxY = Math.Max(maxY, y[k]);
            }
            hits.Clear();
            for (int t = 0; t < streets.Count; t++)
            {
                var street = streets[t];
                if (street.MaxX < minX || street.MinX > maxX || street.MaxY < minY || street.MinY > maxY)
                {
                    continue;
                }
                double along = 0;
                for (int k = 0; k + 1 < x.Length; k++)
                {
                    double piece = Math.Sqrt(Square(x[k + 1] - x[k]) + Square(y[k + 1] - y[k]));
                    for (int j = 0; j + 1 < street.X.Length; j++)
                    {
                        if (Cross(x[k], y[k], x[k + 1], y[k + 1], street.X[j], street.Y[j], street.X[j + 1], street.Y[j + 1], out double at, out bool atVertices))
                        {
                            hits.Add((along + (at * piece), atVertices, streetSegment[t]));
                        }
                    }
                    along += piece;
                }
            }
            longest[l] = Merge(l, lines, hits, parameters.CrossingMergeMetres, crossings);
        }

        AddIndicators(BarrierKind.Rail, "rail", "rail", lines, counted, length, crossings, parameters, indicators);
        AddIndicators(BarrierKind.Water, "water", "watercourse", lines, counted, length, crossings, parameters, indicators);
        return new StartMapBarriers(counted, length, longest, crossings);
    }

    /// <summary>
    /// Which lines count: every watercourse; a rail line unless at least half of it runs within
    /// <paramref name="corridorMetres"/> of a rail line counted before it (the second, third, fourth track of one railway).
    /// </summary>
    private static bool[] CountedLines(BarrierLines lines, double corridorMetres)
    {
        const double sampleMetres = 10;
        var counted = new bool[lines.Count];
        var railKept = new List<int>();
        for (int l = 0; l < lines.Count; l++)
        {
            if (lines.Kind[l] != BarrierKind.Rail)
            {
                counted[l] = true;
                continue;
            }
            int samples = 0, beside = 0;
            for (int k = lines.LineStart[l]; k + 1 < lines.LineStart[l + 1]; k++)
            {
                double piece = Math.Sqrt(Square(lines.X[k + 1] - lines.X[k]) + Square(lines.Y[k + 1] - lines.Y[k]));
                int steps = Math.Max(1, (int)Math.Ceiling(piece / sampleMetres));
                for (int i = 0; i < steps; i++)
                {
                    double px = lines.X[k] + ((lines.X[k + 1] - lines.X[k]) * i / (double)steps);
                    double py = lines.Y[k] + ((lines.Y[k + 1] - lines.Y[k]) * i / (double)steps);
                    samples++;
                    beside += railKept.Any(r => DistanceToLine(lines, r, px, py) <= corridorMetres) ? 1 : 0;
                }
            }
            counted[l] = 2 * beside < samples;
            if (counted[l])
            {
                railKept.Add(l);
            }
        }
        return counted;
    }

    /// <summary>Sorts a line's hits along it and merges those close together into crossings; returns the longest stretch between two.</summary>
    private static double Merge(int line, BarrierLines lines, List<(double Along, bool Level, int Segment)> hits, double mergeMetres, List<BarrierCrossing> crossings)
    {
        hits.Sort((a, b) => a.Along != b.Along ? a.Along.CompareTo(b.Along) : a.Segment.CompareTo(b.Segment));
        double longest = 0;
        double? previous = null;
        int i = 0;
        while (i < hits.Count)
        {
            int j = i;
            double sum = hits[i].Along;
            bool level = hits[i].Level;
            var segments = new HashSet<int> { hits[i].Segment };
            while (j + 1 < hits.Count && hits[j + 1].Along - hits[j].Along <= mergeMetres)
            {
                j++;
                sum += hits[j].Along;
                level |= hits[j].Level;
                segments.Add(hits[j].Segment);
            }
            double at = sum / (j - i + 1);
            var (px, py) = PointAlong(lines, line, at);
            crossings.Add(new BarrierCrossing(line, lines.Kind[line], at, px, py, level, segments.Count));
            if (previous is double p)
            {
                longest = Math.Max(longest, at - p);
            }
            previous = at;
            i = j + 1;
        }
        return longest;
    }

    private static void AddIndicators(BarrierKind kind, string key, string noun, BarrierLines lines, bool[] counted, double[] length,
        List<BarrierCrossing> crossings, StartMapParameters p, List<ProfileIndicator> indicators)
    {
        double metres = 0;
        for (int l = 0; l < lines.Count; l++)
        {
            metres += counted[l] && lines.Kind[l] == kind ? length[l] : 0;
        }
        var ofKind = crossings.Where(c => c.Kind == kind).ToList();
        // Stretches between consecutive crossings of the same line; a line's ends are not crossings but where the barrier
        // stops (the map's edge, a culvert or tunnel, the head of a ditch), so the stretches to them are measured apart.
        var gaps = new List<double>();
        for (int c = 1; c < ofKind.Count; c++)
        {
            if (ofKind[c].Line == ofKind[c - 1].Line)
            {
                gaps.Add(ofKind[c].AlongMetres - ofKind[c - 1].AlongMetres);
            }
        }
        double beyond = gaps.Where(g => g > p.CrossingSpacingMetres).Sum();
        string rule = kind == BarrierKind.Rail
            ? "railway=rail, light_rail, narrow_gauge or subway, not in a tunnel (tram tracks in the street are crossed anywhere); parallel tracks of one railway count once"
            : "waterway=canal, river, stream, drain or ditch mapped as a line, not culverted (water areas without such a line are not counted)";
        // The longest stretch with no crossing, now counting the stretches to a line's ends too: the Schie crossed once in
        // the map is a long barrier even though it has no two crossings to measure between.
        double uncrossed = 0;
        for (int l = 0; l < lines.Count; l++)
        {
            if (!counted[l] || lines.Kind[l] != kind)
            {
                continue;
            }
            var along = ofKind.Where(c => c.Line == l).Select(c => c.AlongMetres).ToList();
            uncrossed = Math.Max(uncrossed, along.Count == 0 ? length[l] : Math.Max(along[0], length[l] - along[^1]));
        }
        uncrossed = Math.Max(uncrossed, gaps.Count > 0 ? gaps.Max() : 0);

        string tno = $"{TnoSource}, 'Fysieke barrières'";
        indicators.Add(new($"{key}BarrierKm", BarriersTheme, $"length of {noun} barrier", metres / 1000, "km",
            $"Length within the map of {rule}.", $"{tno}; which ways count: {StartMapParameters.BarrierRuleSource}"));
        indicators.Add(new($"{key}Crossings", BarriersTheme, $"crossings of {noun} barriers", ofKind.Count, "",
            $"Places where a walkable street or path crosses a {noun} barrier (bridge, underpass{(kind == BarrierKind.Rail ? ", level crossing" : ", dam")}), found in plan; crossings within {p.CrossingMergeMetres:0} m of one another along the barrier count once.",
            $"{tno}; {StartMapParameters.CrossingMergeSource}"));
        if (kind == BarrierKind.Rail)
        {
            indicators.Add(new("railLevelCrossings", BarriersTheme, "of which level crossings", ofKind.Count(c => c.Level), "",
                "Rail crossings where the street and the track share a node: at grade, with barriers and waiting, rather than a bridge or underpass.",
                "definition: OpenStreetMap maps a level crossing as a node shared by the highway and the railway"));
        }
        indicators.Add(new($"{key}CrossingSpacingMeanMetres", BarriersTheme, $"mean distance between {noun} crossings", gaps.Count > 0 ? gaps.Average() : null, "m",
            $"Mean distance along a {noun} barrier between consecutive crossings of it; not assessed with fewer than two crossings on any line.",
            $"{tno}; definition: along the barrier line"));
        indicators.Add(new($"{key}CrossingSpacingMaxMetres", BarriersTheme, $"longest distance between {noun} crossings", gaps.Count > 0 ? gaps.Max() : null, "m",
            $"The longest stretch of a {noun} barrier between two consecutive crossings: the largest detour a walker beside it can face inside the map.",
            $"{tno}; definition: along the barrier line"));
        indicators.Add(new($"{key}LongestUncrossedMetres", BarriersTheme, $"longest {noun} barrier without a crossing", metres > 0 ? uncrossed : null, "m",
            $"The longest stretch of a {noun} barrier with no crossing, counting also the stretch from a crossing to where the line ends or leaves the map (and a whole line never crossed): beyond the map's edge the next crossing is not known, so this is at least the detour there.",
            $"{tno}; definition: along the barrier line"));
        indicators.Add(new($"{key}BarrierBeyondSpacingShare", BarriersTheme, $"{noun} barrier with crossings more than {p.CrossingSpacingMetres:0} m apart", metres > 0 ? 100 * beyond / metres : null, "%",
            $"Length of the stretches between two consecutive crossings longer than {p.CrossingSpacingMetres:0} m, as a share of the {noun} barrier's length (stretches to a line's end are left out: it may end at a culvert, a tunnel or the map's edge).",
            StartMapParameters.CrossingSpacingSource));
    }

    /// <summary>
    /// Whether piece AB meets piece CD (ends included; parallel pieces never cross), with where along AB (0..1) and
    /// whether they meet at a point that is an end of both (a shared node).
    /// </summary>
    private static bool Cross(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy, out double at, out bool atVertices)
    {
        double rx = bx - ax, ry = by - ay, sx = dx - cx, sy = dy - cy;
        double denominator = (rx * sy) - (ry * sx);
        at = 0;
        atVertices = false;
        if (denominator == 0)
        {
            return false;
        }
        double qx = cx - ax, qy = cy - ay;
        double t = ((qx * sy) - (qy * sx)) / denominator;
        double u = ((qx * ry) - (qy * rx)) / denominator;
        if (t < 0 || t > 1 || u < 0 || u > 1)
        {
            return false;
        }
        at = t;
        atVertices = (t == 0 || t == 1) && (u == 0 || u == 1);
        return true;
    }

    private static (double X, double Y) PointAlong(BarrierLines lines, int line, double distance)
    {
        double along = 0;
        int first = lines.LineStart[line], end = lines.LineStart[line + 1];
        for (int k = first; k + 1 < end; k++)
        {
            double piece = Math.Sqrt(Square(lines.X[k + 1] - lines.X[k]) + Square(lines.Y[k + 1] - lines.Y[k]));
            if (along + piece >= distance && piece > 0)
            {
                double t = (distance - along) / piece;
                return (lines.X[k] + (t * (lines.X[k + 1] - lines.X[k])), lines.Y[k] + (t * (lines.Y[k + 1] - lines.Y[k])));
            }
            along += piece;
        }
        return (lines.X[end - 1], lines.Y[end - 1]);
    }

    /// <summary>Shortest distance from a point to a barrier line, in metres.</summary>
    private static double DistanceToLine(BarrierLines lines, int line, double x, double y)
    {
        double best = double.PositiveInfinity;
        for (int k = lines.LineStart[line]; k + 1 < lines.LineStart[line + 1]; k++)
        {
            double ax = lines.X[k], ay = lines.Y[k], dx = lines.X[k + 1] - ax, dy = lines.Y[k + 1] - ay;
            double squared = (dx * dx) + (dy * dy);
            double t = squared == 0 ? 0 : Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / squared, 0, 1);
            best = Math.Min(best, Math.Sqrt(Square(ax + (t * dx) - x) + Square(ay + (t * dy) - y)));
        }
        return best;
    }

    private static double Square(double v) => v * v;
}
