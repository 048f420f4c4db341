using DigitalTwin.Engine.Encounters;

namespace DigitalTwin.Engine.Familiarity;

/// <summary>
/// The pairs the ledger dropped: just enough to know, when one of them meets again, that the two had already met, so
/// "distinct people met" stays exact. Compressed sparse rows by the pair's lower resident, each row's higher residents
/// sorted: 4 bytes a pair plus 4 a resident, a lookup is a binary search in one resident's row. Rows are merged in
/// place from the back when a sweep adds pairs, so a merge needs no second copy of the set.
/// </summary>
internal sealed class ForgottenPairs
{
    private int[] _rowStart = [0]; // residents + 1
    private int[] _partners = [];

    public int Count { get; private set; }

    public long MemoryBytes => ((long)_rowStart.Length + _partners.Length) * sizeof(int);

    public bool Contains(ulong key)
    {
        int a = PairKeys.Lower(key);
        if (a + 1 >= _rowStart.Length)
        {
            return false;
        }
        int start = _rowStart[a];
        return Array.BinarySearch(_partners, start, _rowStart[a + 1] - start, PairKeys.Higher(key)) >= 0;
    }

    /// <summary>Adds pairs given sorted and not yet held.</summary>
    public void Add(ReadOnlySpan<ulong> sortedKeys)
    {
        if (sortedKeys.IsEmpty)
        {
            return;
        }
        int oldRows = _rowStart.Length - 1;
        int rows = Math.Max(oldRows, PairKeys.Lower(sortedKeys[^1]) + 1);
        int total = Count + sortedKeys.Length;
        if (_partners.Length < total)
        {
            Array.Resize(ref _partners, Math.Max(total, _partners.Length + (_partners.Length / 2)));
        }
        int[] oldStart = _rowStart;
        var rowStart = new int[rows + 1];
        int write = total;
        int next = sortedKeys.Length - 1;
        for (int r = rows - 1; r >= 0; r--)
        {
            rowStart[r + 1] = write;
            int oldBegin = r < oldRows ? oldStart[r] : Count;
            int old = (r < oldRows ? oldStart[r + 1] : Count) - 1;
            // Merge row r backwards: the write position never passes the read position, so it is safe in place.
            while (next >= 0 && PairKeys.Lower(sortedKeys[next]) == r)
            {
                int partner = PairKeys.Higher(sortedKeys[next]);
                if (old >= oldBegin && _partners[old] > partner)
                {
                    _partners[--write] = _partners[old--];
                }
                else
                {
                    _partners[--write] = partner;
                    next--;
                }
            }
            while (old >= oldBegin)
            {
                _partners[--write] = _partners[old--];
            }
        }
        rowStart[0] = write;
        _rowStart = rowStart;
        Count = total;
    }
}
