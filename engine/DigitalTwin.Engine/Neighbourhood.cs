using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine;

/// <summary>The map side of a scenario: the walkable street network with its places and homes.</summary>
public sealed record Neighbourhood(StreetNetwork Network, PlaceSet Places, HomeSet Homes);
