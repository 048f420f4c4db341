using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Rendering;

/// <summary>
/// The map's fixed geometry, built once per network on the CPU: every straight piece of every street as a quad
/// whose corners the vertex shader pushes out to the street's width (so widths stay in metres at any zoom), and
/// the homes and places as symbols. Colours live apart, so a new measure only rewrites those.
/// </summary>
public sealed class MapGeometry
{
    /// <summary>Floats per street vertex: piece start (x, y), piece end (x, y), corner (along, side), widths (outer, carriageway).</summary>
    public const int StreetVertexFloats = 8;

    public const int VerticesPerPiece = 4;

    public const int IndicesPerPiece = 6;

    public MapGeometry(RunFile run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run = run;
        int segments = run.SegmentCount;
        SegmentFirstPiece = new int[segments + 1];
        int pieces = 0;
        for (int s = 0; s < segments; s++)
        {
            SegmentFirstPiece[s] = pieces;
            pieces += Math.Max(0, run.SegmentGeometryStart[s + 1] - run.SegmentGeometryStart[s] - 1);
        }
        SegmentFirstPiece[segments] = pieces;
        StreetVertices = new float[pieces * VerticesPerPiece * StreetVertexFloats];
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        int v = 0;
        for (int s = 0; s < segments; s++)
        {
            var (outer, carriageway) = StreetWidths.Of(run, s);
            for (int k = run.SegmentGeometryStart[s]; k < run.SegmentGeometryStart[s + 1] - 1; k++)
            {
                float ax = run.GeometryX[k], ay = run.GeometryY[k], bx = run.GeometryX[k + 1], by = run.GeometryY[k + 1];
                minX = Math.Min(minX, Math.Min(ax, bx));
                maxX = Math.Max(maxX, Math.Max(ax, bx));
                minY = Math.Min(minY, Math.Min(ay, by));
                maxY = Math.Max(maxY, Math.Max(ay, by));
                // Corners: (along 0, side -1), (0, +1), (1, +1), (1, -1).
                for (int corner = 0; corner < VerticesPerPiece; corner++)
                {
                    float along = corner >= 2 ? 1 : 0;
                    float side = corner is 1 or 2 ? 1 : -1;
                    StreetVertices[v++] = ax;
                    StreetVertices[v++] = ay;
                    StreetVertices[v++] = bx;
                    StreetVertices[v++] = by;
                    StreetVertices[v++] = along;
                    StreetVertices[v++] = side;
                    StreetVertices[v++] = outer;
                    StreetVertices[v++] = carriageway;
                }
            }
        }
        Bounds = pieces == 0 ? new Bounds(-100, -100, 100, 100) : new Bounds(minX, minY, maxX, maxY);
        Tiles = new TileGrid(Bounds);
        SegmentTile = new int[segments];
        for (int s = 0; s < segments; s++)
        {
            int first = run.SegmentGeometryStart[s];
            if (first < run.SegmentGeometryStart[s + 1])
            {
                SegmentTile[s] = Tiles.TileOf(run.GeometryX[first], run.GeometryY[first]);
                float sMinX = float.MaxValue, sMaxX = float.MinValue, sMinY = float.MaxValue, sMaxY = float.MinValue;
                for (int k = first; k < run.SegmentGeometryStart[s + 1]; k++)
                {
                    sMinX = Math.Min(sMinX, run.GeometryX[k]);
                    sMaxX = Math.Max(sMaxX, run.GeometryX[k]);
                    sMinY = Math.Min(sMinY, run.GeometryY[k]);
                    sMaxY = Math.Max(sMaxY, run.GeometryY[k]);
                }
                LongestSegmentReachMetres = Math.Max(LongestSegmentReachMetres, Math.Max(sMaxX - sMinX, sMaxY - sMinY));
            }
        }
        BuildSymbols(run);
        BuildBackground(run);
    }

    /// <summary>Buildings, water and green as world triangles (no pixel offset), drawn beneath everything else.</summary>
    public MarkerMesh Background { get; } = new();

    /// <summary>Dark, like the map's ground, so the heat on the streets stays the brightest thing on it.</summary>
    public static Rgba BuildingColour { get; } = new(50, 53, 62);

    public static Rgba WaterColour { get; } = new(28, 54, 90);

    public static Rgba GreenColour { get; } = new(31, 56, 38);

    /// <summary>The fill of a background kind (the run file's byte: 0 green, 1 water, 2 building).</summary>
    public static Rgba BackgroundColour(byte kind) => kind switch
    {
        0 => GreenColour,
        1 => WaterColour,
        _ => BuildingColour,
    };

    private void BuildBackground(RunFile run)
    {
        int areas = run.BackgroundKind.Length;
        if (areas == 0 || run.BackgroundRingStart.Length != areas + 1)
        {
            return;
        }
        var triangles = new List<int>();
        // Green first, then water, then buildings: a pond lies on its park, a building on its lawn.
        for (byte kind = 0; kind <= 2; kind++)
        {
            var colour = BackgroundColour(kind);
            for (int area = 0; area < areas; area++)
            {
                if (run.BackgroundKind[area] != kind)
                {
                    continue;
                }
                int first = run.BackgroundRingStart[area], end = run.BackgroundRingStart[area + 1];
                var xs = run.BackgroundX.AsSpan(first, end - first);
                var ys = run.BackgroundY.AsSpan(first, end - first);
                triangles.Clear();
                PolygonTriangulation.Triangulate(xs, ys, triangles);
                foreach (int i in triangles)
                {
                    Background.Add(new MarkerVertex(xs[i], ys[i], 0, 0, colour));
                }
            }
        }
    }

    public RunFile Run { get; }

    /// <summary>
    /// Per named street, its longest straight piece (where its name goes), longest streets first (their names are
    /// placed first, so a main road keeps its name where a side street's would collide). Ties by name, so the choice
    /// does not depend on the order of the file.
    /// </summary>
    public IReadOnlyList<StreetLabel> StreetLabels => _streetLabels ??= FindStreetLabels(Run);

    private IReadOnlyList<StreetLabel>? _streetLabels;

    /// <summary>
    /// A street's points may stray this far from the line between its ends and the name still goes along that line:
    /// about half a street's width plus mapping noise, so a straight street is named along its whole length.
    /// </summary>
    private const double StraightStreetToleranceMetres = 20;

    private static List<StreetLabel> FindStreetLabels(RunFile run)
    {
        int names = run.StreetNames.Length;
        var total = new double[names];
        var segmentsOf = new List<int>?[names];
        for (int s = 0; s < run.SegmentCount && s < run.SegmentNameIndex.Length; s++)
        {
            int name = run.SegmentNameIndex[s];
            if (name >= 0 && name < names && run.StreetNames[name].Length > 0)
            {
                total[name] += run.SegmentLengthMetres[s];
                (segmentsOf[name] ??= []).Add(s);
            }
        }
        var labels = new List<StreetLabel>();
        for (int name = 0; name < names; name++)
        {
            if (segmentsOf[name] is { } segments && LabelLine(run, segments) is { } line)
            {
                labels.Add(new StreetLabel(run.StreetNames[name], line.AX, line.AY, line.BX, line.BY, line.Metres, total[name]));
            }
        }
        labels.Sort((a, b) => a.StreetMetres != b.StreetMetres ? b.StreetMetres.CompareTo(a.StreetMetres) : string.CompareOrdinal(a.Name, b.Name));
        return labels;
    }

    /// <summary>
    /// The line a street's name follows: from end to end of the street where the street is straight (every point
    /// within the tolerance of that line), else its longest straight piece.
    /// </summary>
    private static (float AX, float AY, float BX, float BY, double Metres)? LabelLine(RunFile run, List<int> segments)
    {
        float minX = float.MaxValue, maxX = float.MinValue, minY = float.MaxValue, maxY = float.MinValue;
        int westmost = -1, eastmost = -1, southmost = -1, northmost = -1;
        (float, float, float, float, double)? longest = null;
        foreach (int s in segments)
        {
            for (int k = run.SegmentGeometryStart[s]; k < run.SegmentGeometryStart[s + 1]; k++)
            {
                float x = run.GeometryX[k], y = run.GeometryY[k];
                if (x < minX) { minX = x; westmost = k; }
                if (x > maxX) { maxX = x; eastmost = k; }
                if (y < minY) { minY = y; southmost = k; }
                if (y > maxY) { maxY = y; northmost = k; }
                if (k + 1 < run.SegmentGeometryStart[s + 1])
                {
                    float bx = run.GeometryX[k + 1], by = run.GeometryY[k + 1];
                    double length = Math.Sqrt(((bx - x) * (bx - x)) + ((by - y) * (by - y)));
                    if (longest is not { } current || length > current.Item5)
                    {
                        longest = (x, y, bx, by, length);
                    }
                }
            }
        }
        if (westmost < 0)
        {
            return null;
        }
        var (a, b) = maxX - minX >= maxY - minY ? (westmost, eastmost) : (southmost, northmost);
        float ax = run.GeometryX[a], ay = run.GeometryY[a], ex = run.GeometryX[b], ey = run.GeometryY[b];
        double chord = Math.Sqrt(((ex - ax) * (ex - ax)) + ((ey - ay) * (ey - ay)));
        if (chord > 0 && (longest is null || chord > longest.Value.Item5))
        {
            bool straight = true;
            foreach (int s in segments)
            {
                for (int k = run.SegmentGeometryStart[s]; k < run.SegmentGeometryStart[s + 1] && straight; k++)
                {
                    double offLine = Math.Abs(((ex - ax) * (run.GeometryY[k] - ay)) - ((ey - ay) * (run.GeometryX[k] - ax))) / chord;
                    straight = offLine <= StraightStreetToleranceMetres;
                }
            }
            if (straight)
            {
                return (ax, ay, ex, ey, chord);
            }
        }
        return longest;
    }

    /// <summary>The merged streets drawn when zoomed far out (built on first use: a neighbourhood never needs them).</summary>
    public CoarseStreets Coarse => _coarse ??= CoarseStreets.Build(Run, Tiles);

    private CoarseStreets? _coarse;

    /// <summary>The tiles the layers are stored by (level of detail by position).</summary>
    public TileGrid Tiles { get; }

    /// <summary>The tile of each segment (of its first point).</summary>
    public int[] SegmentTile { get; }

    /// <summary>How far a segment reaches from its first point at most: the margin a tile needs to be culled safely.</summary>
    public double LongestSegmentReachMetres { get; }

    /// <summary>Where each tile's homes start in <see cref="Homes"/>, in vertices (<see cref="TileGrid.Count"/> + 1 entries).</summary>
    public int[] HomeTileStart { get; private set; } = new int[TileGrid.Count + 1];

    /// <summary>Where each tile's places start in <see cref="Places"/>, in vertices.</summary>
    public int[] PlaceTileStart { get; private set; } = new int[TileGrid.Count + 1];

    public float[] StreetVertices { get; }

    /// <summary>Pieces of segment s are SegmentFirstPiece[s] up to SegmentFirstPiece[s + 1].</summary>
    public int[] SegmentFirstPiece { get; }

    public int PieceCount => SegmentFirstPiece[^1];

    public Bounds Bounds { get; }

    /// <summary>Homes and places, anchored in the world, drawn at a fixed pixel size.</summary>
    public MarkerMesh Homes { get; } = new();

    /// <summary>Place symbols in their current fill colours (the heat changes with measure and period; the shapes do not).</summary>
    public MarkerMesh Places { get; } = new();

    /// <summary>Faint, so the streets stay the subject: homes only say where people live.</summary>
    public static Rgba HomeColour { get; } = new(92, 96, 108);

    public static Rgba PlaceColour { get; } = new(225, 225, 225);

    public static Rgba PlaceOutline { get; } = new(20, 22, 26);

    /// <summary>Pale sand: apart from both colour scales (a light blue read as "fewer" on a difference map).</summary>
    public static Rgba BenchColour { get; } = new(230, 215, 170);

    /// <summary>Symbol sizes in pixels at a user-interface scale of 1.</summary>
    public const float HomeSizePixels = 1.5f;

    /// <summary>Big enough to read a place's heat colour (a 2-3 pixel dot shows only that something is there).</summary>
    public const float PlaceRadiusPixels = 3.5f;

    public const float BenchSizePixels = 5f;

    private void BuildSymbols(RunFile run)
    {
        var tileOfHome = new int[run.HomeX.Length];
        for (int h = 0; h < tileOfHome.Length; h++)
        {
            tileOfHome[h] = Tiles.TileOf(run.HomeX[h], run.HomeY[h]);
        }
        var (order, tileStart) = Tiles.Sort(tileOfHome);
        foreach (int h in order)
        {
            Homes.Rectangle(run.HomeX[h], run.HomeY[h], -HomeSizePixels / 2, -HomeSizePixels / 2, HomeSizePixels, HomeSizePixels, HomeColour);
        }
        // Six vertices a home (two triangles).
        HomeTileStart = [.. tileStart.Select(start => start * 6)];
    }

    /// <summary>
    /// Rebuilds the place symbols with these fills: a square for a bench, a disc for any other place, each with a dark
    /// outline so that a fill in the streets' colours still stands apart from the street under it.
    /// </summary>
    public void BuildPlaces(IReadOnlyList<Rgba> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        Places.Clear();
        var tileOfPlace = new int[Run.PlaceCount];
        for (int p = 0; p < tileOfPlace.Length; p++)
        {
            tileOfPlace[p] = Tiles.TileOf(Run.PlaceX[p], Run.PlaceY[p]);
        }
        var (order, tileStart) = Tiles.Sort(tileOfPlace);
        var vertexStart = new int[TileGrid.Count + 1];
        int tile = 0;
        for (int i = 0; i < order.Length; i++)
        {
            while (tile < TileGrid.Count && tileStart[tile + 1] <= i)
            {
                vertexStart[++tile] = Places.Count;
            }
            int p = order[i];
            float x = Run.PlaceX[p], y = Run.PlaceY[p];
            var fill = p < fills.Count ? fills[p] : PlaceColour;
            if ((PlaceKind)Run.PlaceKind[p] == PlaceKind.Bench)
            {
                float half = BenchSizePixels / 2;
                Places.Rectangle(x, y, -half - 1, -half - 1, BenchSizePixels + 2, BenchSizePixels + 2, PlaceOutline);
                Places.Rectangle(x, y, -half, -half, BenchSizePixels, BenchSizePixels, fill);
            }
            else
            {
                Places.Disc(x, y, 0, 0, PlaceRadiusPixels + 1.5f, PlaceOutline);
                Places.Disc(x, y, 0, 0, PlaceRadiusPixels, fill);
            }
        }
        while (tile < TileGrid.Count)
        {
            vertexStart[++tile] = Places.Count;
        }
        PlaceTileStart = vertexStart;
    }

    /// <summary>The segment nearest a world point and its distance in metres (-1 when there are no streets).</summary>
    public (int Segment, double DistanceMetres) NearestSegment(double x, double y)
    {
        int best = -1;
        double bestDistance = double.MaxValue;
        for (int s = 0; s < Run.SegmentCount; s++)
        {
            for (int k = Run.SegmentGeometryStart[s]; k < Run.SegmentGeometryStart[s + 1] - 1; k++)
            {
                double d = DistanceToPiece(x, y, Run.GeometryX[k], Run.GeometryY[k], Run.GeometryX[k + 1], Run.GeometryY[k + 1]);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = s;
                }
            }
        }
        return (best, best < 0 ? -1 : bestDistance);
    }

    /// <summary>A point at a distance along a segment's polyline (for replay dots).</summary>
    public (float X, float Y) PointAlong(int segment, double offsetMetres)
    {
        int first = Run.SegmentGeometryStart[segment], last = Run.SegmentGeometryStart[segment + 1] - 1;
        double remaining = Math.Max(0, offsetMetres);
        for (int k = first; k < last; k++)
        {
            double dx = Run.GeometryX[k + 1] - Run.GeometryX[k], dy = Run.GeometryY[k + 1] - Run.GeometryY[k];
            double length = Math.Sqrt((dx * dx) + (dy * dy));
            if (remaining <= length || k == last - 1)
            {
                double f = length > 0 ? Math.Min(1, remaining / length) : 0;
                return ((float)(Run.GeometryX[k] + (f * dx)), (float)(Run.GeometryY[k] + (f * dy)));
            }
            remaining -= length;
        }
        return (Run.GeometryX[first], Run.GeometryY[first]);
    }

    private static double DistanceToPiece(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        double lengthSquared = (dx * dx) + (dy * dy);
        double t = lengthSquared > 0 ? Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / lengthSquared, 0, 1) : 0;
        double cx = ax + (t * dx) - px, cy = ay + (t * dy) - py;
        return Math.Sqrt((cx * cx) + (cy * cy));
    }
}

/// <summary>How wide a street is drawn: the carriageway (by highway type) plus the pavements the run file records.</summary>
public static class StreetWidths
{
    /// <summary>
    /// Carriageway widths in metres by highway type: typical Dutch cross-sections (CROW ASVV: a residential street
    /// 4.5-5.5 m, a distributor road 6-7 m with more for trunk roads). Paths and pedestrian streets have none.
    /// </summary>
    public static float CarriagewayMetres(HighwayKind kind) => kind switch
    {
        HighwayKind.Motorway => 10f,
        HighwayKind.Trunk => 8f,
        HighwayKind.Primary => 7f,
        HighwayKind.Secondary => 6.5f,
        HighwayKind.Tertiary => 6f,
        HighwayKind.Unclassified or HighwayKind.Residential => 5f,
        HighwayKind.LivingStreet => 4f,
        HighwayKind.Service or HighwayKind.Track => 3.5f,
        HighwayKind.Cycleway => 2.5f,
        _ => 0f,
    };

    /// <summary>The narrowest walking width drawn, in metres, so that a path with no recorded width still shows.</summary>
    public const float MinimumPavementMetres = 1.5f;

    /// <summary>Outer width (carriageway plus both pavements, or the path's own width) and the carriageway within it.</summary>
    public static (float OuterMetres, float CarriagewayMetres) Of(RunFile run, int segment)
    {
        ArgumentNullException.ThrowIfNull(run);
        var kind = segment < run.Highway.Length ? (HighwayKind)run.Highway[segment] : HighwayKind.Other;
        float carriageway = CarriagewayMetres(kind);
        float pavement = segment < run.PavementWidthMetres.Length ? run.PavementWidthMetres[segment] : 0;
        return (carriageway + Math.Max(pavement, MinimumPavementMetres), carriageway);
    }
}

/// <summary>Where a street's name can go: its longest straight piece (world metres), and the street's whole length.</summary>
public readonly record struct StreetLabel(string Name, float AX, float AY, float BX, float BY, double PieceMetres, double StreetMetres);
