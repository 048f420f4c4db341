using System.Text.Json;

namespace DigitalTwin.Cli.Outputs;

/// <summary>The type of a layer's field, as GIS formats name it.</summary>
internal enum FieldType
{
    Integer,
    Real,
    Text,
    Boolean,
}

/// <summary>What a layer's features are: points, lines, or either (a layer that mixes them).</summary>
internal enum LayerGeometry
{
    Point,
    LineString,
    Geometry,
}

internal sealed record LayerField(string Name, FieldType Type);

/// <summary>One feature: WGS84 positions (one for a point, two or more for a line) and a value per field, in field order (null when unknown).</summary>
internal sealed record LayerFeature(IReadOnlyList<(double Longitude, double Latitude)> Positions, IReadOnlyList<object?> Values)
{
    public bool IsLine => Positions.Count > 1;
}

/// <summary>
/// A layer as data, written to both GeoJSON and GeoPackage from the same rows, so the two files always hold the same
/// features with the same fields (same names, same order, same types on every feature).
/// </summary>
internal sealed record FeatureLayer(string Name, string Description, LayerGeometry Geometry, IReadOnlyList<LayerField> Fields, IReadOnlyList<LayerFeature> Features)
{
    /// <summary>The layer as a GeoJSON FeatureCollection (RFC 7946), coordinates as given.</summary>
    public void WriteGeoJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", Name);
        json.WriteStartArray("features");
        foreach (var feature in Features)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", feature.IsLine ? "LineString" : "Point");
            if (feature.IsLine)
            {
                json.WriteStartArray("coordinates");
                foreach (var (lon, lat) in feature.Positions)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(lon);
                    json.WriteNumberValue(lat);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            else
            {
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(feature.Positions[0].Longitude);
                json.WriteNumberValue(feature.Positions[0].Latitude);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartObject("properties");
            for (int f = 0; f < Fields.Count; f++)
            {
                json.WritePropertyName(Fields[f].Name);
                switch (feature.Values[f])
                {
                    case null:
                        json.WriteNullValue();
                        break;
                    case bool b:
                        json.WriteBooleanValue(b);
                        break;
                    case string s:
                        json.WriteStringValue(s);
                        break;
                    case double d when !double.IsFinite(d):
                        json.WriteNullValue();
                        break;
                    case double d:
                        json.WriteNumberValue(d);
                        break;
                    case long l:
                        json.WriteNumberValue(l);
                        break;
                    case int i:
                        json.WriteNumberValue(i);
                        break;
                    default:
                        throw new InvalidOperationException($"layer {Name}, field {Fields[f].Name}: no GeoJSON value for {feature.Values[f]!.GetType().Name}");
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
