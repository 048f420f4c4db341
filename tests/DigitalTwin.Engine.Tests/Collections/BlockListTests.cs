using DigitalTwin.Engine.Collections;

namespace DigitalTwin.Engine.Tests.Collections;

public class BlockListTests
{
    private static int[] Items(BlockList<int> list) =>
        Enumerable.Range(0, list.BlocksUsed).SelectMany(b => list.Block(b).ToArray()).ToArray();

    [Fact]
    public void Items_come_back_in_the_order_added_across_blocks_that_double_up_to_the_largest()
    {
        var list = new BlockList<int>();
        int count = (3 * BlockList<int>.MaxBlockSize) + 5;
        for (int i = 0; i < count; i++)
        {
            list.Append() = i;
        }

        Assert.Equal(count, list.Count);
        Assert.Equal(Enumerable.Range(0, count), Items(list));
        var sizes = Enumerable.Range(0, list.BlocksUsed).Select(b => list.BlockArray(b).Length).ToArray();
        Assert.Equal(256, sizes[0]);
        Assert.All(sizes.Zip(sizes.Skip(1)), p => Assert.Equal(Math.Min(BlockList<int>.MaxBlockSize, p.First * 2), p.Second));
        // The last block only as far as it is filled.
        Assert.Equal(count - sizes[..^1].Sum(), list.Block(list.BlocksUsed - 1).Length);
        Assert.True(list.Block(list.BlocksUsed - 1).Length < sizes[^1]);
    }

    [Fact]
    public void Clear_keeps_the_blocks_for_the_next_fill_and_release_gives_them_back()
    {
        var list = new BlockList<long>();
        for (int i = 0; i < 1000; i++)
        {
            list.Append() = i;
        }
        long held = list.CapacityBytes;
        var first = list.BlockArray(0);

        list.Clear();
        Assert.Equal(0, list.Count);
        Assert.Equal(0, list.BlocksUsed);
        Assert.Equal(held, list.CapacityBytes);
        list.Append() = 7;
        Assert.Same(first, list.BlockArray(0));
        Assert.Equal([7L], list.Block(0).ToArray());

        list.Release();
        Assert.Equal(0, list.CapacityBytes);
        Assert.Equal(0, list.Count);
    }
}
