using System.Globalization;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Observations;

/// <summary>
/// Reads a residents' observations file (docs/observations.md): CSV (.csv, points) or GeoJSON (.geojson or .json,
/// Point and LineString features). Every bad row or feature is reported, each naming the file, the row or feature,
/// the field and what is allowed, instead of stopping at the first. Pure: reads the file, prints nothing.
/// </summary>
public static partial class ObservationLoader
{
    /// <summary>A session's observations are a few hundred rows; far more is the wrong file, and is not read to the end.</summary>
    public const long MaxFileBytes = 16L << 20;

    /// <summary>More observations than a neighbourhood's residents could make in many sessions: a sign of the wrong file.</summary>
    public const int MaxObservations = 100_000;

    /// <summary>A caption is a sentence or a short paragraph; longer text belongs in the session's notes.</summary>
    public const int MaxCaptionLength = 1000;

    /// <summary>Longest photo file name or resident group.</summary>
    public const int MaxShortTextLength = 200;

    /// <summary>A line drawn on a neighbourhood map has a handful of points; thousands is a traced track, not an observation.</summary>
    public const int MaxLinePositions = 1000;

    /// <summary>The file formats read, by extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".geojson", ".json"];

    /// <summary>The fields every observation may have besides its position, as CSV columns and GeoJSON properties.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["kind", "caption", "photo", .. AspectRatings.Words, "group", "date"];

    /// <summary>
    /// Loads and checks an observations file. <paramref name="displayPath"/> is the name used in messages (the path
    /// as the user wrote it); <paramref name="area"/>, when given, is the map's area, and positions outside it are
    /// problems (with a hint when longitude and latitude look swapped).
    /// </summary>
    public static InputResult<ObservationSet> Load(string path, string? displayPath = null, MapArea? area = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string display = displayPath ?? path;
        string full = Path.GetFullPath(path);
        if (!Extensions.Any(e => full.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return InputResult<ObservationSet>.Failure(new InputProblem(display, string.Empty,
                "is not an observations format", "use .csv (lon,lat columns) or .geojson (Point and LineString features)"));
        }
        if (!File.Exists(full))
        {
            return InputResult<ObservationSet>.Failure(new InputProblem(display, string.Empty, "observations file not found"));
        }
        byte[]? bytes;
        try
        {
            bytes = BoundedFile.ReadAllBytes(full, MaxFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputResult<ObservationSet>.Failure(new InputProblem(display, string.Empty, "cannot be read: " + e.Message));
        }
        if (bytes is null)
        {
            return InputResult<ObservationSet>.Failure(new InputProblem(display, string.Empty,
                $"is larger than {BoundedFile.Describe(MaxFileBytes)}; an observations file is a few hundred rows (is this the right file?)"));
        }
        return Parse(bytes, full, display, area);
    }

    /// <summary>Parses the bytes of an observations file; <paramref name="fullPath"/> chooses the format by its extension.</summary>
    public static InputResult<ObservationSet> Parse(ReadOnlySpan<byte> bytes, string fullPath, string display, MapArea? area = null)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        if (ScenarioLoader.EncodingProblem(bytes) is { } encoding)
        {
            return InputResult<ObservationSet>.Failure(new InputProblem(display, string.Empty, encoding));
        }
        var problems = new List<InputProblem>();
        var observations = new List<Observation>();
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        if (fullPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ReadCsv(text, display, area, observations, problems);
        }
        else
        {
            ReadGeoJson(bytes, display, area, observations, problems);
        }
        if (problems.Count > 0)
        {
            return InputResult<ObservationSet>.Failure(problems);
        }
        return InputResult<ObservationSet>.Success(new ObservationSet(fullPath, observations));
    }

    /// <summary>
    /// What one row or feature gives, as text, before it is checked; shared by both formats so the rules and the
    /// messages are the same. Returns null with the problems added when anything is wrong.
    /// </summary>
    private static Observation? Build(Func<string, string?> field, IReadOnlyList<LonLat> positions, int number, string where,
        string display, MapArea? area, List<InputProblem> problems)
    {
        int before = problems.Count;
        void Problem(string name, string message, string? suggestion = null) =>
            problems.Add(new InputProblem(display, $"{where}, {name}", message, suggestion));

        ObservationKind? kind = null;
        string? kindText = field("kind");
        if (string.IsNullOrWhiteSpace(kindText))
        {
            Problem("kind", "is required", "one of " + string.Join(", ", ObservationKinds.Words));
        }
        else if ((kind = ObservationKinds.Parse(kindText)) is null)
        {
            Problem("kind", $"'{kindText}' is not a kind of observation",
                (Suggestions.DidYouMean(kindText.Trim(), [.. ObservationKinds.Words]) is { } guess ? guess + "; " : string.Empty)
                + "one of " + string.Join(", ", ObservationKinds.Words));
        }
        for (int i = 0; i < positions.Count; i++)
        {
            CheckPosition(positions[i], positions.Count == 1 ? "position" : $"position {i + 1}", area, Problem);
        }
        var ratings = AspectRatings.None;
        foreach (var aspect in Enum.GetValues<ObservationAspect>())
        {
            string name = AspectRatings.Words[(int)aspect];
            string? value = field(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int rating)
                || rating < AspectRatings.Lowest || rating > AspectRatings.Highest)
            {
                Problem(name, $"'{value}' is not a rating", "a whole number from 1 (very poor) to 5 (very good), 3 neutral, or empty when not rated");
                continue;
            }
            ratings = ratings.With(aspect, (byte)rating);
        }
        string caption = field("caption")?.Trim() ?? string.Empty;
        if (caption.Length > MaxCaptionLength)
        {
            Problem("caption", $"is {caption.Length} characters long", $"at most {MaxCaptionLength}");
        }
        string? photo = Short("photo");
        if (photo is not null && (photo.Contains('/', StringComparison.Ordinal) && Path.IsPathRooted(photo)))
        {
            Problem("photo", "must be a file name relative to the observations file, not an absolute path");
        }
        string? group = Short("group");
        DateOnly? date = null;
        string? dateText = field("date");
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            if (DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                Problem("date", $"'{dateText}' is not a date", "write it as YYYY-MM-DD, e.g. 2025-06-14");
            }
        }
        if (problems.Count > before || kind is null)
        {
            return null;
        }
        return new Observation
        {
            Kind = kind.Value,
            Positions = positions,
            Caption = caption,
            Photo = photo,
            Ratings = ratings,
            Group = group,
            Date = date,
            SourceNumber = number,
        };

        string? Short(string name)
        {
            string? value = field(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }
            if (value.Length > MaxShortTextLength)
            {
                Problem(name, $"is {value.Length} characters long", $"at most {MaxShortTextLength}");
            }
            return value;
        }
    }

    private static void CheckPosition(LonLat p, string name, MapArea? area, Action<string, string, string?> problem)
    {
        if (!double.IsFinite(p.Longitude) || !double.IsFinite(p.Latitude) || Math.Abs(p.Longitude) > 180 || Math.Abs(p.Latitude) > 90)
        {
            problem(name, string.Create(CultureInfo.InvariantCulture, $"({p.Longitude}, {p.Latitude}) is not a longitude, latitude"),
                "WGS84 degrees: longitude -180 to 180, latitude -90 to 90");
            return;
        }
        if (area is { } a && !a.Contains(p))
        {
            bool swapped = a.Contains(new LonLat(p.Latitude, p.Longitude));
            problem(name, string.Create(CultureInfo.InvariantCulture,
                $"({p.Longitude}, {p.Latitude}) lies outside the map ({a})"),
                swapped ? "longitude and latitude look swapped: longitude comes first" : "positions are longitude, latitude in WGS84 degrees");
        }
    }
}

/// <summary>A map's area in WGS84 degrees, with a margin: observations must lie inside it.</summary>
public readonly record struct MapArea(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    /// <summary>
    /// The area of a network's nodes, widened by <paramref name="marginMetres"/> (a resident may mark the far side of
    /// the last mapped street).
    /// </summary>
    public static MapArea Of(Network.StreetNetwork network, double marginMetres = ScenarioValidator.MaxPointDistanceMetres)
    {
        ArgumentNullException.ThrowIfNull(network);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int n = 0; n < network.NodeCount; n++)
        {
            minX = Math.Min(minX, network.NodeX[n]);
            minY = Math.Min(minY, network.NodeY[n]);
            maxX = Math.Max(maxX, network.NodeX[n]);
            maxY = Math.Max(maxY, network.NodeY[n]);
        }
        var (west, south) = network.GeoReference.Unproject(minX - marginMetres, minY - marginMetres);
        var (east, north) = network.GeoReference.Unproject(maxX + marginMetres, maxY + marginMetres);
        return new MapArea(west, south, east, north);
    }

    public bool Contains(LonLat p) =>
        p.Longitude >= MinLongitude && p.Longitude <= MaxLongitude && p.Latitude >= MinLatitude && p.Latitude <= MaxLatitude;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"longitude {MinLongitude:0.####} to {MaxLongitude:0.####}, latitude {MinLatitude:0.####} to {MaxLatitude:0.####}");
}
