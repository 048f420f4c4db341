using System.Globalization;
using System.Xml;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Benchmarks.Sumo;

/// <summary>
/// Counts encounters in a SUMO fcd (trajectory) file with the engine's rule (<see cref="ExactEncounterDetector"/>):
/// two walkers within the social distance along the same segment, or on two segments (or a junction's walking area)
/// around a shared node with their distances to the node adding up to at most the social distance; contacts of a
/// pair that lapse for at most the episode gap (plus one sample step) are one encounter. Streaming: one time step
/// in memory at a time (XmlReader), so a multi-GB file is fine. Positions are SUMO's, sampled every step.
/// </summary>
public sealed class FcdEncounterCounter
{
    private readonly StreetNetwork _network;
    private readonly double _distance;
    private readonly double _joinSeconds;
    private readonly Dictionary<string, int> _personIndex = new(StringComparer.Ordinal);
    private readonly List<int> _personResident = [];
    private readonly List<(double First, double Last)> _personSeen = [];
    private readonly Dictionary<ulong, (double Last, int Segment, bool NodeOnly)> _episodes = [];
    private readonly HashSet<long> _personOnSegment = [];
    private readonly List<Sample> _samples = [];
    private readonly List<NodePiece> _pieces = [];
    private double _time;

    public FcdEncounterCounter(StreetNetwork network, EncounterParameters parameters, double stepSeconds)
    {
        _network = network;
        _distance = parameters.SocialDistanceMetres;
        _joinSeconds = parameters.EpisodeGapSeconds + stepSeconds;
        EncountersPerSegment = new long[network.SegmentCount];
        PedestriansPerSegment = new int[network.SegmentCount];
    }

    public long Encounters { get; private set; }

    /// <summary>Encounters by the segment of their first contact (a junction-only contact: -1, not counted here).</summary>
    public long[] EncountersPerSegment { get; }

    /// <summary>Distinct SUMO persons seen on each segment.</summary>
    public int[] PedestriansPerSegment { get; }

    public long Steps { get; private set; }

    public long Records { get; private set; }

    public int Persons => _personIndex.Count;

    /// <summary>Encounters in contact only across a node (or on a junction's walking area), never along one segment.</summary>
    public long NodeEncounters { get; private set; }

    /// <summary>Mean time from a person's first to last sample (s): SUMO's trip duration, to set beside the engine's.</summary>
    public double MeanTripSeconds => _personSeen.Count == 0 ? 0 : _personSeen.Average(p => p.Last - p.First);

    public void Read(string fcdPath)
    {
        using var reader = XmlReader.Create(fcdPath, new XmlReaderSettings { IgnoreComments = true, IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Ignore });
        double time = double.NaN;
        _time = time;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.Name == "timestep")
            {
                Step(time);
                time = double.Parse(reader.GetAttribute("time")!, CultureInfo.InvariantCulture);
                _time = time;
            }
            else if (reader.Name == "person")
            {
                Add(reader);
            }
        }
        Step(time);
    }

    private void Add(XmlReader reader)
    {
        Records++;
        string id = reader.GetAttribute("id")!;
        if (!_personIndex.TryGetValue(id, out int person))
        {
            person = _personIndex.Count;
            _personIndex[id] = person;
            _personResident.Add(int.Parse(id.AsSpan(1, id.IndexOf('_', StringComparison.Ordinal) - 1), CultureInfo.InvariantCulture));
            _personSeen.Add((_time, _time));
        }
        _personSeen[person] = (_personSeen[person].First, _time);
        string edge = reader.GetAttribute("edge")!;
        double x = double.Parse(reader.GetAttribute("x")!, CultureInfo.InvariantCulture);
        double y = double.Parse(reader.GetAttribute("y")!, CultureInfo.InvariantCulture);
        if (edge.StartsWith(':'))
        {
            // A junction's walking area or crossing, ":<node>_w0": the distance to the node is the Euclidean one.
            int node = int.Parse(edge.AsSpan(1, edge.LastIndexOf('_') - 1), CultureInfo.InvariantCulture);
            double toNode = Math.Sqrt(Square(x - _network.NodeX[node]) + Square(y - _network.NodeY[node]));
            _samples.Add(new Sample(person, -1, node, 0, (float)toNode));
            return;
        }
        int segment = int.Parse(edge.AsSpan(1), CultureInfo.InvariantCulture);
        float pos = float.Parse(reader.GetAttribute("pos")!, CultureInfo.InvariantCulture);
        _samples.Add(new Sample(person, segment, -1, pos, 0));
        if (_personOnSegment.Add(((long)segment << 32) | (uint)person))
        {
            PedestriansPerSegment[segment]++;
        }
    }

    private void Step(double time)
    {
        if (double.IsNaN(time) || _samples.Count == 0)
        {
            _samples.Clear();
            return;
        }
        Steps++;
        var samples = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_samples);
        samples.Sort(static (a, b) => a.Segment != b.Segment ? a.Segment.CompareTo(b.Segment) : a.Pos.CompareTo(b.Pos));
        _pieces.Clear();
        for (int i = 0; i < samples.Length; i++)
        {
            ref readonly var a = ref samples[i];
            if (a.Segment < 0)
            {
                if (a.ToNode <= _distance)
                {
                    _pieces.Add(new NodePiece(a.Node, a.ToNode, a.Person, -1));
                }
                continue;
            }
            // Same segment: the samples are sorted by position, so the partners are the next few.
            for (int j = i + 1; j < samples.Length && samples[j].Segment == a.Segment && samples[j].Pos - a.Pos <= _distance; j++)
            {
                Contact(a.Person, samples[j].Person, a.Segment, time, atNode: false);
            }
            double length = _network.LengthMetres[a.Segment];
            if (a.Pos <= _distance)
            {
                _pieces.Add(new NodePiece(_network.SegmentFrom[a.Segment], a.Pos, a.Person, a.Segment));
            }
            if (length - a.Pos <= _distance)
            {
                _pieces.Add(new NodePiece(_network.SegmentTo[a.Segment], (float)Math.Max(0, length - a.Pos), a.Person, a.Segment));
            }
        }
        // Across a node: distances to the node add up to at most the social distance (pairs on one segment done above).
        var pieces = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pieces);
        pieces.Sort(static (a, b) => a.Node != b.Node ? a.Node.CompareTo(b.Node) : a.ToNode.CompareTo(b.ToNode));
        for (int i = 0; i < pieces.Length; i++)
        {
            for (int j = i + 1; j < pieces.Length && pieces[j].Node == pieces[i].Node && pieces[i].ToNode + pieces[j].ToNode <= _distance; j++)
            {
                if (pieces[i].Segment >= 0 && pieces[i].Segment == pieces[j].Segment)
                {
                    continue;
                }
                Contact(pieces[i].Person, pieces[j].Person, pieces[i].Segment >= 0 ? pieces[i].Segment : pieces[j].Segment, time, atNode: true);
            }
        }
        _samples.Clear();
    }

    private void Contact(int personA, int personB, int segment, double time, bool atNode)
    {
        int a = _personResident[personA], b = _personResident[personB];
        if (a == b)
        {
            return;
        }
        ulong key = PairKeys.Of(a, b);
        if (_episodes.TryGetValue(key, out var episode) && time - episode.Last <= _joinSeconds)
        {
            if (episode.NodeOnly && !atNode)
            {
                NodeEncounters--;
            }
            _episodes[key] = (time, episode.Segment >= 0 ? episode.Segment : segment, episode.NodeOnly && atNode);
            return;
        }
        _episodes[key] = (time, segment, atNode);
        Encounters++;
        NodeEncounters += atNode ? 1 : 0;
        if (segment >= 0)
        {
            EncountersPerSegment[segment]++;
        }
    }

    private static double Square(double v) => v * v;

    private readonly record struct Sample(int Person, int Segment, int Node, float Pos, float ToNode);

    private readonly record struct NodePiece(int Node, float ToNode, int Person, int Segment);
}
