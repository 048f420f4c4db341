using System.Numerics;
using System.Runtime.CompilerServices;

namespace DigitalTwin.Engine.Collections;

/// <summary>A record held in a <see cref="PairTable{TRecord}"/>: it carries its key, which confirms a hash match.</summary>
internal interface IPairRecord
{
    ulong Key { get; set; }
}

/// <summary>What a <see cref="PairTable{TRecord}.AddNew"/> worker does with one region's new keys before placing them.</summary>
/// <param name="pairs">Indices into the keys given to AddNew, the region's, in their order there.</param>
/// <param name="local">The worker's own state (from the local init), so nothing is shared between workers.</param>
internal delegate void RegionKeys<in TLocal>(ReadOnlySpan<int> pairs, TLocal local);

/// <summary>
/// Records keyed by 64-bit pair keys (key 0 is never valid), for millions of pairs: the records are kept densely in
/// blocks of 2^12 in the order keys were added (no object per record; growing adds a block and copies nothing), and an
/// open-addressing hash (linear probing, Fibonacci hashing, at most <see cref="MaxLoad"/> full) maps a key to its
/// record in 8-byte slots of the hash's first 32 bits and the record's index. A slot holds no key: a match is confirmed
/// by the record's key, which a lookup reads next anyway, and the hash bits give the home in any table size, so growing
/// moves only slots, never records. Rehashing 16-byte key-and-index slots into a table of fresh memory was most of
/// Delft's familiarity phase. New keys are placed, and the hash grown, region by region in parallel, so which key ends
/// in which slot never depends on the thread count. Reads (<see cref="Find"/>) may run in parallel; changes may not.
/// <para>
/// A struct, kept in its owner's field (not readonly, so changes are made in place): the owner's hot loops copy it to a
/// local, which keeps its arrays in registers; through a class they were loaded again after every write to a record
/// (a day's familiarity update took 5 to 10 % longer). A copy reads and writes the same slots and records, so it serves
/// for reading and for changing records; only the owner's own field may add, grow or truncate.
/// </para>
/// </summary>
internal struct PairTable<TRecord>
    where TRecord : struct, IPairRecord
{
    /// <summary>The most a table is filled before it has to grow (or its owner has to drop records).</summary>
    public const double MaxLoad = 0.7;

    // Records come in blocks of 2^12 (229 kB of 64-byte records): a small table holds one or two.
    private const int BlockBits = 12;
    private const int BlockSize = 1 << BlockBits;
    private const int BlockMask = BlockSize - 1;

    /// <summary>
    /// Regions of the hash that place keys in parallel: the first RegionBits bits of a key's hash, so a region of a
    /// table is the same keys' region of the table twice its size. Small tables are one region.
    /// </summary>
    private const int RegionBits = 6;

    /// <summary>How many keys ahead placement prefetches their slots (a few hundred ns of memory latency).</summary>
    private const int PrefetchDistance = 8;

    private int _shift;
    private Slot[] _slots;
    private TRecord[][] _records = [];

    // AddNew's new keys grouped by region: which key, and where its probe resumes (−1 once placed).
    private int[] _placeOrder = [];
    private int[] _placeSlots = [];

    /// <summary>A table of at least <paramref name="initialCapacity"/> slots (a power of two, at least 16).</summary>
    public PairTable(int initialCapacity)
    {
        Count = 0;
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, initialCapacity));
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _slots = new Slot[capacity];
    }

    /// <summary>Bytes per hash slot: the first 32 bits of a key's hash and its record's index.</summary>
    public static int BytesPerSlot => Unsafe.SizeOf<Slot>();

    /// <summary>Records held: record r is [0, Count).</summary>
    public int Count { get; private set; }

    /// <summary>Slots of the hash.</summary>
    public readonly int Capacity => _slots.Length;

    /// <summary>Bytes held by the hash and the record blocks.</summary>
    public readonly long MemoryBytes => ((long)Capacity * BytesPerSlot) + ((long)_records.Length * BlockSize * Unsafe.SizeOf<TRecord>());

    /// <summary>Record <paramref name="record"/> (below <see cref="Count"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ref TRecord RecordAt(int record) => ref RecordIn(_records, record);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref TRecord RecordIn(TRecord[][] records, int record) => ref records[record >> BlockBits][record & BlockMask];

    /// <summary>
    /// The record holding <paramref name="key"/>, or, when none does, the one's complement (negative) of the empty
    /// slot where its probe ended: <see cref="AddNew"/> resumes there.
    /// </summary>
    public readonly int Find(ulong key)
    {
        int slot = FindSlot(key);
        return _slots[slot].IsEmpty ? ~slot : _slots[slot].Record;
    }

    /// <summary>Asks for the key's home slot to be loaded (a lookup of it follows a few keys later).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void PrefetchSlot(ulong key) => CacheHint.Prefetch(in _slots[Home(HashOf(key))]);

    /// <summary>Asks for the key's record to be loaded when its home slot (already loaded, see <see cref="PrefetchSlot"/>) looks like a match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void PrefetchRecord(ulong key)
    {
        uint hash = HashOf(key);
        ref readonly Slot home = ref _slots[Home(hash)];
        if (!home.IsEmpty && home.Hash == hash)
        {
            CacheHint.Prefetch(in RecordAt(home.Record));
        }
    }

    /// <summary>
    /// Adds the keys not held: <c>keys[i]</c> for every i below <paramref name="count"/> with <c>records[i]</c> negative
    /// (as <see cref="Find"/> returned it, the table unchanged since), <paramref name="newCount"/> of them. They get
    /// records <see cref="Count"/>, Count + 1, ... in the order given (a layout that depends only on the keys), written
    /// into <c>records[i]</c> and carrying their key, and their slots in parallel over regions of the hash: a key's
    /// probe stays in its home's region, and one that would leave it is placed after all regions, in order. Placing a
    /// city's first day (24 million pairs at 1M residents) one by one was most of its familiarity phase.
    /// <paramref name="eachRegion"/> sees each region's new keys on the worker that places them, with that worker's
    /// state, for work that goes with adding a key.
    /// </summary>
    public void AddNew<TLocal>(ulong[] keys, int[] records, int count, int newCount, int threads,
        Func<TLocal> localInit, RegionKeys<TLocal> eachRegion, Action<TLocal> localFinally)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(eachRegion);
        if (newCount == 0)
        {
            return;
        }
        int firstRecord = Count;
        EnsureRecords(firstRecord + newCount);
        if (_placeOrder.Length < newCount)
        {
            int size = Math.Max(newCount, _placeOrder.Length * 2);
            _placeOrder = new int[size];
            _placeSlots = new int[size];
        }
        int[] order = _placeOrder;
        int[] resume = _placeSlots;
        int regions = RegionCount(_slots.Length);
        Span<int> regionStart = stackalloc int[regions + 1];
        regionStart.Clear();
        for (int i = 0; i < count; i++)
        {
            if (records[i] < 0)
            {
                regionStart[RegionOf(HashOf(keys[i]), regions) + 1]++;
            }
        }
        for (int g = 0; g < regions; g++)
        {
            regionStart[g + 1] += regionStart[g];
        }
        Span<int> next = stackalloc int[regions];
        regionStart[..regions].CopyTo(next);
        int record = firstRecord;
        for (int i = 0; i < count; i++)
        {
            if (records[i] < 0)
            {
                int at = next[RegionOf(HashOf(keys[i]), regions)]++;
                order[at] = i;
                resume[at] = ~records[i];
                records[i] = record++;
            }
        }
        Count = firstRecord + newCount;
        int[] starts = regionStart.ToArray();
        Slot[] slots = _slots;
        TRecord[][] recordBlocks = _records;
        Parallel.For(0, regions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, localInit, (g, _, local) =>
        {
            eachRegion(order.AsSpan(starts[g], starts[g + 1] - starts[g]), local);
            PlaceInRegion(slots, recordBlocks, order, resume, g, regions, keys, records, starts[g], starts[g + 1]);
            return local;
        }, localFinally);
        int mask = _slots.Length - 1;
        for (int at = 0; at < newCount; at++)
        {
            if (resume[at] >= 0)
            {
                int i = order[at];
                int slot = resume[at] & mask;
                while (!_slots[slot].IsEmpty)
                {
                    slot = (slot + 1) & mask;
                }
                _slots[slot] = Slot.Of(keys[i], records[i]);
            }
        }
    }

    /// <summary>
    /// Rehashes into a table of <paramref name="capacity"/> slots (a power of two) in one step: a first day of
    /// millions of pairs would otherwise double a dozen times, each old table garbage on the large-object heap until
    /// the next full collection (at a million residents, gigabytes at the day's peak). Records stay where they are.
    /// </summary>
    public void GrowTo(int capacity, int threads)
    {
        Slot[] old = _slots;
        int shift = _shift = 64 - BitOperations.Log2((uint)capacity);
        Slot[] slots = _slots = new Slot[capacity];
        int regions = RegionCount(old.Length);
        if (regions == 1)
        {
            ClearRegions(threads); // a city's first day grows from the initial table straight to a gigabyte
            // In the old table's order: homes there are in the order of the hash's high bits, so the writes here
            // sweep the new table nearly in order.
            foreach (ref readonly Slot slot in old.AsSpan())
            {
                if (!slot.IsEmpty)
                {
                    _slots[FreeSlot(slot.Hash)] = slot;
                }
            }
            return;
        }
        // Region by region in parallel: the keys of the old table's region g that belong to it have their homes in
        // the new table's region g. Keys pushed over a region's border, before or now, are placed after, in order.
        var pushed = new List<Slot>?[regions];
        int oldSize = old.Length / regions;
        Parallel.For(0, regions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, g =>
        {
            int end = RegionEnd(g, regions, slots.Length);
            int start = RegionEnd(g - 1, regions, slots.Length);
            // Written before it is read: a fresh page read first is mapped to the zero page and faulted again on the
            // first write (a sixth of the growth's time).
            slots.AsSpan(start, end - start).Clear();
            foreach (ref readonly Slot slot in old.AsSpan(g * oldSize, oldSize))
            {
                if (slot.IsEmpty)
                {
                    continue;
                }
                int at = RegionOf(slot.Hash, regions) == g ? Home(slot.Hash, shift) : end;
                while (at < end && !slots[at].IsEmpty)
                {
                    at++;
                }
                if (at < end)
                {
                    slots[at] = slot;
                }
                else
                {
                    (pushed[g] ??= []).Add(slot);
                }
            }
        });
        foreach (var overflow in pushed)
        {
            foreach (var slot in overflow ?? [])
            {
                _slots[FreeSlot(slot.Hash)] = slot;
            }
        }
    }

    /// <summary>
    /// Keeps records [0, <paramref name="count"/>) only, and builds the hash again over them at the same capacity:
    /// for an owner that dropped records by moving the kept ones down over them, in order.
    /// </summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        Count = count;
        int blocks = (count + BlockSize - 1) >> BlockBits;
        _records = _records[..blocks];
        _shift = 64 - BitOperations.Log2((uint)_slots.Length);
        _slots = new Slot[_slots.Length];
        for (int record = 0; record < Count; record++)
        {
            _slots[FreeSlot(HashOf(RecordAt(record).Key))] = Slot.Of(RecordAt(record).Key, record);
        }
    }

    /// <summary>The slot holding the key, or the empty slot where it would go. Key 0 is the pair (0, 0): never valid.</summary>
    private readonly int FindSlot(ulong key)
    {
        if (key == 0)
        {
            throw new ArgumentException("A resident does not pair with themselves.", nameof(key));
        }
        Slot[] slots = _slots;
        int mask = slots.Length - 1;
        uint hash = HashOf(key);
        int slot = Home(hash);
        while (true)
        {
            ref readonly Slot at = ref slots[slot];
            // A slot holds only the hash: a match is confirmed by the record's key (the record is read next anyway).
            if (at.IsEmpty || (at.Hash == hash && RecordAt(at.Record).Key == key))
            {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Region <paramref name="region"/>'s part of <see cref="AddNew"/>: its keys [from, to) in placement order.</summary>
    private static void PlaceInRegion(Slot[] slots, TRecord[][] recordBlocks, int[] order, int[] resume, int region, int regions,
        ulong[] keys, int[] records, int from, int to)
    {
        int end = RegionEnd(region, regions, slots.Length);
        int start = RegionEnd(region - 1, regions, slots.Length);
        for (int at = from; at < to; at++)
        {
            if (at + PrefetchDistance < to)
            {
                CacheHint.Prefetch(in slots[resume[at + PrefetchDistance] & (slots.Length - 1)]);
            }
            int i = order[at];
            ulong key = keys[i];
            RecordIn(recordBlocks, records[i]).Key = key;
            int slot = resume[at];
            if (slot < start || slot >= end)
            {
                continue; // its probe already left the region (or wrapped): placed after the regions
            }
            while (slot < end && !slots[slot].IsEmpty)
            {
                slot++;
            }
            resume[at] = slot;
            if (slot < end)
            {
                slots[slot] = Slot.Of(key, records[i]);
                resume[at] = -1;
            }
        }
    }

    /// <summary>The empty slot a key of <paramref name="hash"/> goes to, in a table known not to hold it.</summary>
    private readonly int FreeSlot(uint hash)
    {
        int mask = _slots.Length - 1;
        int slot = Home(hash);
        while (!_slots[slot].IsEmpty)
        {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /// <summary>The first 32 bits of the key's Fibonacci hash: its home in any table of up to 2^32 slots.</summary>
    private static uint HashOf(ulong key) => (uint)((key * 0x9E3779B97F4A7C15UL) >> 32);

    private readonly int Home(uint hash) => Home(hash, _shift);

    private static int Home(uint hash, int shift) => (int)(hash >> (shift - 32));

    private static int RegionCount(int capacity) => capacity >= 1 << 16 ? 1 << RegionBits : 1;

    private static int RegionOf(uint hash, int regions) => regions == 1 ? 0 : (int)(hash >> (32 - RegionBits));

    /// <summary>The slot after region <paramref name="region"/> (0 for region −1) of a table of <paramref name="capacity"/> slots.</summary>
    private static int RegionEnd(int region, int regions, int capacity) => (region + 1) * (capacity / regions);

    /// <summary>
    /// Writes the table's zeros region by region in parallel: a fresh page that is read first (a probe) is mapped to
    /// the shared zero page and faulted again, and cleared, on its first write; written first, it faults once.
    /// </summary>
    private readonly void ClearRegions(int threads)
    {
        Slot[] slots = _slots;
        int regions = RegionCount(slots.Length);
        Parallel.For(0, regions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, g =>
        {
            int start = RegionEnd(g - 1, regions, slots.Length);
            slots.AsSpan(start, RegionEnd(g, regions, slots.Length) - start).Clear();
        });
    }

    /// <summary>Adds record blocks until <paramref name="records"/> records fit.</summary>
    private void EnsureRecords(int records)
    {
        int blocks = (records + BlockSize - 1) >> BlockBits;
        if (blocks <= _records.Length)
        {
            return;
        }
        int held = _records.Length;
        Array.Resize(ref _records, blocks);
        for (int block = held; block < blocks; block++)
        {
            _records[block] = new TRecord[BlockSize];
        }
    }

    /// <summary>
    /// A hash slot (8 bytes, half a key-and-index slot: the table is the most randomly read memory of its owner): the
    /// first 32 bits of the key's hash, which give its home in any table and rule out nearly every other key, and its
    /// record.
    /// </summary>
    private struct Slot
    {
        public uint Hash;
        private int _recordPlusOne; // 0: empty

        public readonly bool IsEmpty => _recordPlusOne == 0;

        public readonly int Record => _recordPlusOne - 1;

        public static Slot Of(ulong key, int record) => new() { Hash = HashOf(key), _recordPlusOne = record + 1 };
    }
}
