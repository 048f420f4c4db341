using DigitalTwin.Engine.Mobility;

namespace DigitalTwin.Engine.Tests.Mobility;

public class ArcHeapTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(0.001f)]
    [InlineData(1f)]
    [InlineData(1e30f)]
    public void Pops_in_order_of_key_then_arc_for_negative_zero_equal_and_infinite_keys(float bucketWidth)
    {
        var random = new Random(7);
        var pushed = new List<(float Key, int Arc)>();
        float[] special = [0f, -0f, -1.5f, float.PositiveInfinity, 3f, 3f, -1e-30f, 1e-30f, float.MaxValue, -float.MaxValue];
        for (int i = 0; i < 2000; i++)
        {
            float key = i < special.Length ? special[i] : (float)((random.NextDouble() - 0.3) * 100);
            pushed.Add((i % 7 == 0 ? 3f : key, random.Next(0, 50_000)));
        }
        var heap = new ArcHeap();
        heap.Clear(bucketWidth);
        foreach (var (key, arc) in pushed)
        {
            heap.Push(key, arc);
        }
        var expected = pushed.OrderBy(p => p.Key).ThenBy(p => p.Arc).ToList();

        var popped = new List<(float Key, int Arc)>();
        while (heap.TryPop(out float key, out int arc))
        {
            popped.Add((key, arc));
        }

        Assert.Equal(expected.Count, popped.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Key == popped[i].Key && expected[i].Arc == popped[i].Arc, $"at {i}: expected {expected[i]}, popped {popped[i]}");
        }
    }

    [Theory]
    [InlineData(0f, false)]
    [InlineData(0.05f, false)] // keys up to 500 span 10,000 buckets: most wait in the overflow beyond the window
    [InlineData(2f, false)]
    [InlineData(2f, true)]     // as a search pushes: never below the last key popped
    public void Interleaved_pushes_and_pops_through_growth_emptying_and_clearing_match_a_sorted_set(float bucketWidth, bool monotone)
    {
        var random = new Random(11);
        var heap = new ArcHeap();
        heap.Clear(bucketWidth);
        float lastPopped = 0;
        var reference = new SortedSet<(float Key, int Arc)>();
        for (int round = 0; round < 3; round++)
        {
            for (int step = 0; step < 20_000; step++)
            {
                // Pushes outnumber pops early in a round (the heap grows past its first 1024 entries), then pops do.
                bool push = reference.Count == 0 || random.NextDouble() < (step < 10_000 ? 0.7 : 0.3);
                if (push)
                {
                    float key = (float)Math.Round(random.NextDouble() * 500, 1);
                    var entry = (monotone ? lastPopped + key : key, random.Next(0, 100_000));
                    if (reference.Add(entry))
                    {
                        heap.Push(entry.Item1, entry.Item2);
                    }
                    continue;
                }
                var least = reference.Min;
                reference.Remove(least);
                Assert.True(heap.TryPeek(out float peeked));
                Assert.Equal(least.Key, peeked);
                Assert.True(heap.TryPop(out float popped, out int arc));
                Assert.Equal(least, (popped, arc));
                lastPopped = popped;
            }
            if (round == 1)
            {
                heap.Clear(bucketWidth);
                reference.Clear();
                lastPopped = 0;
                Assert.False(heap.TryPop(out _, out _));
            }
        }
        while (reference.Count > 0)
        {
            var least = reference.Min;
            reference.Remove(least);
            Assert.True(heap.TryPop(out float key, out int arc));
            Assert.Equal(least, (key, arc));
        }
        Assert.False(heap.TryPop(out _, out _));
    }
}
