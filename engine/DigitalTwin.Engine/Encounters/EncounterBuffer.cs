namespace DigitalTwin.Engine.Encounters;

/// <summary>A growable array of encounters reused from day to day: appending never allocates once it has grown.</summary>
internal sealed class EncounterBuffer
{
    private Encounter[] _items = new Encounter[256];

    public int Count { get; private set; }

    public ReadOnlySpan<Encounter> Items => _items.AsSpan(0, Count);

    /// <summary>The items as memory, for work split over threads.</summary>
    public ReadOnlyMemory<Encounter> Memory => _items.AsMemory(0, Count);

    public ref readonly Encounter this[int index] => ref _items[index];

    public void Clear() => Count = 0;

    /// <summary>
    /// Merges <paramref name="sorted"/> (sorted by pair, then start) into these (sorted the same way), in place from the
    /// back: the result is sorted, and an item of this buffer comes before an equal one merged in.
    /// </summary>
    public void Merge(ReadOnlySpan<Encounter> sorted)
    {
        if (sorted.IsEmpty)
        {
            return;
        }
        int total = Count + sorted.Length;
        if (_items.Length < total)
        {
            Array.Resize(ref _items, total); // exactly: a city's day is gigabytes (see SpareForMerge to avoid it)
        }
        int i = Count - 1, j = sorted.Length - 1;
        for (int k = total - 1; j >= 0; k--)
        {
            _items[k] = i >= 0 && Before(sorted[j], _items[i]) ? _items[i--] : sorted[j--];
        }
        Count = total;

        static bool Before(in Encounter a, in Encounter b) =>
            a.PairKey != b.PairKey ? a.PairKey < b.PairKey : a.StartTimeSeconds < b.StartTimeSeconds;
    }

    /// <summary>Keeps the encounters whose flag is set, in order (a stable compaction in place); returns how many remain.</summary>
    public int KeepWhere(ReadOnlySpan<bool> keep)
    {
        int kept = 0;
        for (int i = 0; i < Count; i++)
        {
            if (keep[i])
            {
                _items[kept++] = _items[i];
            }
        }
        Count = kept;
        return kept;
    }

    /// <summary>Bytes held, used or not.</summary>
    public long CapacityBytes => (long)_items.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<Encounter>();

    /// <summary>Forgets the items and gives the storage back (see <see cref="Collections.DayBuffers"/>).</summary>
    public void Release()
    {
        Count = 0;
        _items = [];
    }

    /// <summary>Sets the count to <paramref name="count"/> (contents unspecified) and returns the array to fill.</summary>
    /// <summary>
    /// Room <see cref="Reserve"/> leaves beyond what it is asked for, for encounters to be merged in afterwards
    /// (<see cref="Merge"/>): growing a city's day of encounters after the fact would copy gigabytes into fresh pages.
    /// </summary>
    public int SpareForMerge { get; set; }

    internal Encounter[] Reserve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_items.Length < count + SpareForMerge)
        {
            _items = new Encounter[Collections.DayBuffers.Sized(count + SpareForMerge)];
        }
        Count = count;
        return _items;
    }

    public void Add(in Encounter encounter)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(256, _items.Length * 2));
        }
        _items[Count++] = encounter;
    }
}
