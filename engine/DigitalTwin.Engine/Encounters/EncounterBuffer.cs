namespace DigitalTwin.Engine.Encounters;

/// <summary>A growable array of encounters reused from day to day: appending never allocates once it has grown.</summary>
public sealed class EncounterBuffer
{
    private Encounter[] _items = new Encounter[256];

    public int Count { get; private set; }

    public ReadOnlySpan<Encounter> Items => _items.AsSpan(0, Count);

    public ref readonly Encounter this[int index] => ref _items[index];

    public void Clear() => Count = 0;

    public void Add(in Encounter encounter)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = encounter;
    }
}
