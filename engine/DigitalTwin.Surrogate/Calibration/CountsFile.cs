using System.Globalization;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Surrogate.Calibration;

/// <summary>The mode a count counts, as the twin's passages record it.</summary>
public enum CountMode
{
    Walk,
    Bike,
    Car,
}

/// <summary>
/// One observed count: a site (a street by OSM way id, or one segment), an hour of the day (0-23) or the whole day,
/// a mode, and the mean count per day over the days counted. <see cref="Segments"/> and <see cref="Weights"/> say
/// where the twin counts it: a way's segments weighted by length (a counter stands at one point of the way, so the
/// count is the passages at a point, the length-weighted mean over the way's segments), or the one segment.
/// </summary>
public sealed record ObservedCount(int Line, string Site, long? OsmWayId, int? Segment, int? Hour, CountMode Mode, double Count, IReadOnlyList<int> Segments, IReadOnlyList<double> Weights)
{
    /// <summary>The site, period and mode in a few words, for tables and charts.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture,
        $"{Site} {(Hour is { } h ? $"{h:00}h" : "day")} {Mode.ToString().ToLowerInvariant()}");
}

/// <summary>
/// Reads a counts file (docs/counts.md): CSV with a header row, columns in any order, lines starting with # and
/// blank lines skipped. Columns: <c>site</c>, <c>osmWayId</c> or <c>segment</c> (one of the two per row), <c>hour</c>
/// (optional: 0-23, empty for a whole-day count), <c>mode</c> (walk, bike or car) and <c>count</c> (mean per day or
/// per that hour of the day, 0 or more). Every problem of the file comes back at once, naming file, line and column.
/// </summary>
public static class CountsFile
{
    public static IReadOnlyList<string> Columns { get; } = ["site", "osmWayId", "segment", "hour", "mode", "count"];

    public static InputResult<IReadOnlyList<ObservedCount>> Read(string path, StreetNetwork network)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(network);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputResult<IReadOnlyList<ObservedCount>>.Failure(new InputProblem(path, string.Empty, $"cannot read the counts file: {e.Message}", "check the path given to --counts"));
        }
        var problems = new List<InputProblem>();
        var counts = new List<ObservedCount>();
        var ways = WaySegments(network);
        Dictionary<string, int>? columns = null;
        var seen = new Dictionary<(string, int?, CountMode), int>();
        for (int l = 0; l < lines.Length; l++)
        {
            int line = l + 1;
            string text = lines[l];
            if (text.Trim().Length == 0 || text.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var fields = Split(text);
            if (columns is null)
            {
                columns = Header(path, line, fields, problems);
                if (problems.Count > 0)
                {
                    return InputResult<IReadOnlyList<ObservedCount>>.Failure(problems);
                }
                continue;
            }
            if (fields.Count != columns.Count)
            {
                problems.Add(new InputProblem(path, $"line {line}", $"has {fields.Count} fields, the header {columns.Count}", "put a site name with commas in double quotes"));
                continue;
            }
            string Field(string name) => columns.TryGetValue(name, out int i) ? fields[i].Trim() : string.Empty;
            if (Row(path, line, Field, network, ways, problems) is { } count)
            {
                if (seen.TryGetValue((count.Site, count.Hour, count.Mode), out int first))
                {
                    problems.Add(new InputProblem(path, $"line {line}", $"repeats the count of line {first} (same site, hour and mode)", "keep one row per site, hour and mode"));
                    continue;
                }
                seen[(count.Site, count.Hour, count.Mode)] = line;
                counts.Add(count);
            }
        }
        if (columns is null)
        {
            problems.Add(new InputProblem(path, string.Empty, "has no header row", "the first line that is not a comment names the columns: site,osmWayId,hour,mode,count"));
        }
        else if (counts.Count == 0 && problems.Count == 0)
        {
            problems.Add(new InputProblem(path, string.Empty, "has no counts", "add one row per site, hour (or day) and mode"));
        }
        return problems.Count > 0 ? InputResult<IReadOnlyList<ObservedCount>>.Failure(problems) : InputResult<IReadOnlyList<ObservedCount>>.Success(counts);
    }

    private static Dictionary<string, int> Header(string path, int line, IReadOnlyList<string> fields, List<InputProblem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            string name = fields[i].Trim();
            string? known = Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add(new InputProblem(path, $"line {line}, column {i + 1}", $"unknown column '{name}'",
                    "columns: " + string.Join(", ", Columns)));
            }
            else if (!columns.TryAdd(known, i))
            {
                problems.Add(new InputProblem(path, $"line {line}, column {i + 1}", $"column '{known}' is given twice; keep one"));
            }
        }
        foreach (string required in new[] { "site", "mode", "count" }.Where(c => !columns.ContainsKey(c)))
        {
            problems.Add(new InputProblem(path, $"line {line} (header)", $"the column '{required}' is missing", "the header names site, osmWayId or segment, hour (optional), mode and count"));
        }
        if (!columns.ContainsKey("osmWayId") && !columns.ContainsKey("segment"))
        {
            problems.Add(new InputProblem(path, $"line {line} (header)", "has neither an 'osmWayId' nor a 'segment' column", "say where each count was made: the street's OSM way id, or a segment index from segments-hourly.csv of twin run"));
        }
        return columns;
    }

    private static ObservedCount? Row(string path, int line, Func<string, string> field, StreetNetwork network, Dictionary<long, List<int>> ways, List<InputProblem> problems)
    {
        var c = CultureInfo.InvariantCulture;
        int before = problems.Count;
        string site = field("site");
        if (site.Length == 0)
        {
            problems.Add(new InputProblem(path, $"line {line}, column site", "is empty", "name the count site (a counter's name or number)"));
        }
        string wayText = field("osmWayId"), segmentText = field("segment");
        long? way = null;
        int? segment = null;
        IReadOnlyList<int> segments = [];
        IReadOnlyList<double> weights = [];
        if ((wayText.Length == 0) == (segmentText.Length == 0))
        {
            problems.Add(new InputProblem(path, $"line {line}, column osmWayId", "give either osmWayId or segment on each row, not both and not neither"));
        }
        else if (wayText.Length > 0)
        {
            if (!long.TryParse(wayText, NumberStyles.Integer, c, out long id))
            {
                problems.Add(new InputProblem(path, $"line {line}, column osmWayId", $"'{wayText}' is not a whole number", "the number of an OSM way, as in openstreetmap.org/way/NUMBER"));
            }
            else if (!ways.TryGetValue(id, out var ofWay))
            {
                problems.Add(new InputProblem(path, $"line {line}, column osmWayId", $"way {id} is not a street of the scenario's map",
                    "check the id on openstreetmap.org, or that the map covers the site; segments-hourly.csv of twin run lists every way id"));
            }
            else
            {
                way = id;
                segments = ofWay;
                double total = ofWay.Sum(s => (double)network.LengthMetres[s]);
                weights = [.. ofWay.Select(s => total > 0 ? network.LengthMetres[s] / total : 1.0 / ofWay.Count)];
            }
        }
        else if (!int.TryParse(segmentText, NumberStyles.Integer, c, out int index) || index < 0 || index >= network.SegmentCount)
        {
            problems.Add(new InputProblem(path, $"line {line}, column segment", string.Create(c, $"'{segmentText}' is not a segment of the map (0 to {network.SegmentCount - 1})"),
                "segments-hourly.csv of twin run lists the segments with their way ids"));
        }
        else
        {
            segment = index;
            segments = [index];
            weights = [1.0];
        }
        int? hour = null;
        string hourText = field("hour");
        if (hourText.Length > 0)
        {
            if (int.TryParse(hourText, NumberStyles.Integer, c, out int h) && h is >= 0 and <= 23)
            {
                hour = h;
            }
            else
            {
                problems.Add(new InputProblem(path, $"line {line}, column hour", $"'{hourText}' is not an hour 0-23", "leave it empty for a whole-day count"));
            }
        }
        string modeText = field("mode");
        CountMode mode = default;
        switch (modeText.ToLowerInvariant())
        {
            case "walk": mode = CountMode.Walk; break;
            case "bike": mode = CountMode.Bike; break;
            case "car": mode = CountMode.Car; break;
            default:
                problems.Add(new InputProblem(path, $"line {line}, column mode", $"'{modeText}' is not a mode", "walk, bike or car"));
                break;
        }
        string countText = field("count");
        if (!double.TryParse(countText, NumberStyles.Float, c, out double count) || !double.IsFinite(count))
        {
            problems.Add(new InputProblem(path, $"line {line}, column count", $"'{countText}' is not a number", "the mean count per day (or per that hour of the day)"));
        }
        else if (count < 0)
        {
            problems.Add(new InputProblem(path, $"line {line}, column count", string.Create(c, $"{count} is negative"), "a count is 0 or more"));
        }
        return problems.Count > before ? null : new ObservedCount(line, site, way, segment, hour, mode, count, segments, weights);
    }

    /// <summary>Each OSM way's segments, in segment order.</summary>
    private static Dictionary<long, List<int>> WaySegments(StreetNetwork network)
    {
        var ways = new Dictionary<long, List<int>>();
        var ids = network.OsmWayId;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            if (!ways.TryGetValue(ids[s], out var list))
            {
                ways[ids[s]] = list = [];
            }
            list.Add(s);
        }
        return ways;
    }

    /// <summary>One CSV line as RFC 4180 splits it: commas, fields in double quotes with "" for a quote.</summary>
    internal static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
