namespace DigitalTwin.Engine.Network;

/// <summary>
/// What a segment of one highway type is assumed to offer when its OSM tags say nothing more.
/// </summary>
/// <param name="Modes">Modes allowed (both directions) before access, foot, bicycle and oneway tags.</param>
/// <param name="PavementWidthMetres">Usable walking width, both pavements together, or the path's own width.</param>
/// <param name="PavementSideWidthMetres">Width of one pavement when a sidewalk=* tag says which sides have one.</param>
/// <param name="CarVehiclesPerDay">Motor vehicles per day, both directions: order-of-magnitude defaults.</param>
/// <param name="SpeedLimitKmh">Speed limit for cars when maxspeed=* is absent (0 where cars are not allowed).</param>
internal readonly record struct HighwayDefaults(
    TravelModes Modes,
    float PavementWidthMetres,
    float PavementSideWidthMetres,
    float CarVehiclesPerDay,
    float SpeedLimitKmh);
