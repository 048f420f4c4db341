using System.Globalization;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Rendering;

/// <summary>A rectangle in image pixels, top-left origin.</summary>
public readonly record struct PixelRectangle(float X, float Y, float Width, float Height)
{
    public (int X, int Y) Centre => ((int)(X + (Width / 2)), (int)(Y + (Height / 2)));
}

/// <summary>
/// Where things go in a picture of a given size: a title band on top, a legend band at the bottom, the map between.
/// Sizes follow a user-interface scale (1 up to 540 pixels of height, 2 at 1080, ...), so text stays readable.
/// </summary>
public sealed class MapLayout
{
    public MapLayout(int widthPixels, int heightPixels)
    {
        Width = widthPixels;
        Height = heightPixels;
        Scale = Math.Max(1, (int)Math.Round(heightPixels / 540.0));
        TitleScale = Scale + 1;
        Padding = 10 * Scale;
        LineHeight = BitmapFont.CellHeight * Scale;
        TitleBandHeight = Padding + (BitmapFont.CellHeight * TitleScale) + LineHeight + Padding;
        BarHeight = 12 * Scale;
        LegendBandHeight = Padding + LineHeight + BarHeight + (4 * Scale) + LineHeight + (6 * Scale) + LineHeight + Padding;
        // A margin inside the bands, so that the outermost streets (and their width) are not hidden under them.
        MapArea = new PixelRectangle(Padding, TitleBandHeight + Padding, Math.Max(1, widthPixels - (2 * Padding)), Math.Max(1, heightPixels - TitleBandHeight - LegendBandHeight - (2 * Padding)));
    }

    public int Width { get; }

    public int Height { get; }

    public int Scale { get; }

    public int TitleScale { get; }

    public int Padding { get; }

    public int LineHeight { get; }

    public int TitleBandHeight { get; }

    public int LegendBandHeight { get; }

    public int BarHeight { get; }

    public PixelRectangle MapArea { get; }
}

/// <summary>
/// Where the legend's parts were drawn (tests look there): the "none" swatch and colour bar, the scale bar with its
/// label, and every other legend part (texts, swatches, symbols) as its own rectangle.
/// </summary>
public readonly record struct LegendPlacement(PixelRectangle NoneSwatch, PixelRectangle Bar)
{
    public PixelRectangle ScaleBar { get; init; }

    public IReadOnlyList<PixelRectangle> Parts { get; init; } = [];
}

/// <summary>
/// Title, scenario name, legend with units, symbol key, scale bar and north arrow, drawn into the picture with the
/// bitmap font, so a PNG explains itself when it lands in a report or on a table at a residents' evening.
/// </summary>
public static class MapAnnotations
{
    public static Rgba Background { get; } = new(22, 24, 29);

    public static Rgba Text { get; } = new(235, 235, 235);

    public static Rgba QuietText { get; } = new(165, 170, 180);

    public static Rgba Panel { get; } = new(22, 24, 29, 215);

    /// <summary>Preferred length of the scale bar in pixels at scale 1; the bar takes the nearest round distance below.</summary>
    private const float ScaleBarTargetPixels = 120;

    public static LegendPlacement Build(MarkerMesh mesh, MapScene scene, MapCamera camera, MapLayout layout, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(layout);
        int s = layout.Scale;
        float pad = layout.Padding;

        // Labels first: the bands and the notes panel drawn after them cover what reaches under them.
        if (scene.Layer is null)
        {
            MapLabels.Build(mesh, scene.Geometry, camera, layout);
        }
        // Bands behind title and legend, so the map can be panned under them in the window and text stays legible.
        mesh.ScreenRectangle(0, 0, layout.Width, layout.TitleBandHeight, Background);
        mesh.ScreenRectangle(0, layout.Height - layout.LegendBandHeight, layout.Width, layout.LegendBandHeight, Background);

        // The scale bar first: the legend flows left of it, so that the two never run into each other at any size.
        var scaleBar = ScaleBar(mesh, camera, layout);
        var parts = new LegendParts(mesh, layout, scaleBar.X - (2 * pad));
        if (scene.Layer is not null)
        {
            mesh.Text(pad, pad, scene.Layer.Title, layout.TitleScale, Text);
            mesh.Text(pad, pad + (BitmapFont.CellHeight * layout.TitleScale), scene.Layer.Subtitle, s, QuietText);
            NorthArrow(mesh, layout);
            CategoryLegend(parts, scene.Layer, layout);
            // A category map can carry marks of its own (the profile's barrier lines and crossings): their key.
            if (notes is { Count: > 0 })
            {
                Notes(mesh, layout, notes);
            }
            return new LegendPlacement(default, default) { ScaleBar = scaleBar, Parts = parts.Drawn };
        }
        string title = scene.AwaitingResults ? "The streets of " + Name(scene.Run.ScenarioName)
            : scene.ShowDifference ? "Change in " + Lowercase(MapVocabulary.Title(scene.Measure)) : MapVocabulary.Title(scene.Measure);
        mesh.Text(pad, pad, title, layout.TitleScale, Text);
        // The subtitle ends before the north arrow.
        string subtitle = Fitting(layout.Width - (2 * pad) - (24 * s), s,
            scene.AwaitingResults ? "being simulated: the heatmap follows when the run is done" : Subtitle(scene));
        mesh.Text(pad, pad + (BitmapFont.CellHeight * layout.TitleScale), subtitle, s, QuietText);

        NorthArrow(mesh, layout);
        var placement = scene.AwaitingResults ? default : Legend(parts, scene, layout);
        if (notes is { Count: > 0 })
        {
            Notes(mesh, layout, notes);
        }
        return placement with { ScaleBar = scaleBar, Parts = parts.Drawn };
    }

    private static string Subtitle(MapScene scene)
    {
        var c = CultureInfo.InvariantCulture;
        string days = scene.Run.Days == 1 ? "1 simulated day" : string.Create(c, $"average of {scene.Run.Days} simulated days");
        if (scene.ShowDifference && scene.AveragedReplications > 1)
        {
            days = string.Create(c, $"mean of {scene.AveragedReplications} replications of {(scene.Run.Days == 1 ? "1 simulated day" : $"{scene.Run.Days} simulated days")}");
        }
        string who = scene.ShowDifference
            ? $"{Name(scene.Run.ScenarioName)} compared with {Name(scene.Baseline!.ScenarioName)}"
            : Name(scene.Run.ScenarioName);
        string group = scene.ShownGroup == GroupFilter.Everyone ? string.Empty : $"  -  {MapVocabulary.Describe(scene.ShownGroup)} only";
        return $"{who}  -  {MapVocabulary.Describe(scene.Period)}{group}  -  {days}";
    }

    private static string Name(string scenario) => string.IsNullOrWhiteSpace(scenario) ? "unnamed scenario" : scenario;

    private static string Lowercase(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static LegendPlacement Legend(LegendParts parts, MapScene scene, MapLayout layout)
    {
        var mesh = parts.Mesh;
        int s = layout.Scale;
        float pad = layout.Padding;
        float top = layout.Height - layout.LegendBandHeight + pad;
        var map = scene.ColourMap;
        var scale = scene.Scale;
        // A period's map counts only that part of the day: the unit says so, or "per day" would mislead.
        string when = scene.Period == PeriodFilter.WholeDay ? string.Empty : " - counted in the " + MapVocabulary.Describe(scene.Period) + " only";
        string what = MapVocabulary.Unit(scene.Measure) + (scene.ShowDifference ? ", run minus baseline" : string.Empty);
        string shortWhen = scene.Period == PeriodFilter.WholeDay ? string.Empty : " - " + MapVocabulary.Describe(scene.Period) + " only";
        // The longest wording that fits the picture's width: a narrow picture loses the remark on the scale first.
        string unit = Fitting(layout.Width - (2 * pad), s,
            what + when + (scene.ShowDifference ? " (colours on a log scale)" : " (log scale)"), what + when, what + shortWhen);
        parts.Text(pad, top, unit, Text);
        float barTop = top + layout.LineHeight;
        // The labels under the bar share their height with the scale bar's label: the bar ends before it.
        float barWidth = Math.Max(40 * s, Math.Min(Math.Min(420 * s, (layout.Width / 2f) - (2 * pad)), parts.Right - pad));
        float labelsTop = barTop + layout.BarHeight + (4 * s);
        PixelRectangle none;
        PixelRectangle bar;
        if (scene.ShowDifference)
        {
            none = default;
            bar = new PixelRectangle(pad, barTop, barWidth, layout.BarHeight);
            Gradient(mesh, map, bar, 0, 1);
            parts.Add(bar);
            string left = "-" + HeatScale.Format(scale.Upper) + " (fewer)";
            string right = "+" + HeatScale.Format(scale.Upper) + " (more)";
            parts.Text(bar.X, labelsTop, left, Text);
            string centre = "no change";
            parts.Text(bar.X + (bar.Width / 2) - (BitmapFont.MeasureWidth(centre, s) / 2f), labelsTop, centre, Text);
            parts.Text(bar.X + bar.Width - BitmapFont.MeasureWidth(right, s), labelsTop, right, Text);
            // A tick at zero, so "no change" points at its colour.
            mesh.ScreenRectangle(bar.X + (bar.Width / 2) - (s / 2f), barTop - (2 * s), s, layout.BarHeight + (4 * s), Text);
        }
        else
        {
            // "None" gets a swatch of its own: the bottom colour means nobody at all, not "a few".
            float swatch = layout.BarHeight * 2;
            none = new PixelRectangle(pad, barTop, swatch, layout.BarHeight);
            mesh.ScreenRectangle(none.X, none.Y, none.Width, none.Height, map.Bottom);
            parts.Add(none);
            parts.Text(none.X, labelsTop, "none", Text);
            float barLeft = pad + swatch + BitmapFont.MeasureWidth("none", s) - swatch + (14 * s);
            bar = new PixelRectangle(barLeft, barTop, Math.Max(20 * s, barWidth - (barLeft - pad)), layout.BarHeight);
            Gradient(mesh, map, bar, HeatScale.FirstNonZeroPosition, 1);
            parts.Add(bar);
            string low = HeatScale.Format(scale.Lower);
            string mid = HeatScale.Format(scale.ValueAt((1 + HeatScale.FirstNonZeroPosition) / 2));
            string high = HeatScale.Format(scale.Upper) + " or more";
            parts.Text(bar.X, labelsTop, low, Text);
            parts.Text(bar.X + (bar.Width / 2) - (BitmapFont.MeasureWidth(mid, s) / 2f), labelsTop, mid, Text);
            parts.Text(bar.X + bar.Width - BitmapFont.MeasureWidth(high, s), labelsTop, high, Text);
        }
        float keyX = bar.X + bar.Width + (30 * s);
        if (scene.ShowDifference && scene.SignificantSegments is not null)
        {
            keyX = NoiseKey(parts, scene, layout, keyX, barTop);
        }
        MapKey(parts, scene, layout, keyX, barTop);
        SymbolKey(parts, layout, labelsTop + layout.LineHeight + (6 * s), scene);
        return new LegendPlacement(none, bar);
    }

    /// <summary>
    /// The grey of a difference within the noise, on the colour bar's row right of it, saying over how many
    /// replications it was tested; returns where the next key may start.
    /// </summary>
    private static float NoiseKey(LegendParts parts, MapScene scene, MapLayout layout, float x, float top)
    {
        int s = layout.Scale;
        float swatch = layout.BarHeight * 2;
        float textX = x + swatch + (6 * s);
        int n = scene.SignificanceReplications;
        string text = Fitting(layout.Width - layout.Padding - textX, s,
            $"within the noise over {n} replications (all segments tested together, {FalseDiscovery.Rate * 100:0} % false discoveries)",
            $"within the noise over {n} replications",
            $"within noise ({n} runs)");
        parts.Mesh.ScreenRectangle(x, top, swatch, layout.BarHeight, MapScene.NotSignificantColour);
        parts.Add(new PixelRectangle(x, top, swatch, layout.BarHeight));
        return textX + parts.Text(textX, top + ((layout.BarHeight - (BitmapFont.GlyphHeight * s)) / 2), text, Text) + (16 * s);
    }

    /// <summary>
    /// Swatches for the map's background (buildings, water, green) on the colour bar's row, right of it: that row is
    /// above the scale bar, so only the picture's edge limits it.
    /// </summary>
    private static void MapKey(LegendParts parts, MapScene scene, MapLayout layout, float x, float top)
    {
        if (scene.Run.BackgroundKind.Length == 0)
        {
            return;
        }
        int s = layout.Scale;
        float swatch = layout.BarHeight;
        foreach (var (label, kind) in new[] { ("building", (byte)2), ("water", (byte)1), ("green", (byte)0) })
        {
            float width = swatch + (6 * s) + BitmapFont.MeasureWidth(label, s);
            if (x + width > layout.Width - layout.Padding)
            {
                return;
            }
            // A thin light edge: the swatches are as dark as the map's ground, and would vanish against the band.
            parts.Mesh.ScreenRectangle(x - s, top - s, swatch + (2 * s), swatch + (2 * s), QuietText);
            parts.Mesh.ScreenRectangle(x, top, swatch, swatch, MapGeometry.BackgroundColour(kind));
            parts.Add(new PixelRectangle(x - s, top - s, swatch + (2 * s), swatch + (2 * s)));
            x += swatch + (6 * s);
            x += parts.Text(x, top + ((swatch - (BitmapFont.GlyphHeight * s)) / 2), label, Text) + (16 * s);
        }
    }

    /// <summary>The first text that fits the width, else the last cut to fit with "...".</summary>
    internal static string Fitting(float widthPixels, int scale, params string[] candidates)
    {
        foreach (string candidate in candidates)
        {
            if (BitmapFont.MeasureWidth(candidate, scale) <= widthPixels)
            {
                return candidate;
            }
        }
        int characters = Math.Max(0, ((int)widthPixels / (BitmapFont.CellWidth * scale)) - 3);
        return candidates[^1][..Math.Min(characters, candidates[^1].Length)] + "...";
    }

    /// <summary>One swatch and label per category, in rows across the legend band.</summary>
    private static void CategoryLegend(LegendParts parts, CategoryLayer layer, MapLayout layout)
    {
        var mesh = parts.Mesh;
        int s = layout.Scale;
        float pad = layout.Padding;
        float x = pad;
        float y = layout.Height - layout.LegendBandHeight + pad;
        float swatch = layout.BarHeight * 2;
        float right = Math.Min(layout.Width * 0.75f, parts.Right);
        foreach (var (label, colour) in layer.Categories)
        {
            float width = swatch + (6 * s) + BitmapFont.MeasureWidth(label, s) + (18 * s);
            if (x + width > right && x > pad)
            {
                x = pad;
                y += layout.LineHeight + (4 * s);
            }
            mesh.ScreenRectangle(x, y, swatch, layout.BarHeight, colour);
            parts.Add(new PixelRectangle(x, y, swatch, layout.BarHeight));
            parts.Text(x + swatch + (6 * s), y, label, Text);
            x += width;
        }
        SymbolKey(parts, layout, layout.Height - layout.Padding - layout.LineHeight, null);
    }

    private static void Gradient(MarkerMesh mesh, ColourMap map, PixelRectangle bar, double from, double to)
    {
        // Steps at least 3 pixels wide, so that the last step (the top colour) is clearly visible at the bar's end.
        int steps = Math.Max(2, Math.Min(ColourMap.Entries, (int)bar.Width / 3));
        float step = bar.Width / steps;
        for (int i = 0; i < steps; i++)
        {
            double t = from + ((to - from) * i / (steps - 1));
            mesh.ScreenRectangle(bar.X + (i * step), bar.Y, step + 0.5f, bar.Height, map.At(t));
        }
    }

    /// <summary>
    /// The key to the symbols, on the legend's last line: each item only where it fits whole before the scale bar, the
    /// most needed first (places and their heat, benches, homes), the hint about street widths last.
    /// </summary>
    private static void SymbolKey(LegendParts parts, MapLayout layout, float top, MapScene? scene)
    {
        var mesh = parts.Mesh;
        int s = layout.Scale;
        float x = layout.Padding;
        float gap = 16 * s;
        float middle = top + (BitmapFont.GlyphHeight * s / 2f);
        float disc = (MapGeometry.PlaceRadiusPixels + 1.5f) * s;
        string placeText = PlaceKeyText(scene);
        if (!parts.Fits(x, (2 * disc) + (6 * s) + BitmapFont.MeasureWidth(placeText, s)))
        {
            return;
        }
        var fill = scene is { PlaceColours.Length: > 0, PlaceHeat.Length: > 0 } && !(scene.ShowDifference && !scene.PlaceDifference)
            ? scene.ColourMap.At(0.8) : MapGeometry.PlaceColour;
        mesh.Disc(0, 0, x + disc, middle, disc, MapGeometry.PlaceOutline);
        mesh.Disc(0, 0, x + disc, middle, MapGeometry.PlaceRadiusPixels * s, fill);
        parts.Add(new PixelRectangle(x, middle - disc, 2 * disc, 2 * disc));
        x += (2 * disc) + (6 * s);
        x += parts.Text(x, top, placeText, Text) + gap;
        float bench = MapGeometry.BenchSizePixels * s;
        if (!parts.Fits(x, bench + (6 * s) + BitmapFont.MeasureWidth("bench", s)))
        {
            return;
        }
        mesh.ScreenRectangle(x, middle - (bench / 2), bench, bench, scene is { PlaceHeat.Length: > 0 } ? fill : MapGeometry.BenchColour);
        parts.Add(new PixelRectangle(x, middle - (bench / 2), bench, bench));
        x += bench + (6 * s);
        x += parts.Text(x, top, "bench", Text) + gap;
        float home = Math.Max(2, MapGeometry.HomeSizePixels * s);
        if (!parts.Fits(x, home + (6 * s) + BitmapFont.MeasureWidth("home", s)))
        {
            return;
        }
        mesh.ScreenRectangle(x, middle - (home / 2), home, home, MapGeometry.HomeColour);
        parts.Add(new PixelRectangle(x, middle - (home / 2), home, home));
        x += home + (6 * s);
        x += parts.Text(x, top, "home", Text) + gap;
        const string Widths = "street width: carriageway grey, pavements coloured (zoom in)";
        if (parts.Fits(x, BitmapFont.MeasureWidth(Widths, s)))
        {
            parts.Text(x, top, Widths, QuietText);
        }
    }

    /// <summary>What a place symbol means: its kind, and what its fill counts on which scale.</summary>
    private static string PlaceKeyText(MapScene? scene)
    {
        if (scene is null || scene.PlaceHeat.Length == 0)
        {
            return "shop, cafe, school or other place";
        }
        if (scene.ShowDifference && !scene.PlaceDifference)
        {
            return "place (places changed: no difference by place)";
        }
        string unit = PlaceValues.Unit(scene.Measure);
        return scene.PlaceDifference
            ? $"place, fill: change in {unit} there, up to +-{HeatScale.Format(scene.PlaceScale.Upper)}"
            : $"place, fill: {unit} there, {HeatScale.Format(scene.PlaceScale.Lower)} to {HeatScale.Format(scene.PlaceScale.Upper)}";
    }

    /// <summary>Draws the scale bar at the bottom right; returns the rectangle it and its label take.</summary>
    private static PixelRectangle ScaleBar(MarkerMesh mesh, MapCamera camera, MapLayout layout)
    {
        int s = layout.Scale;
        double targetMetres = ScaleBarTargetPixels * s / camera.PixelsPerMetre;
        double nice = NiceBelow(targetMetres);
        float length = (float)(nice * camera.PixelsPerMetre);
        float right = layout.Width - layout.Padding;
        float y = layout.Height - layout.Padding - (4 * s);
        float left = right - length;
        mesh.ScreenRectangle(left, y - (2 * s), length, 2 * s, Text);
        mesh.ScreenRectangle(left, y - (8 * s), 2 * s, 8 * s, Text);
        mesh.ScreenRectangle(right - (2 * s), y - (8 * s), 2 * s, 8 * s, Text);
        string label = nice >= 1000 ? HeatScale.Format(nice / 1000) + " km" : HeatScale.Format(nice) + " m";
        float labelWidth = BitmapFont.MeasureWidth(label, s);
        float labelTop = y - (8 * s) - layout.LineHeight;
        mesh.Text(right - labelWidth, labelTop, label, s, Text);
        float x = Math.Min(left, right - labelWidth);
        return new PixelRectangle(x, labelTop, right - x, y - labelTop);
    }

    /// <summary>The largest of 1, 2, 5 times a power of ten not above the value.</summary>
    internal static double NiceBelow(double value)
    {
        if (value <= 0 || !double.IsFinite(value))
        {
            return 1;
        }
        double power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        double mantissa = value / power;
        return (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * power;
    }

    private static void NorthArrow(MarkerMesh mesh, MapLayout layout)
    {
        int s = layout.Scale;
        float x = layout.Width - layout.Padding - (10 * s);
        float top = layout.Padding;
        float height = layout.TitleBandHeight - (2 * layout.Padding) - layout.LineHeight;
        // Up is north: the map is drawn in a local projection with y to the north and never rotated.
        mesh.Triangle(0, 0, (x, top), (x - (7 * s), top + height), (x, top + (height * 0.75f)), Text);
        mesh.Triangle(0, 0, (x, top), (x + (7 * s), top + height), (x, top + (height * 0.75f)), QuietText);
        mesh.Text(x - (BitmapFont.GlyphWidth * s / 2f), top + height + (2 * s), "N", s, Text);
    }

    private static void Notes(MarkerMesh mesh, MapLayout layout, IReadOnlyList<string> notes)
    {
        int s = layout.Scale;
        int longest = notes.Max(n => n.Length);
        float width = (longest * BitmapFont.CellWidth * s) + (2 * layout.Padding);
        float height = (notes.Count * layout.LineHeight) + (2 * layout.Padding);
        float x = layout.Width - layout.Padding - width;
        float y = layout.TitleBandHeight + layout.Padding;
        mesh.ScreenRectangle(x, y, width, height, Panel);
        for (int i = 0; i < notes.Count; i++)
        {
            mesh.Text(x + layout.Padding, y + layout.Padding + (i * layout.LineHeight), notes[i], s, i == 0 ? Text : QuietText);
        }
    }
}

/// <summary>The legend's drawn rectangles, and the right edge it must stay left of (the scale bar's side).</summary>
internal sealed class LegendParts(MarkerMesh mesh, MapLayout layout, float right)
{
    private readonly List<PixelRectangle> _drawn = [];

    public MarkerMesh Mesh { get; } = mesh;

    public float Right { get; } = right;

    public IReadOnlyList<PixelRectangle> Drawn => _drawn;

    public bool Fits(float x, float width) => x + width <= Right;

    public void Add(PixelRectangle rectangle) => _drawn.Add(rectangle);

    /// <summary>Text at the legend's scale; its rectangle is recorded (glyph height, without the line's spacing).</summary>
    public float Text(float x, float y, string text, Rgba colour)
    {
        float width = Mesh.Text(x, y, text, layout.Scale, colour);
        _drawn.Add(new PixelRectangle(x, y, width, BitmapFont.GlyphHeight * layout.Scale));
        return width;
    }
}
