namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// One resident staying put from <see cref="StartTimeSeconds"/> to <see cref="EndTimeSeconds"/> (seconds since
/// midnight of the day). A stay is either inside a place (a café, the library, a park: <see cref="Place"/> set),
/// on the street at a position (a bench, a front stoep, the school gate: <see cref="Segment"/> and
/// <see cref="OffsetMetres"/> set), or both (a bench or terrace that is a place and also seen from the street).
/// </summary>
/// <param name="Resident">Index of the resident.</param>
/// <param name="Place">Index into the place set, or -1 when the stay is not at a place.</param>
/// <param name="Zone">
/// Which sub-area of a large place the resident is in (0 for small places). People at the same place are
/// co-present only within the same zone: a park or a big supermarket is not one conversation circle. The
/// simulator chooses the zone (see <see cref="DigitalTwin.Engine.Encounters.PlaceZones"/>).
/// </param>
/// <param name="Segment">The segment the stay is on, or -1 when it is only inside a place.</param>
/// <param name="OffsetMetres">Metres from the segment's start node (ignored when <paramref name="Segment"/> is -1).</param>
/// <param name="StartTimeSeconds">Arrival.</param>
/// <param name="EndTimeSeconds">Departure.</param>
/// <param name="LateralOffsetMetres">
/// For a street stay, metres left of the segment's centre line (looking from its start node to its end node) where
/// the resident sits or stands: a bench or stoep is at the pavement's outer edge (see <see cref="LateralPlacement"/>).
/// Ignored when <paramref name="Segment"/> is -1.
/// </param>
public readonly record struct Stay(
    int Resident,
    int Place,
    int Zone,
    int Segment,
    float OffsetMetres,
    double StartTimeSeconds,
    double EndTimeSeconds,
    float LateralOffsetMetres = 0)
{
    /// <summary>True when the stay is inside (or at) a place.</summary>
    public bool IsAtPlace => Place >= 0;

    /// <summary>True when the stay is visible from a street segment (passers-by can meet the stayer).</summary>
    public bool IsOnStreet => Segment >= 0;

    /// <summary>A stay inside a place only (not seen from the street).</summary>
    public static Stay AtPlace(int resident, int place, double startTimeSeconds, double endTimeSeconds, int zone = 0) =>
        new(resident, place, zone, -1, 0, startTimeSeconds, endTimeSeconds);

    /// <summary>A stay on the street (a stoep, the school gate) that is not a place.</summary>
    public static Stay OnStreet(int resident, int segment, float offsetMetres, double startTimeSeconds, double endTimeSeconds, float lateralOffsetMetres = 0) =>
        new(resident, -1, 0, segment, offsetMetres, startTimeSeconds, endTimeSeconds, lateralOffsetMetres);
}
