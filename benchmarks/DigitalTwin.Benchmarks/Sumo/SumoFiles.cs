using System.Globalization;
using System.Xml;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Benchmarks.Sumo;

/// <summary>
/// Writes the engine's network as SUMO plain XML (nodes and edges, netconvert's input) and walking trips as SUMO
/// persons. Every street segment becomes one pedestrian-only edge of the segment's pavement width and the engine's
/// length: SUMO's pedestrians walk a sidewalk in both directions, as the engine's do, and at a junction step onto the
/// next edge or cross the walking area netconvert builds there (<see cref="SumoJunctionModel"/>). Node i is "i", segment i is "s{i}", so SUMO's ids map back by parsing.
/// </summary>
public static class SumoFiles
{
    /// <summary>
    /// A pavement narrower than this is written at this width: SUMO's striping model needs room for at least two
    /// stripes (0.65 m each by default) or nobody can pass anybody; 1.5 m is a narrow Dutch stoep.
    /// </summary>
    public const double MinimumSidewalkWidthMetres = 1.5;

    private static readonly XmlWriterSettings Settings = new() { Indent = true };

    public static void WriteNodes(StreetNetwork network, string path)
    {
        using var xml = XmlWriter.Create(path, Settings);
        xml.WriteStartElement("nodes");
        for (int n = 0; n < network.NodeCount; n++)
        {
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", n.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("x", F(network.NodeX[n]));
            xml.WriteAttributeString("y", F(network.NodeY[n]));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    public static void WriteEdges(StreetNetwork network, string path)
    {
        using var xml = XmlWriter.Create(path, Settings);
        xml.WriteStartElement("edges");
        for (int s = 0; s < network.SegmentCount; s++)
        {
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("id", $"s{s}");
            xml.WriteAttributeString("from", network.SegmentFrom[s].ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("to", network.SegmentTo[s].ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("numLanes", "1");
            xml.WriteAttributeString("allow", "pedestrian");
            xml.WriteAttributeString("speed", "13.89");
            xml.WriteAttributeString("width", F(Math.Max(MinimumSidewalkWidthMetres, network.PavementWidthMetres[s])));
            xml.WriteAttributeString("length", F(Math.Max(0.1, network.LengthMetres[s])));
            var (x, y) = network.Geometry(new SegmentId(s));
            if (x.Length > 2)
            {
                var points = new string[x.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    points[i] = F(x.Span[i]) + "," + F(y.Span[i]);
                }
                xml.WriteAttributeString("shape", string.Join(' ', points));
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>Persons in order of departure (SUMO insists), each with one walk stage along explicit edges.</summary>
    public static void WritePersons(IReadOnlyList<WalkingTrip> trips, TrajectoryBuffer day, string path, bool speedNoise)
    {
        using var xml = XmlWriter.Create(path, Settings);
        xml.WriteStartElement("routes");
        if (!speedNoise)
        {
            // The default pedestrian type without its random speed factor: each walker keeps the engine's own speed.
            xml.WriteStartElement("vType");
            xml.WriteAttributeString("id", "DEFAULT_PEDTYPE");
            xml.WriteAttributeString("vClass", "pedestrian");
            xml.WriteAttributeString("speedDev", "0");
            xml.WriteEndElement();
        }
        var edges = new List<string>();
        foreach (var trip in trips)
        {
            xml.WriteStartElement("person");
            xml.WriteAttributeString("id", trip.SumoId);
            xml.WriteAttributeString("depart", F(trip.DepartSeconds));
            xml.WriteAttributeString("departPos", F(trip.DepartPosMetres));
            xml.WriteStartElement("walk");
            edges.Clear();
            foreach (int i in trip.Passages)
            {
                edges.Add($"s{day.PassageSegment[i]}");
            }
            xml.WriteAttributeString("edges", string.Join(' ', edges));
            xml.WriteAttributeString("speed", F(trip.SpeedMetresPerSecond));
            xml.WriteAttributeString("arrivalPos", F(trip.ArrivalPosMetres));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
