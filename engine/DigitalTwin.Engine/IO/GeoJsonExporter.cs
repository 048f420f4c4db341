using System.Text.Json;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace DigitalTwin.Engine.IO;

/// <summary>
/// Writes the network, places and homes as GeoJSON in WGS84 (lon/lat) that QGIS opens directly: segments as
/// LineStrings with every attribute as a property, places and homes as Points. A file is written next to its
/// target and moved into place, so a reader never sees half a file. Per-segment result columns (encounters per
/// metre, …) are passed as <c>extraColumns</c>: one value per segment, written in the order of their names.
/// GeoPackage is not written: NetTopologySuite.IO.GeoPackage only encodes geometry blobs; a .gpkg file is an SQLite
/// database, and SQLite is outside the engine's dependencies (Microsoft.Data.Sqlite would be needed).
/// </summary>
public static class GeoJsonExporter
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Only the segments (one LineString feature each).</summary>
    public static InputResult<string> WriteSegments(
        StreetNetwork network, string path, IReadOnlyDictionary<string, ReadOnlyMemory<double>>? extraColumns = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var features = new FeatureCollection();
        AddSegments(features, network, extraColumns);
        return Write(features, path);
    }

    /// <summary>Only the places (one Point feature each).</summary>
    public static InputResult<string> WritePlaces(
        PlaceSet places, GeoReference geo, string path, IReadOnlyDictionary<string, ReadOnlyMemory<double>>? extraColumns = null)
    {
        ArgumentNullException.ThrowIfNull(places);
        var features = new FeatureCollection();
        AddPlaces(features, places, geo, extraColumns);
        return Write(features, path);
    }

    /// <summary>Only the homes (one Point feature each).</summary>
    public static InputResult<string> WriteHomes(HomeSet homes, GeoReference geo, string path)
    {
        ArgumentNullException.ThrowIfNull(homes);
        var features = new FeatureCollection();
        AddHomes(features, homes, geo);
        return Write(features, path);
    }

    /// <summary>
    /// Segments, places and homes in one file, told apart by the "layer" property (QGIS splits a mixed file into a
    /// layer per geometry type). <see cref="MapLoader"/> reads the file back.
    /// </summary>
    public static InputResult<string> WriteNeighbourhood(
        Neighbourhood neighbourhood, string path, IReadOnlyDictionary<string, ReadOnlyMemory<double>>? extraColumns = null)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var features = new FeatureCollection();
        AddSegments(features, neighbourhood.Network, extraColumns);
        AddPlaces(features, neighbourhood.Places, neighbourhood.Network.GeoReference, null);
        AddHomes(features, neighbourhood.Homes, neighbourhood.Network.GeoReference);
        return Write(features, path);
    }

    /// <summary>Extra columns sorted by name, each checked to hold one value per feature.</summary>
    private static KeyValuePair<string, ReadOnlyMemory<double>>[] Columns(IReadOnlyDictionary<string, ReadOnlyMemory<double>>? extraColumns, int count)
    {
        var extra = extraColumns?.OrderBy(c => c.Key, StringComparer.Ordinal).ToArray() ?? [];
        foreach (var (name, values) in extra)
        {
            if (values.Length != count)
            {
                throw new ArgumentException($"Extra column '{name}' has {values.Length} values for {count} features.", nameof(extraColumns));
            }
        }
        return extra;
    }

    private static void AddSegments(FeatureCollection features, StreetNetwork network, IReadOnlyDictionary<string, ReadOnlyMemory<double>>? extraColumns)
    {
        var extra = Columns(extraColumns, network.SegmentCount);
        GeoReference geo = network.GeoReference;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var id = new SegmentId(s);
            var (xs, ys) = network.Geometry(id);
            var coordinates = new Coordinate[xs.Length];
            for (int i = 0; i < coordinates.Length; i++)
            {
                var (lon, lat) = geo.Unproject(xs.Span[i], ys.Span[i]);
                coordinates[i] = new Coordinate(lon, lat);
            }
            SegmentAttributes a = network.AttributesOf(id);
            var table = new AttributesTable
            {
                { GeoJsonColumns.Layer, "segment" },
                { GeoJsonColumns.Segment, s },
                { GeoJsonColumns.OsmWayId, a.OsmWayId },
                { GeoJsonColumns.Name, a.Name },
                { GeoJsonColumns.Highway, OsmTagInterpretation.ToOsmValue(a.Highway) },
                { GeoJsonColumns.LengthMetres, Math.Round(network.LengthMetres[s], 2) },
                { GeoJsonColumns.ModesForward, GeoJsonColumns.ModesText(a.ModesForward) },
                { GeoJsonColumns.ModesBackward, GeoJsonColumns.ModesText(a.ModesBackward) },
                { GeoJsonColumns.PavementWidthMetres, a.PavementWidthMetres },
                { GeoJsonColumns.CarsPerDay, a.CarVehiclesPerDay },
                { GeoJsonColumns.SpeedKmh, a.SpeedLimitKmh },
                { GeoJsonColumns.Lit, a.Lighting switch { Lighting.Lit => "yes", Lighting.Unlit => "no", _ => "unknown" } },
                { GeoJsonColumns.Surface, a.Surface.ToString().ToLowerInvariant() },
                { GeoJsonColumns.Frontage, a.Frontage.ToString().ToLowerInvariant() },
                { GeoJsonColumns.GreenOrWater, a.GreenOrWaterAdjacent ? "yes" : "no" },
            };
            foreach (var (name, values) in extra)
            {
                table.Add(name, values.Span[s]);
            }
            features.Add(new Feature(Factory.CreateLineString(coordinates), table));
        }
    }

    private static void AddPlaces(FeatureCollection features, PlaceSet places, GeoReference geo, IReadOnlyDictionary<string, ReadOnlyMemory<double>>? extraColumns)
    {
        var extra = Columns(extraColumns, places.Count);
        for (int p = 0; p < places.Count; p++)
        {
            PlaceRecord place = places[p];
            var (lon, lat) = geo.Unproject(place.X, place.Y);
            var table = new AttributesTable
            {
                { GeoJsonColumns.Layer, "place" },
                { GeoJsonColumns.Kind, place.Kind.ToString() },
                { GeoJsonColumns.Name, place.Name ?? string.Empty },
                { GeoJsonColumns.Capacity, place.Capacity },
                { GeoJsonColumns.Segment, place.Segment.Value },
                { GeoJsonColumns.OffsetMetres, Math.Round(place.OffsetMetres, 2) },
                { GeoJsonColumns.OpeningHours, place.OpeningHours ?? string.Empty },
                { GeoJsonColumns.OsmId, place.OsmId },
            };
            foreach (var (name, values) in extra)
            {
                table.Add(name, values.Span[p]);
            }
            features.Add(new Feature(Factory.CreatePoint(new Coordinate(lon, lat)), table));
        }
    }

    private static void AddHomes(FeatureCollection features, HomeSet homes, GeoReference geo)
    {
        for (int h = 0; h < homes.Count; h++)
        {
            HomeRecord home = homes[h];
            var (lon, lat) = geo.Unproject(home.X, home.Y);
            features.Add(new Feature(Factory.CreatePoint(new Coordinate(lon, lat)), new AttributesTable
            {
                { GeoJsonColumns.Layer, "home" },
                { GeoJsonColumns.Dwellings, home.Dwellings },
                { GeoJsonColumns.Segment, home.Segment.Value },
                { GeoJsonColumns.OffsetMetres, Math.Round(home.OffsetMetres, 2) },
                { GeoJsonColumns.OsmId, home.OsmId },
            }));
        }
    }

    private static InputResult<string> Write(FeatureCollection features, string path)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, features, options));
    }
}
