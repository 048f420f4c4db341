using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Tests.Collections;

public class BucketSortTests
{
    private readonly record struct Item(ulong Key, int Value, int Origin);

    /// <summary>By key, then value: total for items of distinct (key, value).</summary>
    private readonly struct ItemOrder : IKeyedOrder<Item>
    {
        public static ulong KeyOf(in Item item) => item.Key;

        public int Compare(Item x, Item y)
        {
            int c = x.Key.CompareTo(y.Key);
            return c != 0 ? c : x.Value.CompareTo(y.Value);
        }
    }

    /// <summary>Random items of few residents (so keys repeat) with distinct values, cut into chunks at random.</summary>
    private static (BlockList<Item>[] Chunks, List<Item> All) Make(int count, int chunkCount, int residents, ulong seed)
    {
        var random = new RandomStream(seed, StreamPurpose.Test, 11);
        var chunks = Enumerable.Range(0, chunkCount).Select(_ => new BlockList<Item>()).ToArray();
        var all = new List<Item>();
        var values = Enumerable.Range(0, count).OrderBy(_ => random.NextUInt64()).ToArray();
        for (int i = 0; i < count; i++)
        {
            int a = random.NextInt(residents);
            int b = (a + 1 + random.NextInt(residents - 1)) % residents;
            int chunk = random.NextInt(chunkCount);
            var item = new Item(PairKeys.Of(a, b), values[i], chunk);
            chunks[chunk].Append() = item;
            all.Add(item);
        }
        return (chunks, all);
    }

    private static ulong Highest(IEnumerable<Item> items) => items.Select(i => i.Key).DefaultIfEmpty().Max();

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 3, 2)]
    [InlineData(1000, 1, 1)]
    [InlineData(5000, 16, 2)]
    [InlineData(200_000, 16, 4)] // several full blocks per chunk
    public void Sorts_the_chunks_items_by_key_then_full_order(int count, int chunkCount, int threads)
    {
        var (chunks, all) = Make(count, chunkCount, 500, (ulong)count + 1);
        var sort = new BucketSort<Item, ItemOrder>();
        sort.Sort(chunks, Highest(all), threads);

        var expected = all.OrderBy(i => i.Key).ThenBy(i => i.Value).ToArray();
        Assert.Equal(count, sort.Count);
        Assert.Equal(expected, sort.Sorted.ToArray());
        Assert.Equal(count, chunks.Sum(c => c.Count)); // the chunks' items are left as they are
    }

    [Fact]
    public void The_result_does_not_depend_on_the_chunks_the_thread_count_or_the_highest_key_given()
    {
        var (chunks, all) = Make(20_000, 8, 300, 7);
        var one = new BlockList<Item>();
        foreach (var item in all.OrderBy(i => i.Value))
        {
            one.Append() = item;
        }
        var sort = new BucketSort<Item, ItemOrder>();
        sort.Sort(chunks, Highest(all), threads: 3);
        var first = sort.Sorted.ToArray();
        sort.Sort([one], ulong.MaxValue, threads: 1);

        Assert.Equal(first, sort.Sorted.ToArray());
    }

    [Fact]
    public void Buckets_follow_each_other_in_key_order_and_each_is_handed_over_once_sorted()
    {
        var (chunks, all) = Make(30_000, 4, 2000, 3);
        var sort = new BucketSort<Item, ItemOrder>();
        var seen = new int[BucketSort<Item, ItemOrder>.Buckets];
        sort.Sort(chunks, Highest(all), threads: 2, b =>
        {
            var bucket = sort.Bucket(b);
            Assert.True(bucket.ToArray().Zip(bucket.ToArray().Skip(1)).All(p => default(ItemOrder).Compare(p.First, p.Second) < 0));
            Interlocked.Increment(ref seen[b]);
        });

        Assert.All(seen, n => Assert.Equal(1, n));
        var joined = Enumerable.Range(0, BucketSort<Item, ItemOrder>.Buckets).SelectMany(b => sort.Bucket(b).ToArray());
        Assert.Equal(sort.Sorted.ToArray(), joined);
        Assert.True(Enumerable.Range(0, BucketSort<Item, ItemOrder>.Buckets).Count(b => sort.Bucket(b).Length > 0) > 8); // spread, not one bucket
    }

    [Fact]
    public void Keys_given_back_are_made_again_by_the_next_sort()
    {
        var (chunks, all) = Make(3000, 2, 100, 5);
        var sort = new BucketSort<Item, ItemOrder>();
        sort.Sort(chunks, Highest(all), threads: 1);
        var first = sort.Sorted.ToArray();
        sort.ReleaseKeys();
        Assert.Equal(0, sort.KeyBytes);
        Assert.Equal(first, sort.Sorted.ToArray()); // the items stay in order

        sort.Release();
        Assert.Equal(0, sort.Bytes);
        sort.Sort(chunks, Highest(all), threads: 2);
        Assert.Equal(first, sort.Sorted.ToArray());
    }
}
