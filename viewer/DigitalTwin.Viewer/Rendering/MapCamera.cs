namespace DigitalTwin.Viewer.Rendering;

/// <summary>
/// Which part of the map is on screen: a centre in projected metres (x east, y north) and a zoom in pixels per
/// metre. Pixel coordinates start top-left and grow right and down, as in the image.
/// </summary>
public sealed class MapCamera
{
    public double CentreX { get; set; }

    public double CentreY { get; set; }

    public double PixelsPerMetre { get; set; } = 1;

    public int WidthPixels { get; set; } = 1;

    public int HeightPixels { get; set; } = 1;

    /// <summary>Shows the bounds whole and centred in the given pixel rectangle.</summary>
    public void Fit(Bounds world, (float X, float Y, float Width, float Height) rectangle, int widthPixels, int heightPixels)
    {
        WidthPixels = widthPixels;
        HeightPixels = heightPixels;
        double w = Math.Max(world.Width, 1);
        double h = Math.Max(world.Height, 1);
        PixelsPerMetre = Math.Min(rectangle.Width / w, rectangle.Height / h);
        // Centre the world box on the rectangle's centre: the camera centre is the world point at the image centre.
        double rectangleCentreX = rectangle.X + (rectangle.Width / 2.0);
        double rectangleCentreY = rectangle.Y + (rectangle.Height / 2.0);
        CentreX = world.CentreX - ((rectangleCentreX - (widthPixels / 2.0)) / PixelsPerMetre);
        CentreY = world.CentreY + ((rectangleCentreY - (heightPixels / 2.0)) / PixelsPerMetre);
    }

    public (double X, double Y) WorldToPixel(double x, double y) =>
        (((x - CentreX) * PixelsPerMetre) + (WidthPixels / 2.0), (HeightPixels / 2.0) - ((y - CentreY) * PixelsPerMetre));

    public (double X, double Y) PixelToWorld(double px, double py) =>
        (CentreX + ((px - (WidthPixels / 2.0)) / PixelsPerMetre), CentreY - ((py - (HeightPixels / 2.0)) / PixelsPerMetre));

    /// <summary>Zooms by a factor keeping the world point under the pixel where it is (zoom towards the mouse).</summary>
    public void ZoomAt(double px, double py, double factor)
    {
        var (wx, wy) = PixelToWorld(px, py);
        PixelsPerMetre = Math.Clamp(PixelsPerMetre * factor, 1e-4, 200);
        var (nx, ny) = PixelToWorld(px, py);
        CentreX += wx - nx;
        CentreY += wy - ny;
    }

    /// <summary>Moves the map with the mouse: a drag of (dx, dy) pixels.</summary>
    public void Pan(double dxPixels, double dyPixels)
    {
        CentreX -= dxPixels / PixelsPerMetre;
        CentreY += dyPixels / PixelsPerMetre;
    }

    /// <summary>The shader's world-to-pixel transform: pixel = world * scale + offset (per axis).</summary>
    internal (float ScaleX, float ScaleY, float OffsetX, float OffsetY) Transform() =>
        ((float)PixelsPerMetre, (float)-PixelsPerMetre,
         (float)((WidthPixels / 2.0) - (CentreX * PixelsPerMetre)), (float)((HeightPixels / 2.0) + (CentreY * PixelsPerMetre)));
}

/// <summary>An axis-aligned box in projected metres.</summary>
public readonly record struct Bounds(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Width => MaxX - MinX;

    public double Height => MaxY - MinY;

    public double CentreX => (MinX + MaxX) / 2;

    public double CentreY => (MinY + MaxY) / 2;
}
