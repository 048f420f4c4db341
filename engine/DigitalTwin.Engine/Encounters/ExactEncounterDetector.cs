using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Finds every pair of residents that comes within social distance during a day, exactly and in continuous time
/// (DESIGN.md "Event-based movement, exact encounters"). A passage is a straight line in (time, position), a stay
/// a constant position, so the time two people spend within distance <c>d</c> is the solution of a linear
/// inequality, solved analytically; there is no time step anywhere.
/// <list type="bullet">
/// <item><b>Same segment</b>: |x_a(t) − x_b(t)| ≤ d (passing, overtaking, alongside, a passer-by and a sitter, two
/// people on the street near each other).</item>
/// <item><b>Different segments that share a node</b>: distance measured along the path through the node,
/// dist_a(node) + dist_b(node) ≤ d. Exact for straight continuation; at a corner the true (Euclidean) distance is
/// shorter, so corner contacts are slightly under-counted (conservative). Contacts across two nodes (through a
/// segment shorter than d) are not seen: keep such slivers out of the network or accept the small miss.</item>
/// <item><b>The same place and zone</b>: co-present whenever the stays overlap (see <see cref="PlaceZones"/>).</item>
/// </list>
/// One contact episode is counted once: the pieces a pair produces on segments, at nodes and at places are sorted
/// by pair and time and joined when they touch or lapse for at most <see cref="EncounterParameters.EpisodeGapSeconds"/>.
/// Two people walking together over three segments are one Alongside encounter, not five.
/// <para>
/// Rules: car passages never take part (Gehl: car occupants take in nothing); a walking passage on a segment whose
/// pavement is at most <see cref="EncounterParameters.MinimumPavementWidthMetres"/> wide takes part in nothing; a
/// resident never meets themselves; two stays at the same place meet through the place rule only (their zones
/// decide), never by distance on the street.
/// </para>
/// <para>
/// Cost: per segment, node and place the intervals are sorted by start time and swept with an active list, which is
/// O(n log n + k) for n intervals and k time-overlapping pairs. Work is split into chunks of segments, nodes and
/// places; each chunk writes into its own reused buffer; the chunks are concatenated in unit order and sorted with
/// a total order, so the output is bit-identical on any thread count. Buffers are kept across days.
/// </para>
/// </summary>
public sealed partial class ExactEncounterDetector
{
    private readonly List<ChunkWorker> _workers = [];
    private Fragment[] _merged = new Fragment[1024];
    private StreetNetwork? _network;

    // Node pieces: the part of each interval within social distance of a segment end, grouped by node.
    private Piece[] _nodePieces = new Piece[1024];
    private int _nodePieceCount;
    private int[] _nodePieceNode = new int[1024];
    private int[] _nodeStart = [0];
    private int[] _nodeOrder = [];

    public ExactEncounterDetector(EncounterParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(parameters.SocialDistanceMetres > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "The social distance must be positive.");
        }
        Parameters = parameters;
    }

    public EncounterParameters Parameters { get; }

    /// <summary>Fragments (contact pieces before joining into episodes) found by the last <see cref="Detect"/>.</summary>
    public int LastFragmentCount { get; private set; }

    /// <summary>
    /// Detects the day's encounters into <paramref name="output"/> (cleared first), sorted by pair (lower resident,
    /// higher resident) and start time. <paramref name="trajectories"/> is grouped here (its <c>Group</c> is called).
    /// </summary>
    /// <param name="network">Segment lengths, end nodes and pavement widths.</param>
    /// <param name="placeCount">Number of places (stays refer to places below this).</param>
    /// <param name="trajectories">The day's passages and stays.</param>
    /// <param name="output">Receives the encounters.</param>
    public void Detect(StreetNetwork network, int placeCount, TrajectoryBuffer trajectories, EncounterBuffer output)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(output);
        output.Clear();
        _network = network;
        int segmentCount = network.SegmentCount;
        int nodeCount = network.NodeCount;
        trajectories.Group(segmentCount, placeCount);
        BuildNodePieces(network, trajectories);

        int unitCount = segmentCount + nodeCount + placeCount;
        int threads = Math.Max(1, Parameters.MaxThreads);
        // Chunk boundaries may depend on the thread count: the concatenation in unit order does not.
        int chunkCount = Math.Max(1, Math.Min(unitCount, threads * 8));
        while (_workers.Count < chunkCount)
        {
            _workers.Add(new ChunkWorker(this));
        }
        var context = new DayContext(network, trajectories, segmentCount, nodeCount, placeCount);
        if (threads == 1 || chunkCount == 1)
        {
            for (int c = 0; c < chunkCount; c++)
            {
                RunChunk(c, chunkCount, unitCount, context);
            }
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
            Parallel.For(0, chunkCount, options, c => RunChunk(c, chunkCount, unitCount, context));
        }

        int total = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            total += _workers[c].FragmentCount;
        }
        if (_merged.Length < total)
        {
            _merged = new Fragment[Math.Max(total, _merged.Length * 2)];
        }
        int at = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            _workers[c].Fragments.CopyTo(_merged.AsSpan(at));
            at += _workers[c].FragmentCount;
        }
        LastFragmentCount = total;
        var fragments = _merged.AsSpan(0, total);
        fragments.Sort(default(FragmentOrder));
        JoinEpisodes(fragments, output);
    }

    private void RunChunk(int chunk, int chunkCount, int unitCount, DayContext context)
    {
        int first = (int)((long)unitCount * chunk / chunkCount);
        int last = (int)((long)unitCount * (chunk + 1) / chunkCount);
        _workers[chunk].Run(first, last, context);
    }

    /// <summary>Joins the sorted fragments of each pair into contact episodes and classifies them.</summary>
    private void JoinEpisodes(ReadOnlySpan<Fragment> fragments, EncounterBuffer output)
    {
        double gap = Parameters.EpisodeGapSeconds;
        double minimum = Parameters.MinimumDurationSeconds;
        int i = 0;
        while (i < fragments.Length)
        {
            ref readonly Fragment head = ref fragments[i];
            ulong pair = head.Pair;
            double start = head.Start;
            double end = head.End;
            int longest = i;
            bool coPresent = head.Kind == FragmentKind.CoPresent;
            bool passingBy = head.Kind == FragmentKind.PassingBy;
            int crowding = head.Crowding;
            int j = i + 1;
            while (j < fragments.Length && fragments[j].Pair == pair && fragments[j].Start <= end + gap)
            {
                ref readonly Fragment next = ref fragments[j];
                end = Math.Max(end, next.End);
                if (next.End - next.Start > fragments[longest].End - fragments[longest].Start)
                {
                    longest = j;
                }
                coPresent |= next.Kind == FragmentKind.CoPresent;
                passingBy |= next.Kind == FragmentKind.PassingBy;
                crowding = Math.Max(crowding, next.Crowding);
                j++;
            }
            double duration = end - start;
            if (duration > 0 && duration >= minimum)
            {
                ref readonly Fragment main = ref fragments[longest];
                EncounterKind kind = coPresent ? EncounterKind.CoPresent
                    : passingBy ? EncounterKind.PassingBy
                    : main.Kind == FragmentKind.Opposite ? EncounterKind.Passing
                    : duration >= Parameters.AlongsideMinimumSeconds ? EncounterKind.Alongside
                    : EncounterKind.Overtaking;
                output.Add(new Encounter
                {
                    ResidentA = PairKeys.Lower(pair),
                    ResidentB = PairKeys.Higher(pair),
                    Kind = kind,
                    StartTimeSeconds = start,
                    DurationSeconds = duration,
                    Segment = main.Segment,
                    Place = main.Place,
                    Node = main.Node,
                    PositionMetres = main.Position,
                    ModeA = main.ModeA,
                    ModeB = main.ModeB,
                    SpeedMetresPerSecond = main.Speed,
                    Crowding = crowding,
                    Weight = main.Weight,
                });
            }
            i = j;
        }
    }

    /// <summary>
    /// Cuts from every eligible interval the part within social distance of each end node and groups the pieces
    /// by node (stable counting sort). Serial and O(n): a small share of the work.
    /// </summary>
    private void BuildNodePieces(StreetNetwork network, TrajectoryBuffer trajectories)
    {
        _nodePieceCount = 0;
        double d = Parameters.SocialDistanceMetres;
        ReadOnlySpan<int> from = network.SegmentFrom;
        ReadOnlySpan<int> to = network.SegmentTo;
        ReadOnlySpan<float> length = network.LengthMetres;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            double segmentLength = length[s];
            foreach (int p in trajectories.PassagesOnSegment(s))
            {
                if (TryMakePassagePiece(network, trajectories, p, out Piece piece))
                {
                    AddNodePieces(piece, s, from[s], to[s], segmentLength, d);
                }
            }
            foreach (int st in trajectories.StaysOnSegment(s))
            {
                AddNodePieces(MakeStayPiece(trajectories, st, s), s, from[s], to[s], segmentLength, d);
            }
        }

        int nodeCount = network.NodeCount;
        if (_nodeStart.Length < nodeCount + 1)
        {
            _nodeStart = new int[nodeCount + 1];
        }
        var counts = _nodeStart.AsSpan(0, nodeCount + 1);
        counts.Clear();
        for (int i = 0; i < _nodePieceCount; i++)
        {
            counts[_nodePieceNode[i] + 1]++;
        }
        for (int n = 0; n < nodeCount; n++)
        {
            counts[n + 1] += counts[n];
        }
        if (_nodeOrder.Length < _nodePieceCount)
        {
            _nodeOrder = new int[Math.Max(_nodePieceCount, _nodeOrder.Length * 2)];
        }
        for (int i = 0; i < _nodePieceCount; i++)
        {
            _nodeOrder[counts[_nodePieceNode[i]]++] = i;
        }
        for (int n = nodeCount; n > 0; n--)
        {
            counts[n] = counts[n - 1];
        }
        counts[0] = 0;
    }

    private void AddNodePieces(in Piece piece, int segment, int fromNode, int toNode, double segmentLength, double d)
    {
        // Distance to the start node is x(t); to the end node, L - x(t). Keep the time window where it is <= d.
        Piece atFrom = piece;
        atFrom.Segment = segment;
        if (ClipToNode(ref atFrom, piece.X0, piece.Velocity, d))
        {
            AddNodePiece(atFrom, fromNode);
        }
        Piece atTo = piece;
        atTo.Segment = segment;
        if (ClipToNode(ref atTo, segmentLength - piece.X0, -piece.Velocity, d))
        {
            AddNodePiece(atTo, toNode);
        }
    }

    private static bool ClipToNode(ref Piece piece, double distanceAtStart, double rate, double d)
    {
        if (!Solve(distanceAtStart, rate, piece.End - piece.Start, d, absolute: false, out double from, out double until))
        {
            return false;
        }
        double start = piece.Start;
        piece.Start = start + from;
        piece.End = until >= piece.End - start ? piece.End : start + until;
        piece.X0 = distanceAtStart + rate * from;
        piece.Velocity = rate;
        return piece.End > piece.Start;
    }

    private void AddNodePiece(in Piece piece, int node)
    {
        if (_nodePieceCount == _nodePieces.Length)
        {
            Array.Resize(ref _nodePieces, _nodePieceCount * 2);
            Array.Resize(ref _nodePieceNode, _nodePieceCount * 2);
        }
        _nodePieces[_nodePieceCount] = piece;
        _nodePieceNode[_nodePieceCount] = node;
        _nodePieceCount++;
    }

    /// <summary>A passage as a piece, or false when it takes part in no encounter (car, no pavement for a walker).</summary>
    private bool TryMakePassagePiece(StreetNetwork network, TrajectoryBuffer t, int index, out Piece piece)
    {
        TravelModes mode = t.PassageMode[index];
        int segment = t.PassageSegment[index];
        if ((mode & TravelModes.Car) != 0
            || ((mode & TravelModes.Walk) != 0 && network.PavementWidthMetres[segment] <= Parameters.MinimumPavementWidthMetres))
        {
            piece = default;
            return false;
        }
        float speed = t.PassageSpeedMetresPerSecond[index];
        piece = new Piece
        {
            Start = t.PassageEntryTimeSeconds[index],
            End = t.PassageExitTimeSeconds[index],
            X0 = t.PassageEntryOffsetMetres[index],
            Velocity = t.PassageDirection[index] * (double)speed,
            Resident = t.PassageResident[index],
            Place = -1,
            Segment = segment,
            Speed = speed,
            Mode = mode,
            Attention = (mode & TravelModes.Bike) != 0 ? (float)Parameters.CyclistAttention : 1f,
        };
        return piece.End > piece.Start;
    }

    private static Piece MakeStayPiece(TrajectoryBuffer t, int index, int segment) => new()
    {
        Start = t.StayStartTimeSeconds[index],
        End = t.StayEndTimeSeconds[index],
        X0 = t.StayOffsetMetres[index],
        Velocity = 0,
        Resident = t.StayResident[index],
        Place = t.StayPlace[index],
        Zone = t.StayZone[index],
        Segment = segment,
        Speed = 0,
        Mode = TravelModes.None,
        IsStay = true,
        Attention = 1f,
    };

    /// <summary>
    /// The times τ in [0, span] with |g0 + w τ| ≤ d (<paramref name="absolute"/>) or g0 + w τ ≤ d, as [from, until].
    /// False when there are none or only a single instant.
    /// </summary>
    internal static bool Solve(double g0, double w, double span, double d, bool absolute, out double from, out double until)
    {
        double low;
        double high;
        if (w == 0)
        {
            bool within = absolute ? Math.Abs(g0) <= d : g0 <= d;
            (low, high) = within ? (0, span) : (1, 0);
        }
        else
        {
            double upper = (d - g0) / w;
            double lower = absolute ? (-d - g0) / w : (w > 0 ? double.NegativeInfinity : double.PositiveInfinity);
            (low, high) = upper < lower ? (upper, lower) : (lower, upper);
        }
        from = Math.Max(low, 0);
        until = Math.Min(high, span);
        return until > from;
    }

    private readonly record struct DayContext(
        StreetNetwork Network, TrajectoryBuffer Trajectories, int SegmentCount, int NodeCount, int PlaceCount);
}
