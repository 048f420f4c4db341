namespace DigitalTwin.Engine.Network;

/// <summary>
/// Everything the model knows about one street segment. Used when building or changing a network; the
/// network itself stores each field in its own array (structure of arrays) for the hot loops.
/// </summary>
public record struct SegmentAttributes
{
    public HighwayKind Highway { get; set; }

    /// <summary>Modes allowed from the segment's start node to its end node.</summary>
    public TravelModes ModesForward { get; set; }

    /// <summary>Modes allowed from the end node back to the start node (one-ways differ).</summary>
    public TravelModes ModesBackward { get; set; }

    /// <summary>Usable walking width in metres: both pavements together, or the path's own width.</summary>
    public float PavementWidthMetres { get; set; }

    /// <summary>Motor vehicles per day on the segment, both directions (estimated from the highway type).</summary>
    public float CarVehiclesPerDay { get; set; }

    public float SpeedLimitKmh { get; set; }

    public Lighting Lighting { get; set; }

    public SurfaceQuality Surface { get; set; }

    public Frontage Frontage { get; set; }

    /// <summary>True when the segment runs beside a park, green strip or water (set from places/areas).</summary>
    public bool GreenOrWaterAdjacent { get; set; }

    /// <summary>
    /// Depth in metres of front zones along the house fronts ('Delftse stoep': a private strip on the pavement where
    /// residents sit and put plants); 0 where there are none. Residents living on the segment sit out there.
    /// </summary>
    public float FrontZoneDepthMetres { get; set; }

    /// <summary>
    /// How much longer walking and cycling the segment feels because of how residents rate it (the
    /// <c>perceived-quality</c> intervention): +0.14 feels 14 % longer, −0.14 as much shorter; 0 where nobody rated it.
    /// </summary>
    public float PerceivedLengthChange { get; set; }

    /// <summary>
    /// Perceived metres added to every walk or ride over the segment because residents observed a barrier there (a fence,
    /// a road they cannot cross, a dark underpass); 0 where none was observed.
    /// </summary>
    public float ObservedBarrierMetres { get; set; }

    /// <summary>Street name (OSM name=*), empty when unnamed.</summary>
    public string Name { get; set; }

    /// <summary>The OSM way this segment was cut from; 0 for generated networks.</summary>
    public long OsmWayId { get; set; }
}
