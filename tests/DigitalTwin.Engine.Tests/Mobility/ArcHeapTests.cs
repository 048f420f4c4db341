using DigitalTwin.Engine.Mobility;

namespace DigitalTwin.Engine.Tests.Mobility;

public class ArcHeapTests
{
    [Fact]
    public void Pops_in_order_of_key_then_arc_for_negative_zero_equal_and_infinite_keys()
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
}
