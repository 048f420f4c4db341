using System.Runtime.CompilerServices;
using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// The node pieces of a day, grouped by node: the part of each passage or stay within social distance of a segment
/// end, as a piece at that node (see <see cref="EncounterGeometry.NearStartNode"/>); node n's pieces are
/// [Start(n), Start(n + 1)) of one array. A neighbourhood's day holds all of them at once, cut in phase 1 and copied to
/// their places. A city's cannot (two a passage: 4.5 GB at a million residents), so its nodes are taken in bands of
/// consecutive numbers holding about a given number of bytes: phase 1 only counts the pieces per segment end, and per
/// band the segments with an end in it cut their pieces again, each written straight to its place (per segment end a
/// position worked out in segment order, the order the pieces have when all are cut at once). Either way a node's
/// pieces come in the same order, so its sweep gives the same fragments.
/// </summary>
internal sealed class NodePieces
{
    private Piece[] _pieces = new Piece[1024];
    private int[] _start = [0];

    // Bands: pieces cut per segment end (2 s + e; a loop's both at 2 s) in phase 1, per node its pieces then its next
    // write position, per end the position of its next piece, and the band's nodes and segments.
    private int[] _endCount = [];
    private int[] _endCursor = [];
    private int[] _nodeFill = [];
    private int[] _bandSegments = [];
    private int _bandSegmentCount;
    private int _bandFirst;
    private int _bandCount;

    /// <summary>Bytes of the pieces' buffer (given back once the nodes are swept on a run's last day).</summary>
    public long Bytes => (long)_pieces.Length * Unsafe.SizeOf<Piece>();

    /// <summary>Bytes a node piece takes while all are held: itself and its count.</summary>
    public static int BytesPerPiece => Unsafe.SizeOf<Piece>() + sizeof(int);

    /// <summary>Bytes a node piece takes in a band's buffer.</summary>
    public static int BytesPerBandPiece => Unsafe.SizeOf<Piece>();

    /// <summary>The first node of the band being swept.</summary>
    public int BandFirst => _bandFirst;

    /// <summary>The node after the band being swept.</summary>
    public int BandEnd => _bandFirst + _bandCount;

    /// <summary>The segments with an end in the band being swept, in segment order.</summary>
    public ReadOnlySpan<int> BandSegments => _bandSegments.AsSpan(0, _bandSegmentCount);

    /// <summary>Node <paramref name="node"/>'s pieces (of the band being swept, in bands).</summary>
    public Span<Piece> At(int node) => _pieces.AsSpan(_start[node], _start[node + 1] - _start[node]);

    /// <summary>How many pieces node <paramref name="node"/> holds.</summary>
    public int CountAt(int node) => _start[node + 1] - _start[node];

    /// <summary>Whether <paramref name="node"/> is in the band being swept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool InBand(int node) => (uint)(node - _bandFirst) < (uint)_bandCount;

    /// <summary>Gives the pieces' buffer back (it is made again when needed).</summary>
    public void Release() => _pieces = [];

    /// <summary>
    /// All at once: turns the chunks' counts per node (<c>countsOf(c)[n]</c>) into where each chunk writes, node by node
    /// and chunk after chunk (the order a stable counting sort of the chunks' pieces would give), so each piece is
    /// written once, straight to its place (<see cref="Put"/>).
    /// </summary>
    public void Place(int nodeCount, int chunkCount, Func<int, int[]> countsOf)
    {
        if (_start.Length < nodeCount + 1)
        {
            _start = new int[nodeCount + 1];
        }
        int total = ParallelChunks.CountsToCursors(nodeCount, chunkCount, countsOf, _start);
        if (_pieces.Length < total)
        {
            _pieces = new Piece[DayBuffers.Sized(total)];
        }
    }

    /// <summary>Writes a piece at a position handed out by <see cref="Place"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Put(int at, in Piece piece) => _pieces[at] = piece;

    /// <summary>In bands, phase 1: clears the counts per segment end.</summary>
    public void StartEndCounts(int segmentCount)
    {
        EnsureLength(ref _endCount, segmentCount * 2);
        _endCount.AsSpan(0, segmentCount * 2).Clear();
    }

    /// <summary>In bands, phase 1: one more piece at segment end <paramref name="end"/> (only its segment's chunk counts it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountAtEnd(int end) => _endCount[end]++;

    /// <summary>In bands: writes a piece of segment end <paramref name="end"/> at that end's next position in the band.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteAtEnd(int end, in Piece piece) => _pieces[_endCursor[end]++] = piece;

    /// <summary>In bands: sums the counts per segment end into counts per node, before the first band.</summary>
    public void StartBands(StreetNetwork network, int segmentCount, int nodeCount)
    {
        EnsureLength(ref _nodeFill, nodeCount);
        EnsureLength(ref _endCursor, segmentCount * 2);
        EnsureLength(ref _bandSegments, segmentCount);
        if (_start.Length < nodeCount + 1)
        {
            _start = new int[nodeCount + 1];
        }
        var fill = _nodeFill.AsSpan(0, nodeCount);
        fill.Clear();
        for (int s = 0; s < segmentCount; s++)
        {
            fill[network.SegmentFrom[s]] += _endCount[s * 2];
            fill[network.SegmentTo[s]] += _endCount[(s * 2) + 1];
        }
        _bandFirst = 0;
        _bandCount = 0;
    }

    /// <summary>
    /// Moves on to the next band: nodes from the last band's end on while their pieces fit
    /// <paramref name="bandPieces"/> (a node heavier than a band is a band of its own). Works out where each node's
    /// and each segment end's pieces go and which segments have an end in the band. False after the last band.
    /// </summary>
    public bool NextBand(StreetNetwork network, int segmentCount, int nodeCount, long bandPieces)
    {
        int first = _bandFirst + _bandCount;
        if (first >= nodeCount)
        {
            return false;
        }
        var fill = _nodeFill.AsSpan(0, nodeCount);
        int end = first;
        long pieces = 0;
        while (end < nodeCount && (end == first || pieces + fill[end] <= bandPieces))
        {
            pieces += fill[end++];
        }
        _bandFirst = first;
        _bandCount = end - first;
        // Where each node's pieces start in the band's buffer; then fill becomes each node's next write position.
        _start[first] = 0;
        for (int n = first; n < end; n++)
        {
            _start[n + 1] = _start[n] + fill[n];
            fill[n] = _start[n];
        }
        if (_pieces.Length < pieces)
        {
            _pieces = new Piece[Math.Max(pieces, Math.Min(bandPieces, _pieces.Length * 3L / 2))];
        }
        int segments = 0;
        for (int s = 0; s < segmentCount; s++)
        {
            int from = network.SegmentFrom[s];
            int to = network.SegmentTo[s];
            bool atFrom = InBand(from);
            bool atTo = InBand(to) && to != from;
            if (!atFrom && !atTo)
            {
                continue;
            }
            _bandSegments[segments++] = s;
            if (atFrom)
            {
                _endCursor[s * 2] = fill[from];
                fill[from] += _endCount[s * 2];
            }
            if (atTo)
            {
                _endCursor[(s * 2) + 1] = fill[to];
                fill[to] += _endCount[(s * 2) + 1];
            }
        }
        _bandSegmentCount = segments;
        return true;
    }

    private static void EnsureLength(ref int[] array, int length)
    {
        if (array.Length < length)
        {
            array = new int[length];
        }
    }
}
