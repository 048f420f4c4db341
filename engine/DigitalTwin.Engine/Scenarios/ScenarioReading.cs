using System.Globalization;
using System.Text.Json;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// One scenario file being read: its path, its line map, every problem found so far, and the inputs it is read under
/// (<see cref="ScenarioInputs.DataRoot"/> resolved). <paramref name="reached"/>: the file was reached through a path
/// in another file (an <c>extends</c>, a sweep's scenario) rather than named by the user, so its problems do not quote
/// its text values: a path must not be a way to print a file.
/// </summary>
internal sealed class FileContext(string file, string displayFile, JsonLineMap lines, List<InputProblem> problems, ScenarioInputs inputs, bool reached)
{
    /// <summary>Absolute path, for resolving relative paths.</summary>
    public string File { get; } = file;

    public string Directory { get; } = Path.GetDirectoryName(file) ?? ".";

    public List<InputProblem> Problems { get; } = problems;

    /// <summary>The inputs the file is read under; <see cref="ScenarioInputs.DataRoot"/> is set, as a real path.</summary>
    public ScenarioInputs Inputs { get; } = inputs;

    public bool Reached { get; } = reached;

    public SourceLocation At(string path) => new(displayFile, path, lines.LineOf(path));

    public void Error(string path, string message, string? suggestion = null) =>
        Problems.Add(At(path).Problem(message, suggestion));

    public string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String when Reached => string.Create(CultureInfo.InvariantCulture, $"a text of {element.GetString()!.Length:N0} characters"),
        // At most 60 characters: a problem names the value, it does not copy a file's content into the terminal.
        JsonValueKind.String => element.GetString() is { Length: > 60 } text ? string.Create(CultureInfo.InvariantCulture, $"the text \"{text[..60]}…\" ({text.Length:N0} characters)") : $"the text \"{element.GetString()}\"",
        JsonValueKind.Number => "the number " + element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };
}

/// <summary>
/// Reads the fields of one JSON object of a known shape (<see cref="ScenarioFormat.Shapes"/>): reports unknown
/// fields with a suggestion when it opens, then type and range problems per field. Every read returns null on
/// a problem (and records it) so the caller carries on and all problems are found in one pass.
/// </summary>
internal sealed class ObjectReader
{
    private readonly FileContext _context;
    private readonly JsonElement _element;
    private readonly IReadOnlySet<string> _fields;

    private ObjectReader(FileContext context, JsonElement element, string path, IReadOnlySet<string> fields)
    {
        _context = context;
        _element = element;
        _fields = fields;
        Path = path;
    }

    public string Path { get; }

    public FileContext Context => _context;

    /// <summary>Where this object is written, for values that keep their origin.</summary>
    public SourceLocation Location => _context.At(Path);

    public static ObjectReader? Open(FileContext context, JsonElement element, string path, string shape) =>
        Open(context, element, path, ScenarioFormat.Shapes[shape]);

    /// <summary>An object of another file format read the same way (a sweep file: <see cref="Sweeps.SweepLoader"/>).</summary>
    public static ObjectReader? Open(FileContext context, JsonElement element, string path, IReadOnlySet<string> fields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Error(path, $"must be an object, got {context.Describe(element)}");
            return null;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string fieldPath = $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                context.Error(fieldPath, "is given twice; keep one");
            }
            else if (!fields.Contains(property.Name))
            {
                string? suggestion = Suggestions.DidYouMean(property.Name, fields)
                    ?? "allowed here: " + string.Join(", ", fields.Order(StringComparer.Ordinal));
                context.Error(fieldPath, $"unknown field '{property.Name}'", suggestion);
            }
        }
        return new ObjectReader(context, element, path, fields);
    }

    public string Child(string name) => $"{Path}.{name}";

    public bool Has(string name) => Get(name) is not null;

    public JsonElement? Get(string name)
    {
        if (!_fields.Contains(name))
        {
            throw new InvalidOperationException($"The loader reads '{name}' at {Path}, which ScenarioFormat does not declare.");
        }
        return _element.TryGetProperty(name, out JsonElement value) ? value : null;
    }

    public void Missing(string name, string what) => _context.Error(Child(name), $"is required: {what}");

    public string? String(string name, bool required = false, string what = "text")
    {
        JsonElement? value = Get(name);
        if (value is null)
        {
            if (required)
            {
                Missing(name, what);
            }
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.String)
        {
            _context.Error(Child(name), $"must be {what}, got {_context.Describe(value.Value)}");
            return null;
        }
        string text = value.Value.GetString()!;
        if (text.Length > MaxTextLength)
        {
            _context.Error(Child(name), string.Create(CultureInfo.InvariantCulture, $"is {text.Length:N0} characters long, more than the {MaxTextLength:N0} any name, description or path needs"),
                "shorten it; a long explanation belongs in a document beside the scenario");
            return null;
        }
        return text;
    }

    /// <summary>
    /// Every text field's limit: the bundled descriptions are about 1,000 characters; a text of megabytes is a mistake,
    /// and would be copied into every output (summary.json, the run file, reports).
    /// </summary>
    public const int MaxTextLength = 10_000;

    /// <summary>
    /// A polygon's or line's limit: a neighbourhood boundary drawn by hand has tens of points and one exported from
    /// OpenStreetMap a few thousand; each point is tested against every street and home of the map.
    /// </summary>
    public const int MaxPoints = 10_000;

    public double? Number(string name, double min, double max, string unit, bool required = false) =>
        NumberAt(_context, Get(name), Child(name), min, max, unit, required);

    public int? Integer(string name, int min, int max, string unit, bool required = false)
    {
        double? value = Number(name, min, max, unit, required);
        if (value is null)
        {
            return null;
        }
        if (value.Value != Math.Floor(value.Value))
        {
            _context.Error(Child(name), $"must be a whole number {Range(min, max, unit)}, got {value.Value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return (int)value.Value;
    }

    public ulong? UnsignedLong(string name)
    {
        JsonElement? value = Get(name);
        if (value is null)
        {
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetUInt64(out ulong result))
        {
            _context.Error(Child(name), $"must be a whole number from 0 to {ulong.MaxValue}, got {_context.Describe(value.Value)}");
            return null;
        }
        return result;
    }

    public bool? Bool(string name)
    {
        JsonElement? value = Get(name);
        if (value is null)
        {
            return null;
        }
        if (value.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            _context.Error(Child(name), $"must be true or false, got {_context.Describe(value.Value)}");
            return null;
        }
        return value.Value.GetBoolean();
    }

    public LonLat? Point(string name, bool required = false)
    {
        JsonElement? value = Get(name);
        if (value is null)
        {
            if (required)
            {
                Missing(name, "a point [longitude, latitude]");
            }
            return null;
        }
        return PointAt(_context, value.Value, Child(name));
    }

    /// <summary>A list of at least <paramref name="minimum"/> points [[lon, lat], ...].</summary>
    public IReadOnlyList<LonLat>? Points(string name, int minimum, bool required = false)
    {
        JsonElement? value = Get(name);
        if (value is null)
        {
            if (required)
            {
                Missing(name, $"a list of at least {minimum} points [longitude, latitude]");
            }
            return null;
        }
        string path = Child(name);
        if (value.Value.ValueKind != JsonValueKind.Array || value.Value.GetArrayLength() < minimum)
        {
            _context.Error(path, $"must be a list of at least {minimum} points [longitude, latitude], got {_context.Describe(value.Value)}");
            return null;
        }
        if (value.Value.GetArrayLength() > MaxPoints)
        {
            _context.Error(path, string.Create(CultureInfo.InvariantCulture, $"has {value.Value.GetArrayLength():N0} points, more than the {MaxPoints:N0} allowed"),
                "simplify the outline (in QGIS: Vector > Geometry Tools > Simplify, a tolerance of a metre or two)");
            return null;
        }
        var points = new List<LonLat>();
        bool ok = true;
        int index = 0;
        foreach (JsonElement item in value.Value.EnumerateArray())
        {
            LonLat? point = PointAt(_context, item, $"{path}[{index++}]");
            ok &= point is not null;
            if (point is not null)
            {
                points.Add(point.Value);
            }
        }
        return ok ? points : null;
    }

    public static double? NumberAt(FileContext context, JsonElement? value, string path, double min, double max, string unit, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                context.Error(path, $"is required: a number {Range(min, max, unit)}");
            }
            return null;
        }
        if (value.Value.ValueKind != JsonValueKind.Number)
        {
            context.Error(path, $"must be a number {Range(min, max, unit)}, got {context.Describe(value.Value)}");
            return null;
        }
        double number = value.Value.GetDouble();
        if (!(number >= min && number <= max))
        {
            context.Error(path, $"must be {Range(min, max, unit)}, got {number.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        return number;
    }

    public static string Range(double min, double max, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"from {min} to {max}{(unit.Length == 0 ? string.Empty : " " + unit)}");

    private static LonLat? PointAt(FileContext context, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 2
            || element[0].ValueKind != JsonValueKind.Number || element[1].ValueKind != JsonValueKind.Number)
        {
            context.Error(path, $"must be a point [longitude, latitude], got {context.Describe(element)}");
            return null;
        }
        double longitude = element[0].GetDouble();
        double latitude = element[1].GetDouble();
        if (longitude is < -180 or > 180 || latitude is < -90 or > 90)
        {
            context.Error(path, string.Create(CultureInfo.InvariantCulture,
                $"must be [longitude, latitude] in degrees (longitude -180..180, latitude -90..90), got [{longitude}, {latitude}]"),
                "the order is longitude first, as in GeoJSON");
            return null;
        }
        return new LonLat(longitude, latitude);
    }
}
