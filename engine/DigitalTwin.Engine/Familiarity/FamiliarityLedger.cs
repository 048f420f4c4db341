using System.Numerics;
using DigitalTwin.Engine.Encounters;

namespace DigitalTwin.Engine.Familiarity;

/// <summary>
/// Sparse memory of every pair that ever met: an open-addressing hash (linear probing, Fibonacci hashing) keyed by
/// the 64-bit pair key, with one array per field and no object per pair.
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
    public const int BytesPerSlot = sizeof(ulong) * 3 + sizeof(int) * 3 + sizeof(float) * (2 + RecentHistoryLength) + sizeof(byte);

    private const double MaxLoad = 0.7;
    private const double SecondsPerDay = 86_400;

    private readonly FamiliarityParameters _parameters;
    private int _shift;
    private ulong[] _keys;
    private int[] _encounters;
    private int[] _nods;
    private int[] _lastDay;
    private ulong[] _dayMask;
    private ulong[] _nodDayMask;
    private float[] _firstDays;
    private float[] _recentDays; // RecentHistoryLength per slot, most recent first
    private float[] _stationarySeconds;
    private TieState[] _peak;

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
        _encounters = new int[capacity];
        _nods = new int[capacity];
        _lastDay = new int[capacity];
        _dayMask = new ulong[capacity];
        _nodDayMask = new ulong[capacity];
        _firstDays = new float[capacity];
        _recentDays = new float[capacity * RecentHistoryLength];
        _stationarySeconds = new float[capacity];
        _peak = new TieState[capacity];
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
        if (_keys[slot] == 0)
        {
            _keys[slot] = key;
            _lastDay[slot] = day;
            _firstDays[slot] = (float)(day + encounters[0].StartTimeSeconds / SecondsPerDay);
            PairCount++;
        }
        else
        {
            if (day < _lastDay[slot])
            {
                throw new ArgumentOutOfRangeException(nameof(day), "Days are recorded in order.");
            }
            if (_peak[slot] != TieState.None && ActivationAt(slot, day) < FadeThreshold(_peak[slot]))
            {
                // The tie faded before this meeting: it is earned again from here.
                _peak[slot] = TieState.None;
                _nodDayMask[slot] = 0;
                _stationarySeconds[slot] = 0;
            }
            int shift = day - _lastDay[slot];
            _dayMask[slot] = shift >= 64 ? 0 : _dayMask[slot] << shift;
            _nodDayMask[slot] = shift >= 64 ? 0 : _nodDayMask[slot] << shift;
            _lastDay[slot] = day;
        }
        _dayMask[slot] |= 1;
        var recent = _recentDays.AsSpan(slot * RecentHistoryLength, RecentHistoryLength);
        for (int j = 0; j < encounters.Length; j++)
        {
            ref readonly Encounter e = ref encounters[j];
            _encounters[slot]++;
            recent[..^1].CopyTo(recent[1..]);
            recent[0] = (float)(day + e.StartTimeSeconds / SecondsPerDay);
            if (nods[j])
            {
                _nods[slot]++;
                _nodDayMask[slot] |= 1;
            }
            if (e.Kind == EncounterKind.CoPresent)
            {
                _stationarySeconds[slot] += (float)e.DurationSeconds;
            }
        }
        TieState earned = Earned(slot);
        if (earned > _peak[slot])
        {
            _peak[slot] = earned;
        }
    }

    private TieState Earned(int slot)
    {
        FamiliarityParameters p = _parameters;
        bool familiar = BitOperations.PopCount(_dayMask[slot] & WindowMask(p.FamiliarStrangerWindowDays)) >= p.FamiliarStrangerDays;
        bool nodding = BitOperations.PopCount(_nodDayMask[slot] & WindowMask(p.NoddingContactWindowDays)) >= p.NoddingContactNodDays;
        return nodding && _stationarySeconds[slot] >= p.AcquaintanceStationarySeconds ? TieState.Acquaintance
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
        return _keys[slot] == 0 ? TieState.None : StateAt(slot, day);
    }

    private TieState StateAt(int slot, int day)
    {
        TieState peak = _peak[slot];
        return peak != TieState.None && ActivationAt(slot, day) >= FadeThreshold(peak) ? peak : TieState.None;
    }

    /// <summary>Activation A = ln Σ t^−d at the start of <paramref name="day"/>; −∞ for a pair that never met.</summary>
    public double ActivationOf(ulong pairKey, int day)
    {
        int slot = FindSlot(pairKey);
        return _keys[slot] == 0 ? double.NegativeInfinity : ActivationAt(slot, day);
    }

    /// <summary>
    /// The sum Σ t^−d = e^A at the start of <paramref name="day"/>, 0 for strangers: how present the other is in
    /// memory, the familiarity term of the nod model.
    /// </summary>
    public double StrengthOf(ulong pairKey, int day)
    {
        int slot = FindSlot(pairKey);
        return _keys[slot] == 0 ? 0 : StrengthAt(slot, day);
    }

    private double ActivationAt(int slot, double nowDays) => Math.Log(StrengthAt(slot, nowDays));

    private double StrengthAt(int slot, double nowDays)
    {
        double d = _parameters.ActivationDecay;
        double minimum = _parameters.MinimumAgeDays;
        int n = _encounters[slot];
        int kept = Math.Min(n, RecentHistoryLength);
        var recent = _recentDays.AsSpan(slot * RecentHistoryLength, RecentHistoryLength);
        double sum = 0;
        for (int j = 0; j < kept; j++)
        {
            sum += Math.Pow(Math.Max(nowDays - recent[j], minimum), -d);
        }
        if (n > RecentHistoryLength)
        {
            // Petrov (2006): the n − k older encounters spread evenly over [t_k, t_n].
            double tk = Math.Max(nowDays - recent[RecentHistoryLength - 1], minimum);
            double tn = Math.Max(nowDays - _firstDays[slot], minimum);
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
            Span<int> counts = StateAt(slot, day) switch
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
        int at = 0;
        for (int slot = 0; slot < _keys.Length; slot++)
        {
            ulong key = _keys[slot];
            if (key == 0)
            {
                continue;
            }
            int shift = day - 1 - _lastDay[slot];
            ulong mask = shift <= 0 ? _dayMask[slot] : shift >= 64 ? 0 : _dayMask[slot] << shift;
            ties[at++] = new Tie(
                PairKeys.Lower(key), PairKeys.Higher(key), StateAt(slot, day), _encounters[slot], _nods[slot],
                BitOperations.PopCount(mask), _recentDays[slot * RecentHistoryLength], _stationarySeconds[slot],
                ActivationAt(slot, day));
        }
        Array.Sort(ties, static (x, y) => PairKeys.Of(x.ResidentA, x.ResidentB).CompareTo(PairKeys.Of(y.ResidentA, y.ResidentB)));
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
        int[] encounters = _encounters;
        int[] nods = _nods;
        int[] lastDay = _lastDay;
        ulong[] dayMask = _dayMask;
        ulong[] nodDayMask = _nodDayMask;
        float[] firstDays = _firstDays;
        float[] recentDays = _recentDays;
        float[] stationary = _stationarySeconds;
        TieState[] peak = _peak;

        int capacity = keys.Length * 2;
        _shift--;
        _keys = new ulong[capacity];
        _encounters = new int[capacity];
        _nods = new int[capacity];
        _lastDay = new int[capacity];
        _dayMask = new ulong[capacity];
        _nodDayMask = new ulong[capacity];
        _firstDays = new float[capacity];
        _recentDays = new float[capacity * RecentHistoryLength];
        _stationarySeconds = new float[capacity];
        _peak = new TieState[capacity];
        for (int old = 0; old < keys.Length; old++)
        {
            if (keys[old] == 0)
            {
                continue;
            }
            int slot = FindSlot(keys[old]);
            _keys[slot] = keys[old];
            _encounters[slot] = encounters[old];
            _nods[slot] = nods[old];
            _lastDay[slot] = lastDay[old];
            _dayMask[slot] = dayMask[old];
            _nodDayMask[slot] = nodDayMask[old];
            _firstDays[slot] = firstDays[old];
            recentDays.AsSpan(old * RecentHistoryLength, RecentHistoryLength).CopyTo(_recentDays.AsSpan(slot * RecentHistoryLength));
            _stationarySeconds[slot] = stationary[old];
            _peak[slot] = peak[old];
        }
    }
}
