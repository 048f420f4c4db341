namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// Which street segments an intervention addresses. One place for addressing: <see cref="StreetSelector"/>
/// resolves any of these against a network.
/// </summary>
public abstract record StreetAddress
{
    /// <summary>Where the address is written, for problems found when it is resolved against a map.</summary>
    public required SourceLocation Origin { get; init; }
}

/// <summary>Every segment whose OSM name=* equals this name (case-insensitive).</summary>
internal sealed record StreetByName(string Name) : StreetAddress;

/// <summary>Every segment cut from these OSM ways.</summary>
public sealed record StreetByOsmWayIds(IReadOnlyList<long> OsmWayIds) : StreetAddress;

/// <summary>Every segment with any part inside the polygon (lon/lat ring).</summary>
internal sealed record StreetByPolygon(IReadOnlyList<LonLat> Polygon) : StreetAddress;

/// <summary>Every segment that passes within <see cref="RadiusMetres"/> of the point.</summary>
internal sealed record StreetByPoint(LonLat Point, double RadiusMetres) : StreetAddress;
