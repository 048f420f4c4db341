namespace DigitalTwin.Engine.IO;

/// <summary>A map element's tags, as read: OSM tags, or the properties of a GeoJSON feature.</summary>
internal sealed record RawWay(long Id, IReadOnlyDictionary<string, string> Tags, long[] NodeIds);

/// <summary>
/// A multipolygon relation (OSM <c>type=multipolygon</c>): its tags and its member ways with their roles ("outer",
/// "inner"); the rings are the member ways joined end to end.
/// </summary>
internal sealed record RawMultipolygon(long Id, IReadOnlyDictionary<string, string> Tags, (long WayId, string Role)[] Members);

/// <summary>A tagged point: an OSM node with tags, or a GeoJSON Point feature.</summary>
internal sealed record RawPoint(long Id, double Longitude, double Latitude, IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// A map as the readers hand it over, before any interpretation: node coordinates (lon/lat, WGS84), ways with
/// their node ids, and tagged points. OSM and GeoJSON both produce this, so the network, places and homes are
/// assembled by one pipeline (<see cref="NeighbourhoodAssembler"/>).
/// </summary>
internal sealed class RawMap
{
    public Dictionary<long, (double Longitude, double Latitude)> Nodes { get; } = [];

    public List<RawWay> Ways { get; } = [];

    public List<RawPoint> Points { get; } = [];

    /// <summary>Multipolygon relations: areas (a lake, a park, a large building) drawn by several ways.</summary>
    public List<RawMultipolygon> Multipolygons { get; } = [];

    /// <summary>Node lists of ways without tags, which matter only as members of <see cref="Multipolygons"/>.</summary>
    public Dictionary<long, long[]> UntaggedWays { get; } = [];

    /// <summary>False for GeoJSON, whose node ids are made up from shared coordinates and are not OSM ids.</summary>
    public bool NodeIdsAreOsm { get; init; } = true;

    /// <summary>
    /// True for GeoJSON: a way's exported columns (modes_forward, pavement_width_m …, see <see cref="GeoJsonColumns"/>)
    /// override what its OSM-like tags imply, so an exported network reads back with the same attributes.
    /// </summary>
    public bool HonoursExportedColumns { get; init; }
}
