using System.Globalization;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.IO;

/// <summary>
/// The property names of exported GeoJSON (one place, so the exporter and the importer agree), and how exported
/// segment columns are read back over the OSM-tag interpretation.
/// </summary>
internal static class GeoJsonColumns
{
    public const string Layer = "layer";
    public const string OsmWayId = "osm_way_id";
    public const string Segment = "segment";
    public const string Name = "name";
    public const string Highway = "highway";
    public const string LengthMetres = "length_m";
    public const string ModesForward = "modes_forward";
    public const string ModesBackward = "modes_backward";
    public const string PavementWidthMetres = "pavement_width_m";
    public const string CarsPerDay = "cars_per_day";
    public const string SpeedKmh = "speed_kmh";
    public const string Lit = "lit";
    public const string Surface = "surface_quality";
    public const string Frontage = "frontage";
    public const string GreenOrWater = "green_or_water";
    public const string Kind = "kind";
    public const string Capacity = "capacity";
    public const string OffsetMetres = "offset_m";
    public const string OpeningHours = "opening_hours";
    public const string OsmId = "osm_id";
    public const string Dwellings = "dwellings";

    /// <summary>"walk,bike,car" style text for a set of modes ("" for none).</summary>
    public static string ModesText(TravelModes modes)
    {
        var parts = new List<string>(3);
        if ((modes & TravelModes.Walk) != 0)
        {
            parts.Add("walk");
        }
        if ((modes & TravelModes.Bike) != 0)
        {
            parts.Add("bike");
        }
        if ((modes & TravelModes.Car) != 0)
        {
            parts.Add("car");
        }
        return string.Join(',', parts);
    }

    /// <summary>Parses <see cref="ModesText"/>; null when the text names something else.</summary>
    public static TravelModes? ParseModes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TravelModes modes = TravelModes.None;
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part)
            {
                case "walk":
                    modes |= TravelModes.Walk;
                    break;
                case "bike":
                    modes |= TravelModes.Bike;
                    break;
                case "car":
                    modes |= TravelModes.Car;
                    break;
                default:
                    return null;
            }
        }
        return modes;
    }

    /// <summary>Exported columns present on a feature replace the values interpreted from its OSM-like tags.</summary>
    internal static SegmentAttributes ApplyExported(IReadOnlyDictionary<string, string> tags, SegmentAttributes attributes)
    {
        if (tags.TryGetValue(ModesForward, out string? forward) && ParseModes(forward) is { } f)
        {
            attributes.ModesForward = f;
        }
        if (tags.TryGetValue(ModesBackward, out string? backward) && ParseModes(backward) is { } b)
        {
            attributes.ModesBackward = b;
        }
        if (Number(tags, PavementWidthMetres) is { } width)
        {
            attributes.PavementWidthMetres = width;
        }
        if (Number(tags, CarsPerDay) is { } cars)
        {
            attributes.CarVehiclesPerDay = cars;
        }
        if (Number(tags, SpeedKmh) is { } speed)
        {
            attributes.SpeedLimitKmh = speed;
        }
        if (tags.TryGetValue(Surface, out string? surface) && Enum.TryParse(surface, ignoreCase: true, out SurfaceQuality quality))
        {
            attributes.Surface = quality;
        }
        if (tags.TryGetValue(Frontage, out string? frontage) && Enum.TryParse(frontage, ignoreCase: true, out Network.Frontage front))
        {
            attributes.Frontage = front;
        }
        if (tags.TryGetValue(GreenOrWater, out string? green))
        {
            attributes.GreenOrWaterAdjacent = green == "yes";
        }
        return attributes;
    }

    private static float? Number(IReadOnlyDictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out string? text) && float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && value >= 0
            ? value
            : null;
}
