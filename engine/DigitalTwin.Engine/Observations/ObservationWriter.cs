using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Engine.IO;

namespace DigitalTwin.Engine.Observations;

/// <summary>
/// Adds observations to an observations file (the co-creation window's pins). The whole file is written beside the
/// old one and moved into place (<see cref="AtomicFile"/>), so a reader sees the file before or after, never half of
/// it. A CSV file keeps its comments, header and column order; a new file is CSV with every column.
/// </summary>
public static class ObservationWriter
{
    public static InputResult<string> Append(string path, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(observation);
        bool csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return InputResult<string>.Failure(new InputProblem(path, string.Empty, "is not an observations format", "use .csv or .geojson"));
        }
        byte[] existing = [];
        if (File.Exists(path))
        {
            // Check what is there first: appending to a broken file would hide its problems behind the new row.
            var loaded = ObservationLoader.Load(path);
            if (!loaded.Succeeded)
            {
                return InputResult<string>.Failure(loaded.Problems);
            }
            try
            {
                existing = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return InputResult<string>.Failure(new InputProblem(path, string.Empty, "cannot be read: " + e.Message));
            }
        }
        string text = Encoding.UTF8.GetString(existing);
        string updated;
        if (csv)
        {
            string[] header = text.Length == 0 ? [.. ObservationLoader.CsvColumns] : HeaderOf(text);
            var missing = Values(observation).Where(v => v.Value.Length > 0 && !header.Contains(v.Column)).Select(v => v.Column).ToList();
            if (missing.Count > 0)
            {
                return InputResult<string>.Failure(new InputProblem(path, "header", "has no column for " + string.Join(", ", missing),
                    "add the column(s) to the header line"));
            }
            var values = Values(observation).ToDictionary(v => v.Column, v => v.Value, StringComparer.Ordinal);
            string row = string.Join(",", header.Select(c => ObservationLoader.CsvField(values.GetValueOrDefault(c, string.Empty))));
            var builder = new StringBuilder(text);
            if (text.Length == 0)
            {
                builder.Append(string.Join(",", header)).Append('\n');
            }
            else if (!text.EndsWith('\n'))
            {
                builder.Append('\n');
            }
            updated = builder.Append(row).Append('\n').ToString();
        }
        else
        {
            var root = text.Length == 0
                ? new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray() }
                : JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })!.AsObject();
            root["features"]!.AsArray().Add(Feature(observation));
            updated = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }
        byte[] bytes = Encoding.UTF8.GetBytes(updated);
        return AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    private static string[] HeaderOf(string text)
    {
        foreach (var (_, fields) in ObservationLoader.CsvRecords(text))
        {
            if ((fields.Count == 1 && fields[0].Trim().Length == 0) || fields[0].TrimStart().StartsWith('#'))
            {
                continue;
            }
            return [.. fields.Select(f => f.Trim().ToLowerInvariant())];
        }
        return [.. ObservationLoader.CsvColumns];
    }

    private static IEnumerable<(string Column, string Value)> Values(Observation o)
    {
        var c = CultureInfo.InvariantCulture;
        yield return ("kind", ObservationKinds.WordOf(o.Kind));
        yield return ("lon", o.Positions[0].Longitude.ToString("0.0000000", c));
        yield return ("lat", o.Positions[0].Latitude.ToString("0.0000000", c));
        yield return ("caption", o.Caption);
        yield return ("photo", o.Photo ?? string.Empty);
        foreach (var aspect in Enum.GetValues<ObservationAspect>())
        {
            byte r = o.Ratings[aspect];
            yield return (AspectRatings.Words[(int)aspect], r == 0 ? string.Empty : r.ToString(c));
        }
        yield return ("group", o.Group ?? string.Empty);
        yield return ("date", o.Date?.ToString("yyyy-MM-dd", c) ?? string.Empty);
    }

    private static JsonObject Feature(Observation o)
    {
        JsonArray Position(Scenarios.LonLat p) => [Math.Round(p.Longitude, 7), Math.Round(p.Latitude, 7)];
        var properties = new JsonObject();
        foreach (var (column, value) in Values(o).Where(v => v.Column is not ("lon" or "lat") && v.Value.Length > 0))
        {
            properties[column] = AspectRatings.Words.Contains(column) ? int.Parse(value, CultureInfo.InvariantCulture) : value;
        }
        return new JsonObject
        {
            ["type"] = "Feature",
            ["geometry"] = o.IsLine
                ? new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray([.. o.Positions.Select(p => (JsonNode)Position(p))]) }
                : new JsonObject { ["type"] = "Point", ["coordinates"] = Position(o.Positions[0]) },
            ["properties"] = properties,
        };
    }
}
