namespace DigitalTwin.Engine.Collections;

/// <summary>
/// Work in chunks: cutting units (segments, nodes, sort bins) into contiguous chunks of about equal weight, turning
/// per-chunk counts into write positions, and running the chunks on a few threads. Chunks are cut by the work, never
/// by the thread count's timing, and written in a fixed order, so what the chunks produce together does not depend on
/// which thread ran which.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>
    /// Runs <paramref name="body"/> for every chunk, each thread taking the next chunk as it finishes one.
    /// <c>Parallel.For</c> hands out indices in batches that double (1, 2, 4, ...), so near the end one thread could
    /// hold a quarter of a phase while the other waited. Which thread runs a chunk never shows in the output.
    /// </summary>
    public static void ForEach(int chunkCount, int threads, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
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
    /// Cuts units into <c>starts.Length − 1</c> contiguous ranges of about equal weight (<paramref name="prefix"/>[u]
    /// is the weight of the units before u, so it has one entry more than there are units); range r is units
    /// [starts[r], starts[r + 1]). A unit heavier than a range leaves the next ones empty. Ranges stay contiguous and in
    /// order, so whatever is produced range after range comes out in unit order on any cut.
    /// </summary>
    public static void CutByWeight(ReadOnlySpan<long> prefix, Span<int> starts)
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
    /// Turns per-chunk counts per unit (a node, a sort bucket) into each chunk's first write position per unit, unit
    /// after unit and chunk after chunk (the order a stable counting sort of the chunks' items would give), in place:
    /// <c>countsOf(c)[u]</c> is chunk c's count for unit u, then its write position. <paramref name="starts"/> gets where
    /// each unit begins and the total at <paramref name="units"/>; the total is also returned.
    /// </summary>
    public static int CountsToCursors(int units, int chunkCount, Func<int, int[]> countsOf, Span<int> starts)
    {
        ArgumentNullException.ThrowIfNull(countsOf);
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
}
