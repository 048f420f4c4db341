using System.Runtime.CompilerServices;

namespace DigitalTwin.Engine.Collections;

/// <summary>
/// The order a <see cref="BucketSort{T, TOrder}"/> puts items in: by a 64-bit key first, then by a full comparison
/// between items of equal key. The comparison must agree with the key (items of different keys compare as their keys)
/// and be total, or the result depends on where the items came from.
/// </summary>
internal interface IKeyedOrder<T> : IComparer<T>
{
    /// <summary>The item's key: the first part of the order, sorted by radix.</summary>
    static abstract ulong KeyOf(in T item);
}

/// <summary>
/// Sorts the items that several chunks wrote into their own <see cref="BlockList{T}"/>s into one array, in parallel,
/// for the day's big sorts (millions of encounter fragments keyed by pair). The items are scattered into
/// <see cref="Buckets"/> buckets by range of their key's high 32 bits (a pair key's lower resident); per bucket a
/// stable radix sort of the keys (<see cref="RadixSort"/>) with where each item is, the items gathered from the chunks'
/// blocks in that order, and a full comparison only inside runs of equal keys (most runs hold one item). The order is
/// total, so the result does not depend on the chunks, their cut or the thread count; buckets are ranges of keys, so
/// bucket order is key order and a run of equal keys never spans two buckets. Arrays are kept from one sort to the
/// next.
/// </summary>
internal sealed class BucketSort<T, TOrder>
    where T : struct
    where TOrder : struct, IKeyedOrder<T>
{
    /// <summary>Buckets sorted in parallel: a fixed number, so their cut never depends on the thread count.</summary>
    public const int Buckets = 16;

    // Bins are the fine ranges that buckets are made of: a pair falls in the bin of its lower resident, and low
    // residents are the lower of many more pairs, so equal ranges of residents would leave the first buckets several
    // times the last ones. Buckets are cut from the bins by count.
    private const int Bins = 1024;

    // Where the sort finds each item: its block (numbered across chunks) in the high bits, its index in the block in
    // the low BlockList.MaxBlockBits.
    private const int BlockBits = BlockList<T>.MaxBlockBits;
    private const int GatherAhead = 8;

    // Made once, so sorting allocates nothing per call (a struct comparer would be boxed).
    private static readonly Comparison<T> Comparison = default(TOrder).Compare;

    private readonly int[] _bucketOfBin = new int[Bins];
    private readonly long[] _binPrefix = new long[Bins + 1];
    private readonly int[] _binBucketStart = new int[Buckets + 1];
    private readonly int[] _bucketStart = new int[Buckets + 1];
    private BlockList<T>[] _chunks = [];
    private int[][] _binCounts = [];    // per chunk: its items per bin
    private int[][] _bucketCursor = []; // per chunk: its items per bucket, then where it writes the bucket's next
    private int[] _scatterOrder = [];
    private T[][] _blocks = [];
    private int[] _blockBase = [];
    private ulong[] _keys = new ulong[1024];
    private int[] _order = new int[1024];
    private ulong[] _keyScratch = new ulong[1024];
    private int[] _orderScratch = new int[1024];
    private T[] _sorted = new T[1024];
    private int _count;
    private int _chunkCount;
    private ulong _highSpan;
    private Action<int>? _bucketSorted;

    // The parallel steps as delegates made once: a sort allocates nothing of its own once its arrays are sized.
    private readonly Action<int> _countBins;
    private readonly Action<int> _scatter;
    private readonly Action<int> _sortBucket;

    public BucketSort()
    {
        _countBins = CountBins;
        _scatter = i => Scatter(_scatterOrder[i]);
        _sortBucket = b =>
        {
            SortBucket(b);
            _bucketSorted?.Invoke(b);
        };
    }

    /// <summary>Items sorted by the last <see cref="Sort"/>.</summary>
    public int Count => _count;

    /// <summary>Bytes of the keys and their scratch, which <see cref="ReleaseKeys"/> gives back.</summary>
    public long KeyBytes => (long)_keys.Length * ((2 * sizeof(ulong)) + (2 * sizeof(int)));

    /// <summary>Bytes of the sorted items and the keys (sized together), which <see cref="Release"/> gives back.</summary>
    public long Bytes => (long)_sorted.Length * (Unsafe.SizeOf<T>() + (2 * sizeof(ulong)) + (2 * sizeof(int)));

    /// <summary>All items of the last sort, in order.</summary>
    public ReadOnlySpan<T> Sorted => _sorted.AsSpan(0, _count);

    /// <summary>The items of one bucket of the last sort, in order (buckets follow each other in key order).</summary>
    public ReadOnlySpan<T> Bucket(int bucket) => _sorted.AsSpan(_bucketStart[bucket], _bucketStart[bucket + 1] - _bucketStart[bucket]);

    /// <summary>
    /// Sorts the items of <paramref name="chunks"/> (left as they are) into <see cref="Sorted"/>. Each bucket, once
    /// sorted, is handed to <paramref name="bucketSorted"/> on the thread that sorted it, while it is still in cache.
    /// </summary>
    /// <param name="chunks">The items, in as many lists as there were chunks writing them; chunk order breaks no tie.</param>
    /// <param name="highestKey">At least every item's key: spreads the keys over the bins.</param>
    /// <param name="threads">Threads to sort on (the result is the same on any number).</param>
    /// <param name="bucketSorted">Optional: called with each bucket's number once it is in order.</param>
    public void Sort(ReadOnlySpan<BlockList<T>> chunks, ulong highestKey, int threads, Action<int>? bucketSorted = null)
    {
        Prepare(chunks);
        int chunkCount = _chunkCount;
        // The keys may have been given back without the items (see ReleaseKeys): sized together again.
        if (_sorted.Length < _count || _keys.Length < _count)
        {
            int size = DayBuffers.Sized(_count);
            _keys = new ulong[size];
            _order = new int[size];
            _keyScratch = new ulong[size];
            _orderScratch = new int[size];
            _sorted = new T[size];
        }
        _highSpan = (highestKey >> 32) + 1;
        _bucketSorted = bucketSorted;
        // Each chunk counts its items per bin; the bins are grouped into buckets of about equal count (from all the
        // items' counts, so the same on any chunking); the counts become each chunk's write positions (bucket after
        // bucket, chunk after chunk), and the chunks scatter their keys in parallel.
        ParallelChunks.ForEach(chunkCount, threads, _countBins);
        for (int bin = 0; bin < Bins; bin++)
        {
            long inBin = 0;
            for (int c = 0; c < chunkCount; c++)
            {
                inBin += _binCounts[c][bin];
            }
            _binPrefix[bin + 1] = _binPrefix[bin] + inBin;
        }
        ParallelChunks.CutByWeight(_binPrefix, _binBucketStart);
        for (int b = 0; b < Buckets; b++)
        {
            _bucketOfBin.AsSpan(_binBucketStart[b], _binBucketStart[b + 1] - _binBucketStart[b]).Fill(b);
        }
        for (int c = 0; c < chunkCount; c++)
        {
            CountBuckets(c);
        }
        ParallelChunks.CountsToCursors(Buckets, chunkCount, c => _bucketCursor[c], _bucketStart);
        // Largest first: chunks are cut by their input, and their items vary several-fold; taken in chunk order a
        // large one could come last, with the other core waiting.
        for (int c = 0; c < chunkCount; c++)
        {
            int at = c;
            while (at > 0 && _chunks[_scatterOrder[at - 1]].Count < _chunks[c].Count)
            {
                _scatterOrder[at] = _scatterOrder[at - 1];
                at--;
            }
            _scatterOrder[at] = c;
        }
        NumberBlocks();
        ParallelChunks.ForEach(chunkCount, threads, _scatter);
        ParallelChunks.ForEach(Buckets, threads, _sortBucket);
        Array.Clear(_blocks); // gathered: the blocks are the chunks' again, to keep or give back
        Array.Clear(_chunks);
        _bucketSorted = null;
    }

    /// <summary>Gives back the keys and their scratch once the items are in order (the next sort makes them again).</summary>
    public void ReleaseKeys() => (_keys, _order, _keyScratch, _orderScratch) = ([], [], [], []);

    /// <summary>Gives back everything sized by the items (the next sort makes it again).</summary>
    public void Release()
    {
        (_sorted, _keys, _order, _keyScratch, _orderScratch) = ([], [], [], [], []);
        _count = 0;
    }

    /// <summary>Takes the chunks and counts their items; per-chunk arrays grow with the number of chunks.</summary>
    private void Prepare(ReadOnlySpan<BlockList<T>> chunks)
    {
        int chunkCount = chunks.Length;
        if (_chunks.Length < chunkCount)
        {
            _chunks = new BlockList<T>[chunkCount];
        }
        if (_binCounts.Length < chunkCount)
        {
            int held = _binCounts.Length;
            Array.Resize(ref _binCounts, chunkCount);
            Array.Resize(ref _bucketCursor, chunkCount);
            for (int c = held; c < chunkCount; c++)
            {
                _binCounts[c] = new int[Bins];
                _bucketCursor[c] = new int[Buckets];
            }
        }
        if (_scatterOrder.Length != chunkCount)
        {
            _scatterOrder = new int[chunkCount];
        }
        int count = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            _chunks[c] = chunks[c];
            count += chunks[c].Count;
        }
        _chunkCount = chunkCount;
        _count = count;
    }

    private static int Bin(ulong key, ulong highSpan) => (int)((key >> 32) * Bins / highSpan);

    private void CountBins(int chunk)
    {
        ulong highSpan = _highSpan;
        var counts = _binCounts[chunk];
        Array.Clear(counts);
        var items = _chunks[chunk];
        for (int block = 0; block < items.BlocksUsed; block++)
        {
            foreach (ref readonly T item in items.Block(block))
            {
                counts[Bin(TOrder.KeyOf(in item), highSpan)]++;
            }
        }
    }

    /// <summary>Sums a chunk's bin counts per bucket (bucket b is bins [_binBucketStart[b], _binBucketStart[b + 1])).</summary>
    private void CountBuckets(int chunk)
    {
        var bins = _binCounts[chunk];
        var buckets = _bucketCursor[chunk];
        for (int b = 0; b < Buckets; b++)
        {
            int count = 0;
            foreach (int inBin in bins.AsSpan(_binBucketStart[b], _binBucketStart[b + 1] - _binBucketStart[b]))
            {
                count += inBin;
            }
            buckets[b] = count;
        }
    }

    /// <summary>Numbers the chunks' blocks one after another, so an item is found by one int (see <see cref="BlockBits"/>).</summary>
    private void NumberBlocks()
    {
        int chunkCount = _chunkCount;
        if (_blockBase.Length != chunkCount)
        {
            _blockBase = new int[chunkCount];
        }
        int blocks = 0;
        for (int c = 0; c < chunkCount; c++)
        {
            _blockBase[c] = blocks;
            blocks += _chunks[c].BlocksUsed;
        }
        if (blocks >= 1 << (31 - BlockBits))
        {
            throw new InvalidOperationException($"{blocks} blocks of items are beyond what the sort can number.");
        }
        if (_blocks.Length < blocks)
        {
            _blocks = new T[blocks][];
        }
        for (int c = 0; c < chunkCount; c++)
        {
            for (int b = 0; b < _chunks[c].BlocksUsed; b++)
            {
                _blocks[_blockBase[c] + b] = _chunks[c].BlockArray(b);
            }
        }
    }

    /// <summary>
    /// Writes each of a chunk's keys, and where its item is, at its bucket's next position (chunk after chunk, in
    /// chunk order). The items themselves stay put until the bucket's sort gathers them: copying them here as well, so
    /// the sort could move them within one range, cost one more pass over the items and a dependent read per move.
    /// </summary>
    private void Scatter(int chunk)
    {
        ulong highSpan = _highSpan;
        var items = _chunks[chunk];
        var cursor = _bucketCursor[chunk];
        int[] bucketOfBin = _bucketOfBin;
        ulong[] keys = _keys;
        int[] sources = _order;
        int blockBase = _blockBase[chunk];
        for (int block = 0; block < items.BlocksUsed; block++)
        {
            var inBlock = items.Block(block);
            int source = (blockBase + block) << BlockBits;
            for (int i = 0; i < inBlock.Length; i++)
            {
                ulong key = TOrder.KeyOf(in inBlock[i]);
                int bucket = bucketOfBin[Bin(key, highSpan)];
                int at = cursor[bucket]++;
                keys[at] = key;
                sources[at] = source | i;
            }
        }
    }

    /// <summary>
    /// Sorts one bucket: a radix sort of its keys with where each item is (stable, so equal keys keep chunk order),
    /// the items gathered from the chunks' blocks in that order, then the full order within a key. The gather reads a
    /// few items ahead of the one it copies, so the scattered reads overlap; moving the items into order in place,
    /// one cycle of the permutation after another, waited for each read in turn (1M residents' fragments: 2.4 s of
    /// the sort's 3.7).
    /// </summary>
    private void SortBucket(int bucket)
    {
        int first = _bucketStart[bucket];
        int count = _bucketStart[bucket + 1] - first;
        var keys = _keys.AsSpan(first, count);
        var order = _order.AsSpan(first, count);
        RadixSort.Sort(keys, order, _keyScratch.AsSpan(first, count), _orderScratch.AsSpan(first, count));
        var sorted = _sorted.AsSpan(first, count);
        var blocks = _blocks;
        const int inBlock = (1 << BlockBits) - 1;
        for (int i = 0; i < count; i++)
        {
            if (i + GatherAhead < count)
            {
                int ahead = order[i + GatherAhead];
                CacheHint.Prefetch(in blocks[ahead >> BlockBits][ahead & inBlock]);
            }
            int from = order[i];
            sorted[i] = blocks[from >> BlockBits][from & inBlock];
        }
        int run = 0;
        while (run < count)
        {
            int until = run + 1;
            while (until < count && keys[until] == keys[run])
            {
                until++;
            }
            if (until - run > 1)
            {
                sorted[run..until].Sort(Comparison);
            }
            run = until;
        }
    }
}
