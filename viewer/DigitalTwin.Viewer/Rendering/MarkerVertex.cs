using System.Runtime.InteropServices;
using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Rendering;

/// <summary>
/// A vertex of anything drawn at a fixed size in pixels: a symbol anchored to a world point (places, homes, replay
/// dots) or, with a zero anchor and the screen transform, text and legend parts. Pixel offsets grow downwards.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct MarkerVertex(float AnchorX, float AnchorY, float OffsetX, float OffsetY, Rgba Colour)
{
    public const int Floats = 4;
    public const int SizeBytes = (Floats * sizeof(float)) + 4;
}

/// <summary>A growable list of marker vertices (triangles), reused frame to frame without allocating.</summary>
public sealed class MarkerMesh
{
    /// <summary>Sides of the polygon that stands for a circle: round enough at the sizes symbols are drawn.</summary>
    private const int CircleSides = 16;

    private MarkerVertex[] _vertices = new MarkerVertex[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<MarkerVertex> Vertices => _vertices.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(in MarkerVertex vertex)
    {
        if (Count == _vertices.Length)
        {
            Array.Resize(ref _vertices, _vertices.Length * 2);
        }
        _vertices[Count++] = vertex;
    }

    /// <summary>A rectangle in pixels (x right, y down) about an anchor.</summary>
    public void Rectangle(float anchorX, float anchorY, float x, float y, float width, float height, Rgba colour)
    {
        Add(new MarkerVertex(anchorX, anchorY, x, y, colour));
        Add(new MarkerVertex(anchorX, anchorY, x + width, y, colour));
        Add(new MarkerVertex(anchorX, anchorY, x + width, y + height, colour));
        Add(new MarkerVertex(anchorX, anchorY, x, y, colour));
        Add(new MarkerVertex(anchorX, anchorY, x + width, y + height, colour));
        Add(new MarkerVertex(anchorX, anchorY, x, y + height, colour));
    }

    public void ScreenRectangle(float x, float y, float width, float height, Rgba colour) => Rectangle(0, 0, x, y, width, height, colour);

    public void Triangle(float anchorX, float anchorY, (float X, float Y) a, (float X, float Y) b, (float X, float Y) c, Rgba colour)
    {
        Add(new MarkerVertex(anchorX, anchorY, a.X, a.Y, colour));
        Add(new MarkerVertex(anchorX, anchorY, b.X, b.Y, colour));
        Add(new MarkerVertex(anchorX, anchorY, c.X, c.Y, colour));
    }

    /// <summary>A filled disc of a radius in pixels about an anchor (plus an offset).</summary>
    public void Disc(float anchorX, float anchorY, float centreX, float centreY, float radius, Rgba colour)
    {
        for (int i = 0; i < CircleSides; i++)
        {
            double a0 = 2 * Math.PI * i / CircleSides;
            double a1 = 2 * Math.PI * (i + 1) / CircleSides;
            Triangle(anchorX, anchorY, (centreX, centreY),
                (centreX + (radius * (float)Math.Cos(a0)), centreY + (radius * (float)Math.Sin(a0))),
                (centreX + (radius * (float)Math.Cos(a1)), centreY + (radius * (float)Math.Sin(a1))), colour);
        }
    }

    /// <summary>Text with its top-left corner at (x, y) pixels; returns its width in pixels.</summary>
    public float Text(float x, float y, string text, int scale, Rgba colour)
    {
        ArgumentNullException.ThrowIfNull(text);
        string printable = BitmapFont.Printable(text);
        for (int i = 0; i < printable.Length; i++)
        {
            char c = printable[i];
            float left = x + (i * BitmapFont.CellWidth * scale);
            for (int row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                // Runs of set pixels in a row become one rectangle: fewer triangles than one per pixel.
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
                    ScreenRectangle(left + (start * scale), y + (row * scale), (column - start) * scale, scale, colour);
                }
            }
        }
        return printable.Length * BitmapFont.CellWidth * scale;
    }
}
