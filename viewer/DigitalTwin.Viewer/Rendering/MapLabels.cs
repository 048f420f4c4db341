using System.Text;
using DigitalTwin.Engine.Places;
using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Rendering;

/// <summary>
/// Street names along their streets and places labelled by kind, chosen anew for every view: longer streets first, then places,
/// a name only where its street's longest straight piece on screen is longer than the name, and no label over another
/// or over the title and legend bands. Text is the bitmap font at the picture's interface scale, on a dark plate so it
/// reads over any heat colour.
/// </summary>
public static class MapLabels
{
    /// <summary>
    /// Place kinds are labelled from this zoom on, after the street names: zoomed out, a neighbourhood's places are a few
    /// pixels apart and their labels would bury the streets; the symbol key and a click say what a place is there.
    /// </summary>
    public const double PlaceLabelsFromPixelsPerMetre = 1.0;

    /// <summary>
    /// At most this many labels a view: beyond it a map is text, not streets, and each costs the frame (in the
    /// 100k-segment city, 160 labels against 60 cost 50 against 43 ms a frame). Delft-Wippolder fitted at 1400 x 900 shows about 30.
    /// </summary>
    public const int MaximumLabels = 60;

    public static Rgba LabelText { get; } = new(235, 235, 235);

    public static Rgba PlaceLabelText { get; } = new(200, 205, 215);

    public static Rgba Plate { get; } = new(16, 18, 22, 190);

    /// <summary>Adds the labels that fit to the mesh (screen coordinates); returns their rectangles (tests look at them).</summary>
    public static List<PixelRectangle> Build(MarkerMesh mesh, MapGeometry geometry, MapCamera camera, MapLayout layout)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(layout);
        var placed = new List<PixelRectangle>();
        int s = layout.Scale;
        float top = layout.TitleBandHeight, bottom = layout.Height - layout.LegendBandHeight;
        var run = geometry.Run;
        // Names one step smaller than the legend's text where the interface is scaled up: a 5 x 9 font at 1-2 pixels a
        // dot stays readable on screen and in print, and twice as many streets get their name.
        int nameScale = Math.Max(1, s - 1);
        foreach (var street in geometry.StreetLabels)
        {
            if (placed.Count >= MaximumLabels)
            {
                break;
            }
            var (ax, ay) = camera.WorldToPixel(street.AX, street.AY);
            var (bx, by) = camera.WorldToPixel(street.BX, street.BY);
            double length = Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay)));
            string name = street.Name;
            float width = BitmapFont.MeasureWidth(name, nameScale);
            if (length < width + (2 * BitmapFont.CellWidth * nameScale))
            {
                continue;
            }
            double angle = Math.Atan2(by - ay, bx - ax);
            // Read left to right: a street drawn right to left gets its name turned half a turn.
            if (angle > Math.PI / 2)
            {
                angle -= Math.PI;
            }
            else if (angle <= -Math.PI / 2)
            {
                angle += Math.PI;
            }
            float halfWidth = (width / 2) + nameScale, halfHeight = (BitmapFont.GlyphHeight * nameScale / 2f) + nameScale;
            float cos = (float)Math.Cos(angle), sin = (float)Math.Sin(angle);
            // Beside the street, not on it: the street's colour is the map's message. Half a wide street (10 m) or
            // the narrowest drawn street away from the centre line, on the upper side.
            float streetHalf = (float)Math.Max(MapRenderer.MinimumStreetWidthPixels * s / 2, 10 * camera.PixelsPerMetre);
            float offset = streetHalf + halfHeight + s;
            float extentX = (Math.Abs(cos) * halfWidth) + (Math.Abs(sin) * halfHeight);
            float extentY = (Math.Abs(sin) * halfWidth) + (Math.Abs(cos) * halfHeight);
            float mx = (float)((ax + bx) / 2), my = (float)((ay + by) / 2);
            // The upper side first, the lower side where the upper is taken (or under the title band).
            float cx = mx + (sin * offset), cy = my - (cos * offset);
            var box = new PixelRectangle(cx - extentX, cy - extentY, 2 * extentX, 2 * extentY);
            if (!Free(box, placed, layout.Width, top, bottom))
            {
                cx = mx - (sin * offset);
                cy = my + (cos * offset);
                box = new PixelRectangle(cx - extentX, cy - extentY, 2 * extentX, 2 * extentY);
                if (!Free(box, placed, layout.Width, top, bottom))
                {
                    continue;
                }
            }
            RotatedRectangle(mesh, cx, cy, -halfWidth, -halfHeight, 2 * halfWidth, 2 * halfHeight, cos, sin, Plate);
            RotatedText(mesh, cx, cy, name, nameScale, cos, sin, LabelText);
            placed.Add(box);
        }
        if (camera.PixelsPerMetre >= PlaceLabelsFromPixelsPerMetre)
        {
            for (int p = 0; p < run.PlaceCount && placed.Count < MaximumLabels; p++)
            {
                var kind = (PlaceKind)run.PlaceKind[p];
                if (kind == PlaceKind.Bench)
                {
                    continue;
                }
                var (px, py) = camera.WorldToPixel(run.PlaceX[p], run.PlaceY[p]);
                if (px < 0 || px >= layout.Width || py < top || py >= bottom)
                {
                    continue;
                }
                string text = KindLabels[(int)kind];
                float width = BitmapFont.MeasureWidth(text, s);
                float height = BitmapFont.GlyphHeight * s;
                // To the right of the symbol, centred on it.
                var box = new PixelRectangle((float)px + ((MapGeometry.PlaceRadiusPixels + 4) * s), (float)py - (height / 2) - s, width + (2 * s), height + (2 * s));
                if (Free(box, placed, layout.Width, top, bottom))
                {
                    mesh.ScreenRectangle(box.X, box.Y, box.Width, box.Height, Plate);
                    mesh.Text(box.X + s, box.Y + s, text, s, PlaceLabelText);
                    placed.Add(box);
                }
            }
        }
        return placed;
    }

    private static readonly string[] KindLabels = [.. Enum.GetValues<PlaceKind>().OrderBy(k => (int)k).Select(KindWords)];

    /// <summary>A place kind in words: TransitStop as "transit stop".</summary>
    public static string KindWords(PlaceKind kind)
    {
        string pascal = kind.ToString();
        var words = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                words.Append(' ');
            }
            words.Append(char.ToLowerInvariant(pascal[i]));
        }
        return words.ToString();
    }

    private static bool Free(PixelRectangle box, List<PixelRectangle> placed, int width, float top, float bottom)
    {
        if (box.X < 0 || box.X + box.Width > width || box.Y < top || box.Y + box.Height > bottom)
        {
            return false;
        }
        foreach (var other in placed)
        {
            if (box.X < other.X + other.Width && other.X < box.X + box.Width && box.Y < other.Y + other.Height && other.Y < box.Y + box.Height)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Text centred on (cx, cy) and turned by the angle whose cosine and sine are given.</summary>
    private static void RotatedText(MarkerMesh mesh, float cx, float cy, string text, int scale, float cos, float sin, Rgba colour)
    {
        string printable = BitmapFont.Printable(text);
        float left = -BitmapFont.MeasureWidth(printable, scale) / 2f;
        float top = -BitmapFont.GlyphHeight * scale / 2f;
        for (int i = 0; i < printable.Length; i++)
        {
            char c = printable[i];
            float glyphLeft = left + (i * BitmapFont.CellWidth * scale);
            for (int row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                int column = 0;
                while (column < BitmapFont.GlyphWidth)
                {
                    if (!BitmapFont.IsSet(c, column, row))
                    {
                        column++;
                        continue;
                    }
                    int start = column;
                    while (column < BitmapFont.GlyphWidth && BitmapFont.IsSet(c, column, row))
                    {
                        column++;
                    }
                    RotatedRectangle(mesh, cx, cy, glyphLeft + (start * scale), top + (row * scale), (column - start) * scale, scale, cos, sin, colour);
                }
            }
        }
    }

    private static void RotatedRectangle(MarkerMesh mesh, float cx, float cy, float x, float y, float width, float height, float cos, float sin, Rgba colour)
    {
        (float X, float Y) Turn(float px, float py) => (cx + (px * cos) - (py * sin), cy + (px * sin) + (py * cos));
        var a = Turn(x, y);
        var b = Turn(x + width, y);
        var c = Turn(x + width, y + height);
        var d = Turn(x, y + height);
        mesh.Triangle(0, 0, a, b, c, colour);
        mesh.Triangle(0, 0, a, c, d, colour);
    }
}
