using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Places;

/// <summary>One place before it is stored: where it is and what it offers.</summary>
public record struct PlaceRecord
{
    public PlaceKind Kind { get; set; }

    public string Name { get; set; }

    /// <summary>Projected position in metres (see <see cref="GeoReference"/>).</summary>
    public double X { get; set; }

    public double Y { get; set; }

    /// <summary>The walkable segment the place is reached from, and how far along it (metres from its start).</summary>
    public SegmentId Segment { get; set; }

    public float OffsetMetres { get; set; }

    /// <summary>How many people can stay at once (seats for a bench, tagged capacity, or the kind's default).</summary>
    public int Capacity { get; set; }

    /// <summary>OSM opening_hours=* as tagged, empty when unknown (the kind's default hours then apply).</summary>
    public string OpeningHours { get; set; }

    /// <summary>OSM id of the node or way; negative for ways so the two id spaces do not collide, 0 for generated.</summary>
    public long OsmId { get; set; }
}

/// <summary>All places of a neighbourhood as parallel arrays.</summary>
public sealed class PlaceSet
{
    private readonly PlaceRecord[] _records;
    private readonly PlaceKind[] _kind;
    private readonly int[] _segment;
    private readonly float[] _offsetMetres;
    private readonly int[] _capacity;

    public PlaceSet(IEnumerable<PlaceRecord> places)
    {
        _records = [.. places];
        _kind = [.. _records.Select(p => p.Kind)];
        _segment = [.. _records.Select(p => p.Segment.Value)];
        _offsetMetres = [.. _records.Select(p => p.OffsetMetres)];
        _capacity = [.. _records.Select(p => p.Capacity)];
    }

    public static PlaceSet Empty { get; } = new([]);

    public int Count => _records.Length;

    public ReadOnlySpan<PlaceKind> Kind => _kind;

    public ReadOnlySpan<int> Segment => _segment;

    public ReadOnlySpan<float> OffsetMetres => _offsetMetres;

    public ReadOnlySpan<int> Capacity => _capacity;

    public PlaceRecord this[int index] => _records[index];

    public IReadOnlyList<PlaceRecord> Records => _records;

    public int CountOf(PlaceKind kind) => _kind.Count(k => k == kind);
}
