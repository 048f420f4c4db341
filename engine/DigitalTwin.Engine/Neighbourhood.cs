using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine;

/// <summary>
/// The map side of a scenario: the walkable street network with its places and homes, and the background (buildings,
/// water, green) and the barrier lines (rail, watercourses) that only the map and the start map read.
/// </summary>
public sealed record Neighbourhood(StreetNetwork Network, PlaceSet Places, HomeSet Homes)
{
    /// <summary>Buildings, water and green for the map; empty for generated networks. The model never reads it.</summary>
    public Surroundings.MapBackground Background { get; init; } = Surroundings.MapBackground.Empty;

    /// <summary>Rail lines and watercourses walkers must cross at a bridge or crossing; empty for generated networks. The model never reads it.</summary>
    public Surroundings.BarrierLines Barriers { get; init; } = Surroundings.BarrierLines.Empty;
}
