using System.Globalization;
using System.Runtime.InteropServices;

namespace DigitalTwin.Viewer.Maps;

/// <summary>An 8-bit colour, laid out R, G, B, A in memory as OpenGL reads GL_UNSIGNED_BYTE vertex colours.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static Rgba FromHex(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    public Rgba WithAlpha(byte alpha) => this with { A = alpha };

    /// <summary>Largest difference over the three colour channels.</summary>
    public int DistanceTo(Rgba other) => Math.Max(Math.Abs(R - other.R), Math.Max(Math.Abs(G - other.G), Math.Abs(B - other.B)));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");
}
