using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Rendering;

/// <summary>An 8-bit RGBA picture, rows from the top.</summary>
public sealed class RgbaImage
{
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != width * height * 4)
        {
            throw new ArgumentException("pixel array does not match the size", nameof(pixels));
        }
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public Rgba this[int x, int y]
    {
        get
        {
            int i = ((y * Width) + x) * 4;
            return new Rgba(Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
        }
    }

    /// <summary>From OpenGL's read-back order (first row at the bottom) to image order.</summary>
    public static RgbaImage FromBottomUp(int width, int height, byte[] bottomUp)
    {
        ArgumentNullException.ThrowIfNull(bottomUp);
        var pixels = new byte[bottomUp.Length];
        int row = width * 4;
        for (int y = 0; y < height; y++)
        {
            Array.Copy(bottomUp, (height - 1 - y) * row, pixels, y * row, row);
        }
        return new RgbaImage(width, height, pixels);
    }
}
