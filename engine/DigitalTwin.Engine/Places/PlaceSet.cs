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

    /// <summary>Floor or ground area in m² where the map draws the place as an area; 0 when it is a point.</summary>
    public double AreaSquareMetres { get; set; }

    /// <summary>
    /// How much more (positive) or less a place draws visitors than its size alone would, from residents' ratings (the
    /// <c>perceived-quality</c> intervention): +0.65 draws 65 % more; 0 where nobody rated it. Above −1.
    /// </summary>
    public float AttractionChange { get; set; }

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

    /// <summary>
    /// The place's area in m²: as mapped, or a typical area for its kind when the map has only a point. Large places
    /// (a park, a supermarket) hold many separate circles of conversation (see Encounters.PlaceZones).
    /// </summary>
    /// <summary>For each of <paramref name="segmentCount"/> segments, the first bench on it (-1: none).</summary>
    public int[] FirstBenchOfSegment(int segmentCount)
    {
        var bench = new int[segmentCount];
        Array.Fill(bench, -1);
        for (int p = 0; p < Count; p++)
        {
            int segment = _records[p].Segment.Value;
            if (_kind[p] == PlaceKind.Bench && segment >= 0 && bench[segment] < 0)
            {
                bench[segment] = p;
            }
        }
        return bench;
    }

    /// <summary>Zones of the place (<see cref="Encounters.PlaceZones.CountFor(double, int)"/>): by mapped area, else by capacity.</summary>
    public int ZoneCount(int index) => Encounters.PlaceZones.CountFor(_records[index].AreaSquareMetres, _capacity[index]);

    public double AreaSquareMetres(int index) =>
        _records[index].AreaSquareMetres > 0 ? _records[index].AreaSquareMetres : TypicalAreaSquareMetres(_kind[index]);

    /// <summary>
    /// Typical areas for places mapped as points, in m²: a bench and a bus stop are one circle (≤ 50 m²); a café or
    /// barber's is a room of about 60–120 m²; a neighbourhood supermarket's sales floor about 1,000 m² (Dutch
    /// supermarkets average ≈ 1,000–1,200 m²); a playground a few hundred m²; a neighbourhood park about a hectare.
    /// </summary>
    public static double TypicalAreaSquareMetres(PlaceKind kind) => kind switch
    {
        PlaceKind.Bench or PlaceKind.TransitStop => 20,
        PlaceKind.Cafe or PlaceKind.Pub or PlaceKind.Barber or PlaceKind.Shop => 100,
        PlaceKind.Restaurant or PlaceKind.Healthcare => 150,
        PlaceKind.Library or PlaceKind.CommunityCentre or PlaceKind.PlaceOfWorship => 300,
        PlaceKind.Playground or PlaceKind.Market => 500,
        PlaceKind.Supermarket or PlaceKind.SportsCentre => 1000,
        PlaceKind.School or PlaceKind.Kindergarten => 2000,
        PlaceKind.Park => 10_000,
        _ => 100,
    };
}
