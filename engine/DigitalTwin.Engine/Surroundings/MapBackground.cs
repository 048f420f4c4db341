namespace DigitalTwin.Engine.Surroundings;

/// <summary>What a background area is, for drawing; the model itself never reads the background.</summary>
public enum BackgroundKind : byte
{
    /// <summary>landuse=grass/meadow/forest/..., leisure=park/garden/playground/pitch, natural=wood/scrub/...</summary>
    Green = 0,

    /// <summary>natural=water, waterway=riverbank/dock, landuse=reservoir/basin.</summary>
    Water = 1,

    /// <summary>building=* (any value but "no").</summary>
    Building = 2,
}

/// <summary>
/// The map around the streets, so that residents recognise it: building footprints, water and green as polygons
/// (outer rings only), in the network's projected metres. Kept apart from the street network (nothing in the model
/// walks on it) and stored as flat arrays: ring r has points <c>RingStart[r]</c> up to <c>RingStart[r + 1]</c>
/// (the closing point not repeated), in the order the file lists the ways.
/// </summary>
public sealed class MapBackground
{
    public MapBackground(BackgroundKind[] kind, int[] ringStart, float[] x, float[] y)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(ringStart);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (ringStart.Length != kind.Length + 1 || ringStart[0] != 0 || ringStart[^1] != x.Length || x.Length != y.Length)
        {
            throw new ArgumentException("ring starts must run from 0 to the point count, one more than the kinds, with as many x as y");
        }
        Kind = kind;
        RingStart = ringStart;
        X = x;
        Y = y;
    }

    public static MapBackground Empty { get; } = new([], [0], [], []);

    public BackgroundKind[] Kind { get; }

    public int[] RingStart { get; }

    public float[] X { get; }

    public float[] Y { get; }

    public int Count => Kind.Length;

    /// <summary>Areas of one kind (for the import report).</summary>
    public int CountOf(BackgroundKind kind) => Kind.Count(k => k == kind);
}

/// <summary>Which OSM tags make a background area (the street network's tags are read elsewhere: OsmTagInterpretation).</summary>
public static class BackgroundTags
{
    private static readonly HashSet<string> GreenLanduse = new(StringComparer.Ordinal)
    {
        "grass", "meadow", "forest", "recreation_ground", "village_green", "allotments", "cemetery", "park", "flowerbed", "orchard",
    };

    private static readonly HashSet<string> GreenLeisure = new(StringComparer.Ordinal)
    {
        "park", "garden", "playground", "pitch", "nature_reserve", "common", "dog_park",
    };

    private static readonly HashSet<string> GreenNatural = new(StringComparer.Ordinal) { "wood", "scrub", "grassland", "heath", "wetland" };

    /// <summary>
    /// The kind of area a closed way's tags describe, or null. A building wins over what it stands on; water over
    /// green (a pond in a park is tagged on its own way). Highway areas (squares) are streets, not background.
    /// </summary>
    public static BackgroundKind? Classify(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.ContainsKey("highway") || (tags.TryGetValue("area", out string? area) && area == "no"))
        {
            return null;
        }
        if (tags.TryGetValue("building", out string? building) && building != "no")
        {
            return BackgroundKind.Building;
        }
        if ((tags.TryGetValue("natural", out string? natural) && natural == "water")
            || (tags.TryGetValue("waterway", out string? waterway) && waterway is "riverbank" or "dock")
            || (tags.TryGetValue("landuse", out string? waterUse) && waterUse is "reservoir" or "basin"))
        {
            return BackgroundKind.Water;
        }
        if ((tags.TryGetValue("landuse", out string? landuse) && GreenLanduse.Contains(landuse))
            || (tags.TryGetValue("leisure", out string? leisure) && GreenLeisure.Contains(leisure))
            || (natural is not null && GreenNatural.Contains(natural)))
        {
            return BackgroundKind.Green;
        }
        return null;
    }
}
