namespace DigitalTwin.Viewer.Maps;

/// <summary>
/// A colour map as a 255-entry table interpolated linearly between stops. An odd table size puts t = 0.5 on an
/// entry of its own, so a diverging map's centre (no change) is one exact colour.
/// </summary>
public sealed class ColourMap
{
    public const int Entries = 255;

    private readonly Rgba[] _table;

    private ColourMap(string name, uint[] stops)
    {
        Name = name;
        _table = new Rgba[Entries];
        for (int i = 0; i < Entries; i++)
        {
            double position = (double)i / (Entries - 1) * (stops.Length - 1);
            int lower = Math.Min((int)position, stops.Length - 2);
            double f = position - lower;
            Rgba a = Rgba.FromHex(stops[lower]);
            Rgba b = Rgba.FromHex(stops[lower + 1]);
            _table[i] = new Rgba(Mix(a.R, b.R, f), Mix(a.G, b.G, f), Mix(a.B, b.B, f));
        }
    }

    public string Name { get; }

    /// <summary>Matplotlib's viridis (van der Walt and Smith, 2015) at tenths: perceptually uniform, readable by colour-blind people.</summary>
    public static ColourMap Viridis { get; } = new("viridis",
        [0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C, 0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725]);

    /// <summary>Matplotlib's inferno at tenths: for when the background is light.</summary>
    public static ColourMap Inferno { get; } = new("inferno",
        [0x000004, 0x160B39, 0x420A68, 0x6A176E, 0x932667, 0xBC3754, 0xDD513A, 0xF37819, 0xFCA50A, 0xF6D746, 0xFCFFA4]);

    /// <summary>
    /// Blue (fewer) - grey (no change) - orange (more), bright at both ends so that large changes stand out on the
    /// dark background; the grey centre keeps unchanged streets visible but quiet. After ColorBrewer's RdBu, lifted.
    /// </summary>
    public static ColourMap Diverging { get; } = new("blue-grey-orange",
        [0x4FA3FF, 0x3D6E9E, 0x6B6B6B, 0xA8603D, 0xFF7A33]);

    public Rgba Bottom => _table[0];

    public Rgba Top => _table[Entries - 1];

    public Rgba Centre => _table[Entries / 2];

    /// <summary>The colour at t in [0, 1] (clamped).</summary>
    public Rgba At(double t)
    {
        if (double.IsNaN(t))
        {
            return Bottom;
        }
        int index = (int)Math.Round(Math.Clamp(t, 0, 1) * (Entries - 1));
        return _table[index];
    }

    private static byte Mix(byte a, byte b, double f) => (byte)Math.Round(a + ((b - a) * f));
}
