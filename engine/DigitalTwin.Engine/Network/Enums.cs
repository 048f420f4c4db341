namespace DigitalTwin.Engine.Network;

/// <summary>Which modes may use a segment in one direction. STOMP order: walk, bike, (transit), car.</summary>
[Flags]
public enum TravelModes : byte
{
    None = 0,
    Walk = 1,
    Bike = 2,
    Car = 4,
    All = Walk | Bike | Car,
}

/// <summary>OSM highway=* value, reduced to the kinds that behave differently for people on foot.</summary>
public enum HighwayKind : byte
{
    Other = 0,
    Motorway,
    Trunk,
    Primary,
    Secondary,
    Tertiary,
    Unclassified,
    Residential,
    LivingStreet,
    Service,
    Pedestrian,
    Footway,
    Path,
    Cycleway,
    Steps,
    Track,
    Bridleway,
    Corridor,
    Platform,
}

/// <summary>Street lighting as far as OSM tells (lit=*); lux only when an intervention sets it.</summary>
public enum Lighting : byte
{
    Unknown = 0,
    Unlit,
    Lit,
}

/// <summary>
/// Walking comfort of the surface (surface=*, smoothness=*). Cobbles and unpaved surfaces are a barrier
/// for people with limited mobility (source doc Tabel 1, "Gezondheid").
/// </summary>
public enum SurfaceQuality : byte
{
    Good = 0,
    Uneven,
    Poor,
}

/// <summary>What the ground floors along a segment offer a passer-by (Gehl et al. 2006).</summary>
public enum Frontage : byte
{
    Unknown = 0,
    Residential,
    Active,
    Passive,
}

/// <summary>How pedestrians cross the roads at a node (add-crossing interventions set it; OSM crossings may later).</summary>
public enum CrossingControl : byte
{
    /// <summary>No marked crossing: crossing a busy road here costs the full unsignalised-crossing penalty.</summary>
    None = 0,

    /// <summary>A marked crossing without priority for walkers.</summary>
    Uncontrolled,

    /// <summary>A zebra: walkers have priority.</summary>
    Zebra,

    /// <summary>Traffic lights: safe but with a wait.</summary>
    Signalised,
}
