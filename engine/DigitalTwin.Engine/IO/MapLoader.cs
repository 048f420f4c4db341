namespace DigitalTwin.Engine.IO;

/// <summary>Choices for a map import.</summary>
public sealed record MapLoadOptions
{
    /// <summary>
    /// Optional boundary as a ring of (longitude, latitude) points: only segments whose midpoint lies inside, and
    /// places and homes inside, are kept. Null keeps everything in the file.
    /// </summary>
    public IReadOnlyList<(double Longitude, double Latitude)>? BoundingPolygon { get; init; }

    /// <summary>
    /// A place or home further than this from every walkable segment is dropped: 250 m is about three minutes'
    /// walk, beyond which the nearest street is unlikely to be its way in (it is then outside the mapped area).
    /// </summary>
    public double MaxSnapDistanceMetres { get; init; } = 250;

    /// <summary>
    /// Transit stops with the same name closer than this are one stop (a platform, its stop position and the
    /// bus_stop node are three tags for one place): 50 m spans both sides of a street and a platform's length.
    /// </summary>
    public double TransitStopMergeDistanceMetres { get; init; } = 50;

    /// <summary>
    /// Coordinate systems a GeoJSON map may be written in besides WGS84 (its <c>crs</c> member names one), reprojected
    /// on import; null: any other system is refused, naming it.
    /// </summary>
    public ICoordinateSystems? CoordinateSystems { get; init; }

    public static MapLoadOptions Default { get; } = new();
}

/// <summary>A map import's result: the neighbourhood and what happened on the way.</summary>
public sealed record LoadedMap(Neighbourhood Neighbourhood, ImportReport Report);

/// <summary>
/// The one entry point for reading a map: dispatches on the file's extension (.osm.pbf/.pbf, .osm, .geojson/.json)
/// and returns the neighbourhood, or the problems that prevented it (missing, unreadable or corrupt file,
/// unsupported extension, no walkable streets), each naming the file.
/// </summary>
public static class MapLoader
{
    public static InputResult<LoadedMap> Load(string path, MapLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= MapLoadOptions.Default;
        if (!File.Exists(path))
        {
            return InputResult<LoadedMap>.Failure(new InputProblem(path, string.Empty, "map file not found",
                Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))) ? "check the file name" : "check the folder"));
        }
        string lower = path.ToLowerInvariant();
        InputResult<RawMap> raw;
        if (lower.EndsWith(".pbf", StringComparison.Ordinal))
        {
            raw = OsmMapImporter.ReadPbf(path);
        }
        else if (lower.EndsWith(".osm", StringComparison.Ordinal))
        {
            raw = OsmMapImporter.ReadXml(path);
        }
        else if (lower.EndsWith(".geojson", StringComparison.Ordinal) || lower.EndsWith(".json", StringComparison.Ordinal))
        {
            raw = GeoJsonMapImporter.Read(path, options.CoordinateSystems);
        }
        else
        {
            return InputResult<LoadedMap>.Failure(new InputProblem(path, string.Empty,
                $"unsupported map format '{Path.GetExtension(path)}'", "use .osm.pbf, .pbf, .osm, .geojson or .json"));
        }
        if (!raw.Succeeded)
        {
            return InputResult<LoadedMap>.Failure(raw.Problems);
        }
        return NeighbourhoodAssembler.Assemble(raw.Unwrap(), path, options);
    }
}
