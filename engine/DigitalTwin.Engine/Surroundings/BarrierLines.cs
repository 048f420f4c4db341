namespace DigitalTwin.Engine.Surroundings;

/// <summary>What a barrier line is: a railway or a watercourse (see <see cref="BarrierTags"/> for which count).</summary>
public enum BarrierKind : byte
{
    /// <summary>railway=rail/light_rail/narrow_gauge/subway above ground.</summary>
    Rail = 0,

    /// <summary>waterway=canal/river/stream/drain/ditch as a line, not culverted.</summary>
    Water = 1,
}

/// <summary>
/// Rail lines and watercourses that walkers cannot step across, as lines in the network's projected metres, clipped
/// to the map's area. OSM ways of one kind that continue one another are joined into one line, so the distance
/// between two crossings runs along the whole barrier, not along however the mappers split it. Stored as flat arrays:
/// line l has points <c>LineStart[l]</c> up to <c>LineStart[l + 1]</c>. Like <see cref="MapBackground"/>, apart from
/// the street network: the simulation never reads it; the start map and the maps do.
/// </summary>
public sealed class BarrierLines
{
    public BarrierLines(BarrierKind[] kind, int[] lineStart, float[] x, float[] y)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(lineStart);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (lineStart.Length != kind.Length + 1 || lineStart[0] != 0 || lineStart[^1] != x.Length || x.Length != y.Length)
        {
            throw new ArgumentException("line starts must run from 0 to the point count, one more than the kinds, with as many x as y");
        }
        for (int l = 0; l < kind.Length; l++)
        {
            if (lineStart[l + 1] - lineStart[l] < 2)
            {
                throw new ArgumentException($"line {l} has fewer than two points");
            }
        }
        Kind = kind;
        LineStart = lineStart;
        X = x;
        Y = y;
    }

    public static BarrierLines Empty { get; } = new([], [0], [], []);

    public BarrierKind[] Kind { get; }

    public int[] LineStart { get; }

    public float[] X { get; }

    public float[] Y { get; }

    public int Count => Kind.Length;

    /// <summary>The length of line <paramref name="line"/> in metres.</summary>
    public double LengthMetres(int line)
    {
        double length = 0;
        for (int i = LineStart[line] + 1; i < LineStart[line + 1]; i++)
        {
            double dx = X[i] - X[i - 1], dy = Y[i] - Y[i - 1];
            length += Math.Sqrt((dx * dx) + (dy * dy));
        }
        return length;
    }
}

/// <summary>
/// Which OSM ways are barrier lines. The rule, and why:
/// <list type="bullet">
/// <item>Rail (railway=rail, light_rail, narrow_gauge, subway): main lines, light rail and metro run on their own
/// fenced or embanked track, so a walker crosses only at a level crossing, a bridge or an underpass. Bridges stay in
/// the line (a street passing under a viaduct then counts as a crossing, which it is).</item>
/// <item>Not rail: tram (railway=tram runs in the street or beside it, and people cross its tracks anywhere);
/// construction, disused, abandoned and other railway values (no trains, or not a track).</item>
/// <item>Water (waterway=canal, river, stream, drain, ditch as a line): even a Dutch ditch (sloot) is too wide and
/// wet to step over, so only a bridge or a dam crosses it. Water areas (natural=water) are in the background.</item>
/// <item>Neither, whatever the railway or waterway: tunnel=* other than "no" (a rail tunnel, a culverted ditch):
/// underground, the street above crosses it everywhere.</item>
/// </list>
/// </summary>
public static class BarrierTags
{
    private static readonly HashSet<string> Railways = new(StringComparer.Ordinal) { "rail", "light_rail", "narrow_gauge", "subway" };

    private static readonly HashSet<string> Waterways = new(StringComparer.Ordinal) { "canal", "river", "stream", "drain", "ditch" };

    /// <summary>The kind of barrier a way's tags describe, or null when it is none.</summary>
    public static BarrierKind? Classify(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.TryGetValue("tunnel", out string? tunnel) && tunnel != "no")
        {
            return null;
        }
        if (tags.TryGetValue("railway", out string? railway) && Railways.Contains(railway))
        {
            return BarrierKind.Rail;
        }
        if (tags.TryGetValue("waterway", out string? waterway) && Waterways.Contains(waterway))
        {
            return BarrierKind.Water;
        }
        return null;
    }
}
