using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Places;

/// <summary>One residential building or address: where households can live.</summary>
public record struct HomeRecord
{
    public double X { get; set; }

    public double Y { get; set; }

    public SegmentId Segment { get; set; }

    public float OffsetMetres { get; set; }

    /// <summary>Estimated dwellings (households) in the building.</summary>
    public int Dwellings { get; set; }

    public long OsmId { get; set; }
}

/// <summary>All homes of a neighbourhood as parallel arrays.</summary>
public sealed class HomeSet
{
    private readonly HomeRecord[] _records;
    private readonly int[] _segment;
    private readonly float[] _offsetMetres;
    private readonly int[] _dwellings;

    public HomeSet(IEnumerable<HomeRecord> homes)
    {
        _records = [.. homes];
        _segment = [.. _records.Select(h => h.Segment.Value)];
        _offsetMetres = [.. _records.Select(h => h.OffsetMetres)];
        _dwellings = [.. _records.Select(h => h.Dwellings)];
        TotalDwellings = _dwellings.Sum();
    }

    public static HomeSet Empty { get; } = new([]);

    public int Count => _records.Length;

    public int TotalDwellings { get; }

    public ReadOnlySpan<int> Segment => _segment;

    public ReadOnlySpan<float> OffsetMetres => _offsetMetres;

    public ReadOnlySpan<int> Dwellings => _dwellings;

    public HomeRecord this[int index] => _records[index];

    public IReadOnlyList<HomeRecord> Records => _records;
}
