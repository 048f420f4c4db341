using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Mobility;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Where each of the detector's chunks begins: segments, nodes then places, and a band's segments, cut into
/// contiguous chunks of about equal expected work rather than equal numbers. A few segments carry a large share of a
/// day, so equal numbers of segments made chunks 30 times apart and left a core idle at the end of each phase. Chunk
/// c covers [starts[c], starts[c + 1]). The cut decides only who does the work, never what comes out.
/// </summary>
internal sealed class ChunkCuts
{
    /// <summary>
    /// A stay at a place costs about as much as this many node pieces (Delft 28 d: 320 ns against 41 ns; a place
    /// sorts its stays by zone with full comparisons). Counted as one, the places made the last chunk half as long
    /// again as the others, and the last chunk is the one the other core waits for.
    /// </summary>
    private const int PlaceStayWeight = 8;

    private int[] _segmentStart = [];
    private int[] _unitStart = [];
    private int[] _bandSegmentStart = [];
    private long[] _weightPrefix = [];

    /// <summary>Chunk c's segments are [Segments[c], Segments[c + 1]).</summary>
    public ReadOnlySpan<int> Segments => _segmentStart;

    /// <summary>Chunk c's nodes then places (unit u ≥ node count is place u − node count) are [Units[c], Units[c + 1]).</summary>
    public ReadOnlySpan<int> Units => _unitStart;

    /// <summary>Chunk c's part of a band's segments are positions [BandSegments[c], BandSegments[c + 1]) in the band's list.</summary>
    public ReadOnlySpan<int> BandSegments => _bandSegmentStart;

    /// <summary>Sizes the cuts for <paramref name="chunkCount"/> chunks.</summary>
    public void SetChunkCount(int chunkCount)
    {
        if (_segmentStart.Length != chunkCount + 1)
        {
            _segmentStart = new int[chunkCount + 1];
            _unitStart = new int[chunkCount + 1];
            _bandSegmentStart = new int[chunkCount + 1];
        }
    }

    /// <summary>Cuts all segments; a segment costs its passages and stays (sorting, sweeping, cutting node pieces).</summary>
    public void CutSegments(TrajectoryBuffer trajectories, int segmentCount)
    {
        var prefix = WeightPrefix(segmentCount);
        for (int s = 0; s < segmentCount; s++)
        {
            prefix[s + 1] = prefix[s] + SegmentWeight(trajectories, s);
        }
        ParallelChunks.CutByWeight(prefix, _segmentStart);
    }

    /// <summary>Cuts a band's segments, which cut their node pieces again.</summary>
    public void CutBandSegments(TrajectoryBuffer trajectories, ReadOnlySpan<int> segments)
    {
        var prefix = WeightPrefix(segments.Length);
        for (int i = 0; i < segments.Length; i++)
        {
            prefix[i + 1] = prefix[i] + SegmentWeight(trajectories, segments[i]);
        }
        ParallelChunks.CutByWeight(prefix, _bandSegmentStart);
    }

    /// <summary>
    /// Cuts units [<paramref name="first"/>, first + <paramref name="count"/>) of nodes then places (unit u ≥
    /// <paramref name="nodeCount"/> is place u − nodeCount): a node costs its pieces, a place its stays.
    /// </summary>
    public void CutUnits(TrajectoryBuffer trajectories, NodePieces nodePieces, int first, int count, int nodeCount)
    {
        var prefix = WeightPrefix(count);
        for (int i = 0; i < count; i++)
        {
            int unit = first + i;
            prefix[i + 1] = prefix[i] + 1 + (unit < nodeCount
                ? nodePieces.CountAt(unit)
                : PlaceStayWeight * trajectories.StaysAtPlace(unit - nodeCount).Length);
        }
        ParallelChunks.CutByWeight(prefix, _unitStart);
        for (int c = 0; c < _unitStart.Length; c++)
        {
            _unitStart[c] += first;
        }
    }

    private static long SegmentWeight(TrajectoryBuffer trajectories, int segment) =>
        1 + trajectories.PassagesOnSegment(segment).Length + trajectories.StaysOnSegment(segment).Length;

    private Span<long> WeightPrefix(int unitCount)
    {
        if (_weightPrefix.Length < unitCount + 1)
        {
            _weightPrefix = new long[unitCount + 1];
        }
        _weightPrefix[0] = 0;
        return _weightPrefix.AsSpan(0, unitCount + 1);
    }
}
