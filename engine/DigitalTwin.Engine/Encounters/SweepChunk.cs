using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>What the detector sweeps on a day.</summary>
internal readonly record struct EncounterDay(
    StreetNetwork Network, TrajectoryBuffer Trajectories, int SegmentCount, int NodeCount, int PlaceCount);

/// <summary>
/// One chunk of the detector's work (a range of segments, then of nodes and places), run by one thread at a time:
/// turns the day's passages and stays into pieces per segment, node and place, and sweeps them
/// (<see cref="EncounterSweep"/>) into its own fragments. Its scratch is reused from day to day.
/// </summary>
internal sealed class SweepChunk(EncounterParameters parameters, NodePieces nodePieces)
{
    private readonly EncounterSweep _sweep = new(parameters.SocialDistanceMetres);
    private Piece[] _pieces = new Piece[64];

    // Phase 1: how many node pieces this chunk's segments leave at each node; phase 2 turns the counts into this
    // chunk's write positions in the grouped array, so node pieces are written once, straight to their place.
    private int[] _nodeCursor = [];

    // When the day's node pieces are all held, phase 1 keeps each one it cuts (with its node), in the order phase 2
    // would cut them again, so phase 2 only copies them to their place instead of gathering every passage from the
    // day's columns and cutting it a second time.
    private Piece[] _keptPieces = [];
    private int[] _keptNodes = [];
    private int _keptCount;
    private bool _keep;

    /// <summary>What cutting a segment's node pieces is for: counting them (phase 1), or writing a band's (phase 2).</summary>
    private enum NodePieceUse : byte
    {
        Count,
        WriteBand,
    }

    /// <summary>The contacts this chunk found today.</summary>
    public EncounterSweep Sweep => _sweep;

    /// <summary>Node pieces per node (phase 1), then this chunk's next write position per node (phase 2).</summary>
    public int[] NodeCursor => _nodeCursor;

    /// <summary>
    /// Phase 1: sweeps segments [first, last) and counts their node pieces: per node (and kept) when they are all
    /// held, else per segment end, for the bands (see <see cref="NodePieces"/>). Starts the chunk's output.
    /// </summary>
    public void RunSegments(int first, int last, EncounterDay day, bool keepNodePieces)
    {
        _sweep.Start(day.Network);
        _keep = keepNodePieces;
        _keptCount = 0;
        if (_keep)
        {
            if (_nodeCursor.Length < day.NodeCount)
            {
                _nodeCursor = new int[day.NodeCount];
            }
            _nodeCursor.AsSpan(0, day.NodeCount).Clear();
        }
        for (int segment = first; segment < last; segment++)
        {
            int n = FillPieces(segment, day);
            ForEachNodePiece(segment, n, day, NodePieceUse.Count);
            if (n >= 2)
            {
                _sweep.Sweep(_pieces.AsSpan(0, n), SweepKind.Segment, segment);
            }
        }
    }

    /// <summary>Phase 2, all held: copies the node pieces kept in phase 1 to their places, grouped by node.</summary>
    public void WriteNodePieces()
    {
        for (int i = 0; i < _keptCount; i++)
        {
            nodePieces.Put(_nodeCursor[_keptNodes[i]]++, in _keptPieces[i]);
        }
    }

    /// <summary>
    /// Phase 2, by bands: cuts the node pieces of <paramref name="segments"/> again and writes those at nodes of the
    /// band being swept to their segment ends' positions.
    /// </summary>
    public void WriteBandPieces(ReadOnlySpan<int> segments, EncounterDay day)
    {
        foreach (int segment in segments)
        {
            ForEachNodePiece(segment, FillPieces(segment, day), day, NodePieceUse.WriteBand);
        }
    }

    /// <summary>Phase 3: sweeps nodes and places (units [first, last) over nodes then places), adding to the output.</summary>
    public void RunNodesAndPlaces(int first, int last, EncounterDay day)
    {
        for (int unit = first; unit < last; unit++)
        {
            if (unit < day.NodeCount)
            {
                SweepNode(unit);
            }
            else
            {
                SweepPlace(unit - day.NodeCount, day.Trajectories);
            }
        }
    }

    /// <summary>
    /// The segment's passages and stays that take part, as pieces in <c>_pieces</c>; returns how many. Car passages
    /// never take part (Gehl: car occupants take in nothing), nor walking ones where the pavement is too narrow.
    /// </summary>
    private int FillPieces(int segment, EncounterDay day)
    {
        TrajectoryBuffer t = day.Trajectories;
        ReadOnlySpan<int> passages = t.PassagesOnSegment(segment);
        ReadOnlySpan<int> stays = t.StaysOnSegment(segment);
        if (passages.Length + stays.Length == 0)
        {
            return 0;
        }
        EnsurePieces(passages.Length + stays.Length);
        StreetNetwork network = day.Network;
        bool walkersMeet = network.PavementWidthMetres[segment] > parameters.MinimumPavementWidthMetres;
        ReadOnlySpan<TravelModes> modes = t.PassageMode;
        ReadOnlySpan<double> entries = t.PassageEntryTimeSeconds;
        ReadOnlySpan<double> exits = t.PassageExitTimeSeconds;
        ReadOnlySpan<float> offsets = t.PassageEntryOffsetMetres;
        ReadOnlySpan<float> speeds = t.PassageSpeedMetresPerSecond;
        ReadOnlySpan<sbyte> directions = t.PassageDirection;
        ReadOnlySpan<int> residents = t.PassageResident;
        ReadOnlySpan<float> laterals = t.PassageLateralOffsetMetres;
        int n = 0;
        foreach (int p in passages)
        {
            TravelModes mode = modes[p];
            if ((mode & TravelModes.Car) != 0 || (!walkersMeet && (mode & TravelModes.Walk) != 0) || !(exits[p] > entries[p]))
            {
                continue;
            }
            float speed = speeds[p];
            ref Piece piece = ref _pieces[n++];
            piece.Start = entries[p];
            piece.End = exits[p];
            piece.X0 = offsets[p];
            piece.Velocity = directions[p] * speed;
            piece.Lateral = laterals[p];
            piece.Resident = residents[p];
            piece.Place = -1;
            piece.Segment = segment;
            piece.Mode = mode;
            piece.IsStay = false;
        }
        foreach (int s in stays)
        {
            Piece piece = Piece.Stay(t, s, segment);
            if (piece.End > piece.Start)
            {
                _pieces[n++] = piece;
            }
        }
        return n;
    }

    private void ForEachNodePiece(int segment, int n, EncounterDay day, NodePieceUse use)
    {
        StreetNetwork network = day.Network;
        int from = network.SegmentFrom[segment];
        int to = network.SegmentTo[segment];
        bool atFrom = use != NodePieceUse.WriteBand || nodePieces.InBand(from);
        bool atTo = use != NodePieceUse.WriteBand || nodePieces.InBand(to);
        double length = network.LengthMetres[segment];
        double d = parameters.SocialDistanceMetres;
        // A loop's two ends are one node: one count and one cursor, so its pieces there keep their cutting order.
        int fromEnd = segment * 2;
        int toEnd = from == to ? segment * 2 : (segment * 2) + 1;
        for (int i = 0; i < n; i++)
        {
            ref readonly Piece piece = ref _pieces[i];
            if (atFrom && EncounterGeometry.NearStartNode(in piece, d, out Piece atNode))
            {
                AddNodePiece(in atNode, from, fromEnd, use);
            }
            if (atTo && EncounterGeometry.NearEndNode(in piece, length, d, out atNode))
            {
                AddNodePiece(in atNode, to, toEnd, use);
            }
        }
    }

    private void AddNodePiece(in Piece piece, int node, int end, NodePieceUse use)
    {
        if (use == NodePieceUse.WriteBand)
        {
            nodePieces.WriteAtEnd(end, in piece);
        }
        else if (!_keep)
        {
            nodePieces.CountAtEnd(end); // a segment's ends are counted only by the chunk that sweeps the segment
        }
        else
        {
            _nodeCursor[node]++;
            if (_keptCount == _keptPieces.Length)
            {
                int size = Math.Max(1024, _keptCount * 2);
                Array.Resize(ref _keptPieces, size);
                Array.Resize(ref _keptNodes, size);
            }
            _keptPieces[_keptCount] = piece;
            _keptNodes[_keptCount++] = node;
        }
    }

    private void SweepNode(int node)
    {
        if (nodePieces.CountAt(node) >= 2)
        {
            _sweep.Sweep(nodePieces.At(node), SweepKind.Node, node);
        }
    }

    /// <summary>A place's stays, zone by zone: people at one place meet when they share a zone (<see cref="PlaceZones"/>).</summary>
    private void SweepPlace(int place, TrajectoryBuffer t)
    {
        ReadOnlySpan<int> stays = t.StaysAtPlace(place);
        if (stays.Length < 2)
        {
            return;
        }
        EnsurePieces(stays.Length);
        int n = 0;
        foreach (int s in stays)
        {
            Piece piece = Piece.Stay(t, s, -1);
            piece.Zone = t.StayZone[s];
            if (piece.End > piece.Start)
            {
                _pieces[n++] = piece;
            }
        }
        // Sorted by zone first: sweep each zone's run on its own.
        Span<Piece> all = _pieces.AsSpan(0, n);
        all.Sort(PieceOrder.Comparison);
        int from = 0;
        while (from < n)
        {
            int until = from + 1;
            while (until < n && all[until].Zone == all[from].Zone)
            {
                until++;
            }
            _sweep.SweepSorted(all[from..until], SweepKind.Place, place);
            from = until;
        }
    }

    private void EnsurePieces(int count)
    {
        if (_pieces.Length < count)
        {
            _pieces = new Piece[Math.Max(count, _pieces.Length * 2)];
        }
    }
}
