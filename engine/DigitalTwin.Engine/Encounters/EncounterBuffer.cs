namespace DigitalTwin.Engine.Encounters;

/// <summary>A growable array of encounters reused from day to day: appending never allocates once it has grown.</summary>
public sealed class EncounterBuffer
{
    private Encounter[] _items = new Encounter[256];

    public int Count { get; private set; }

    public ReadOnlySpan<Encounter> Items => _items.AsSpan(0, Count);

    /// <summary>The items as memory, for work split over threads.</summary>
    public ReadOnlyMemory<Encounter> Memory => _items.AsMemory(0, Count);

    public ref readonly Encounter this[int index] => ref _items[index];

    public void Clear() => Count = 0;

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
    internal Encounter[] Reserve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_items.Length < count)
        {
            _items = new Encounter[Math.Max(count, _items.Length * 3 / 2)];
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
