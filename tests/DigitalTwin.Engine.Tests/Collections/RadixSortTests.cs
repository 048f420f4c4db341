using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Tests.Collections;

public class RadixSortTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(1000, 3)]
    [InlineData(50_000, 4)]
    public void Sorts_pair_keys_like_a_stable_comparison_sort(int count, ulong seed)
    {
        var random = new RandomStream(seed, StreamPurpose.Test, 9);
        var keys = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            // Few residents, so equal pairs recur and stability is tested.
            keys[i] = PairKeys.Of(random.NextInt(300), random.NextInt(300));
        }
        var expected = keys.Select((key, index) => (key, index)).OrderBy(p => p.key).ToArray(); // OrderBy is stable
        var values = Enumerable.Range(0, count).ToArray();
        RadixSort.Sort(keys, values, new ulong[count], new int[count]);
        Assert.Equal(expected.Select(p => p.key), keys);
        Assert.Equal(expected.Select(p => p.index), values);
    }

    [Fact]
    public void Keys_that_differ_in_every_byte_are_sorted_through_all_passes()
    {
        var random = new RandomStream(5, StreamPurpose.Test, 1);
        var keys = Enumerable.Range(0, 4096).Select(_ => (random.NextUInt64() >> 1) ^ (ulong)random.NextInt(1 << 30)).ToArray();
        var expected = keys.Order().ToArray();
        var values = new int[keys.Length];
        RadixSort.Sort(keys, values, new ulong[keys.Length], new int[keys.Length]);
        Assert.Equal(expected, keys);
    }

    [Fact]
    public void Sorts_32_bit_keys_stably_in_at_most_four_passes()
    {
        var random = new RandomStream(6, StreamPurpose.Test, 2);
        var keys = Enumerable.Range(0, 3000).Select(_ => (uint)random.NextInt(1 << 20) * (uint)random.NextInt(4096)).ToArray();
        keys[7] = keys[1500] = keys[2999]; // equal keys keep their input order
        var expected = keys.Select((key, index) => (key, index)).OrderBy(p => p.key).ToArray();
        var values = Enumerable.Range(0, keys.Length).ToArray();
        RadixSort.Sort(keys, values, new uint[keys.Length], new int[keys.Length]);
        Assert.Equal(expected.Select(p => p.key), keys);
        Assert.Equal(expected.Select(p => p.index), values);
    }

    [Fact]
    public void Scratch_shorter_than_the_keys_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RadixSort.Sort(new ulong[4], new int[4], new ulong[3], new int[4]));
    }
}
