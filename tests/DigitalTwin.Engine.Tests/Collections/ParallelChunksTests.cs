using DigitalTwin.Engine.Collections;

namespace DigitalTwin.Engine.Tests.Collections;

public class ParallelChunksTests
{
    private static long[] Prefix(params long[] weights)
    {
        var prefix = new long[weights.Length + 1];
        for (int i = 0; i < weights.Length; i++)
        {
            prefix[i + 1] = prefix[i] + weights[i];
        }
        return prefix;
    }

    [Fact]
    public void Cuts_contiguous_ranges_of_about_equal_weight()
    {
        var starts = new int[5];
        ParallelChunks.CutByWeight(Prefix(1, 1, 1, 1, 1, 1, 1, 1), starts);
        Assert.Equal([0, 2, 4, 6, 8], starts);
    }

    [Fact]
    public void A_unit_heavier_than_a_range_leaves_the_next_ranges_empty()
    {
        var starts = new int[4];
        ParallelChunks.CutByWeight(Prefix(1, 100, 1, 1), starts);
        Assert.Equal([0, 2, 2, 4], starts);
    }

    [Fact]
    public void Counts_become_write_positions_unit_after_unit_and_chunk_after_chunk()
    {
        int[][] counts = [[2, 0, 1], [1, 3, 0]]; // chunk 0 and chunk 1, per unit
        var starts = new int[4];
        int total = ParallelChunks.CountsToCursors(3, 2, c => counts[c], starts);

        Assert.Equal(7, total);
        Assert.Equal([0, 3, 6, 7], starts);
        Assert.Equal([0, 3, 6], counts[0]);
        Assert.Equal([2, 3, 7], counts[1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Every_chunk_runs_once_on_any_thread_count(int threads)
    {
        var runs = new int[100];
        ParallelChunks.ForEach(runs.Length, threads, c => Interlocked.Increment(ref runs[c]));
        Assert.All(runs, r => Assert.Equal(1, r));
    }
}
