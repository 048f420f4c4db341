using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Finds every pair of residents that comes within social distance during a day, exactly and in continuous time
/// (DESIGN.md "Event-based movement, exact encounters"). A passage is a straight line in (time, position), a stay
/// a constant position, so the time two people spend within distance <c>d</c> is the solution of a linear
/// inequality, solved analytically; there is no time step anywhere (the rules and their formulas:
/// <see cref="EncounterGeometry"/>).
/// <list type="bullet">
/// <item><b>Same segment</b>: within d in the plane of the street, the lateral offset of a passage or stay
/// (<see cref="Passage.LateralOffsetMetres"/>) included (passing, overtaking, alongside, a passer-by and a sitter, two
/// people on the street near each other; two walkers on opposite pavements of a wide road do not meet).</item>
/// <item><b>Different segments that share a node</b>: the path through the node unfolded into one straight street.
/// Contacts across two nodes (through a segment shorter than d) are not seen: keep such slivers out of the network or
/// accept the small miss.</item>
/// <item><b>The same place and zone</b>: co-present whenever the stays overlap (see <see cref="PlaceZones"/>).</item>
/// </list>
/// One contact episode is counted once: the pieces a pair produces on segments, at nodes and at places are sorted
/// by pair and time and joined (<see cref="EpisodeJoining"/>).
/// <para>
/// Rules: car passages never take part (Gehl: car occupants take in nothing); a walking passage on a segment whose
/// pavement is at most <see cref="EncounterParameters.MinimumPavementWidthMetres"/> wide takes part in nothing; a
/// resident never meets themselves; two stays at the same place meet through the place rule only (their zones
/// decide), never by distance on the street.
/// </para>
/// <para>
/// Cost: per segment, node and place the intervals are sorted by start time and swept with an active list
/// (<see cref="EncounterSweep"/>), which is O(n log n + k) for n intervals and k time-overlapping pairs. Three
/// phases: segments in parallel chunks (each sweeps its segments and counts the pieces of its intervals near the end
/// nodes), the node pieces written straight into one array grouped by node (<see cref="NodePieces"/>: a
/// neighbourhood's kept from the first phase and copied; a city's cut again band by band of nodes, so only a band's
/// are held), then nodes and places in parallel chunks (<see cref="ChunkCuts"/>). Each chunk writes its fragments
/// into its own reused buffer; they are then sorted in a total order (<see cref="BucketSort{T, TOrder}"/>), so the
/// output is bit-identical on any thread count, chunking and banding. Buffers are kept across days.
/// </para>
/// </summary>
internal sealed class ExactEncounterDetector
{
    private const int SortBuckets = BucketSort<Fragment, FragmentOrder>.Buckets;

    private readonly List<SweepChunk> _chunks = [];
    private BlockList<Fragment>[] _chunkFragments = [];
    private readonly NodePieces _nodePieces = new();
    private readonly ChunkCuts _cuts = new();
    private readonly BucketSort<Fragment, FragmentOrder> _fragments = new();
    private readonly int[] _bucketEncounters = new int[SortBuckets]; // per bucket: encounters, then where they start
    private readonly int[] _bucketLeftOut = new int[SortBuckets];
    private readonly Action<int> _countEpisodes;
    private ReadOnlyMemory<int> _groupOf;

    public ExactEncounterDetector(EncounterParameters parameters)
    {
        _countEpisodes = CountEpisodes;
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
        _groupOf = groupOfResident;
        int segmentCount = network.SegmentCount;
        int nodeCount = network.NodeCount;
        trajectories.Group(segmentCount, placeCount);

        int threads = Math.Max(1, Parameters.MaxThreads);
        // Chunk boundaries depend on the thread count; the output does not: fragments are put in a total order below.
        int chunkCount = threads == 1 ? 1 : threads * 8;
        while (_chunks.Count < chunkCount)
        {
            _chunks.Add(new SweepChunk(Parameters, _nodePieces));
        }
        if (_chunkFragments.Length != _chunks.Count)
        {
            _chunkFragments = _chunks.Select(chunk => chunk.Sweep.Fragments).ToArray();
        }
        var day = new EncounterDay(network, trajectories, segmentCount, nodeCount, placeCount);
        _cuts.SetChunkCount(chunkCount);
        _cuts.CutSegments(trajectories, segmentCount);

        // Phase 1: segments (sweep, and count the node pieces). Phase 2: write the node pieces grouped by node.
        // Phase 3: nodes, places. Node pieces are two a passage at most: a neighbourhood's day keeps them from phase 1
        // (they fit the day-buffer budget) and sweeps all nodes at once; a city's cuts them again, band by band of
        // nodes, so only one band's pieces are held at a time.
        bool keepNodePieces = Buffers.Fits(2L * trajectories.PassageCount * NodePieces.BytesPerPiece);
        if (!keepNodePieces)
        {
            _nodePieces.StartEndCounts(segmentCount);
        }
        ParallelChunks.ForEach(chunkCount, threads, c => _chunks[c].RunSegments(_cuts.Segments[c], _cuts.Segments[c + 1], day, keepNodePieces));
        if (keepNodePieces)
        {
            LastNodeBands = 0;
            _nodePieces.Place(nodeCount, chunkCount, c => _chunks[c].NodeCursor);
            ParallelChunks.ForEach(chunkCount, threads, c => _chunks[c].WriteNodePieces());
            _cuts.CutUnits(trajectories, _nodePieces, 0, nodeCount + placeCount, nodeCount);
        }
        else
        {
            SweepNodesInBands(day, chunkCount, threads);
            _cuts.CutUnits(trajectories, _nodePieces, nodeCount, placeCount, nodeCount);
        }
        ParallelChunks.ForEach(chunkCount, threads, c => _chunks[c].RunNodesAndPlaces(_cuts.Units[c], _cuts.Units[c + 1], day));
        bool gaveBack = Buffers.GivesBack(_nodePieces.Bytes);
        if (gaveBack)
        {
            _nodePieces.Release(); // done with; the fragments' sort and the ledger need the room
        }
        sweptAll?.Invoke();
        if (gaveBack || sweptAll is not null)
        {
            DayBuffers.ReuseGivenBack(); // the node pieces, and what the caller gave back: room for the sort
        }

        // The fragments in (pair, start, ...) order, bucket by bucket in parallel; each bucket's episodes are counted
        // as soon as it is sorted, while it is in cache, so the output can be sized before anything is written.
        var chunkFragments = _chunkFragments.AsSpan(0, chunkCount);
        ulong highestPair = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            highestPair = Math.Max(highestPair, _chunks[c].Sweep.HighestPair);
        }
        _fragments.Sort(chunkFragments, highestPair, threads, _countEpisodes);
        LastFragmentCount = _fragments.Count;
        long chunkFragmentBytes = 0;
        foreach (var fragments in chunkFragments)
        {
            chunkFragmentBytes += fragments.CapacityBytes;
        }
        if (Buffers.GivesBack(chunkFragmentBytes + _fragments.KeyBytes))
        {
            foreach (var fragments in chunkFragments)
            {
                fragments.Release(); // copied to their buckets
            }
            _fragments.ReleaseKeys(); // the fragments are in order
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
        ParallelChunks.ForEach(SortBuckets, threads, b =>
        {
            int first = _bucketEncounters[b];
            int end = b + 1 < SortBuckets ? _bucketEncounters[b + 1] : encounters;
            EpisodeJoining.Join(_fragments.Bucket(b), items.AsSpan(first, end - first), write: true, Parameters, _groupOf.Span, out _);
        });
        if (Buffers.GivesBack(_fragments.Bytes))
        {
            _fragments.Release();
            DayBuffers.ReuseGivenBack(); // room for the ledger
        }
    }

    /// <summary>Counts a sorted bucket's encounters and those left out (the pass that sizes the output).</summary>
    private void CountEpisodes(int bucket) =>
        _bucketEncounters[bucket] = EpisodeJoining.Join(_fragments.Bucket(bucket), default, write: false, Parameters, _groupOf.Span, out _bucketLeftOut[bucket]);

    /// <summary>
    /// Phases 2 and 3 for the nodes of a city's day, band by band (see <see cref="NodePieces"/>): the segments with an
    /// end in the band cut their pieces again (in parallel, each straight to its place), then the band's nodes are
    /// swept. A band's pieces are a few hundred MB where all nodes' were the largest buffer of a city's day (4.5 GB at
    /// a million residents), for one more cut of each segment end and two more waits a band.
    /// </summary>
    private void SweepNodesInBands(EncounterDay day, int chunkCount, int threads)
    {
        var network = day.Network;
        _nodePieces.StartBands(network, day.SegmentCount, day.NodeCount);
        long bandPieces = Math.Max(1, NodeBandBytes / NodePieces.BytesPerBandPiece);
        LastNodeBands = 0;
        while (_nodePieces.NextBand(network, day.SegmentCount, day.NodeCount, bandPieces))
        {
            LastNodeBands++;
            _cuts.CutBandSegments(day.Trajectories, _nodePieces.BandSegments);
            ParallelChunks.ForEach(chunkCount, threads, c =>
            {
                var cut = _cuts.BandSegments;
                _chunks[c].WriteBandPieces(_nodePieces.BandSegments[cut[c]..cut[c + 1]], day);
            });
            _cuts.CutUnits(day.Trajectories, _nodePieces, _nodePieces.BandFirst, _nodePieces.BandEnd - _nodePieces.BandFirst, day.NodeCount);
            ParallelChunks.ForEach(chunkCount, threads, c => _chunks[c].RunNodesAndPlaces(_cuts.Units[c], _cuts.Units[c + 1], day));
        }
    }
}
