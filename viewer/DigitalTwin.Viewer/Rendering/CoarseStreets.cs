using DigitalTwin.Engine.IO;

namespace DigitalTwin.Viewer.Rendering;

/// <summary>
/// The streets for a zoomed-out view (level of detail by zoom): consecutive segments of one named street that carry on
/// straight are merged into one piece of up to <see cref="MaximumRunMetres"/>, drawn from its first point to its last.
/// A 100,000-segment grid city becomes about a quarter as many pieces. A merged piece takes the colour of its busiest
/// segment (the renderer's choice), so a hot spot never fades into its quiet neighbours when zoomed out.
/// </summary>
public sealed class CoarseStreets
{
    /// <summary>At most this long a merged piece: 40 pixels at the zoom it is drawn at, short enough to keep each block's colour.</summary>
    public const double MaximumRunMetres = 400;

    /// <summary>Drawn below this zoom: there a merged piece is at most 40 pixels and a bend of a few metres is under a pixel.</summary>
    public const double BelowPixelsPerMetre = 0.1;

    /// <summary>A segment joins a run only if the run's line stays within this of every junction on it.</summary>
    private const double StraightToleranceMetres = 10;

    private CoarseStreets(float[] vertices, int[] runStart, int[] runSegments, int[] runTile, double longestReach)
    {
        Vertices = vertices;
        RunStart = runStart;
        RunSegments = runSegments;
        RunTile = runTile;
        LongestReachMetres = longestReach;
    }

    /// <summary>Four vertices a run, laid out as <see cref="MapGeometry.StreetVertices"/>.</summary>
    public float[] Vertices { get; }

    /// <summary>Run r merges RunSegments[RunStart[r]] up to RunSegments[RunStart[r + 1]].</summary>
    public int[] RunStart { get; }

    public int[] RunSegments { get; }

    public int[] RunTile { get; }

    public int RunCount => RunTile.Length;

    public double LongestReachMetres { get; }

    public static CoarseStreets Build(RunFile run, TileGrid tiles)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(tiles);
        int segments = run.SegmentCount;
        // Segments by their end points, to find the one that carries a street on (in either direction).
        var byPoint = new Dictionary<(float, float), List<int>>();
        for (int s = 0; s < segments; s++)
        {
            if (run.SegmentGeometryStart[s + 1] - run.SegmentGeometryStart[s] < 2)
            {
                continue;
            }
            foreach (var point in new[] { First(run, s), Last(run, s) })
            {
                if (!byPoint.TryGetValue(point, out var list))
                {
                    byPoint[point] = list = [];
                }
                list.Add(s);
            }
        }
        var used = new bool[segments];
        var runStart = new List<int> { 0 };
        var runSegments = new List<int>();
        var vertices = new List<float>();
        var runTile = new List<int>();
        double longest = 0;
        for (int s = 0; s < segments; s++)
        {
            if (used[s] || run.SegmentGeometryStart[s + 1] - run.SegmentGeometryStart[s] < 2)
            {
                continue;
            }
            used[s] = true;
            runSegments.Add(s);
            var start = First(run, s);
            var end = Last(run, s);
            var junctions = new List<(float X, float Y)>();
            double metres = run.SegmentLengthMetres[s];
            int name = s < run.SegmentNameIndex.Length ? run.SegmentNameIndex[s] : -1;
            (float Outer, float Carriageway) widths = StreetWidths.Of(run, s);
            while (name >= 0 && metres < MaximumRunMetres && Next(run, byPoint, used, name, start, end, junctions) is { } next)
            {
                used[next.Segment] = true;
                runSegments.Add(next.Segment);
                junctions.Add(end);
                end = next.End;
                metres += run.SegmentLengthMetres[next.Segment];
                var w = StreetWidths.Of(run, next.Segment);
                widths = (Math.Max(widths.Outer, w.OuterMetres), Math.Max(widths.Carriageway, w.CarriagewayMetres));
            }
            // Then backwards from its first point: a way drawn against the others' direction still joins them.
            while (name >= 0 && metres < MaximumRunMetres && Next(run, byPoint, used, name, end, start, junctions) is { } previous)
            {
                used[previous.Segment] = true;
                runSegments.Add(previous.Segment);
                junctions.Add(start);
                start = previous.End;
                metres += run.SegmentLengthMetres[previous.Segment];
                var w = StreetWidths.Of(run, previous.Segment);
                widths = (Math.Max(widths.Outer, w.OuterMetres), Math.Max(widths.Carriageway, w.CarriagewayMetres));
            }
            AddPiece(vertices, start, end, widths.Outer, widths.Carriageway);
            runTile.Add(tiles.TileOf(start.Item1, start.Item2));
            runStart.Add(runSegments.Count);
            longest = Math.Max(longest, Math.Max(Math.Abs(end.Item1 - start.Item1), Math.Abs(end.Item2 - start.Item2)));
        }
        return new CoarseStreets([.. vertices], [.. runStart], [.. runSegments], [.. runTile], longest);
    }

    /// <summary>
    /// An unused segment of the same street at the run's end <paramref name="end"/> whose far end keeps the run (from
    /// <paramref name="start"/>) straight, lowest index first.
    /// </summary>
    private static (int Segment, (float, float) End)? Next(RunFile run, Dictionary<(float, float), List<int>> byPoint, bool[] used, int name,
        (float, float) start, (float, float) end, List<(float X, float Y)> junctions)
    {
        if (!byPoint.TryGetValue(end, out var candidates))
        {
            return null;
        }
        foreach (int t in candidates)
        {
            if (used[t] || t >= run.SegmentNameIndex.Length || run.SegmentNameIndex[t] != name)
            {
                continue;
            }
            var far = First(run, t) == end ? Last(run, t) : First(run, t);
            if (Straight(start, far, junctions, end))
            {
                return (t, far);
            }
        }
        return null;
    }

    private static bool Straight((float X, float Y) a, (float X, float Y) b, List<(float X, float Y)> junctions, (float X, float Y) newJunction)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        double length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length <= 0)
        {
            return false;
        }
        bool Near((float X, float Y) p) => Math.Abs((dx * (p.Y - a.Y)) - (dy * (p.X - a.X))) / length <= StraightToleranceMetres
            && (((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) > 0;
        return Near(newJunction) && junctions.TrueForAll(p => Near(p));
    }

    private static (float, float) First(RunFile run, int s) => (run.GeometryX[run.SegmentGeometryStart[s]], run.GeometryY[run.SegmentGeometryStart[s]]);

    private static (float, float) Last(RunFile run, int s) => (run.GeometryX[run.SegmentGeometryStart[s + 1] - 1], run.GeometryY[run.SegmentGeometryStart[s + 1] - 1]);

    private static void AddPiece(List<float> vertices, (float X, float Y) a, (float X, float Y) b, float outer, float carriageway)
    {
        for (int corner = 0; corner < MapGeometry.VerticesPerPiece; corner++)
        {
            vertices.Add(a.X);
            vertices.Add(a.Y);
            vertices.Add(b.X);
            vertices.Add(b.Y);
            vertices.Add(corner >= 2 ? 1 : 0);
            vertices.Add(corner is 1 or 2 ? 1 : -1);
            vertices.Add(outer);
            vertices.Add(carriageway);
        }
    }
}
