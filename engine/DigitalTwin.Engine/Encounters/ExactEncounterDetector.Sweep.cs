using System.Runtime.CompilerServices;
using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

public sealed partial class ExactEncounterDetector
{
    private enum FragmentKind : byte
    {
        Opposite,
        SameDirection,
        PassingBy,
        CoPresent,
    }

    /// <summary>What cutting a segment's node pieces is for: counting them (phase 1), or writing a band's (phase 2).</summary>
    private enum NodePieceUse : byte
    {
        Count,
        WriteBand,
    }

    private enum SweepKind : byte
    {
        Segment,
        Node,
        Place,
    }

    /// <summary>
    /// One interval in a sweep: on a segment, X is the position (metres from the start node); at a node, X is the
    /// distance to the node; at a place X is unused. X(t) = X0 + Velocity (t − Start) for t in [Start, End].
    /// Lateral is constant: on a segment the offset left of its centre line (start-to-end view); at a node the
    /// offset left of the centre line looking towards the node (so two pieces' separation there is the sum).
    /// </summary>
    private struct Piece
    {
        public double Start;
        public double End;
        public double X0;
        public float Velocity; // a speed (float) with a sign: exact as float, and 8 bytes less per piece
        public float Lateral;  // an offset stored as float in the trajectories: exact as float
        public int Resident;
        public int Place;
        public int Segment;    // at a place: the stay's zone (see Zone)
        public TravelModes Mode;
        public bool IsStay;

        /// <summary>
        /// At a place, the zone of the stay: a place's pieces have no segment, so they keep it there. Pieces are
        /// written twice a passage or more (segment, nodes, the sorted copy), so every byte saved is memory traffic
        /// saved; 48 bytes a piece.
        /// </summary>
        public int Zone
        {
            readonly get => Segment;
            set => Segment = value;
        }

        /// <summary>The speed: the velocity's size (a float speed with a sign), 0 for a stay.</summary>
        public readonly float Speed => Math.Abs(Velocity);

        public readonly double At(double time) => X0 + Velocity * (time - Start);

        public readonly bool Moves => !IsStay && Velocity != 0;
    }

    /// <summary>
    /// A contact piece of one pair at one segment, node or place, before joining into episodes. 48 bytes: a city's day
    /// holds tens of millions of them twice (as found, and sorted), so a place and a node share one field (a place's
    /// fragment has no segment, a node's has its lower segment) and the attention weight is left to the modes it comes
    /// from.
    /// </summary>
    private struct Fragment
    {
        public ulong Pair;
        public double Start;
        public double End;
        public int Segment;     // -1 at a place
        public int PlaceOrNode; // the place (Segment −1), the node (a node's fragment), or −1 (a segment's)
        public float Position;
        public float Speed;
        public int Crowding;
        public FragmentKind Kind;
        public TravelModes ModeA;
        public TravelModes ModeB;

        public readonly int Place => Segment < 0 ? PlaceOrNode : -1;

        public readonly int Node => Segment >= 0 ? PlaceOrNode : -1;
    }

    /// <summary>A total order on fragments so the joined output does not depend on chunking or thread count.</summary>
    private readonly struct FragmentOrder : IComparer<Fragment>
    {
        public int Compare(Fragment x, Fragment y)
        {
            int c = x.Pair.CompareTo(y.Pair);
            if (c != 0) { return c; }
            c = x.Start.CompareTo(y.Start);
            if (c != 0) { return c; }
            c = x.End.CompareTo(y.End);
            if (c != 0) { return c; }
            c = x.Segment.CompareTo(y.Segment);
            if (c != 0) { return c; }
            // Place, then node: with equal segments only one of them can differ, and it is the shared field.
            c = x.PlaceOrNode.CompareTo(y.PlaceOrNode);
            if (c != 0) { return c; }
            c = x.Position.CompareTo(y.Position);
            if (c != 0) { return c; }
            c = x.Kind.CompareTo(y.Kind);
            if (c != 0) { return c; }
            c = x.ModeA.CompareTo(y.ModeA);
            if (c != 0) { return c; }
            c = x.ModeB.CompareTo(y.ModeB);
            if (c != 0) { return c; }
            c = x.Crowding.CompareTo(y.Crowding);
            if (c != 0) { return c; }
            return x.Speed.CompareTo(y.Speed); // the weight follows from the modes
        }
    }

    /// <summary>
    /// The sweep order as one delegate made once: <c>Span.Sort(TComparer)</c> would box a struct comparer and make a
    /// delegate on every call (hundreds of thousands a day).
    /// </summary>
    private static readonly Comparison<Piece> PieceComparison = default(PieceOrder).Compare;

    /// <summary>Sweep order: zone (places), start time, then resident and end so ties are broken the same way always.</summary>
    private readonly struct PieceOrder : IComparer<Piece>
    {
        public int Compare(Piece x, Piece y)
        {
            int c = x.Zone.CompareTo(y.Zone);
            if (c != 0) { return c; }
            c = x.Start.CompareTo(y.Start);
            if (c != 0) { return c; }
            c = x.Resident.CompareTo(y.Resident);
            if (c != 0) { return c; }
            c = x.End.CompareTo(y.End);
            if (c != 0) { return c; }
            c = x.Segment.CompareTo(y.Segment);
            return c != 0 ? c : x.X0.CompareTo(y.X0);
        }
    }

    /// <summary>
    /// Below this many pieces a comparison sort beats the radix sort's fixed histogram cost (measured on the 10k
    /// city's whole day: 103 ms from 48, 109 ms from 96, 118 ms from 24).
    /// </summary>
    private const int RadixSortFrom = 48;

    /// <summary>A double's bits as an unsigned integer in the same order (negative numbers flipped whole).</summary>
    private static ulong SortableBits(double value)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>One chunk's reusable scratch and output: a chunk is processed by one thread at a time.</summary>
    private sealed partial class ChunkWorker(ExactEncounterDetector owner)
    {
        private Piece[] _pieces = new Piece[64];
        private ulong[] _starts = new ulong[64];
        private uint[] _coarse = new uint[64];
        private uint[] _coarseScratch = new uint[64];
        private int[] _order = new int[64];
        private int[] _orderScratch = new int[64];
        private Piece[] _sorted = new Piece[64];
        private int[] _active = new int[64];
        // Fragments in blocks that double up to MaxFragmentBlock and then stay that size: a city's chunk finds millions,
        // and one array doubling to fit held up to twice what it needed, and three times while it was copied.
        private const int FirstFragmentBlock = 256;
        private const int MaxFragmentBlock = 1 << FragmentBlockBits;
        private readonly List<Fragment[]> _fragmentBlocks = [];
        private Fragment[] _fragmentBlock = [];
        private int _blockIndex = -1;
        private int _blockFill;

        // Phase 1: how many node pieces this chunk's segments leave at each node; phase 2 turns the counts into this
        // chunk's write positions in the grouped array, so node pieces are written once, straight to their place.
        private int[] _nodeCursor = [];

        // When the day's node pieces fit the day-buffer budget, phase 1 keeps each one it cuts (with its node), in the
        // order phase 2 would cut them again, so phase 2 only copies them to their place instead of gathering every
        // passage from the day's columns and cutting it a second time.
        private Piece[] _keptPieces = [];
        private int[] _keptNodes = [];
        private int _keptCount;
        private bool _keep;

        public int FragmentCount { get; private set; }

        /// <summary>The highest lower resident of this chunk's fragments (sizes the sort buckets).</summary>
        public ulong MaxLower { get; private set; }

        /// <summary>Blocks holding this chunk's fragments, in the order found; see <see cref="FragmentBlock"/>.</summary>
        public int FragmentBlocksUsed => _blockIndex + 1;

        /// <summary>The fragments of one block (the last one only as far as it is filled).</summary>
        public ReadOnlySpan<Fragment> FragmentBlock(int block) =>
            block == _blockIndex ? _fragmentBlock.AsSpan(0, _blockFill) : _fragmentBlocks[block];

        /// <summary>The array behind <see cref="FragmentBlock"/> (the sort gathers from it by index).</summary>
        public Fragment[] FragmentBlockArray(int block) => _fragmentBlocks[block];

        public long FragmentCapacityBytes
        {
            get
            {
                long fragments = 0;
                foreach (var block in _fragmentBlocks)
                {
                    fragments += block.Length;
                }
                return fragments * Unsafe.SizeOf<Fragment>();
            }
        }

        /// <summary>Gives the fragment blocks back once their fragments are copied on (see <see cref="DayBuffers"/>).</summary>
        public void ReleaseFragments()
        {
            _fragmentBlocks.Clear();
            StartFragments();
        }

        private void StartFragments()
        {
            FragmentCount = 0;
            _blockIndex = -1;
            _blockFill = 0;
            _fragmentBlock = [];
        }

        /// <summary>Moves on to the next block, reusing a block kept from an earlier day.</summary>
        private void NextFragmentBlock()
        {
            _blockIndex++;
            if (_blockIndex == _fragmentBlocks.Count)
            {
                int size = _blockIndex == 0 ? FirstFragmentBlock : Math.Min(MaxFragmentBlock, _fragmentBlocks[_blockIndex - 1].Length * 2);
                _fragmentBlocks.Add(new Fragment[size]);
            }
            _fragmentBlock = _fragmentBlocks[_blockIndex];
            _blockFill = 0;
        }

        /// <summary>Node pieces per node (phase 1), then this chunk's next write position per node (phase 2).</summary>
        public int[] NodeCursor => _nodeCursor;

        /// <summary>
        /// Phase 1: sweeps segments [first, last) and counts their node pieces: per node (and kept) when they are kept,
        /// else per segment end, for the bands (see <see cref="SweepNodesInBands"/>). Starts the chunk's output.
        /// </summary>
        public void RunSegments(int first, int last, DayContext context, bool keepNodePieces)
        {
            StartFragments();
            MaxLower = 0;
            _keep = keepNodePieces;
            _keptCount = 0;
            if (_keep)
            {
                if (_nodeCursor.Length < context.NodeCount)
                {
                    _nodeCursor = new int[context.NodeCount];
                }
                _nodeCursor.AsSpan(0, context.NodeCount).Clear();
            }
            for (int segment = first; segment < last; segment++)
            {
                int n = FillPieces(segment, context);
                ForEachNodePiece(segment, n, context, NodePieceUse.Count);
                if (n >= 2)
                {
                    Sweep(_pieces.AsSpan(0, n), SweepKind.Segment, segment);
                }
            }
        }

        /// <summary>Phase 2, pieces kept: copies the node pieces kept in phase 1 to their places, grouped by node.</summary>
        public void WriteNodePieces()
        {
            var nodePieces = owner._nodePieces;
            for (int i = 0; i < _keptCount; i++)
            {
                nodePieces[_nodeCursor[_keptNodes[i]]++] = _keptPieces[i];
            }
        }

        /// <summary>
        /// Phase 2, by bands: cuts the node pieces of <paramref name="segments"/> again and writes those at nodes of the
        /// band being swept to their segment ends' positions (<c>_endCursor</c>, worked out in segment order).
        /// </summary>
        public void WriteBandPieces(ReadOnlySpan<int> segments, DayContext context)
        {
            foreach (int segment in segments)
            {
                ForEachNodePiece(segment, FillPieces(segment, context), context, NodePieceUse.WriteBand);
            }
        }

        /// <summary>Phase 3: sweeps nodes and places (units [first, last) over nodes then places), adding to the output.</summary>
        public void RunNodesAndPlaces(int first, int last, DayContext context)
        {
            for (int unit = first; unit < last; unit++)
            {
                if (unit < context.NodeCount)
                {
                    SweepNode(unit);
                }
                else
                {
                    SweepPlace(unit - context.NodeCount, context.Trajectories);
                }
            }
        }

        /// <summary>The segment's passages and stays that take part, as pieces in <c>_pieces</c>; returns how many.</summary>
        private int FillPieces(int segment, DayContext context)
        {
            TrajectoryBuffer t = context.Trajectories;
            ReadOnlySpan<int> passages = t.PassagesOnSegment(segment);
            ReadOnlySpan<int> stays = t.StaysOnSegment(segment);
            if (passages.Length + stays.Length == 0)
            {
                return 0;
            }
            EnsurePieces(passages.Length + stays.Length);
            StreetNetwork network = context.Network;
            bool walkersMeet = network.PavementWidthMetres[segment] > owner.Parameters.MinimumPavementWidthMetres;
            ReadOnlySpan<TravelModes> modes = t.PassageMode;
            ReadOnlySpan<double> entries = t.PassageEntryTimeSeconds;
            ReadOnlySpan<double> exits = t.PassageExitTimeSeconds;
            ReadOnlySpan<float> offsets = t.PassageEntryOffsetMetres;
            ReadOnlySpan<float> speeds = t.PassageSpeedMetresPerSecond;
            ReadOnlySpan<sbyte> directions = t.PassageDirection;
            ReadOnlySpan<int> residents = t.PassageResident;
            ReadOnlySpan<float> laterals = t.PassageLateralOffsetMetres;
            int n = 0;
            foreach (int p in passages)
            {
                TravelModes mode = modes[p];
                if ((mode & TravelModes.Car) != 0 || (!walkersMeet && (mode & TravelModes.Walk) != 0) || !(exits[p] > entries[p]))
                {
                    continue;
                }
                float speed = speeds[p];
                ref Piece piece = ref _pieces[n++];
                piece.Start = entries[p];
                piece.End = exits[p];
                piece.X0 = offsets[p];
                piece.Velocity = directions[p] * speed;
                piece.Lateral = laterals[p];
                piece.Resident = residents[p];
                piece.Place = -1;
                piece.Segment = segment;
                piece.Mode = mode;
                piece.IsStay = false;
            }
            foreach (int s in stays)
            {
                Piece piece = MakeStayPiece(t, s, segment);
                if (piece.End > piece.Start)
                {
                    _pieces[n++] = piece;
                }
            }
            return n;
        }

        private void ForEachNodePiece(int segment, int n, DayContext context, NodePieceUse use)
        {
            StreetNetwork network = context.Network;
            int from = network.SegmentFrom[segment];
            int to = network.SegmentTo[segment];
            bool atFrom = use != NodePieceUse.WriteBand || owner.InBand(from);
            bool atTo = use != NodePieceUse.WriteBand || owner.InBand(to);
            double length = network.LengthMetres[segment];
            double d = owner.Parameters.SocialDistanceMetres;
            // A loop's two ends are one node: one count and one cursor, so its pieces there keep their cutting order.
            int toEnd = from == to ? segment * 2 : (segment * 2) + 1;
            for (int i = 0; i < n; i++)
            {
                AddNodePieces(in _pieces[i], from, to, segment * 2, toEnd, atFrom, atTo, length, d, use);
            }
        }

        private void AddNodePieces(in Piece piece, int fromNode, int toNode, int fromEnd, int toEnd, bool cutFrom, bool cutTo,
            double segmentLength, double d, NodePieceUse use)
        {
            // Distance to the start node is x(t); to the end node, L − x(t). Keep the time window where it is ≤ d (the
            // largest reach any lateral separation allows). Looking towards the start node, the segment's left is
            // the other way round: the lateral flips sign.
            Piece atFrom = piece;
            if (cutFrom && ClipToNode(ref atFrom, piece.X0, piece.Velocity, d))
            {
                atFrom.Lateral = -piece.Lateral;
                AddNodePiece(atFrom, fromNode, fromEnd, use);
            }
            Piece atTo = piece;
            if (cutTo && ClipToNode(ref atTo, segmentLength - piece.X0, -piece.Velocity, d))
            {
                AddNodePiece(atTo, toNode, toEnd, use);
            }
        }

        private void AddNodePiece(in Piece piece, int node, int end, NodePieceUse use)
        {
            if (use == NodePieceUse.WriteBand)
            {
                owner._nodePieces[owner._endCursor[end]++] = piece;
            }
            else if (!_keep)
            {
                owner._endCount[end]++; // a segment's ends are counted only by the chunk that sweeps the segment
            }
            else
            {
                _nodeCursor[node]++;
                if (_keptCount == _keptPieces.Length)
                {
                    int size = Math.Max(1024, _keptCount * 2);
                    Array.Resize(ref _keptPieces, size);
                    Array.Resize(ref _keptNodes, size);
                }
                _keptPieces[_keptCount] = piece;
                _keptNodes[_keptCount++] = node;
            }
        }

        private void SweepNode(int node)
        {
            int first = owner._nodeStart[node];
            int count = owner._nodeStart[node + 1] - first;
            if (count >= 2)
            {
                Sweep(owner._nodePieces.AsSpan(first, count), SweepKind.Node, node);
            }
        }

        private void SweepPlace(int place, TrajectoryBuffer t)
        {
            ReadOnlySpan<int> stays = t.StaysAtPlace(place);
            if (stays.Length < 2)
            {
                return;
            }
            EnsurePieces(stays.Length);
            int n = 0;
            foreach (int s in stays)
            {
                Piece piece = MakeStayPiece(t, s, -1);
                piece.Zone = t.StayZone[s];
                if (piece.End > piece.Start)
                {
                    _pieces[n++] = piece;
                }
            }
            // Sorted by zone first: sweep each zone's run on its own.
            Span<Piece> all = _pieces.AsSpan(0, n);
            all.Sort(PieceComparison);
            int from = 0;
            while (from < n)
            {
                int until = from + 1;
                while (until < n && all[until].Zone == all[from].Zone)
                {
                    until++;
                }
                SweepSorted(all[from..until], SweepKind.Place, place);
                from = until;
            }
        }

        /// <summary>
        /// Sorts by start time and sweeps. Small groups sort the start times' order-preserving bits with an index
        /// array; from <see cref="RadixSortFrom"/> pieces on a radix sort orders 32-bit keys (start times in 1/1024 s,
        /// at most four digits where the exact bits take seven), and runs of equal keys are then put in exact order.
        /// Either way the pieces are copied once into start order (moving whole pieces inside the sort was half the
        /// detector's time), and ties keep their input order.
        /// </summary>
        private void Sweep(ReadOnlySpan<Piece> pieces, SweepKind kind, int location)
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
        /// The interval sweep: pieces in start order; the active list holds those still present. Each new piece
        /// first drops the active pieces that have ended (each piece is dropped once) and is then paired with every
        /// remaining one (each such pair overlaps in time), so the cost is O(n + k) after sorting.
        /// </summary>
        private void SweepSorted(ReadOnlySpan<Piece> pieces, SweepKind kind, int location)
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
            double lo = Math.Max(a.Start, b.Start);
            double hi = Math.Min(a.End, b.End);
            if (!(hi > lo))
            {
                return;
            }
            double from;
            double until;
            double d = owner.Parameters.SocialDistanceMetres;
            switch (kind)
            {
                case SweepKind.Segment:
                    if (!AlongReach(d, (double)a.Lateral - b.Lateral, out double reach)
                        || !Solve(a.At(lo) - b.At(lo), (double)a.Velocity - b.Velocity, hi - lo, reach, absolute: true, out from, out until))
                    {
                        return;
                    }
                    break;
                case SweepKind.Node:
                    // Both laterals look towards the node: facing each other through it, left of one is right of the other.
                    if (!AlongReach(d, (double)a.Lateral + b.Lateral, out double nodeReach)
                        || !Solve(a.At(lo) + b.At(lo), (double)a.Velocity + b.Velocity, hi - lo, nodeReach, absolute: false, out from, out until))
                    {
                        return;
                    }
                    break;
                default:
                    (from, until) = (0, hi - lo);
                    break;
            }
            double start = lo + from;
            double end = until >= hi - lo ? hi : lo + until;
            if (!(end > start))
            {
                return;
            }

            FragmentKind fragmentKind;
            if (!a.Moves && !b.Moves)
            {
                fragmentKind = FragmentKind.CoPresent;
            }
            else if (!a.Moves || !b.Moves)
            {
                fragmentKind = FragmentKind.PassingBy;
            }
            else if (kind == SweepKind.Node)
            {
                // Through a node, one approaching and one leaving move the same way along the path.
                fragmentKind = (a.Velocity < 0) != (b.Velocity < 0) ? FragmentKind.SameDirection : FragmentKind.Opposite;
            }
            else
            {
                fragmentKind = (a.Velocity > 0) == (b.Velocity > 0) ? FragmentKind.SameDirection : FragmentKind.Opposite;
            }

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
                    StreetNetwork network = owner._network!;
                    position = network.SegmentFrom[segment] == location ? 0f : network.LengthMetres[segment];
                    break;
                default:
                    segment = -1;
                    place = location;
                    position = 0f;
                    break;
            }

            if (_blockFill == _fragmentBlock.Length)
            {
                NextFragmentBlock();
            }
            FragmentCount++;
            MaxLower = Math.Max(MaxLower, (ulong)(uint)a.Resident);
            _fragmentBlock[_blockFill++] = new Fragment
            {
                Pair = PairKeys.Of(a.Resident, b.Resident),
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


        private void EnsurePieces(int count)
        {
            if (_pieces.Length < count)
            {
                _pieces = new Piece[Math.Max(count, _pieces.Length * 2)];
            }
        }
    }
}
