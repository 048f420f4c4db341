using System.Numerics;
using System.Runtime.CompilerServices;
using DigitalTwin.Engine.Encounters;

namespace DigitalTwin.Engine.Familiarity;

/// <summary>
/// Sparse memory of every pair that ever met: an open-addressing hash (linear probing, Fibonacci hashing) keyed by
/// the 64-bit pair key: the keys in one array (probing reads only them), each pair's memory in a 56-byte struct in
/// a parallel array (an update touches one cache line), and no object per pair: 64 bytes a slot, at most 70 % full.
/// <para>
/// Activation A = ln Σ t_j^−d (ACT-R base level; Pachur et al. 2014) is kept compactly with Petrov's (2006)
/// approximation: the last <see cref="RecentHistoryLength"/> encounter times exactly, and the older ones as if
/// spread evenly between the first encounter and the oldest kept one, which needs only their count and the first
/// time. Petrov shows one to three exact terms already bring the error to a few percent of the full sum; we keep
/// four. Days met are a 64-bit mask (bit i: met i days before the last day met), which answers "on how many
/// different days within 14 days" with one popcount.
/// </para>
/// <para>
/// States are earned when their criteria hold at an update (<see cref="FamiliarityParameters"/>) and kept as the
/// pair's peak state; a tie holds its peak while activation stays above the peak's fade threshold. Activation only
/// falls between encounters, so the state at any day follows from the stored history without a daily pass over all
/// pairs. A faded tie has to be earned again: the next encounter clears its nods and shared stationary time.
/// </para>
/// </summary>
public sealed class FamiliarityLedger
{
    /// <summary>Exact encounter times kept per pair for activation (Petrov 2006 approximates the rest).</summary>
    public const int RecentHistoryLength = 4;

    /// <summary>Bytes per hash slot over all field arrays.</summary>
    public static readonly int BytesPerSlot = sizeof(ulong) + Unsafe.SizeOf<PairMemory>();

    private const double MaxLoad = 0.7;
    private const double SecondsPerDay = 86_400;

    private readonly FamiliarityParameters _parameters;
    private int _shift;
    private ulong[] _keys;       // probed alone: dense, 8 bytes a slot
    private PairMemory[] _pairs; // one record per slot: an update touches one cache line

    public FamiliarityLedger(FamiliarityParameters parameters, int initialCapacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.FamiliarStrangerWindowDays is < 1 or > 64 || parameters.NoddingContactWindowDays is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Day windows are between 1 and 64 days.");
        }
        _parameters = parameters;
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, initialCapacity));
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _keys = new ulong[capacity];
        _pairs = new PairMemory[capacity];
    }

    public FamiliarityParameters Parameters => _parameters;

    /// <summary>Pairs that have ever met.</summary>
    public int PairCount { get; private set; }

    public int Capacity => _keys.Length;

    /// <summary>Bytes held by the hash arrays (the whole ledger, apart from a few fields).</summary>
    public long MemoryBytes => (long)Capacity * BytesPerSlot;

    /// <summary>
    /// Adds one day's encounters, which must be sorted by pair (as <see cref="ExactEncounterDetector"/> returns them)
    /// and start time; <paramref name="nods"/> says which became a nod. Days must not go backwards.
    /// </summary>
    public void Record(int day, ReadOnlySpan<Encounter> encounters, ReadOnlySpan<bool> nods)
    {
        if (nods.Length != encounters.Length)
        {
            throw new ArgumentException("One nod flag per encounter.", nameof(nods));
        }
        int i = 0;
        while (i < encounters.Length)
        {
            ulong key = encounters[i].PairKey;
            int end = i + 1;
            while (end < encounters.Length && encounters[end].PairKey == key)
            {
                end++;
            }
            RecordPair(day, key, encounters[i..end], nods[i..end]);
            i = end;
        }
    }

    private void RecordPair(int day, ulong key, ReadOnlySpan<Encounter> encounters, ReadOnlySpan<bool> nods)
    {
        if (PairCount + 1 > MaxLoad * Capacity)
        {
            Grow();
        }
        int slot = FindSlot(key);
        ref PairMemory pair = ref _pairs[slot];
        if (_keys[slot] == 0)
        {
            _keys[slot] = key;
            pair.LastDay = day;
            pair.FirstDays = (float)(day + encounters[0].StartTimeSeconds / SecondsPerDay);
            PairCount++;
        }
        else
        {
            if (day < pair.LastDay)
            {
                throw new ArgumentOutOfRangeException(nameof(day), "Days are recorded in order.");
            }
            if (pair.Peak != TieState.None && Math.Log(Strength(in pair, day)) < FadeThreshold(pair.Peak))
            {
                // The tie faded before this meeting: it is earned again from here.
                pair.Peak = TieState.None;
                pair.NodDayMask = 0;
                pair.StationarySeconds = 0;
            }
            int shift = day - pair.LastDay;
            pair.DayMask = shift >= 64 ? 0 : pair.DayMask << shift;
            pair.NodDayMask = shift >= 64 ? 0 : pair.NodDayMask << shift;
            pair.LastDay = day;
        }
        pair.DayMask |= 1;
        for (int j = 0; j < encounters.Length; j++)
        {
            ref readonly Encounter e = ref encounters[j];
            pair.Encounters++;
            pair.Recent3 = pair.Recent2;
            pair.Recent2 = pair.Recent1;
            pair.Recent1 = pair.Recent0;
            pair.Recent0 = (float)(day + e.StartTimeSeconds / SecondsPerDay);
            if (nods[j])
            {
                pair.Nods++;
                pair.NodDayMask |= 1;
            }
            if (e.Kind == EncounterKind.CoPresent)
            {
                pair.StationarySeconds += (float)e.DurationSeconds;
            }
        }
        TieState earned = Earned(in pair);
        if (earned > pair.Peak)
        {
            pair.Peak = earned;
        }
    }

    private TieState Earned(in PairMemory pair)
    {
        FamiliarityParameters p = _parameters;
        bool familiar = BitOperations.PopCount(pair.DayMask & WindowMask(p.FamiliarStrangerWindowDays)) >= p.FamiliarStrangerDays;
        bool nodding = BitOperations.PopCount(pair.NodDayMask & WindowMask(p.NoddingContactWindowDays)) >= p.NoddingContactNodDays;
        return nodding && pair.StationarySeconds >= p.AcquaintanceStationarySeconds ? TieState.Acquaintance
            : nodding ? TieState.NoddingContact
            : familiar ? TieState.FamiliarStranger
            : TieState.None;
    }

    private static ulong WindowMask(int days) => days >= 64 ? ulong.MaxValue : (1UL << days) - 1;

    private double FadeThreshold(TieState state) => state switch
    {
        TieState.Acquaintance => _parameters.AcquaintanceFadeActivation,
        TieState.NoddingContact => _parameters.NoddingContactFadeActivation,
        _ => _parameters.FamiliarStrangerFadeActivation,
    };

    /// <summary>The pair's tie state at the start of <paramref name="day"/> (after days before it were recorded).</summary>
    public TieState StateOf(ulong pairKey, int day)
    {
        int slot = FindSlot(pairKey);
        return _keys[slot] == 0 ? TieState.None : StateAt(in _pairs[slot], day);
    }

    private TieState StateAt(in PairMemory pair, int day)
    {
        TieState peak = pair.Peak;
        return peak != TieState.None && Math.Log(Strength(in pair, day)) >= FadeThreshold(peak) ? peak : TieState.None;
    }

    /// <summary>Activation A = ln Σ t^−d at the start of <paramref name="day"/>; −∞ for a pair that never met.</summary>
    public double ActivationOf(ulong pairKey, int day)
    {
        int slot = FindSlot(pairKey);
        return _keys[slot] == 0 ? double.NegativeInfinity : Math.Log(Strength(in _pairs[slot], day));
    }

    /// <summary>
    /// The sum Σ t^−d = e^A at the start of <paramref name="day"/>, 0 for strangers: how present the other is in
    /// memory, the familiarity term of the nod model.
    /// </summary>
    public double StrengthOf(ulong pairKey, int day)
    {
        int slot = FindSlot(pairKey);
        return _keys[slot] == 0 ? 0 : Strength(in _pairs[slot], day);
    }

    private double Strength(in PairMemory pair, double nowDays)
    {
        double d = _parameters.ActivationDecay;
        double minimum = _parameters.MinimumAgeDays;
        int n = pair.Encounters;
        double sum = Math.Pow(Math.Max(nowDays - pair.Recent0, minimum), -d);
        if (n > 1)
        {
            sum += Math.Pow(Math.Max(nowDays - pair.Recent1, minimum), -d);
        }
        if (n > 2)
        {
            sum += Math.Pow(Math.Max(nowDays - pair.Recent2, minimum), -d);
        }
        if (n > 3)
        {
            sum += Math.Pow(Math.Max(nowDays - pair.Recent3, minimum), -d);
        }
        if (n > RecentHistoryLength)
        {
            // Petrov (2006): the n − k older encounters spread evenly over [t_k, t_n].
            double tk = Math.Max(nowDays - pair.Recent3, minimum);
            double tn = Math.Max(nowDays - pair.FirstDays, minimum);
            int older = n - RecentHistoryLength;
            sum += tn > tk
                ? older * (Math.Pow(tn, 1 - d) - Math.Pow(tk, 1 - d)) / ((1 - d) * (tn - tk))
                : older * Math.Pow(tk, -d);
        }
        return sum;
    }

    /// <summary>
    /// Per resident, at the start of <paramref name="day"/>: ties by state (each pair counted once, at its state)
    /// and distinct people ever met. Spans are indexed by resident, cleared here, and must cover every resident.
    /// </summary>
    public void CountTies(int day, Span<int> familiarStrangers, Span<int> noddingContacts, Span<int> acquaintances, Span<int> peopleMet)
    {
        familiarStrangers.Clear();
        noddingContacts.Clear();
        acquaintances.Clear();
        peopleMet.Clear();
        for (int slot = 0; slot < _keys.Length; slot++)
        {
            ulong key = _keys[slot];
            if (key == 0)
            {
                continue;
            }
            int a = PairKeys.Lower(key);
            int b = PairKeys.Higher(key);
            peopleMet[a]++;
            peopleMet[b]++;
            Span<int> counts = StateAt(in _pairs[slot], day) switch
            {
                TieState.FamiliarStranger => familiarStrangers,
                TieState.NoddingContact => noddingContacts,
                TieState.Acquaintance => acquaintances,
                _ => [],
            };
            if (!counts.IsEmpty)
            {
                counts[a]++;
                counts[b]++;
            }
        }
    }

    /// <summary>Every pair that ever met, at the start of <paramref name="day"/>, sorted by pair (for export).</summary>
    public Tie[] SnapshotTies(int day)
    {
        var ties = new Tie[PairCount];
        var keys = new ulong[PairCount];
        int at = 0;
        for (int slot = 0; slot < _keys.Length; slot++)
        {
            ulong key = _keys[slot];
            if (key == 0)
            {
                continue;
            }
            ref readonly PairMemory pair = ref _pairs[slot];
            int shift = day - 1 - pair.LastDay;
            ulong mask = shift <= 0 ? pair.DayMask : shift >= 64 ? 0 : pair.DayMask << shift;
            keys[at] = key;
            ties[at++] = new Tie(
                PairKeys.Lower(key), PairKeys.Higher(key), StateAt(in pair, day), pair.Encounters, pair.Nods,
                BitOperations.PopCount(mask), pair.Recent0, pair.StationarySeconds, Math.Log(Strength(in pair, day)));
        }
        Array.Sort(keys, ties);
        return ties;
    }

    /// <summary>The slot holding the key, or the empty slot where it would go. Key 0 is the pair (0, 0): never valid.</summary>
    private int FindSlot(ulong key)
    {
        if (key == 0)
        {
            throw new ArgumentException("A resident does not pair with themselves.", nameof(key));
        }
        int mask = _keys.Length - 1;
        int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (_keys[slot] != 0 && _keys[slot] != key)
        {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void Grow()
    {
        ulong[] keys = _keys;
        PairMemory[] pairs = _pairs;
        _shift--;
        _keys = new ulong[keys.Length * 2];
        _pairs = new PairMemory[keys.Length * 2];
        for (int old = 0; old < keys.Length; old++)
        {
            if (keys[old] != 0)
            {
                int slot = FindSlot(keys[old]);
                _keys[slot] = keys[old];
                _pairs[slot] = pairs[old];
            }
        }
    }

    /// <summary>Everything remembered about one pair (56 bytes). Times are days since the run's first day.</summary>
    private struct PairMemory
    {
        /// <summary>Bit i: met i days before <see cref="LastDay"/>.</summary>
        public ulong DayMask;

        /// <summary>Bit i: nodded i days before <see cref="LastDay"/>.</summary>
        public ulong NodDayMask;

        public int Encounters;
        public int Nods;
        public int LastDay;
        public float FirstDays;

        // The last RecentHistoryLength encounter times, most recent first (float days: 0.7 s resolution at 90 days).
        public float Recent0;
        public float Recent1;
        public float Recent2;
        public float Recent3;
        public float StationarySeconds;
        public TieState Peak;
    }
}
