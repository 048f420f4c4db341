using System.Runtime.CompilerServices;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// A min-priority queue of (cost, arc), ties broken by arc index, reused across searches. Entries pop in exactly the
/// order of their (key, arc) pairs whatever is pushed when.
/// <para>
/// Two levels, because popping was half of a city's tree time: a search's frontier holds hundreds of entries, and a
/// 4-ary heap of that size costs four or five levels of unpredictable comparisons a pop. With a bucket width
/// (<see cref="Clear(float)"/>) only the entries of the current bucket of keys, [k·w, (k+1)·w), are kept in the heap;
/// later ones are dropped unsorted into a window of buckets (a linked list each) and heapified when their bucket's
/// turn comes. Dijkstra's keys only grow, so an entry is moved once and the heap stays a few entries deep. Keys
/// beyond the window (or infinite) wait in an overflow list. Without a width it is a plain 4-ary heap.
/// </para>
/// <para>
/// The heap's entries are one 64-bit number each, the key's bits mapped to an unsigned integer in the same order above
/// the arc, so choosing among four children is one comparison of one array.
/// </para>
/// </summary>
internal sealed class ArcHeap
{
    private const int WindowBuckets = 1024; // a power of two: slots are bucket & (WindowBuckets − 1)
    private const float MaxBucket = 1L << 60;

    private ulong[] _entries = new ulong[1024];
    private int _count;

    private float _inverseWidth; // 0: a plain heap
    private long _current;       // the heap holds the entries of buckets up to this one
    private readonly int[] _head = new int[WindowBuckets];
    private int _windowCount;
    private int _overflowHead = -1;
    private long _overflowMin = long.MaxValue;
    private ulong[] _nodeEntry = new ulong[1024];
    private int[] _nodeNext = new int[1024];
    private long[] _nodeBucket = new long[1024];
    private int _nodes;

    public ArcHeap()
    {
        Array.Fill(_head, -1);
    }

    /// <summary>Empties the queue as a plain heap.</summary>
    public void Clear() => Clear(0);

    /// <summary>
    /// Empties the queue and sets its bucket width: for searches whose keys never fall below the last one popped, a
    /// width that puts a few entries of the frontier in each bucket (see <see cref="RouteCostModel.QueueBucketWidth"/>).
    /// Any width gives the same order; 0 (or less) turns the buckets off.
    /// </summary>
    public void Clear(float bucketWidth)
    {
        _count = 0;
        if (_windowCount > 0)
        {
            Array.Fill(_head, -1);
            _windowCount = 0;
        }
        _overflowHead = -1;
        _overflowMin = long.MaxValue;
        _nodes = 0;
        _current = 0;
        _inverseWidth = bucketWidth > 0 && float.IsFinite(bucketWidth) ? 1 / bucketWidth : 0;
    }

    /// <summary>The least key without removing it.</summary>
    public bool TryPeek(out float key)
    {
        bool any = _count > 0 || Refill();
        key = any ? KeyOf(_entries[0]) : 0;
        return any;
    }

    // Optimised from the first call, as the searches that pop them (see ShortestPathTree.Search).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Push(float key, int arc)
    {
        ulong entry = Entry(key, arc);
        if (_inverseWidth != 0)
        {
            long bucket = BucketOf(key);
            if (bucket > _current)
            {
                Defer(entry, bucket);
                return;
            }
        }
        PushNear(entry);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryPop(out float key, out int arc)
    {
        if (_count == 0 && !Refill())
        {
            key = 0;
            arc = -1;
            return false;
        }
        ulong top = _entries[0];
        key = KeyOf(top);
        arc = (int)(uint)top;
        int last = --_count;
        SiftDown(0, _entries[last], last);
        return true;
    }

    /// <summary>Puts <paramref name="moved"/> at <paramref name="i"/> or below it, among the first <paramref name="count"/> entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftDown(int i, ulong moved, int count)
    {
        while (true)
        {
            int first = (i << 2) + 1;
            if (first >= count)
            {
                break;
            }
            int best = first;
            ulong bestEntry = _entries[first];
            int end = Math.Min(first + 4, count);
            for (int c = first + 1; c < end; c++)
            {
                if (_entries[c] < bestEntry)
                {
                    best = c;
                    bestEntry = _entries[c];
                }
            }
            if (bestEntry >= moved)
            {
                break;
            }
            _entries[i] = bestEntry;
            i = best;
        }
        _entries[i] = moved;
    }

    private void PushNear(ulong entry)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            if (entry >= _entries[parent])
            {
                break;
            }
            _entries[i] = _entries[parent];
            i = parent;
        }
        _entries[i] = entry;
    }

    /// <summary>Keeps an entry of a later bucket: in the window when it is near enough, else in the overflow list.</summary>
    private void Defer(ulong entry, long bucket)
    {
        if (_nodes == _nodeEntry.Length)
        {
            Array.Resize(ref _nodeEntry, _nodes * 2);
            Array.Resize(ref _nodeNext, _nodes * 2);
            Array.Resize(ref _nodeBucket, _nodes * 2);
        }
        int node = _nodes++;
        _nodeEntry[node] = entry;
        _nodeBucket[node] = bucket;
        Link(node, bucket);
    }

    /// <summary>Links a kept entry into its bucket's list in the window, or into the overflow's beyond it.</summary>
    private void Link(int node, long bucket)
    {
        if (bucket - _current < WindowBuckets)
        {
            ref int head = ref _head[(int)bucket & (WindowBuckets - 1)];
            _nodeNext[node] = head;
            head = node;
            _windowCount++;
        }
        else
        {
            _nodeNext[node] = _overflowHead;
            _overflowHead = node;
            _overflowMin = Math.Min(_overflowMin, bucket);
        }
    }

    /// <summary>
    /// Moves on to the next bucket that holds anything (the nearer of the window's first and the overflow's least) and
    /// heapifies its entries; false when nothing is left. Called only with the heap empty.
    /// </summary>
    private bool Refill()
    {
        if (_windowCount == 0 && _overflowHead < 0)
        {
            return false;
        }
        long next = _overflowMin;
        if (_windowCount > 0)
        {
            long bucket = _current + 1;
            while (_head[(int)bucket & (WindowBuckets - 1)] < 0)
            {
                bucket++;
            }
            next = Math.Min(next, bucket);
        }
        _current = next;
        // The window's buckets lie within one turn of the slots, so the slot holds this bucket's entries or none.
        ref int slot = ref _head[(int)next & (WindowBuckets - 1)];
        for (int node = slot; node >= 0; node = _nodeNext[node])
        {
            Append(_nodeEntry[node]);
            _windowCount--;
        }
        slot = -1;
        if (_overflowMin == next)
        {
            TakeOverflow(next);
        }
        Heapify();
        return true;
    }

    /// <summary>Moves the overflow's entries of <paramref name="bucket"/> to the heap's end and the rest closer where they now fit.</summary>
    private void TakeOverflow(long bucket)
    {
        int node = _overflowHead;
        _overflowHead = -1;
        _overflowMin = long.MaxValue;
        while (node >= 0)
        {
            int following = _nodeNext[node];
            long of = _nodeBucket[node];
            if (of == bucket)
            {
                Append(_nodeEntry[node]);
            }
            else
            {
                Link(node, of);
            }
            node = following;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(ulong entry)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }
        _entries[_count++] = entry;
    }

    /// <summary>Floyd's bottom-up heap construction over the 4-ary layout: linear in the entries.</summary>
    private void Heapify()
    {
        for (int start = (_count - 2) >> 2; start >= 0; start--)
        {
            SiftDown(start, _entries[start], _count);
        }
    }

    /// <summary>floor(key / width), below zero for negative keys and long.MaxValue for keys too large to number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long BucketOf(float key)
    {
        float scaled = key * _inverseWidth;
        return scaled < MaxBucket ? (scaled >= 0 ? (long)scaled : -1) : long.MaxValue;
    }

    /// <summary>
    /// The key's bits in an order-preserving unsigned form (negatives flipped, positives above them; −0 is +0 first)
    /// above the arc: entries compare as (key, arc) pairs do.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Entry(float key, int arc)
    {
        uint bits = BitConverter.SingleToUInt32Bits(key + 0f);
        uint ordered = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        return ((ulong)ordered << 32) | (uint)arc;
    }

    private static float KeyOf(ulong entry)
    {
        uint ordered = (uint)(entry >> 32);
        return BitConverter.UInt32BitsToSingle((ordered & 0x8000_0000u) != 0 ? ordered & 0x7FFF_FFFFu : ~ordered);
    }
}
