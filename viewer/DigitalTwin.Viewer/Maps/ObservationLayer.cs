using System.Globalization;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Observations;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Maps;

/// <summary>
/// Residents' observations drawn beside the simulated heat: each point a disc in its kind's colour with a dark rim,
/// each line a dotted line of the same, and a key listing the kinds shown. Positions are projected once into the
/// run's metres (the run's centre is the map's projection centre).
/// </summary>
public sealed class ObservationLayer
{
    /// <summary>Marker radius in pixels at scale 1: larger than a place symbol, so a pin on a café is seen as the resident's.</summary>
    private const float PointRadiusPixels = 6;

    private const float LineDotRadiusPixels = 2.5f;

    /// <summary>Spacing of a line's dots along the street, in metres.</summary>
    private const double LineDotSpacingMetres = 6;

    private static readonly Rgba Rim = new(15, 16, 20);

    private readonly GeoReference _geo;
    private readonly List<(ObservationKind Kind, (double X, double Y)[] Points)> _marks = [];

    public ObservationLayer(IEnumerable<Observation> observations, GeoReference geo)
    {
        ArgumentNullException.ThrowIfNull(observations);
        _geo = geo;
        foreach (var o in observations)
        {
            Add(o);
        }
    }

    public int Count => _marks.Count;

    /// <summary>The map's projection as the run stores it: observations are projected about the same centre.</summary>
    public static GeoReference GeoReferenceOf(Engine.IO.RunFile run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new GeoReference(run.CentreLongitude, run.CentreLatitude);
    }

    /// <summary>The run's streets' area in degrees, with the validator's margin: observations must lie inside it.</summary>
    public static MapArea AreaOf(MapScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var geo = GeoReferenceOf(scene.Run);
        var b = scene.Geometry.Bounds;
        double margin = Engine.Scenarios.ScenarioValidator.MaxPointDistanceMetres;
        var (west, south) = geo.Unproject(b.MinX - margin, b.MinY - margin);
        var (east, north) = geo.Unproject(b.MaxX + margin, b.MaxY + margin);
        return new MapArea(west, south, east, north);
    }

    /// <summary>Loads an observations file for a scene's map; the problems (file, line or feature, field) when it cannot.</summary>
    public static Engine.InputResult<ObservationLayer> Load(string path, MapScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var loaded = ObservationLoader.Load(path, path, AreaOf(scene));
        return loaded.Succeeded
            ? Engine.InputResult<ObservationLayer>.Success(new ObservationLayer(loaded.Unwrap().Observations, GeoReferenceOf(scene.Run)))
            : Engine.InputResult<ObservationLayer>.Failure(loaded.Problems);
    }

    /// <summary>Adds an observation (a pin just dropped) to what is drawn.</summary>
    public void Add(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _marks.Add((observation.Kind, [.. observation.Positions.Select(p => _geo.Project(p.Longitude, p.Latitude))]));
    }

    /// <summary>
    /// One colour per kind, none of them on the heat scales (viridis: purple to yellow; the difference map: blue, grey,
    /// orange) nor the selection's magenta: green is valued, red unsafe, white a barrier.
    /// </summary>
    public static Rgba ColourOf(ObservationKind kind) => kind switch
    {
        ObservationKind.Photo => new Rgba(120, 200, 255),
        ObservationKind.ValuedPlace => new Rgba(60, 220, 110),
        ObservationKind.MeetingSpot => new Rgba(255, 150, 30),
        ObservationKind.Unsafe => new Rgba(235, 40, 40),
        ObservationKind.Barrier => new Rgba(250, 250, 250),
        ObservationKind.MissingBench => new Rgba(190, 140, 80),
        _ => new Rgba(255, 235, 120),
    };

    /// <summary>
    /// A pin placed but not saved yet (its comment is being typed): its kind's disc inside a white ring, so the
    /// participant sees where it will go and that it is not saved.
    /// </summary>
    public void BuildPending(MarkerMesh dots, int scale, ObservationKind kind, double longitude, double latitude)
    {
        ArgumentNullException.ThrowIfNull(dots);
        var (x, y) = _geo.Project(longitude, latitude);
        dots.Disc((float)x, (float)y, 0, 0, (PointRadiusPixels + 4f) * scale, new Rgba(255, 255, 255));
        dots.Disc((float)x, (float)y, 0, 0, (PointRadiusPixels + 2f) * scale, Rim);
        dots.Disc((float)x, (float)y, 0, 0, PointRadiusPixels * scale, ColourOf(kind));
    }

    /// <summary>Adds the markers, anchored to the map, to <paramref name="dots"/>.</summary>
    public void BuildMarkers(MarkerMesh dots, int scale)
    {
        ArgumentNullException.ThrowIfNull(dots);
        foreach (var (kind, points) in _marks)
        {
            var colour = ColourOf(kind);
            if (points.Length == 1)
            {
                var (x, y) = points[0];
                dots.Disc((float)x, (float)y, 0, 0, (PointRadiusPixels + 1.5f) * scale, Rim);
                dots.Disc((float)x, (float)y, 0, 0, PointRadiusPixels * scale, colour);
                continue;
            }
            for (int i = 0; i + 1 < points.Length; i++)
            {
                var (ax, ay) = points[i];
                var (bx, by) = points[i + 1];
                double length = Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay)));
                int steps = Math.Max(1, (int)(length / LineDotSpacingMetres));
                for (int k = 0; k <= steps; k++)
                {
                    float x = (float)(ax + ((bx - ax) * k / steps)), y = (float)(ay + ((by - ay) * k / steps));
                    dots.Disc(x, y, 0, 0, (LineDotRadiusPixels + 1) * scale, Rim);
                    dots.Disc(x, y, 0, 0, LineDotRadiusPixels * scale, colour);
                }
            }
        }
    }

    /// <summary>The key: a panel at the top left of the map with the kinds shown, their colours and how many.</summary>
    public void BuildLegend(MarkerMesh overlay, MapLayout layout, string? status = null)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        ArgumentNullException.ThrowIfNull(layout);
        var c = CultureInfo.InvariantCulture;
        var lines = new List<(ObservationKind? Kind, string Text)> { (null, string.Create(c, $"residents' observations: {Count}")) };
        foreach (var (kind, word, _) in ObservationKinds.All)
        {
            int n = _marks.Count(m => m.Kind == kind);
            if (n > 0)
            {
                lines.Add((kind, string.Create(c, $"{word} ({n})")));
            }
        }
        if (status is not null)
        {
            lines.Add((null, status));
        }
        int s = layout.Scale;
        float pad = layout.Padding;
        float swatch = layout.LineHeight;
        float width = (lines.Max(l => l.Text.Length) * BitmapFont.CellWidth * s) + swatch + (3 * pad);
        float height = (lines.Count * layout.LineHeight) + (2 * pad);
        float x = pad, y = layout.TitleBandHeight + pad;
        overlay.ScreenRectangle(x, y, width, height, MapAnnotations.Panel);
        for (int i = 0; i < lines.Count; i++)
        {
            float top = y + pad + (i * layout.LineHeight);
            if (lines[i].Kind is { } kind)
            {
                overlay.Disc(0, 0, x + pad + (swatch / 2), top + (swatch / 2) - s, PointRadiusPixels * s * 0.8f, ColourOf(kind));
            }
            overlay.Text(x + (2 * pad) + swatch, top, lines[i].Text, s, i == 0 ? MapAnnotations.Text : MapAnnotations.QuietText);
        }
    }
}
