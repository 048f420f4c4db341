using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>Where a sweep runs, which decides the distance rule (see <see cref="EncounterGeometry"/>).</summary>
internal enum SweepKind : byte
{
    Segment,
    Node,
    Place,
}

/// <summary>
/// The active-list sweep of one segment, node or place zone: its pieces sorted by start time, each paired with those
/// still present, each pair's contact written as a <see cref="Fragment"/>. O(n log n + k) for n pieces and k pairs that
/// overlap in time. One per chunk (one thread at a time), with its scratch reused from sweep to sweep and day to day.
/// </summary>
internal sealed class EncounterSweep(double socialDistanceMetres)
{
    /// <summary>
    /// Below this many pieces a comparison sort beats the radix sort's fixed histogram cost (measured on the 10k
    /// city's whole day: 103 ms from 48, 109 ms from 96, 118 ms from 24).
    /// </summary>
    private const int RadixSortFrom = 48;

    private readonly double _d = socialDistanceMetres;
    private ulong[] _starts = new ulong[64];
    private uint[] _coarse = new uint[64];
    private uint[] _coarseScratch = new uint[64];
    private int[] _order = new int[64];
    private int[] _orderScratch = new int[64];
    private Piece[] _sorted = new Piece[64];
    private int[] _active = new int[64];
    private StreetNetwork? _network;

    /// <summary>The contacts found since <see cref="Start"/>, in the order found.</summary>
    public BlockList<Fragment> Fragments { get; } = new();

    /// <summary>The highest pair key among <see cref="Fragments"/> (sizes the fragment sort's buckets).</summary>
    public ulong HighestPair { get; private set; }

    /// <summary>Starts a day's output (keeping the fragment blocks for reuse).</summary>
    public void Start(StreetNetwork network)
    {
        _network = network;
        Fragments.Clear();
        HighestPair = 0;
    }

    /// <summary>
    /// Sorts by start time and sweeps. Small groups sort the start times' order-preserving bits with an index
    /// array; from <see cref="RadixSortFrom"/> pieces on a radix sort orders 32-bit keys (start times in 1/1024 s,
    /// at most four digits where the exact bits take seven), and runs of equal keys are then put in exact order.
    /// Either way the pieces are copied once into start order (moving whole pieces inside the sort was half the
    /// detector's time), and ties keep their input order.
    /// </summary>
    public void Sweep(ReadOnlySpan<Piece> pieces, SweepKind kind, int location)
    {
        int n = pieces.Length;
        if (_starts.Length < n)
        {
            int size = Math.Max(n, _starts.Length * 2);
            _starts = new ulong[size];
            _coarse = new uint[size];
            _coarseScratch = new uint[size];
            _order = new int[size];
            _orderScratch = new int[size];
            _sorted = new Piece[size];
        }
        var order = _order.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        if (n >= RadixSortFrom)
        {
            var coarse = _coarse.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                coarse[i] = CoarseKey(pieces[i].Start);
            }
            RadixSort.Sort(coarse, order, _coarseScratch, _orderScratch);
            ExactWithinEqualKeys(coarse, order, pieces);
        }
        else
        {
            var starts = _starts.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                starts[i] = SortableBits(pieces[i].Start);
            }
            starts.Sort(order);
        }
        var sorted = _sorted.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            sorted[i] = pieces[order[i]];
        }
        SweepSorted(sorted, kind, location);
    }

    /// <summary>
    /// The interval sweep: pieces in start order; the active list holds those still present. Each new piece
    /// first drops the active pieces that have ended (each piece is dropped once) and is then paired with every
    /// remaining one (each such pair overlaps in time), so the cost is O(n + k) after sorting.
    /// </summary>
    public void SweepSorted(ReadOnlySpan<Piece> pieces, SweepKind kind, int location)
    {
        if (_active.Length < pieces.Length)
        {
            _active = new int[Math.Max(pieces.Length, _active.Length * 2)];
        }
        int activeCount = 0;
        for (int i = 0; i < pieces.Length; i++)
        {
            ref readonly Piece current = ref pieces[i];
            int kept = 0;
            for (int a = 0; a < activeCount; a++)
            {
                int other = _active[a];
                if (pieces[other].End > current.Start)
                {
                    _active[kept++] = other;
                }
            }
            activeCount = kept;
            int crowding = activeCount + 1;
            for (int a = 0; a < activeCount; a++)
            {
                Pair(in pieces[_active[a]], in current, kind, location, crowding);
            }
            _active[activeCount++] = i;
        }
    }

    /// <summary>
    /// A double's bits as an unsigned integer in the same order (negative numbers flipped whole).
    /// </summary>
    private static ulong SortableBits(double value)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>
    /// A start time in whole 1/1024 s: never decreasing with the time, so a stable sort on it is the exact order
    /// except inside runs of equal keys, which <see cref="ExactWithinEqualKeys"/> settles.
    /// </summary>
    private static uint CoarseKey(double start) => (uint)Math.Clamp(start * 1024, 0, uint.MaxValue);

    /// <summary>Orders each run of equal coarse keys by exact start, then input position (what a stable exact sort gives).</summary>
    private static void ExactWithinEqualKeys(ReadOnlySpan<uint> coarse, Span<int> order, ReadOnlySpan<Piece> pieces)
    {
        int from = 0;
        while (from < coarse.Length)
        {
            int until = from + 1;
            while (until < coarse.Length && coarse[until] == coarse[from])
            {
                until++;
            }
            // Insertion sort: runs are short (pieces starting within the same millisecond).
            for (int i = from + 1; i < until; i++)
            {
                int item = order[i];
                double start = pieces[item].Start;
                int j = i - 1;
                while (j >= from && (pieces[order[j]].Start > start || (pieces[order[j]].Start == start && order[j] > item)))
                {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = item;
            }
            from = until;
        }
    }

    /// <summary>
    /// Two pieces that overlap in time: who takes part (never oneself; two stays at one place meet through the place's
    /// zones only; at a node only pieces from different segments, the segment's own sweep covers the rest), when they
    /// are within social distance, and the fragment that records it.
    /// </summary>
    private void Pair(in Piece first, in Piece second, SweepKind kind, int location, int crowding)
    {
        if (first.Resident == second.Resident)
        {
            return;
        }
        if (first.IsStay && second.IsStay && kind != SweepKind.Place && first.Place >= 0 && first.Place == second.Place)
        {
            return; // same place: the place's zones decide, not the street
        }
        if (kind == SweepKind.Node && first.Segment == second.Segment)
        {
            return; // the segment's own sweep covers it
        }
        // Compute with the lower resident as A so the numbers do not depend on sweep order.
        bool firstIsA = first.Resident < second.Resident;
        ref readonly Piece a = ref firstIsA ? ref first : ref second;
        ref readonly Piece b = ref firstIsA ? ref second : ref first;
        if (!EncounterGeometry.InContact(in a, in b, kind, _d, out double start, out double end))
        {
            return;
        }
        FragmentKind fragmentKind = EncounterGeometry.KindOf(in a, in b, kind);

        int segment;
        int place = -1;
        int node = -1;
        float position;
        switch (kind)
        {
            case SweepKind.Segment:
                segment = location;
                double middle = 0.5 * (start + end);
                position = (float)(0.5 * (a.At(middle) + b.At(middle)));
                break;
            case SweepKind.Node:
                node = location;
                segment = Math.Min(a.Segment, b.Segment);
                StreetNetwork network = _network!;
                position = network.SegmentFrom[segment] == location ? 0f : network.LengthMetres[segment];
                break;
            default:
                segment = -1;
                place = location;
                position = 0f;
                break;
        }

        ulong pair = PairKeys.Of(a.Resident, b.Resident);
        HighestPair = Math.Max(HighestPair, pair);
        Fragments.Append() = new Fragment
        {
            Pair = pair,
            Start = start,
            End = end,
            Segment = segment,
            PlaceOrNode = place >= 0 ? place : node,
            Position = position,
            Speed = Math.Max(a.Speed, b.Speed),
            Crowding = crowding,
            Kind = fragmentKind,
            ModeA = a.Mode,
            ModeB = b.Mode,
        };
    }
}
