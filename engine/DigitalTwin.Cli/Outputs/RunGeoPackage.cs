using DigitalTwin.Cli.Reports;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Cli.Outputs;

/// <summary>
/// A run's streets and places as one GeoPackage (<c>twin run --gpkg</c>): layer <c>edges</c> holds what edges.geojson
/// holds and layer <c>places</c> what places.geojson holds, same field names, from the same per-segment and per-place
/// columns (<see cref="RunWriter.SegmentColumns"/>, <see cref="RunWriter.PlaceColumns"/>). GeoJSON leaves a field's type
/// to whoever reads it (QGIS calls a rate that is 0 on every segment of a small run an integer); here every rate is
/// declared DOUBLE (GeoPackage's real) and every count and index INTEGER, whatever the values, and each layer has one geometry type.
/// </summary>
internal static class RunGeoPackage
{
    public const string FileName = "run.gpkg";

    public static IReadOnlyList<InputProblem> Write(string folder, Neighbourhood neighbourhood, RunResult result) =>
        GeoPackageWriter.Write(Path.Combine(folder, FileName), [EdgesLayer(neighbourhood, result), PlacesLayer(neighbourhood, result)]);

    public static FeatureLayer EdgesLayer(Neighbourhood neighbourhood, RunResult result)
    {
        var network = neighbourhood.Network;
        var rates = RunWriter.SegmentColumns(neighbourhood, result).OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();
        var fields = new List<LayerField>
        {
            new("segment", FieldType.Integer), new("osm_way_id", FieldType.Integer), new("name", FieldType.Text), new("highway", FieldType.Text),
            new("length_m", FieldType.Real), new("modes_forward", FieldType.Text), new("modes_backward", FieldType.Text),
            new("pavement_width_m", FieldType.Real), new("cars_per_day", FieldType.Real), new("speed_kmh", FieldType.Real), new("lit", FieldType.Text),
            new("surface_quality", FieldType.Text), new("frontage", FieldType.Text), new("green_or_water", FieldType.Text),
        };
        fields.AddRange(rates.Select(r => new LayerField(r.Key, FieldType.Real)));
        var features = new List<LayerFeature>(network.SegmentCount);
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var a = network.AttributesOf(new SegmentId(s));
            var values = new List<object?>(fields.Count)
            {
                (long)s, a.OsmWayId, a.Name, OsmValue(a.Highway), Math.Round(network.LengthMetres[s], 2),
                ModesText(a.ModesForward), ModesText(a.ModesBackward), (double)a.PavementWidthMetres, (double)a.CarVehiclesPerDay, (double)a.SpeedLimitKmh,
                a.Lighting switch { Lighting.Lit => "yes", Lighting.Unlit => "no", _ => "unknown" },
                a.Surface.ToString().ToLowerInvariant(), a.Frontage.ToString().ToLowerInvariant(), a.GreenOrWaterAdjacent ? "yes" : "no",
            };
            foreach (var (_, column) in rates)
            {
                values.Add(column.Span[s]);
            }
            features.Add(new LayerFeature(ProfileReport.SegmentPositions(network, s), values));
        }
        return new FeatureLayer("edges", "Street segments with passages, encounters, nods and new familiar pairs per day (per metre where named _per_m_)",
            LayerGeometry.LineString, fields, features);
    }

    public static FeatureLayer PlacesLayer(Neighbourhood neighbourhood, RunResult result)
    {
        var places = neighbourhood.Places;
        var geo = neighbourhood.Network.GeoReference;
        var rates = RunWriter.PlaceColumns(result).OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();
        var fields = new List<LayerField>
        {
            new("place", FieldType.Integer), new("kind", FieldType.Text), new("name", FieldType.Text), new("capacity", FieldType.Integer),
            new("segment", FieldType.Integer), new("offset_m", FieldType.Real), new("opening_hours", FieldType.Text), new("osm_id", FieldType.Integer),
        };
        fields.AddRange(rates.Select(r => new LayerField(r.Key, FieldType.Real)));
        var features = new List<LayerFeature>(places.Count);
        for (int p = 0; p < places.Count; p++)
        {
            var place = places[p];
            var (lon, lat) = geo.Unproject(place.X, place.Y);
            var values = new List<object?>(fields.Count)
            {
                (long)p, place.Kind.ToString(), place.Name ?? string.Empty, (long)place.Capacity, (long)place.Segment.Value,
                Math.Round(place.OffsetMetres, 2), place.OpeningHours ?? string.Empty, place.OsmId,
            };
            foreach (var (_, column) in rates)
            {
                values.Add(column.Span[p]);
            }
            features.Add(new LayerFeature([(Math.Round(lon, 7), Math.Round(lat, 7))], values));
        }
        return new FeatureLayer("places", "Places with stays, encounters, nods and new familiar pairs per day", LayerGeometry.Point, fields, features);
    }

    /// <summary>As edges.geojson writes highway (the engine's exporter: the OSM value of the kind).</summary>
    private static string OsmValue(HighwayKind kind) => kind switch
    {
        HighwayKind.LivingStreet => "living_street",
        HighwayKind.Other => "road",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>As edges.geojson writes modes ("walk,bike"), so a filter written for one file works on the other.</summary>
    private static string ModesText(TravelModes modes) => string.Join(',',
        new[] { (TravelModes.Walk, "walk"), (TravelModes.Bike, "bike"), (TravelModes.Car, "car") }.Where(m => (modes & m.Item1) != 0).Select(m => m.Item2));
}
