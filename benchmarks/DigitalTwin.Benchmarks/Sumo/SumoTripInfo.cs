using System.Globalization;
using System.Xml;

namespace DigitalTwin.Benchmarks.Sumo;

/// <summary>Means over SUMO's tripinfo output for persons (one walk stage each), read streaming.</summary>
public sealed record SumoTripInfo(int Walks, double MeanDurationSeconds, double MeanRouteMetres, double MeanTimeLossSeconds)
{
    public static SumoTripInfo Read(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { IgnoreComments = true, IgnoreWhitespace = true });
        int walks = 0;
        double duration = 0, route = 0, loss = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "walk")
            {
                walks++;
                duration += Number(reader, "duration");
                route += Number(reader, "routeLength");
                loss += Number(reader, "timeLoss");
            }
        }
        return walks == 0 ? new SumoTripInfo(0, 0, 0, 0) : new SumoTripInfo(walks, duration / walks, route / walks, loss / walks);
    }

    private static double Number(XmlReader reader, string name) =>
        reader.GetAttribute(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : 0;
}
