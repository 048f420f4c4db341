using System.Globalization;
using System.Text.Json;
using DigitalTwin.Engine.Places;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace DigitalTwin.Engine.IO;

/// <summary>
/// Reads a GeoJSON FeatureCollection (lon/lat, WGS84; NetTopologySuite.IO.GeoJSON4STJ) into a <see cref="RawMap"/>.
/// A file whose <c>crs</c> member names another system is reprojected to WGS84 first where the caller supplies that
/// system (<see cref="ICoordinateSystems"/>), and refused, naming it, where not:
/// LineString/MultiLineString features with OSM-like properties (highway, name, width, lit …) become ways,
/// Polygon features (buildings, parks) closed ways, and Point features tagged amenity/shop/leisure/addr:* points.
/// Vertices with the same coordinates (to 1e-7°, about 1 cm) are one node, so lines that share an end or a vertex
/// are joined there exactly as OSM ways that share a node. The network is then assembled by the same pipeline as
/// OSM input. Files written by <see cref="GeoJsonExporter"/> read back: their columns (modes_forward,
/// pavement_width_m, kind, capacity …) are honoured.
/// </summary>
internal static class GeoJsonMapImporter
{
    private const double CoordinateScale = 1e7;

    private const string ExportWgs84 =
        "export it in WGS84 longitude/latitude (EPSG:4326), as GeoJSON requires (RFC 7946): in QGIS Export > Save Features As with CRS EPSG:4326, or `ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson`";

    public static InputResult<RawMap> Read(string path, ICoordinateSystems? systems = null)
    {
        FeatureCollection? collection;
        ICoordinateConversion? conversion;
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            // The GeoJSON reader decodes property names and values only when asked, long after parsing: a byte that
            // is not UTF-8 would surface there as an exception, so the whole file is checked here.
            if ((Scenarios.ScenarioLoader.EncodingProblem(bytes) ?? Scenarios.ScenarioLoader.EscapeProblem(bytes)) is { } encoding)
            {
                return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty, encoding));
            }
            if (CoordinateSystemProblem(bytes, systems, out conversion) is { } crs)
            {
                return InputResult<RawMap>.Failure(new InputProblem(path, "crs", crs,
                    systems is null ? ExportWgs84 : $"{ExportWgs84}; or write it in a system this program reprojects: {systems.Known}"));
            }
            var options = new JsonSerializerOptions();
            options.Converters.Add(new GeoJsonConverterFactory());
            collection = JsonSerializer.Deserialize<FeatureCollection>(bytes, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty, $"cannot read the map file: {e.Message}"));
        }
        catch (JsonException e)
        {
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty,
                $"the file is not a readable GeoJSON FeatureCollection: not valid JSON {DecoderText.Json(e)}", "write it as a FeatureCollection in WGS84"));
        }
        // The GeoJSON converter's complaints about a valid JSON of the wrong shape name its own types; the shape is what matters.
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException or FormatException)
        {
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty,
                "the file is not a readable GeoJSON FeatureCollection: a feature or geometry is not of the shape RFC 7946 gives it", "write it as a FeatureCollection in WGS84"));
        }
        if (collection is null)
        {
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty, "the file holds no GeoJSON FeatureCollection"));
        }

        if (conversion is not null && Reproject(collection, conversion) is { } misplaced)
        {
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty, misplaced,
                $"the crs member must name the system the numbers are in (RD New gives metres such as (85000, 446000); degrees need no crs member), or {ExportWgs84}"));
        }
        if (NotLonLat(collection) is { } projected)
        {
            // Metres without a crs member: the file says nothing of its system, and guessing RD New from the numbers
            // would put a UTM or Web Mercator file at the wrong place without a word.
            string addCrs = systems is null
                ? string.Empty
                : " or, if the numbers are RD New metres, add \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::28992\"}} to the FeatureCollection (another system this program reprojects: its EPSG code instead; " + systems.Known + ")";
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty, projected, ExportWgs84 + addCrs));
        }

        var map = new RawMap { NodeIdsAreOsm = false, HonoursExportedColumns = true };
        long nextId = 1;
        foreach (IFeature feature in collection)
        {
            if (TagsOf(feature.Attributes) is not { } tags)
            {
                return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty,
                    string.Create(CultureInfo.InvariantCulture, $"feature {nextId - 1} has a property holding a number too large to read (beyond ±7.9e28)"),
                    "fix or remove that property, or export the map again"));
            }
            long id = long.TryParse(tags.GetValueOrDefault(GeoJsonColumns.OsmWayId), NumberStyles.Integer, CultureInfo.InvariantCulture, out long osm) && osm != 0
                ? osm
                : nextId;
            nextId++;
            switch (feature.Geometry)
            {
                case LineString line:
                    map.Ways.Add(new RawWay(id, tags, NodesOf(map, line.Coordinates)));
                    break;
                case MultiLineString lines:
                    foreach (Geometry part in lines.Geometries)
                    {
                        map.Ways.Add(new RawWay(id, tags, NodesOf(map, part.Coordinates)));
                    }
                    break;
                case Polygon polygon:
                    map.Ways.Add(new RawWay(id, tags, NodesOf(map, polygon.ExteriorRing.Coordinates)));
                    break;
                case MultiPolygon polygons:
                    foreach (Geometry part in polygons.Geometries)
                    {
                        map.Ways.Add(new RawWay(id, tags, NodesOf(map, ((Polygon)part).ExteriorRing.Coordinates)));
                    }
                    break;
                case Point point:
                    AddKindTag(tags);
                    AddHomeTag(tags);
                    map.Points.Add(new RawPoint(id, point.X, point.Y, tags));
                    break;
            }
        }
        return InputResult<RawMap>.Success(map);
    }

    /// <summary>
    /// Converts every coordinate of every feature to WGS84 in place; why it could not, or null. A point that lands far
    /// outside the system's area of use means the <c>crs</c> member does not describe the numbers (degrees declared
    /// as RD New, RD New declared as UTM), which would otherwise import as a map somewhere else.
    /// </summary>
    private static string? Reproject(FeatureCollection collection, ICoordinateConversion conversion)
    {
        int index = 0;
        foreach (IFeature feature in collection)
        {
            if (feature.Geometry is { IsEmpty: false } geometry)
            {
                var filter = new ToWgs84(conversion);
                geometry.Apply(filter);
                if (filter.Problem is { } problem)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"feature {index} {problem}");
                }
            }
            index++;
        }
        return null;
    }

    /// <summary>Converts a geometry's coordinates in place; stops at the first that cannot be converted or lands outside the system's area.</summary>
    private sealed class ToWgs84(ICoordinateConversion conversion) : ICoordinateSequenceFilter
    {
        public string? Problem { get; private set; }

        public bool Done => Problem is not null;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            double x = seq.GetX(i), y = seq.GetY(i);
            var c = CultureInfo.InvariantCulture;
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                Problem = string.Create(c, $"has a point at ({x}, {y}), which is not a pair of finite numbers");
                return;
            }
            var (longitude, latitude) = conversion.ToWgs84(x, y);
            var (west, south, east, north) = conversion.AreaOfUse;
            if (!(longitude >= west && longitude <= east && latitude >= south && latitude <= north))
            {
                Problem = double.IsFinite(longitude) && double.IsFinite(latitude)
                    ? string.Create(c, $"has a point at ({x}, {y}), which in {conversion.Name} lies at longitude {longitude:0.####}, latitude {latitude:0.####}, outside the area that system is made for (longitude {west} to {east}, latitude {south} to {north}): the numbers are not {conversion.Name} coordinates")
                    : string.Create(c, $"has a point at ({x}, {y}), which is no position in {conversion.Name}");
                return;
            }
            seq.SetX(i, longitude);
            seq.SetY(i, latitude);
        }
    }

    /// <summary>
    /// Why the features' coordinates are not longitude/latitude in degrees, or null when they are. GeoJSON is WGS84 by
    /// definition, but a file saved in a projected system such as RD New (EPSG:28992, metres: x 0–300,000, y
    /// 300,000–625,000) still parses, and would import as streets hundreds of thousands of kilometres long.
    /// </summary>
    private static string? NotLonLat(FeatureCollection collection)
    {
        int index = 0;
        foreach (IFeature feature in collection)
        {
            // A geometry without "coordinates" reads as an empty one, whose point is NaN, NaN.
            if (feature.Geometry is { IsEmpty: true } empty)
            {
                return string.Create(CultureInfo.InvariantCulture, $"feature {index} is a {empty.GeometryType} without coordinates");
            }
            foreach (Coordinate c in feature.Geometry?.Coordinates ?? [])
            {
                if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"feature {index} has a point at ({c.X}, {c.Y}), which is not a pair of finite numbers");
                }
                if (!(c.X is >= -180 and <= 180) || !(c.Y is >= -90 and <= 90))
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"feature {index} has a point at ({c.X}, {c.Y}), which is not longitude/latitude in degrees: the file looks projected (RD New, EPSG:28992, gives metres such as (85000, 446000))");
                }
            }
            index++;
        }
        return null;
    }

    /// <summary>
    /// Why the file's <c>crs</c> member (GeoJSON 2008; RFC 7946 dropped it, but QGIS and GDAL still write it for any
    /// other system) rules the file out, or null when there is none, it names WGS84 longitude/latitude, or it names a
    /// system of <paramref name="systems"/> (then <paramref name="conversion"/> is that system's). A file in RD New or
    /// Web Mercator whose numbers happen to look like degrees would otherwise import at the wrong place without a word.
    /// </summary>
    internal static string? CoordinateSystemProblem(ReadOnlySpan<byte> json, ICoordinateSystems? systems, out ICoordinateConversion? conversion)
    {
        conversion = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCrs = reader.ValueTextEquals("crs"u8);
            if (!reader.Read())
            {
                return null;
            }
            if (!isCrs)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }
            using var crs = JsonDocument.ParseValue(ref reader);
            string? name = crs.RootElement.ValueKind == JsonValueKind.Object
                && crs.RootElement.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
                ? nameElement.GetString()
                : null;
            string reads = systems is null ? "this importer reads only WGS84 longitude/latitude" : $"this importer reads WGS84 longitude/latitude and reprojects {systems.Known}";
            if (name is null)
            {
                return $"its crs member names no coordinate system (a linked or unnamed crs); {reads}";
            }
            if (IsWgs84(name))
            {
                return null;
            }
            conversion = EpsgCode(name) is { } code ? systems?.FromEpsg(code) : null;
            return conversion is not null ? null : $"its coordinates are in {Describe(name)}, not WGS84 longitude/latitude; {reads}";
        }
        return null;
    }

    /// <summary>The names GDAL, QGIS and the GeoJSON 2008 draft give WGS84 longitude/latitude.</summary>
    private static bool IsWgs84(string name) => EpsgCode(name) == 4326
        || name.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase) || name.EndsWith("CRS:84", StringComparison.OrdinalIgnoreCase);

    /// <summary>The EPSG code in "EPSG:28992", "urn:ogc:def:crs:EPSG::28992" or "urn:ogc:def:crs:EPSG:6.6:28992", or null.</summary>
    private static int? EpsgCode(string name)
    {
        int at = name.LastIndexOf("EPSG", StringComparison.OrdinalIgnoreCase);
        int colon = name.LastIndexOf(':');
        return at >= 0 && colon > at && int.TryParse(name.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int code) ? code : null;
    }

    private static string Describe(string name)
    {
        // The name is printed as a user's own text: at most 80 characters, so a hostile file cannot fill the terminal.
        string shown = name.Length > 80 ? name[..80] + "…" : name;
        return EpsgCode(name) switch
        {
            28992 => $"RD New (EPSG:28992, Dutch national grid metres; the file says '{shown}')",
            3857 => $"Web Mercator (EPSG:3857, metres; the file says '{shown}')",
            { } code => string.Create(CultureInfo.InvariantCulture, $"EPSG:{code} (the file says '{shown}')"),
            null => $"'{shown}'",
        };
    }

    /// <summary>Node ids from coordinates: the 1e-7° grid cell packs into one long, so equal positions share an id.</summary>
    private static long[] NodesOf(RawMap map, Coordinate[] coordinates)
    {
        var ids = new long[coordinates.Length];
        for (int i = 0; i < coordinates.Length; i++)
        {
            long lon = (long)Math.Round(coordinates[i].X * CoordinateScale);
            long lat = (long)Math.Round(coordinates[i].Y * CoordinateScale);
            long id = (lon << 32) ^ (lat & 0xFFFF_FFFFL);
            map.Nodes.TryAdd(id, (lon / CoordinateScale, lat / CoordinateScale));
            ids[i] = id;
        }
        return ids;
    }

    /// <summary>
    /// Feature properties as tag strings: numbers in invariant culture, booleans as yes/no, nested values skipped; null
    /// when a number cannot be read (the GeoJSON reader boxes numbers as decimal, and 1e400 is none).
    /// </summary>
    private static Dictionary<string, string>? TagsOf(IAttributesTable? attributes)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (attributes is null)
        {
            return tags;
        }
        foreach (string name in attributes.GetNames())
        {
            object? raw;
            try
            {
                raw = attributes[name];
            }
            catch (NotSupportedException)
            {
                return null;
            }
            string? value = raw switch
            {
                string s => s,
                bool b => b ? "yes" : "no",
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                int n => n.ToString(CultureInfo.InvariantCulture),
                long n => n.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (value is not null)
            {
                tags[name] = value;
            }
        }
        return tags;
    }

    /// <summary>
    /// An exported home (layer=home) carries no OSM address, and only address points become homes: give it one, so a
    /// neighbourhood exported with <see cref="GeoJsonExporter.WriteNeighbourhood"/> reads back with its homes.
    /// </summary>
    private static void AddHomeTag(Dictionary<string, string> tags)
    {
        if (tags.GetValueOrDefault(GeoJsonColumns.Layer) == "home")
        {
            tags.TryAdd("addr:housenumber", "exported");
        }
    }

    /// <summary>An exported place carries kind=&lt;PlaceKind&gt; instead of OSM tags: give it the tag that means that kind.</summary>
    private static void AddKindTag(Dictionary<string, string> tags)
    {
        if (OsmPlaceInterpretation.Classify(tags) is not null
            || !Enum.TryParse(tags.GetValueOrDefault(GeoJsonColumns.Kind), ignoreCase: false, out PlaceKind kind))
        {
            return;
        }
        var (key, value) = kind switch
        {
            PlaceKind.Shop => ("shop", "yes"),
            PlaceKind.Supermarket => ("shop", "supermarket"),
            PlaceKind.Cafe => ("amenity", "cafe"),
            PlaceKind.Restaurant => ("amenity", "restaurant"),
            PlaceKind.Pub => ("amenity", "pub"),
            PlaceKind.Market => ("amenity", "marketplace"),
            PlaceKind.Barber => ("shop", "hairdresser"),
            PlaceKind.School => ("amenity", "school"),
            PlaceKind.Kindergarten => ("amenity", "kindergarten"),
            PlaceKind.Playground => ("leisure", "playground"),
            PlaceKind.Park => ("leisure", "park"),
            PlaceKind.CommunityCentre => ("amenity", "community_centre"),
            PlaceKind.PlaceOfWorship => ("amenity", "place_of_worship"),
            PlaceKind.TransitStop => ("highway", "bus_stop"),
            PlaceKind.Bench => ("amenity", "bench"),
            PlaceKind.Library => ("amenity", "library"),
            PlaceKind.SportsCentre => ("leisure", "sports_centre"),
            PlaceKind.Healthcare => ("amenity", "doctors"),
            _ => throw new ArgumentOutOfRangeException(nameof(tags), kind, "Every place kind needs an OSM tag."),
        };
        tags[key] = value;
    }
}
