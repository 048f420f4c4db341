using System.Globalization;
using System.Text;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Observations;

public static partial class ObservationLoader
{
    /// <summary>The CSV columns every file must have.</summary>
    public static IReadOnlyList<string> RequiredCsvColumns { get; } = ["kind", "lon", "lat"];

    /// <summary>Every CSV column, in the order a new file is written.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } = ["kind", "lon", "lat", "caption", "photo", .. AspectRatings.Words, "group", "date"];

    /// <summary>
    /// CSV as RFC 4180 writes it (comma-separated, fields with commas, quotes or line breaks in double quotes, a quote
    /// doubled inside them), a header row naming the columns in any order, lines starting with # as comments, blank
    /// lines skipped. Each row is a point at (lon, lat).
    /// </summary>
    private static void ReadCsv(string text, string display, MapArea? area, List<Observation> observations, List<InputProblem> problems)
    {
        string[]? header = null;
        Dictionary<string, int>? columns = null;
        foreach (var (line, fields) in CsvRecords(text))
        {
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }
            if (fields[0].TrimStart().StartsWith('#'))
            {
                continue;
            }
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim().ToLowerInvariant())];
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < header.Length; i++)
                {
                    if (!CsvColumns.Contains(header[i]))
                    {
                        problems.Add(new InputProblem(display, $"line {line}, column {i + 1}", $"unknown column '{fields[i].Trim()}'",
                            (Suggestions.DidYouMean(header[i], CsvColumns) is { } guess ? guess + "; " : string.Empty)
                            + "columns: " + string.Join(", ", CsvColumns)));
                    }
                    else if (!columns.TryAdd(header[i], i))
                    {
                        problems.Add(new InputProblem(display, $"line {line}, column {i + 1}", $"column '{header[i]}' is given twice; keep one"));
                    }
                }
                foreach (string required in RequiredCsvColumns.Where(c => !columns.ContainsKey(c)))
                {
                    problems.Add(new InputProblem(display, $"line {line} (header)", $"the column '{required}' is missing",
                        "the header must name at least kind, lon and lat (lon and lat in WGS84 degrees)"));
                }
                if (problems.Count > 0)
                {
                    return;
                }
                continue;
            }
            if (observations.Count >= MaxObservations)
            {
                problems.Add(new InputProblem(display, $"line {line}", string.Create(CultureInfo.InvariantCulture,
                    $"more than {MaxObservations:N0} observations"), "is this the right file?"));
                return;
            }
            string where = $"line {line}";
            if (fields.Count != header.Length)
            {
                problems.Add(new InputProblem(display, where, $"has {fields.Count} fields, the header {header.Length}",
                    "put a caption with commas in double quotes"));
                continue;
            }
            string? Field(string name) => columns!.TryGetValue(name, out int i) ? fields[i] : null;
            var position = ReadLonLat(Field("lon"), Field("lat"), where, display, problems);
            if (position is null)
            {
                // The other fields are still checked, so one pass names every problem of the row.
                Build(Field, [new LonLat(0, 0)], line, where, display, null, problems);
                continue;
            }
            if (Build(Field, [position.Value], line, where, display, area, problems) is { } observation)
            {
                observations.Add(observation);
            }
        }
        if (header is null)
        {
            problems.Add(new InputProblem(display, string.Empty, "has no header row",
                "the first line that is not a comment names the columns: " + string.Join(",", CsvColumns)));
        }
    }

    private static LonLat? ReadLonLat(string? lon, string? lat, string where, string display, List<InputProblem> problems)
    {
        bool ok = true;
        double Number(string? text, string name)
        {
            if (double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
            {
                return value;
            }
            ok = false;
            problems.Add(new InputProblem(display, $"{where}, {name}", string.IsNullOrWhiteSpace(text) ? "is required" : $"'{text}' is not a number",
                name == "lon" ? "longitude in WGS84 degrees with a decimal point, e.g. 4.3712" : "latitude in WGS84 degrees with a decimal point, e.g. 52.0003"));
            return 0;
        }
        double x = Number(lon, "lon");
        double y = Number(lat, "lat");
        return ok ? new LonLat(x, y) : null;
    }

    /// <summary>The records of a CSV text with the line each starts on (1-based).</summary>
    internal static IEnumerable<(int Line, List<string> Fields)> CsvRecords(string text)
    {
        int line = 1;
        int i = 0;
        while (i < text.Length)
        {
            int start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            bool end = false;
            while (i < text.Length && !end)
            {
                char c = text[i++];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (i < text.Length && text[i] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }
                        field.Append(c);
                    }
                    continue;
                }
                switch (c)
                {
                    case '"' when field.ToString().Trim().Length == 0:
                        field.Clear();
                        quoted = true;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        break;
                    case '\r':
                        break;
                    case '\n':
                        line++;
                        end = true;
                        break;
                    default:
                        field.Append(c);
                        break;
                }
            }
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }

    /// <summary>A field as CSV writes it: quoted when it holds a comma, quote, line break or leading/trailing space.</summary>
    internal static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
