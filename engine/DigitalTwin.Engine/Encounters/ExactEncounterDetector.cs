using System.Runtime.CompilerServices;
using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Finds every pair of residents that comes within social distance during a day, exactly and in continuous time
/// (DESIGN.md "Event-based movement, exact encounters"). A passage is a straight line in (time, position), a stay
/// a constant position, so the time two people spend within distance <c>d</c> is the solution of a linear
/// inequality, solved analytically; there is no time step anywhere.
/// <list type="bullet">
/// <item><b>Same segment</b>: (x_a(t) − x_b(t))² + (y_a − y_b)² ≤ d², where y is the constant lateral offset of a
/// passage or stay (<see cref="Passage.LateralOffsetMetres"/>): |x_a − x_b| ≤ sqrt(d² − (y_a − y_b)²), and never
/// when |y_a − y_b| ≥ d (passing, overtaking, alongside, a passer-by and a sitter, two people on the street near
/// each other; two walkers on opposite pavements of a wide road do not meet).</item>
/// <item><b>Different segments that share a node</b>: the path through the node is unfolded into one straight
/// street: along it the distance is dist_a(node) + dist_b(node), across it the difference of the laterals seen in
/// one direction of travel through the node, which is |y_a' + y_b'| with each y' the offset left of the centre line
/// looking towards the node (the segment's own y, sign flipped when the segment starts at the node). Exact for a
/// straight continuation; at a corner the true (Euclidean) distance differs a little (usually shorter, so corner
/// contacts are slightly under-counted). Contacts across two nodes (through a segment shorter than d) are not seen:
/// keep such slivers out of the network or accept the small miss.</item>
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
/// O(n log n + k) for n intervals and k time-overlapping pairs. Three phases: segments in parallel chunks (each
/// sweeps its segments and counts the pieces of its intervals near the end nodes), the node pieces written straight
/// into one array grouped by node (a neighbourhood's kept from the first phase and copied; a city's cut again band by
/// band of nodes, so only a band's are held), then nodes and places in parallel chunks. Each chunk writes its
/// fragments into its own reused buffer; they are then sorted in a total order (a radix sort of the pair keys, the
/// full comparison only within a pair), so the output is bit-identical on any thread count, chunking and banding.
/// Buffers are kept across days.
/// </para>
/// </summary>
public sealed partial class ExactEncounterDetector
{



    private readonly List<ChunkWorker> _workers = [];

    // Fragments are sorted and joined in buckets by range of the lower resident (see SortFragments). Bins are the fine
    // ranges that buckets are made of: a pair falls in the bin of its lower resident, and low residents are the lower
    // of many more pairs, so equal ranges of residents would leave the first buckets several times the last ones.
    private const int SortBuckets = 16;
    private const int SortBins = 1024;
    private readonly int[] _bucketOfBin = new int[SortBins];
    private readonly long[] _binPrefix = new long[SortBins + 1];
    private readonly int[] _binBucketStart = new int[SortBuckets + 1];
    private int[] _scatterOrder = [];
    private readonly int[] _bucketStart = new int[SortBuckets + 1];
    private readonly int[] _bucketEncounters = new int[SortBuckets]; // per bucket: encounters, then where they start
    private readonly int[] _bucketLeftOut = new int[SortBuckets];
    private ReadOnlyMemory<int> _groupOf;

    // Made once, so sorting allocates nothing per call (a struct comparer would be boxed).
    private static readonly Comparison<Fragment> FragmentComparison = default(FragmentOrder).Compare;
    private ulong[] _mergeKeys = new ulong[1024];
    private int[] _mergeOrder = new int[1024];
    private ulong[] _keyScratch = new ulong[1024];
    private int[] _orderScratch = new int[1024];
    private Fragment[] _sorted = new Fragment[1024];

    // Where the sort finds each fragment: its chunk's block (numbered across chunks) in the high bits, its index in the
    // block in the low FragmentBlockBits (no block is larger; see ChunkWorker.NextFragmentBlock).
    private const int FragmentBlockBits = 16;
    private const int GatherAhead = 8;
    private Fragment[][] _sourceBlocks = [];
    private int[] _sourceBlockBase = [];
    private StreetNetwork? _network;

    // Node pieces: the part of each interval within social distance of a segment end, grouped by node:
    // node n's pieces are _nodePieces[_nodeStart[n] .. _nodeStart[n + 1]).
    private Piece[] _nodePieces = new Piece[1024];
    private int[] _nodeStart = [0];

    // City days (node pieces not kept): pieces cut per segment end (2 s + e; a loop's both at 2 s) in phase 1, and per
    // band the position of each end's next piece, the pieces per node then its next write position, and the band's
    // segments and nodes (see SweepNodesInBands).
    private int[] _endCount = [];
    private int[] _endCursor = [];
    private int[] _nodeFill = [];
    private int[] _bandSegments = [];
    private int[] _bandChunkStart = [];
    private int _bandFirst;
    private int _bandCount;

    // Chunk c covers segments [_segmentChunkStart[c], _segmentChunkStart[c + 1]) and nodes-then-places
    // [_unitChunkStart[c], _unitChunkStart[c + 1]): cut by expected work (see CutByWeight), not by count.
    private int[] _segmentChunkStart = [];
    private int[] _unitChunkStart = [];
    private long[] _weightPrefix = [];

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

    /// <summary>Which day-sized buffers are kept for the next day and which are given back (set by the day pipeline; tests give back everything).</summary>
    internal DayBuffers Buffers { get; set; } = new();

    /// <summary>A city's node pieces are cut and swept in bands of nodes holding about this many bytes (tests set less).</summary>
    internal long NodeBandBytes { get; set; } = DayBuffers.DefaultKeepAcrossDaysBytes;

    /// <summary>Bands the last <see cref="Detect"/> swept its nodes in (0 when its node pieces were kept from phase 1).</summary>
    internal int LastNodeBands { get; private set; }

    /// <summary>Fragments (contact pieces before joining into episodes) found by the last <see cref="Detect"/>.</summary>
    public int LastFragmentCount { get; private set; }

    /// <summary>Encounters the last <see cref="Detect"/> left out because both residents are in one group.</summary>
    public long LastLeftOutCount { get; private set; }

    /// <summary>
    /// Detects the day's encounters into <paramref name="output"/> (cleared first), sorted by pair (lower resident,
    /// higher resident) and start time. <paramref name="trajectories"/> is grouped here (its <c>Group</c> is called).
    /// </summary>
    /// <param name="network">Segment lengths, end nodes and pavement widths.</param>
    /// <param name="placeCount">Number of places (stays refer to places below this).</param>
    /// <param name="trajectories">The day's passages and stays.</param>
    /// <param name="output">Receives the encounters.</param>
    /// <param name="groupOfResident">
    /// Optional: each resident's group (a household); encounters within a group are left out (counted in
    /// <see cref="LastLeftOutCount"/>). Done while joining, in parallel, rather than in a serial pass afterwards.
    /// </param>
    /// <param name="sweptAll">
    /// Optional: called once every segment, node and place is swept, before the fragments are sorted: the trajectories
    /// are not read after it (a city's last day gives them back there).
    /// </param>
    public void Detect(StreetNetwork network, int placeCount, TrajectoryBuffer trajectories, EncounterBuffer output,
        ReadOnlyMemory<int> groupOfResident = default, Action? sweptAll = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(output);
        output.Clear();
        _network = network;
        _groupOf = groupOfResident;
        int segmentCount = network.SegmentCount;
        int nodeCount = network.NodeCount;
        trajectories.Group(segmentCount, placeCount);

        int threads = Math.Max(1, Parameters.MaxThreads);
        // Chunk boundaries depend on the thread count; the output does not: fragments are put in a total order below.
        int chunkCount = threads == 1 ? 1 : threads * 8;
        while (_workers.Count < chunkCount)
        {
            _workers.Add(new ChunkWorker(this));
        }
        var context = new DayContext(network, trajectories, segmentCount, nodeCount, placeCount);
        if (_segmentChunkStart.Length != chunkCount + 1)
        {
            _segmentChunkStart = new int[chunkCount + 1];
            _unitChunkStart = new int[chunkCount + 1];
        }
        CutSegments(trajectories, segmentCount);

        // Phase 1: segments (sweep, and count the node pieces). Phase 2: write the node pieces grouped by node.
        // Phase 3: nodes, places. Node pieces are two a passage at most: a neighbourhood's day keeps them from phase 1
        // (they fit the day-buffer budget) and sweeps all nodes at once; a city's cuts them again, band by band of
        // nodes, so only one band's pieces are held at a time (see SweepNodesInBands).
        bool keepNodePieces = Buffers.Fits(2L * trajectories.PassageCount * (Unsafe.SizeOf<Piece>() + sizeof(int)));
        if (!keepNodePieces)
        {
            EnsureLength(ref _endCount, segmentCount * 2);
            _endCount.AsSpan(0, segmentCount * 2).Clear();
        }
        ForEachChunk(chunkCount, threads, c => _workers[c].RunSegments(_segmentChunkStart[c], _segmentChunkStart[c + 1], context, keepNodePieces));
        if (keepNodePieces)
        {
            LastNodeBands = 0;
            PlaceNodePieces(nodeCount, chunkCount);
            ForEachChunk(chunkCount, threads, c => _workers[c].WriteNodePieces());
            CutUnits(trajectories, 0, nodeCount + placeCount, nodeCount);
        }
        else
        {
            SweepNodesInBands(context, chunkCount, threads);
            CutUnits(trajectories, nodeCount, placeCount, nodeCount);
        }
        ForEachChunk(chunkCount, threads, c => _workers[c].RunNodesAndPlaces(_unitChunkStart[c], _unitChunkStart[c + 1], context));
        bool gaveBack = Buffers.GivesBack((long)_nodePieces.Length * Unsafe.SizeOf<Piece>());
        if (gaveBack)
        {
            _nodePieces = []; // done with; the fragments' sort and the ledger need the room
        }
        sweptAll?.Invoke();
        if (gaveBack || sweptAll is not null)
        {
            DayBuffers.ReuseGivenBack(); // the node pieces, and what the caller gave back: room for the sort
        }

        int total = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            total += _workers[c].FragmentCount;
        }
        // The sort's keys may have been given back without the fragments' buffer (a last day): sized together again.
        if (_sorted.Length < total || _mergeKeys.Length < total)
        {
            int size = Math.Max(total, _sorted.Length * 3 / 2);
            _mergeKeys = new ulong[size];
            _mergeOrder = new int[size];
            _keyScratch = new ulong[size];
            _orderScratch = new int[size];
            _sorted = new Fragment[size];
        }
        LastFragmentCount = total;
        SortFragments(chunkCount, threads);
        long chunkFragmentBytes = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            chunkFragmentBytes += _workers[c].FragmentCapacityBytes;
        }
        long sortKeyBytes = (long)_mergeKeys.Length * ((2 * sizeof(ulong)) + (2 * sizeof(int)));
        if (Buffers.GivesBack(chunkFragmentBytes + sortKeyBytes))
        {
            for (int c = 0; c < chunkCount; c++)
            {
                _workers[c].ReleaseFragments(); // copied to their buckets
            }
            (_mergeKeys, _mergeOrder, _keyScratch, _orderScratch) = ([], [], [], []); // the fragments are in order
            DayBuffers.ReuseGivenBack(); // room for the day's encounters
        }
        // Each bucket's encounters straight into their place in the output (counted first, so no bucket buffers).
        int encounters = 0;
        long leftOut = 0;
        for (int b = 0; b < SortBuckets; b++)
        {
            int n = _bucketEncounters[b];
            _bucketEncounters[b] = encounters;
            encounters += n;
            leftOut += _bucketLeftOut[b];
        }
        LastLeftOutCount = leftOut;
        var items = output.Reserve(encounters);
        ForEachChunk(SortBuckets, threads, b =>
        {
            int first = _bucketStart[b];
            int end = b + 1 < SortBuckets ? _bucketEncounters[b + 1] : encounters;
            JoinEpisodes(_sorted.AsSpan(first, _bucketStart[b + 1] - first), items.AsSpan(_bucketEncounters[b], end - _bucketEncounters[b]), write: true, out _);
        });
        if (Buffers.GivesBack((long)_sorted.Length * (Unsafe.SizeOf<Fragment>() + (2 * sizeof(ulong)) + (2 * sizeof(int)))))
        {
            (_sorted, _mergeKeys, _mergeOrder, _keyScratch, _orderScratch) = ([], [], [], [], []);
            DayBuffers.ReuseGivenBack(); // room for the ledger
        }
    }

    /// <summary>
    /// Cuts the segments into chunks of about equal work: a segment costs its passages and stays (sorting, sweeping,
    /// cutting node pieces), and a few segments carry a large share of a day, so equal numbers of segments made
    /// chunks 30 times apart and left a core idle at the end of each phase.
    /// </summary>
    private void CutSegments(TrajectoryBuffer trajectories, int segmentCount)
    {
        var prefix = WeightPrefix(segmentCount);
        for (int s = 0; s < segmentCount; s++)
        {
            prefix[s + 1] = prefix[s] + 1 + trajectories.PassagesOnSegment(s).Length + trajectories.StaysOnSegment(s).Length;
        }
        CutByWeight(prefix, _segmentChunkStart);
    }

    /// <summary>
    /// A stay at a place costs about as much as this many node pieces (Delft 28 d: 320 ns against 41 ns; a place
    /// sorts its stays by zone with full comparisons). Counted as one, the places made the last chunk half as long
    /// again as the others, and the last chunk is the one the other core waits for.
    /// </summary>
    private const int PlaceStayWeight = 8;

    /// <summary>
    /// Cuts units [<paramref name="first"/>, first + <paramref name="count"/>) of nodes then places (unit u ≥
    /// <paramref name="nodeCount"/> is place u − nodeCount) into chunks of about equal work, their pieces and stays, in
    /// <c>_unitChunkStart</c> (see <see cref="CutSegments"/>). A node's pieces are those placed in <c>_nodeStart</c>.
    /// </summary>
    private void CutUnits(TrajectoryBuffer trajectories, int first, int count, int nodeCount)
    {
        var prefix = WeightPrefix(count);
        for (int i = 0; i < count; i++)
        {
            int unit = first + i;
            prefix[i + 1] = prefix[i] + 1 + (unit < nodeCount
                ? _nodeStart[unit + 1] - _nodeStart[unit]
                : PlaceStayWeight * trajectories.StaysAtPlace(unit - nodeCount).Length);
        }
        CutByWeight(prefix, _unitChunkStart);
        for (int c = 0; c < _unitChunkStart.Length; c++)
        {
            _unitChunkStart[c] += first;
        }
    }

    /// <summary>
    /// Phases 2 and 3 for the nodes of a city's day: nodes in bands of consecutive numbers holding about
    /// <see cref="NodeBandBytes"/> of pieces each; per band, the segments with an end in it cut their pieces again (in
    /// parallel, each straight to its place: per segment end a position worked out in segment order, the order the
    /// pieces have when cut all at once), then the band's nodes are swept. The pieces of all nodes at once were the
    /// largest buffer of a city's day (two a passage: 4.5 GB at a million residents); a band's are a few hundred MB,
    /// for one more cut of each segment end and two more waits a band.
    /// </summary>
    private void SweepNodesInBands(DayContext context, int chunkCount, int threads)
    {
        var network = context.Network;
        int nodeCount = context.NodeCount;
        int segmentCount = context.SegmentCount;
        EnsureLength(ref _nodeFill, nodeCount);
        EnsureLength(ref _endCursor, segmentCount * 2);
        EnsureLength(ref _bandSegments, segmentCount);
        if (_nodeStart.Length < nodeCount + 1)
        {
            _nodeStart = new int[nodeCount + 1];
        }
        if (_bandChunkStart.Length != chunkCount + 1)
        {
            _bandChunkStart = new int[chunkCount + 1];
        }
        var fill = _nodeFill.AsSpan(0, nodeCount);
        fill.Clear();
        for (int s = 0; s < segmentCount; s++)
        {
            fill[network.SegmentFrom[s]] += _endCount[s * 2];
            fill[network.SegmentTo[s]] += _endCount[(s * 2) + 1];
        }
        long bandPieces = Math.Max(1, NodeBandBytes / Unsafe.SizeOf<Piece>());
        LastNodeBands = 0;
        int first = 0;
        while (first < nodeCount)
        {
            // The band: nodes from first on while their pieces fit (a node heavier than a band is a band of its own).
            int end = first;
            long pieces = 0;
            while (end < nodeCount && (end == first || pieces + fill[end] <= bandPieces))
            {
                pieces += fill[end++];
            }
            _bandFirst = first;
            _bandCount = end - first;
            LastNodeBands++;
            // Where each node's pieces start in the band's buffer; then fill becomes each node's next write position.
            _nodeStart[first] = 0;
            for (int n = first; n < end; n++)
            {
                _nodeStart[n + 1] = _nodeStart[n] + fill[n];
                fill[n] = _nodeStart[n];
            }
            if (_nodePieces.Length < pieces)
            {
                _nodePieces = new Piece[Math.Max(pieces, Math.Min(bandPieces, _nodePieces.Length * 3L / 2))];
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
            var prefix = WeightPrefix(segments);
            for (int i = 0; i < segments; i++)
            {
                int s = _bandSegments[i];
                prefix[i + 1] = prefix[i] + 1 + context.Trajectories.PassagesOnSegment(s).Length + context.Trajectories.StaysOnSegment(s).Length;
            }
            CutByWeight(prefix, _bandChunkStart);
            ForEachChunk(chunkCount, threads, c =>
                _workers[c].WriteBandPieces(_bandSegments.AsSpan(_bandChunkStart[c], _bandChunkStart[c + 1] - _bandChunkStart[c]), context));
            CutUnits(context.Trajectories, first, end - first, nodeCount);
            ForEachChunk(chunkCount, threads, c => _workers[c].RunNodesAndPlaces(_unitChunkStart[c], _unitChunkStart[c + 1], context));
            first = end;
        }
    }

    private bool InBand(int node) => (uint)(node - _bandFirst) < (uint)_bandCount;

    private static void EnsureLength(ref int[] array, int length)
    {
        if (array.Length < length)
        {
            array = new int[length];
        }
    }

    private Span<long> WeightPrefix(int unitCount)
    {
        if (_weightPrefix.Length < unitCount + 1)
        {
            _weightPrefix = new long[unitCount + 1];
        }
        _weightPrefix[0] = 0;
        return _weightPrefix.AsSpan(0, unitCount + 1);
    }

    /// <summary>
    /// Cuts units into <c>starts.Length − 1</c> contiguous ranges of about equal weight (<paramref name="prefix"/>[u]
    /// is the weight of the units before u); a unit heavier than a range leaves the next ones empty. Ranges stay
    /// contiguous and in order, which is what keeps the node pieces in segment order on any cut.
    /// </summary>
    private static void CutByWeight(ReadOnlySpan<long> prefix, Span<int> starts)
    {
        int units = prefix.Length - 1;
        int ranges = starts.Length - 1;
        long total = prefix[units];
        int unit = 0;
        starts[0] = 0;
        for (int r = 1; r < ranges; r++)
        {
            long target = total * r / ranges;
            while (unit < units && prefix[unit] < target)
            {
                unit++;
            }
            starts[r] = unit;
        }
        starts[ranges] = units;
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every chunk, each thread taking the next chunk as it finishes one.
    /// <c>Parallel.For</c> hands out indices in batches that double (1, 2, 4, ...), so near the end one thread could
    /// hold a quarter of a phase while the other waited. Which thread runs a chunk never shows in the output.
    /// </summary>
    private static void ForEachChunk(int chunkCount, int threads, Action<int> body)
    {
        if (chunkCount == 1 || threads == 1)
        {
            for (int c = 0; c < chunkCount; c++)
            {
                body(c);
            }
            return;
        }
        int next = -1;
        Parallel.For(0, Math.Min(threads, chunkCount), new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref next)) < chunkCount)
            {
                body(chunk);
            }
        });
    }

    /// <summary>
    /// Puts the chunks' fragments in (pair, start, ...) order into <c>_sorted</c> and counts their episodes, bucket by
    /// bucket in parallel: the fragments are scattered to their buckets, then per bucket a radix sort of the pair keys,
    /// the fragments moved into that order, and a full comparison only inside runs of the same pair (most runs have one
    /// fragment). The order is total, so the result does not depend on how the chunks were cut.
    /// </summary>
    private void SortFragments(int chunkCount, int threads)
    {
        // Buckets by range of the lower resident: every pair falls in one, and bucket order is key order, so the
        // buckets sort (and join) independently, in parallel. Their number is fixed, so the result is the same on any
        // thread count.
        ulong maxLower = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            maxLower = Math.Max(maxLower, _workers[c].MaxLower);
        }
        ulong lowerSpan = maxLower + 1;
        // Each chunk counts its fragments per bin; the bins are grouped into buckets of about equal fragment count
        // (from the day's counts, so the same on any chunking); the counts become each chunk's write positions (bucket
        // after bucket, chunk after chunk), and the chunks scatter their fragments in parallel.
        ForEachChunk(chunkCount, threads, c => _workers[c].CountBins(lowerSpan));
        for (int bin = 0; bin < SortBins; bin++)
        {
            long inBin = 0;
            for (int c = 0; c < chunkCount; c++)
            {
                inBin += _workers[c].BinCounts[bin];
            }
            _binPrefix[bin + 1] = _binPrefix[bin] + inBin;
        }
        CutByWeight(_binPrefix, _binBucketStart);
        for (int b = 0; b < SortBuckets; b++)
        {
            _bucketOfBin.AsSpan(_binBucketStart[b], _binBucketStart[b + 1] - _binBucketStart[b]).Fill(b);
        }
        for (int c = 0; c < chunkCount; c++)
        {
            _workers[c].CountBuckets(_binBucketStart);
        }
        CountsToCursors(SortBuckets, chunkCount, c => _workers[c].BucketCursor, _bucketStart);
        // Largest first: chunks are cut by passages, and their fragments (pairs) vary six-fold; taken in chunk order a
        // large one could come last, with the other core waiting.
        if (_scatterOrder.Length != chunkCount)
        {
            _scatterOrder = new int[chunkCount];
        }
        for (int c = 0; c < chunkCount; c++)
        {
            int at = c;
            while (at > 0 && _workers[_scatterOrder[at - 1]].FragmentCount < _workers[c].FragmentCount)
            {
                _scatterOrder[at] = _scatterOrder[at - 1];
                at--;
            }
            _scatterOrder[at] = c;
        }
        NumberSourceBlocks(chunkCount);
        ForEachChunk(chunkCount, threads, i =>
        {
            int c = _scatterOrder[i];
            _workers[c].Scatter(lowerSpan, _bucketOfBin, _mergeKeys, _mergeOrder, _sourceBlockBase[c]);
        });
        ForEachChunk(SortBuckets, threads, SortBucket);
        Array.Clear(_sourceBlocks); // gathered: the blocks are the chunks' again, to keep or give back
    }

    /// <summary>Numbers the chunks' fragment blocks one after another, so a fragment is found by one int (see <see cref="_sourceBlocks"/>).</summary>
    private void NumberSourceBlocks(int chunkCount)
    {
        if (_sourceBlockBase.Length != chunkCount)
        {
            _sourceBlockBase = new int[chunkCount];
        }
        int blocks = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            _sourceBlockBase[c] = blocks;
            blocks += _workers[c].FragmentBlocksUsed;
        }
        if (blocks >= 1 << (31 - FragmentBlockBits))
        {
            throw new InvalidOperationException($"A day of {blocks} fragment blocks is beyond what the encounter sort can number.");
        }
        if (_sourceBlocks.Length < blocks)
        {
            _sourceBlocks = new Fragment[blocks][];
        }
        for (int c = 0; c < chunkCount; c++)
        {
            for (int b = 0; b < _workers[c].FragmentBlocksUsed; b++)
            {
                _sourceBlocks[_sourceBlockBase[c] + b] = _workers[c].FragmentBlockArray(b);
            }
        }
    }

    private static int Bin(ulong pair, ulong lowerSpan) => (int)((pair >> 32) * SortBins / lowerSpan);

    private sealed partial class ChunkWorker
    {
        private readonly int[] _bucketCursor = new int[SortBuckets];
        private readonly int[] _binCounts = new int[SortBins];

        /// <summary>This chunk's fragments per sort bucket, then where it writes each bucket's next fragment.</summary>
        public int[] BucketCursor => _bucketCursor;

        /// <summary>This chunk's fragments per sort bin.</summary>
        public ReadOnlySpan<int> BinCounts => _binCounts;

        public void CountBins(ulong lowerSpan)
        {
            Array.Clear(_binCounts);
            for (int block = 0; block < FragmentBlocksUsed; block++)
            {
                foreach (ref readonly Fragment f in FragmentBlock(block))
                {
                    _binCounts[Bin(f.Pair, lowerSpan)]++;
                }
            }
        }

        /// <summary>Sums the bin counts per bucket (bucket b is bins [binBucketStart[b], binBucketStart[b + 1])).</summary>
        public void CountBuckets(ReadOnlySpan<int> binBucketStart)
        {
            for (int b = 0; b < SortBuckets; b++)
            {
                int count = 0;
                foreach (int inBin in _binCounts.AsSpan(binBucketStart[b], binBucketStart[b + 1] - binBucketStart[b]))
                {
                    count += inBin;
                }
                _bucketCursor[b] = count;
            }
        }

        /// <summary>
        /// Writes each fragment's key, and where it is (see <see cref="_sourceBlocks"/>), at its bucket's next position
        /// (chunk after chunk, in chunk order). The fragments themselves stay put until the bucket's sort gathers them:
        /// copying them here as well, so the sort could move them within one range, cost one more pass over 48-byte
        /// fragments and a dependent read per move (see <see cref="SortBucket"/>).
        /// </summary>
        public void Scatter(ulong lowerSpan, int[] bucketOfBin, ulong[] keys, int[] sources, int blockBase)
        {
            for (int block = 0; block < FragmentBlocksUsed; block++)
            {
                var fragments = FragmentBlock(block);
                int source = (blockBase + block) << FragmentBlockBits;
                for (int i = 0; i < fragments.Length; i++)
                {
                    int bucket = bucketOfBin[Bin(fragments[i].Pair, lowerSpan)];
                    int at = _bucketCursor[bucket]++;
                    keys[at] = fragments[i].Pair;
                    sources[at] = source | i;
                }
            }
        }
    }

    /// <summary>
    /// Sorts one bucket: a radix sort of its keys with where each fragment is (stable, so equal pairs keep chunk
    /// order), the fragments gathered from the chunks' blocks in that order, then the full order within a pair. The
    /// gather reads a few fragments ahead of the one it copies, so the scattered reads overlap; moving the fragments
    /// into order in place, one cycle of the permutation after another, waited for each read in turn (1M residents:
    /// 2.4 s of the sort's 3.7).
    /// </summary>
    private void SortBucket(int bucket)
    {
        int first = _bucketStart[bucket];
        int count = _bucketStart[bucket + 1] - first;
        var keys = _mergeKeys.AsSpan(first, count);
        var order = _mergeOrder.AsSpan(first, count);
        RadixSort.Sort(keys, order, _keyScratch.AsSpan(first, count), _orderScratch.AsSpan(first, count));
        var sorted = _sorted.AsSpan(first, count);
        var blocks = _sourceBlocks;
        const int inBlock = (1 << FragmentBlockBits) - 1;
        for (int i = 0; i < count; i++)
        {
            if (i + GatherAhead < count)
            {
                int ahead = order[i + GatherAhead];
                CacheHint.Prefetch(in blocks[ahead >> FragmentBlockBits][ahead & inBlock]);
            }
            int from = order[i];
            sorted[i] = blocks[from >> FragmentBlockBits][from & inBlock];
        }
        int run = 0;
        while (run < count)
        {
            int until = run + 1;
            while (until < count && keys[until] == keys[run])
            {
                until++;
            }
            if (until - run > 1)
            {
                sorted[run..until].Sort(FragmentComparison);
            }
            run = until;
        }
        _bucketEncounters[bucket] = JoinEpisodes(sorted, default, write: false, out _bucketLeftOut[bucket]);
    }

    /// <summary>
    /// Turns per-chunk counts per unit (node, bucket) into each chunk's first write position per unit, unit after unit
    /// and chunk after chunk (the order a stable counting sort of the chunks' items would give); <paramref name="starts"/>
    /// gets where each unit begins (and the total at <paramref name="units"/>), which is also returned.
    /// </summary>
    private static int CountsToCursors(int units, int chunkCount, Func<int, int[]> countsOf, Span<int> starts)
    {
        int total = 0;
        for (int u = 0; u < units; u++)
        {
            starts[u] = total;
            for (int c = 0; c < chunkCount; c++)
            {
                var cursor = countsOf(c);
                int count = cursor[u];
                cursor[u] = total;
                total += count;
            }
        }
        starts[units] = total;
        return total;
    }

    /// <summary>
    /// Turns the chunks' node-piece counts into where each chunk writes: node by node, chunk after chunk (the order a
    /// stable counting sort of the chunks' pieces would give), so each piece is written once, straight to its place.
    /// </summary>
    private void PlaceNodePieces(int nodeCount, int chunkCount)
    {
        if (_nodeStart.Length < nodeCount + 1)
        {
            _nodeStart = new int[nodeCount + 1];
        }
        int total = CountsToCursors(nodeCount, chunkCount, c => _workers[c].NodeCursor, _nodeStart);
        if (_nodePieces.Length < total)
        {
            _nodePieces = new Piece[Math.Max(total, _nodePieces.Length * 3 / 2)];
        }
    }

    /// <summary>Joins the sorted fragments of each pair into contact episodes and classifies them.</summary>
    /// <param name="all">Fragments sorted by pair and start.</param>
    /// <param name="into">Receives the encounters when <paramref name="write"/>; else they are only counted.</param>
    /// <param name="write">False for the counting pass that sizes the output.</param>
    /// <param name="leftOut">Episodes within one group (see <see cref="Detect"/>), not in the count.</param>
    private int JoinEpisodes(ReadOnlySpan<Fragment> all, Span<Encounter> into, bool write, out int leftOut)
    {
        int count = 0;
        leftOut = 0;
        ReadOnlySpan<int> groupOf = _groupOf.Span;
        double gap = Parameters.EpisodeGapSeconds;
        double minimum = Parameters.MinimumDurationSeconds;
        int i = 0;
        while (i < all.Length)
        {
            ref readonly Fragment head = ref all[i];
            ulong pair = head.Pair;
            double start = head.Start;
            double end = head.End;
            int longest = i;
            bool coPresent = head.Kind == FragmentKind.CoPresent;
            bool passingBy = head.Kind == FragmentKind.PassingBy;
            int crowding = head.Crowding;
            int j = i + 1;
            while (j < all.Length && all[j].Pair == pair && all[j].Start <= end + gap)
            {
                ref readonly Fragment next = ref all[j];
                end = Math.Max(end, next.End);
                if (next.End - next.Start > all[longest].End - all[longest].Start)
                {
                    longest = j;
                }
                coPresent |= next.Kind == FragmentKind.CoPresent;
                passingBy |= next.Kind == FragmentKind.PassingBy;
                crowding = Math.Max(crowding, next.Crowding);
                j++;
            }
            double duration = end - start;
            bool isEncounter = duration > 0 && duration >= minimum;
            if (isEncounter && groupOf.Length > 0 && groupOf[PairKeys.Lower(pair)] == groupOf[PairKeys.Higher(pair)])
            {
                leftOut++;
            }
            else if (isEncounter && !write)
            {
                count++;
            }
            else if (isEncounter)
            {
                ref readonly Fragment main = ref all[longest];
                EncounterKind kind = coPresent ? EncounterKind.CoPresent
                    : passingBy ? EncounterKind.PassingBy
                    : main.Kind == FragmentKind.Opposite ? EncounterKind.Passing
                    : duration >= Parameters.AlongsideMinimumSeconds ? EncounterKind.Alongside
                    : EncounterKind.Overtaking;
                into[count++] = new Encounter
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
                    Weight = Attention(main.ModeA) * Attention(main.ModeB),
                };
            }
            i = j;
        }
        return count;
    }

    /// <summary>How much of the people around someone takes in: a cyclist less (Gehl's sense of speed), else 1.</summary>
    private float Attention(TravelModes mode) => (mode & TravelModes.Bike) != 0 ? (float)Parameters.CyclistAttention : 1f;

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
        piece.Velocity = (float)rate; // ± a float speed: exact
        return piece.End > piece.Start;
    }

    private static Piece MakeStayPiece(TrajectoryBuffer t, int index, int segment) => new()
    {
        Start = t.StayStartTimeSeconds[index],
        End = t.StayEndTimeSeconds[index],
        X0 = t.StayOffsetMetres[index],
        Velocity = 0,
        Lateral = t.StayLateralOffsetMetres[index],
        Resident = t.StayResident[index],
        Place = t.StayPlace[index],
        Segment = segment,
        Mode = TravelModes.None,
        IsStay = true,
    };

    /// <summary>
    /// How far apart along the street two people at lateral separation <paramref name="lateralMetres"/> may be and
    /// still be within <paramref name="d"/>: sqrt(d² − Δy²). False when the separation alone is d or more.
    /// </summary>
    internal static bool AlongReach(double d, double lateralMetres, out double reach)
    {
        if (lateralMetres == 0)
        {
            reach = d;
            return true;
        }
        double left = d * d - lateralMetres * lateralMetres;
        reach = left > 0 ? Math.Sqrt(left) : 0;
        return left > 0;
    }

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
