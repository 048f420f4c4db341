using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine;

/// <summary>
/// The map side of a scenario: the walkable street network with its places and homes, and the background (buildings,
/// water, green) that only the map shows.
/// </summary>
public sealed record Neighbourhood(StreetNetwork Network, PlaceSet Places, HomeSet Homes)
{
    /// <summary>Buildings, water and green for the map; empty for generated networks. The model never reads it.</summary>
    public Surroundings.MapBackground Background { get; init; } = Surroundings.MapBackground.Empty;
}
