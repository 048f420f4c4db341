using System.Globalization;
using System.Text.Json;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Observations;

public static partial class ObservationLoader
{
    /// <summary>
    /// A GeoJSON FeatureCollection (RFC 7946: positions [longitude, latitude] in WGS84) of Point and LineString
    /// features, their fields as properties (<see cref="Fields"/>); features are numbered from 1 in messages.
    /// </summary>
    private static void ReadGeoJson(ReadOnlySpan<byte> bytes, string display, MapArea? area, List<Observation> observations, List<InputProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            problems.Add(new InputProblem(display, $"line {(e.LineNumber ?? 0) + 1}", "is not valid JSON"));
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection" || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new InputProblem(display, "$", "must be a GeoJSON FeatureCollection with a list of features"));
                return;
            }
            int number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                if (number > MaxObservations)
                {
                    problems.Add(new InputProblem(display, $"feature {number}", string.Create(CultureInfo.InvariantCulture,
                        $"more than {MaxObservations:N0} observations"), "is this the right file?"));
                    return;
                }
                string where = $"feature {number}";
                if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new InputProblem(display, where, "must be a Feature with a geometry"));
                    continue;
                }
                var positions = ReadGeometry(geometry, where, display, problems);
                JsonElement properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                if (properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in properties.EnumerateObject().Where(q => !Fields.Contains(q.Name)))
                    {
                        problems.Add(new InputProblem(display, $"{where}, properties.{property.Name}", "is not an observation field",
                            (Suggestions.DidYouMean(property.Name, Fields) is { } guess ? guess + "; " : string.Empty) + "fields: " + string.Join(", ", Fields)));
                    }
                }
                string? Field(string name)
                {
                    if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var value))
                    {
                        return null;
                    }
                    return value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.Number => value.GetRawText(),
                        JsonValueKind.Null => null,
                        _ => value.GetRawText(),
                    };
                }
                if (positions is null)
                {
                    Build(Field, [new LonLat(0, 0)], number, where, display, null, problems);
                    continue;
                }
                if (Build(Field, positions, number, where, display, area, problems) is { } observation)
                {
                    observations.Add(observation);
                }
            }
        }
    }

    private static List<LonLat>? ReadGeometry(JsonElement geometry, string where, string display, List<InputProblem> problems)
    {
        string? type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new InputProblem(display, $"{where}, geometry", "has no coordinates", "a Point [lon, lat] or a LineString [[lon, lat], ...]"));
            return null;
        }
        switch (type)
        {
            case "Point":
                return Position(coordinates) is { } point ? [point] : Bad("a Point's coordinates must be [longitude, latitude]");
            case "LineString":
                var line = new List<LonLat>();
                foreach (var item in coordinates.EnumerateArray())
                {
                    if (Position(item) is not { } position)
                    {
                        return Bad("a LineString's coordinates must be a list of [longitude, latitude]");
                    }
                    line.Add(position);
                }
                if (line.Count < 2 || line.Count > MaxLinePositions)
                {
                    return Bad(string.Create(CultureInfo.InvariantCulture, $"a LineString needs 2 to {MaxLinePositions} positions, has {line.Count}"));
                }
                return line;
            default:
                problems.Add(new InputProblem(display, $"{where}, geometry.type", $"'{type}' is not an observation geometry", "Point or LineString"));
                return null;
        }

        List<LonLat>? Bad(string message)
        {
            problems.Add(new InputProblem(display, $"{where}, geometry.coordinates", message));
            return null;
        }
    }

    private static LonLat? Position(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() < 2)
        {
            return null;
        }
        var lon = element[0];
        var lat = element[1];
        return lon.ValueKind == JsonValueKind.Number && lat.ValueKind == JsonValueKind.Number ? new LonLat(lon.GetDouble(), lat.GetDouble()) : null;
    }
}
