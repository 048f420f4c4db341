using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Tests.Collections;

public class PairTableTests
{
    private struct Record : IPairRecord
    {
        public ulong Key { get; set; }

        public int Payload;
    }

    /// <summary>Adds the keys not held yet, in the order given, as a day's new pairs are added; returns their records.</summary>
    private static int[] Add(ref PairTable<Record> table, ulong[] keys, int threads, List<int>? seen = null)
    {
        var records = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            records[i] = table.Find(keys[i]);
        }
        int newCount = records.Count(r => r < 0);
        table.AddNew(keys, records, keys.Length, newCount, threads, () => new List<int>(), (pairs, local) => local.AddRange(pairs.ToArray()), local =>
        {
            lock (keys)
            {
                seen?.AddRange(local);
            }
        });
        return records;
    }

    private static int Find(PairTable<Record> table, ulong key) => table.Find(key);

    private static ulong[] RandomKeys(int count, int residents, ulong seed)
    {
        var random = new RandomStream(seed, StreamPurpose.Test, 12);
        var keys = new HashSet<ulong>();
        while (keys.Count < count)
        {
            int a = random.NextInt(residents);
            int b = random.NextInt(residents);
            if (a != b)
            {
                keys.Add(PairKeys.Of(a, b));
            }
        }
        return keys.ToArray();
    }

    [Fact]
    public void New_keys_get_records_in_the_order_given_and_are_found_again()
    {
        var table = new PairTable<Record>(16);
        ulong[] keys = [PairKeys.Of(1, 2), PairKeys.Of(3, 9), PairKeys.Of(0, 5)];
        var seen = new List<int>();
        var records = Add(ref table, keys, threads: 1, seen);

        Assert.Equal([0, 1, 2], records);
        Assert.Equal(3, table.Count);
        Assert.Equal([0, 1, 2], seen.Order());
        for (int i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, table.Find(keys[i]));
            Assert.Equal(keys[i], table.RecordAt(i).Key);
        }
        Assert.True(table.Find(PairKeys.Of(2, 3)) < 0);
        Assert.Throws<ArgumentException>(() => table.Find(0)); // the pair (0, 0)
    }

    [Fact]
    public void Keys_held_already_keep_their_record()
    {
        var table = new PairTable<Record>(16);
        Add(ref table, [PairKeys.Of(1, 2)], threads: 1);
        table.RecordAt(0).Payload = 42;
        var records = Add(ref table, [PairKeys.Of(4, 5), PairKeys.Of(1, 2)], threads: 1);

        Assert.Equal([1, 0], records);
        Assert.Equal(42, table.RecordAt(0).Payload);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_large_table_places_in_regions_and_grows_keeping_every_record(int threads)
    {
        // 2^16 slots and more: keys are placed region by region in parallel.
        var table = new PairTable<Record>(1 << 16);
        var keys = RandomKeys(40_000, 3000, 3);
        var seen = new List<int>();
        Add(ref table, keys, threads, seen);
        Assert.Equal(Enumerable.Range(0, keys.Length), seen.Order());
        table.GrowTo(1 << 18, threads);
        var more = RandomKeys(60_000, 3000, 4).Except(keys).ToArray();
        Add(ref table, more, threads);

        Assert.Equal(1 << 18, table.Capacity);
        var all = keys.Concat(more).ToArray();
        Assert.Equal(all.Length, table.Count);
        for (int i = 0; i < all.Length; i++)
        {
            Assert.Equal(i, table.Find(all[i]));
        }
    }

    [Fact]
    public void Slots_do_not_depend_on_the_thread_count()
    {
        var keys = RandomKeys(30_000, 2000, 5);
        var one = new PairTable<Record>(1 << 16);
        var four = new PairTable<Record>(1 << 16);
        Add(ref one, keys, threads: 1);
        Add(ref four, keys, threads: 4);
        one.GrowTo(1 << 17, threads: 1);
        four.GrowTo(1 << 17, threads: 4);
        var probe = RandomKeys(5000, 2000, 6);

        // The same key in the same slot: a key not held ends its probe at the same empty slot.
        Assert.Equal(probe.Select(k => Find(one, k)), probe.Select(k => Find(four, k)));
    }

    [Fact]
    public void Truncating_keeps_the_first_records_and_forgets_the_rest()
    {
        var table = new PairTable<Record>(64);
        var keys = RandomKeys(40, 50, 7);
        Add(ref table, keys, threads: 1);
        long bytes = table.MemoryBytes;
        table.Truncate(10);

        Assert.Equal(10, table.Count);
        Assert.Equal(Enumerable.Range(0, 10), keys.Take(10).Select(k => Find(table, k)));
        Assert.All(keys.Skip(10), k => Assert.True(Find(table, k) < 0));
        Assert.Equal(bytes, table.MemoryBytes); // one block of records either way, and the same hash
        Assert.Equal(8, PairTable<Record>.BytesPerSlot);
    }
}
