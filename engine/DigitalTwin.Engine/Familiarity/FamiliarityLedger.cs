using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;

namespace DigitalTwin.Engine.Familiarity;

/// <summary>
/// Sparse memory of the pairs that met: each pair's memory and key is a 64-byte record, kept densely in blocks in the
/// order pairs first met (no object per pair); an open-addressing hash (linear probing, Fibonacci hashing, at most 70 %
/// full) maps the 64-bit pair key to its record in 8-byte slots of the hash's first 32 bits and the record's index (a
/// match is confirmed by the record's key, which a lookup reads next anyway). Growing the hash moves only slots, never
/// records, and needs no key (the hash bits give the home), and adding a pair appends to the last block: a city's first
/// days add millions of pairs, and rehashing 64-byte slots into a table of fresh memory was most of Delft's
/// familiarity phase. New pairs are placed and the hash grown region by region in parallel (see PlaceNewPairs).
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
/// <para>
/// Forgetting bounds the memory. Most pairs meet once. A pair with no tie, no nod within the nodding window and
/// activation below <see cref="FamiliarityParameters.ForgottenActivation"/> is forgotten; that only becomes more true
/// as days pass without a meeting, so it is decided lazily and exactly: a forgotten pair reads as a stranger and,
/// when it meets again, starts afresh. The slots of forgotten pairs are reclaimed by a sweep when the table would
/// otherwise grow, always at the start of a recorded day, so the result does not depend on when sweeps happen. A
/// swept pair's key goes to a compact set (<see cref="ForgottenPairs"/>, 4 bytes a pair) so that "distinct people
/// met", counted per resident when a pair first meets, is never counted twice.
/// </para>
/// <para>
/// A day goes through the ledger in two steps: <see cref="BeginDay"/> looks every pair of the day up once (in
/// parallel, read-only) and gives the nod model each pair's strength; <see cref="Record(FamiliarityDay, ReadOnlySpan{Encounter}, ReadOnlySpan{bool}, int)"/>
/// then writes the day at the slots already found. One hash lookup per pair per day.
/// </para>
/// </summary>
public sealed class FamiliarityLedger
{
    /// <summary>Exact encounter times kept per pair for activation (Petrov 2006 approximates the rest).</summary>
    public const int RecentHistoryLength = 4;

    /// <summary>Bytes per hash slot: a key and its record's index.</summary>
    public static readonly int BytesPerSlot = Unsafe.SizeOf<Slot>();

    /// <summary>Bytes per pair held: its record and its key.</summary>
    public static readonly int BytesPerPair = Unsafe.SizeOf<PairMemory>();

    // Records come in blocks of 2^12 (229 kB): growing adds a block, copying nothing, and a small run holds one or two.
    private const int BlockBits = 12;
    private const int BlockSize = 1 << BlockBits;
    private const int BlockMask = BlockSize - 1;

    private const double MaxLoad = 0.7;
    private const double SecondsPerDay = 86_400;

    // Pairs per parallel work item in BeginDay: a fixed size, so the split never depends on the thread count.
    private const int PairsPerChunk = 8192;

    private readonly FamiliarityParameters _parameters;
    private readonly double _forgottenStrength;  // e^ForgottenActivation
    private readonly double _youngestForgottenDays; // a pair last met more recently than this is never forgotten

    // ACT-R's default decay d = 0.5 makes t^−d a reciprocal square root: several times cheaper than Pow, which was a
    // tenth of the familiarity phase (every pair met, every day, and every pair again at the tie snapshot).
    private readonly bool _squareRootDecay;
    private readonly ForgottenPairs _forgotten = new();
    private readonly FamiliarityDay _today = new();
    private int _shift;
    private Slot[] _slots;
    private PairMemory[][] _records = [];
    private int[] _peopleMet = new int[64];
    private int _firstRecordedDay = int.MinValue;
    private int _lastRecordedDay = int.MinValue;
    private int _version;        // bumped whenever slots move or are taken, so a stale FamiliarityDay is caught

    public FamiliarityLedger(FamiliarityParameters parameters, int initialCapacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.FamiliarStrangerWindowDays is < 1 or > 64 || parameters.NoddingContactWindowDays is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Day windows are between 1 and 64 days.");
        }
        _parameters = parameters;
        _forgottenStrength = Math.Exp(parameters.ForgottenActivation);
        _squareRootDecay = parameters.ActivationDecay == 0.5;
        // Σ t^−d ≥ t_last^−d, so strength < e^θ needs t_last > e^(−θ/d).
        _youngestForgottenDays = Math.Exp(-parameters.ForgottenActivation / parameters.ActivationDecay);
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, initialCapacity));
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _slots = new Slot[capacity];
    }

    public FamiliarityParameters Parameters => _parameters;

    /// <summary>Pairs held (records): remembered ones and forgotten ones not yet swept.</summary>
    public int PairCount { get; private set; }

    /// <summary>Distinct pairs that ever met (held or swept).</summary>
    public long PairsMet { get; private set; }

    /// <summary>Pairs swept out of the hash, kept only as "have met".</summary>
    public int ForgottenPairCount => _forgotten.Count;

    /// <summary>Slots of the hash.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Bytes held by the hash, the record blocks, the forgotten set and the per-resident counters.</summary>
    public long MemoryBytes =>
        ((long)Capacity * BytesPerSlot) + ((long)_records.Length * BlockSize * BytesPerPair) + _forgotten.MemoryBytes + ((long)_peopleMet.Length * sizeof(int));

    /// <summary>
    /// Looks up the pairs of one day's encounters, which must be sorted by pair (as <see cref="ExactEncounterDetector"/>
    /// returns them) and start time: one hash lookup per pair, read-only (so in parallel over fixed chunks of pairs).
    /// The result is this ledger's reusable <see cref="FamiliarityDay"/>, valid until the ledger changes.
    /// </summary>
    public FamiliarityDay BeginDay(int day, ReadOnlySpan<Encounter> encounters, int threads = 1)
    {
        if (day < _lastRecordedDay)
        {
            throw new ArgumentOutOfRangeException(nameof(day), "Days are recorded in order.");
        }
        FamiliarityDay today = _today;
        int runs = 0;
        for (int i = 0; i < encounters.Length; i++)
        {
            if (i == 0 || encounters[i].PairKey != encounters[i - 1].PairKey)
            {
                runs++;
            }
        }
        today.EnsureCapacity(runs);
        int run = 0;
        for (int i = 0; i < encounters.Length; i++)
        {
            ulong key = encounters[i].PairKey;
            if (i == 0 || key != encounters[i - 1].PairKey)
            {
                if (key == 0)
                {
                    throw new ArgumentException("A resident does not pair with themselves.", nameof(encounters));
                }
                today.RunStarts[run] = i;
                today.Keys[run++] = key;
            }
        }
        today.RunStarts[runs] = encounters.Length;
        today.Day = day;
        today.PairCount = runs;
        today.EncounterCount = encounters.Length;
        today.Recorded = false;
        today.Version = _version;
        int chunks = (runs + PairsPerChunk - 1) / PairsPerChunk;
        if (threads <= 1 || chunks <= 1)
        {
            LookUp(today, 0, runs);
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads },
                c => LookUp(today, c * PairsPerChunk, Math.Min(runs, (c + 1) * PairsPerChunk)));
        }
        return today;
    }

    private void LookUp(FamiliarityDay today, int from, int to)
    {
        int day = today.Day;
        for (int r = from; r < to; r++)
        {
            // The day's pairs land all over hundreds of MB: ask for a later pair's slot now, and for the record of a
            // pair whose slot should have arrived by now, so memory is on its way while this pair is looked up.
            if (r + (2 * PrefetchDistance) < to)
            {
                CacheHint.Prefetch(in _slots[Home(today.Keys[r + (2 * PrefetchDistance)])]);
            }
            if (r + PrefetchDistance < to)
            {
                uint hash = HashOf(today.Keys[r + PrefetchDistance]);
                ref readonly Slot ahead = ref _slots[Home(hash)];
                if (!ahead.IsEmpty && ahead.Hash == hash)
                {
                    CacheHint.Prefetch(in PairAt(ahead.Record));
                }
            }
            int slot = FindSlot(today.Keys[r]);
            today.Renewed[r] = false;
            today.After[r] = TieState.None;
            if (_slots[slot].IsEmpty)
            {
                today.Records[r] = ~slot; // where the probe ended: the insert resumes there
                today.Strengths[r] = 0;
                today.Before[r] = TieState.None;
                continue;
            }
            today.Records[r] = _slots[slot].Record;
            ref readonly PairMemory pair = ref PairAt(_slots[slot].Record);
            double strength = Strength(in pair, day);
            TieState state = StateFrom(in pair, strength);
            if (IsForgotten(in pair, day, strength, state))
            {
                today.Renewed[r] = true;
                strength = 0;
            }
            today.Strengths[r] = strength;
            today.Before[r] = state;
        }
    }

    /// <summary>
    /// Adds one day's encounters, which must be sorted by pair (as <see cref="ExactEncounterDetector"/> returns them)
    /// and start time; <paramref name="nods"/> says which became a nod. Days must not go backwards.
    /// </summary>
    public void Record(int day, ReadOnlySpan<Encounter> encounters, ReadOnlySpan<bool> nods) =>
        Record(BeginDay(day, encounters), encounters, nods);

    /// <summary>
    /// Writes the day begun with <see cref="BeginDay"/> (the same encounters; nothing recorded in between) at the
    /// slots found then, and fills <see cref="FamiliarityDay.StateAfter"/>. New pairs are counted as people met unless
    /// they had met before and were forgotten. New pairs are placed one by one in pair order; the pairs' memories are
    /// then updated in parallel over fixed chunks, each pair by itself, so the result is the same on any thread count.
    /// </summary>
    public void Record(FamiliarityDay today, ReadOnlySpan<Encounter> encounters, ReadOnlySpan<bool> nods, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(today);
        if (today != _today || today.Version != _version || today.Recorded || today.EncounterCount != encounters.Length)
        {
            throw new ArgumentException("Record the day begun last, with the same encounters.", nameof(today));
        }
        if (nods.Length != encounters.Length)
        {
            throw new ArgumentException("One nod flag per encounter.", nameof(nods));
        }
        int day = today.Day;
        int runs = today.PairCount;
        int newPairs = 0;
        for (int r = 0; r < runs; r++)
        {
            newPairs += today.Records[r] < 0 ? 1 : 0;
        }
        if (PairCount + newPairs > MaxLoad * Capacity)
        {
            MakeRoom(day, newPairs, threads);
            // Sweeping moves records and growing moves slots: find today's pairs again (read-only, so in parallel). A
            // renewed pair may have been swept: it is new now.
            int lookUpChunks = (runs + PairsPerChunk - 1) / PairsPerChunk;
            Parallel.For(0, lookUpChunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, c =>
            {
                int to = Math.Min(runs, (c + 1) * PairsPerChunk);
                for (int r = c * PairsPerChunk; r < to; r++)
                {
                    if (r + PrefetchDistance < to)
                    {
                        CacheHint.Prefetch(in _slots[Home(today.Keys[r + PrefetchDistance])]);
                    }
                    int slot = FindSlot(today.Keys[r]);
                    today.Records[r] = _slots[slot].IsEmpty ? ~slot : _slots[slot].Record;
                }
            });
            newPairs = 0;
            for (int r = 0; r < runs; r++)
            {
                newPairs += today.Records[r] < 0 ? 1 : 0;
            }
        }
        PlaceNewPairs(today, newPairs, threads);
        // Sequential: what the update needs from each encounter, into flat arrays the parallel pass can read.
        today.EnsureEncounterCapacity(encounters.Length);
        for (int i = 0; i < encounters.Length; i++)
        {
            ref readonly Encounter e = ref encounters[i];
            today.WhenDays[i] = (float)(day + e.StartTimeSeconds / SecondsPerDay);
            // Acquaintance needs talk, not co-presence: only time spent staying together with a greeting counts.
            today.StationarySeconds[i] = e.Kind == EncounterKind.CoPresent && nods[i] ? (float)e.DurationSeconds : 0;
            today.Nods[i] = nods[i];
        }
        // Parallel over fixed chunks of pairs: each pair owns its slot, so no write is shared and order never matters.
        int chunks = (runs + PairsPerChunk - 1) / PairsPerChunk;
        if (threads <= 1 || chunks <= 1)
        {
            UpdatePairs(today, 0, runs);
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads },
                c => UpdatePairs(today, c * PairsPerChunk, Math.Min(runs, (c + 1) * PairsPerChunk)));
        }
        today.Recorded = true;
        _lastRecordedDay = day;
        if (_firstRecordedDay == int.MinValue)
        {
            _firstRecordedDay = day;
        }
        _version++;
    }

    private void UpdatePairs(FamiliarityDay today, int from, int to)
    {
        int day = today.Day;
        for (int r = from; r < to; r++)
        {
            if (r + PrefetchDistance < to)
            {
                CacheHint.Prefetch(in PairAt(today.Records[r + PrefetchDistance]));
            }
            int start = today.RunStarts[r];
            int end = today.RunStarts[r + 1];
            ref PairMemory pair = ref PairAt(today.Records[r]);
            if (today.Renewed[r])
            {
                // New, or forgotten and met again: memory starts afresh.
                pair = new PairMemory { Key = today.Keys[r] };
                pair.LastDay = day;
                pair.FirstDays = today.WhenDays[start];
            }
            else
            {
                if (pair.Peak != TieState.None && Math.Log(today.Strengths[r]) < FadeThreshold(pair.Peak))
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
            for (int j = start; j < end; j++)
            {
                pair.Encounters++;
                pair.Recent3 = pair.Recent2;
                pair.Recent2 = pair.Recent1;
                pair.Recent1 = pair.Recent0;
                pair.Recent0 = today.WhenDays[j];
                if (today.Nods[j])
                {
                    pair.Nods++;
                    pair.NodDayMask |= 1;
                }
                pair.StationarySeconds += today.StationarySeconds[j];
            }
            TieState earned = Earned(in pair);
            if (earned > pair.Peak)
            {
                pair.Peak = earned;
            }
            today.After[r] = pair.Peak == TieState.None ? TieState.None : StateAt(in pair, day + 1);
        }
    }

    /// <summary>
    /// Gives today's new pairs their records, in pair order (a deterministic layout), and their slots, in parallel over
    /// regions of the hash (<see cref="RegionBits"/>): a key's probe stays in its home's region, and one that would
    /// leave it is placed after all regions, in order. Which key ends in which slot then depends only on the day, not
    /// on the thread count. Placing a city's first day (24 million pairs at 1M residents) one by one was most of the
    /// familiarity phase.
    /// </summary>
    private void PlaceNewPairs(FamiliarityDay today, int newPairs, int threads)
    {
        if (newPairs == 0)
        {
            return;
        }
        int runs = today.PairCount;
        int firstRecord = PairCount;
        EnsureRecords(firstRecord + newPairs);
        today.EnsurePlacementCapacity(newPairs);
        int[] order = today.PlacementOrder;
        int[] resume = today.PlacementSlots;
        int regions = RegionCount(_slots.Length);
        Span<int> regionStart = stackalloc int[regions + 1];
        regionStart.Clear();
        int maxResident = 0;
        for (int r = 0; r < runs; r++)
        {
            if (today.Records[r] < 0)
            {
                regionStart[RegionOf(today.Keys[r], regions) + 1]++;
                maxResident = Math.Max(maxResident, PairKeys.Higher(today.Keys[r]));
            }
        }
        for (int g = 0; g < regions; g++)
        {
            regionStart[g + 1] += regionStart[g];
        }
        Span<int> next = stackalloc int[regions];
        regionStart[..regions].CopyTo(next);
        int record = firstRecord;
        for (int r = 0; r < runs; r++)
        {
            if (today.Records[r] < 0)
            {
                int at = next[RegionOf(today.Keys[r], regions)]++;
                order[at] = r;
                resume[at] = ~today.Records[r];
                today.Records[r] = record++;
                today.Renewed[r] = true;
            }
        }
        PairCount = firstRecord + newPairs;
        if (maxResident >= _peopleMet.Length)
        {
            Array.Resize(ref _peopleMet, Math.Max(maxResident + 1, _peopleMet.Length * 2));
        }
        int[] starts = regionStart.ToArray();
        var met = new int[regions];
        var counted = new List<int[]>();
        int residents = _peopleMet.Length;
        Parallel.For(0, regions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, () => new int[residents], (g, _, peopleMet) =>
        {
            int end = RegionEnd(g, regions);
            int metHere = 0;
            for (int at = starts[g]; at < starts[g + 1]; at++)
            {
                if (at + PrefetchDistance < starts[g + 1])
                {
                    CacheHint.Prefetch(in _slots[resume[at + PrefetchDistance] & (_slots.Length - 1)]);
                }
                int r = order[at];
                ulong key = today.Keys[r];
                PairAt(today.Records[r]).Key = key;
                if (!_forgotten.Contains(key))
                {
                    peopleMet[PairKeys.Lower(key)]++;
                    peopleMet[PairKeys.Higher(key)]++;
                    metHere++;
                }
                int slot = resume[at];
                if (slot < RegionEnd(g - 1, regions) || slot >= end)
                {
                    continue; // its probe already left the region (or wrapped): placed after the regions
                }
                while (slot < end && !_slots[slot].IsEmpty)
                {
                    slot++;
                }
                resume[at] = slot;
                if (slot < end)
                {
                    _slots[slot] = Slot.Of(key, today.Records[r]);
                    resume[at] = -1;
                }
            }
            met[g] = metHere;
            return peopleMet;
        }, peopleMet =>
        {
            lock (counted)
            {
                counted.Add(peopleMet);
            }
        });
        // Additions commute: the counts are the same whichever worker counted which pair.
        foreach (int[] peopleMet in counted)
        {
            for (int resident = 0; resident < residents; resident++)
            {
                _peopleMet[resident] += peopleMet[resident];
            }
        }
        int mask = _slots.Length - 1;
        for (int at = 0; at < newPairs; at++)
        {
            if (resume[at] >= 0)
            {
                int r = order[at];
                ulong key = today.Keys[r];
                int slot = resume[at] & mask;
                while (!_slots[slot].IsEmpty)
                {
                    slot = (slot + 1) & mask;
                }
                _slots[slot] = Slot.Of(key, today.Records[r]);
            }
        }
        PairsMet += met.Sum();
    }

    /// <summary>
    /// Sweeps out the pairs forgotten by the start of <paramref name="day"/>; grows the table only if the remembered
    /// pairs and <paramref name="newPairs"/> would still fill more than three quarters of the allowed load (so sweeps
    /// stay rare when most pairs are remembered).
    /// </summary>
    private void MakeRoom(int day, int newPairs, int threads)
    {
        // Until the first recorded day is older than the youngest a forgotten pair can be, a sweep finds nothing.
        if (_firstRecordedDay != int.MinValue && day - _firstRecordedDay > _youngestForgottenDays)
        {
            Forget(day);
        }
        int capacity = Capacity;
        while (PairCount + newPairs > 0.75 * MaxLoad * capacity)
        {
            capacity *= 2;
        }
        if (capacity > Capacity)
        {
            GrowTo(capacity, threads);
        }
    }

    /// <summary>
    /// Drops every pair forgotten by the start of <paramref name="day"/> from the hash (their keys go to the compact
    /// "have met" set) and returns how many it removed. The ledger sweeps by itself when it needs room; results never
    /// depend on when it does, since a forgotten pair reads as a stranger either way.
    /// </summary>
    public int Forget(int day)
    {
        if (day < _lastRecordedDay)
        {
            throw new ArgumentOutOfRangeException(nameof(day), "Days are recorded in order.");
        }
        var dropped = new List<ulong>();
        // Kept records move down over the dropped ones, in order; then the hash is built again over them.
        int kept = 0;
        for (int record = 0; record < PairCount; record++)
        {
            ulong key = PairAt(record).Key;
            if (IsForgotten(in PairAt(record), day))
            {
                if (!_forgotten.Contains(key))
                {
                    dropped.Add(key);
                }
                continue;
            }
            if (kept != record)
            {
                PairAt(kept) = PairAt(record);
            }
            kept++;
        }
        int removed = PairCount - kept;
        PairCount = kept;
        int blocks = (kept + BlockSize - 1) >> BlockBits;
        _records = _records[..blocks];
        RebuildHash(_slots.Length);
        dropped.Sort();
        _forgotten.Add(CollectionsMarshal.AsSpan(dropped));
        _version++;
        return removed;
    }

    private ref PairMemory PairAt(int record) => ref _records[record >> BlockBits][record & BlockMask];

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
            _records[block] = new PairMemory[BlockSize];
        }
    }

    private bool IsForgotten(in PairMemory pair, int day)
    {
        if (day - pair.Recent0 <= _youngestForgottenDays)
        {
            return false;
        }
        double strength = Strength(in pair, day);
        return IsForgotten(in pair, day, strength, StateFrom(in pair, strength));
    }

    private bool IsForgotten(in PairMemory pair, int day, double strength, TieState state)
    {
        if (state != TieState.None || strength >= _forgottenStrength)
        {
            return false;
        }
        int sinceLast = day - pair.LastDay;
        int window = _parameters.NoddingContactWindowDays;
        return sinceLast >= window || (pair.NodDayMask & WindowMask(window - sinceLast)) == 0;
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
        return _slots[slot].IsEmpty ? TieState.None : StateAt(in PairAt(_slots[slot].Record), day);
    }

    private TieState StateAt(in PairMemory pair, int day) => StateFrom(in pair, Strength(in pair, day));

    private TieState StateFrom(in PairMemory pair, double strength)
    {
        TieState peak = pair.Peak;
        return peak != TieState.None && Math.Log(strength) >= FadeThreshold(peak) ? peak : TieState.None;
    }

    /// <summary>Whether the two have ever met, forgotten or not.</summary>
    public bool HaveMet(ulong pairKey)
    {
        int slot = FindSlot(pairKey);
        return !_slots[slot].IsEmpty || _forgotten.Contains(pairKey);
    }

    /// <summary>Whether the pair is remembered at the start of <paramref name="day"/>: met and not forgotten.</summary>
    public bool Remembers(ulong pairKey, int day)
    {
        int slot = FindSlot(pairKey);
        return !_slots[slot].IsEmpty && !IsForgotten(in PairAt(_slots[slot].Record), day);
    }

    /// <summary>Activation A = ln Σ t^−d at the start of <paramref name="day"/>; −∞ for strangers and forgotten pairs.</summary>
    public double ActivationOf(ulong pairKey, int day) => Math.Log(StrengthOf(pairKey, day));

    /// <summary>
    /// The sum Σ t^−d = e^A at the start of <paramref name="day"/>, 0 for strangers and forgotten pairs: how present
    /// the other is in memory, the familiarity term of the nod model.
    /// </summary>
    public double StrengthOf(ulong pairKey, int day)
    {
        int slot = FindSlot(pairKey);
        if (_slots[slot].IsEmpty)
        {
            return 0;
        }
        ref readonly PairMemory pair = ref PairAt(_slots[slot].Record);
        double strength = Strength(in pair, day);
        return IsForgotten(in pair, day, strength, StateFrom(in pair, strength)) ? 0 : strength;
    }

    /// <summary>t^−d: one past encounter's part of the strength, t days after it.</summary>
    private double Decayed(double t) => _squareRootDecay ? 1 / Math.Sqrt(t) : Math.Pow(t, -_parameters.ActivationDecay);

    /// <summary>t^(1−d): the integral of t^−d, times 1 − d (Petrov's older encounters).</summary>
    private double Integrand(double t) => _squareRootDecay ? Math.Sqrt(t) : Math.Pow(t, 1 - _parameters.ActivationDecay);

    private double Strength(in PairMemory pair, double nowDays)
    {
        double d = _parameters.ActivationDecay;
        double minimum = _parameters.MinimumAgeDays;
        int n = pair.Encounters;
        double sum = Decayed(Math.Max(nowDays - pair.Recent0, minimum));
        if (n > 1)
        {
            sum += Decayed(Math.Max(nowDays - pair.Recent1, minimum));
        }
        if (n > 2)
        {
            sum += Decayed(Math.Max(nowDays - pair.Recent2, minimum));
        }
        if (n > 3)
        {
            sum += Decayed(Math.Max(nowDays - pair.Recent3, minimum));
        }
        if (n > RecentHistoryLength)
        {
            // Petrov (2006): the n − k older encounters spread evenly over [t_k, t_n].
            double tk = Math.Max(nowDays - pair.Recent3, minimum);
            double tn = Math.Max(nowDays - pair.FirstDays, minimum);
            int older = n - RecentHistoryLength;
            sum += tn > tk
                ? older * (Integrand(tn) - Integrand(tk)) / ((1 - d) * (tn - tk))
                : older * Decayed(tk);
        }
        return sum;
    }

    /// <summary>
    /// Per resident, at the start of <paramref name="day"/>: ties by state (each pair counted once, at its state)
    /// and distinct people ever met (exact, forgotten pairs included). Spans are indexed by resident, cleared here,
    /// and must cover every resident. With the day's snapshot at hand, the overload that counts from it is cheaper.
    /// </summary>
    public void CountTies(int day, Span<int> familiarStrangers, Span<int> noddingContacts, Span<int> acquaintances, Span<int> peopleMet, int threads = 1) =>
        CountTies(SnapshotTies(day, threads), familiarStrangers, noddingContacts, acquaintances, peopleMet);

    /// <summary>
    /// As <see cref="CountTies(int, Span{int}, Span{int}, Span{int}, Span{int}, int)"/>, from a snapshot of the same
    /// day: every pair with a state is in it (a forgotten pair has none), so no activation is computed again.
    /// </summary>
    public void CountTies(ReadOnlySpan<Tie> snapshot, Span<int> familiarStrangers, Span<int> noddingContacts, Span<int> acquaintances, Span<int> peopleMet)
    {
        familiarStrangers.Clear();
        noddingContacts.Clear();
        acquaintances.Clear();
        peopleMet.Clear();
        _peopleMet.AsSpan(0, Math.Min(_peopleMet.Length, peopleMet.Length)).CopyTo(peopleMet);
        foreach (ref readonly Tie tie in snapshot)
        {
            Span<int> counts = tie.State switch
            {
                TieState.FamiliarStranger => familiarStrangers,
                TieState.NoddingContact => noddingContacts,
                TieState.Acquaintance => acquaintances,
                _ => [],
            };
            if (!counts.IsEmpty)
            {
                counts[tie.ResidentA]++;
                counts[tie.ResidentB]++;
            }
        }
    }

    /// <summary>
    /// Every pair remembered at the start of <paramref name="day"/>, sorted by pair (for export). Forgotten pairs are
    /// left out: <see cref="PairsMet"/> counts them.
    /// </summary>
    public Tie[] SnapshotTies(int day, int threads = 1)
    {
        // All in parallel, on any split (each step's result is unique, so the thread count never shows):
        // 1. per record its strength, NaN if forgotten, and per range of records how many remembered pairs each
        //    resident is the lower of;
        // 2. the remembered records scattered, stably, into groups by lower resident (a counting sort);
        // 3. each group sorted by its keys (distinct: a total order), then one Tie each.
        // Records are in the order pairs first met, all over the key space: a full radix sort of the keys took four
        // serial passes, and this was a tenth of a Delft month.
        int held = PairCount;
        int residents = _peopleMet.Length;
        int ranges = Math.Clamp(threads, 1, 16); // each holds a count per resident
        int rangeSize = (held + ranges - 1) / ranges;
        var options = new ParallelOptions { MaxDegreeOfParallelism = ranges };
        var strengths = GC.AllocateUninitializedArray<double>(held);
        var lowerCounts = new int[ranges][];
        Parallel.For(0, ranges, options, r =>
        {
            var counts = lowerCounts[r] = new int[residents];
            for (int record = r * rangeSize; record < Math.Min(held, (r + 1) * rangeSize); record++)
            {
                ref readonly PairMemory pair = ref PairAt(record);
                double strength = Strength(in pair, day);
                bool forgotten = IsForgotten(in pair, day, strength, StateFrom(in pair, strength));
                strengths[record] = forgotten ? double.NaN : strength;
                counts[PairKeys.Lower(pair.Key)] += forgotten ? 0 : 1;
            }
        });
        var groupStart = new int[residents + 1];
        int count = 0;
        for (int lower = 0; lower < residents; lower++)
        {
            groupStart[lower] = count;
            for (int r = 0; r < ranges; r++)
            {
                int c = lowerCounts[r][lower];
                lowerCounts[r][lower] = count;
                count += c;
            }
        }
        groupStart[residents] = count;
        var keys = GC.AllocateUninitializedArray<ulong>(count);
        var records = GC.AllocateUninitializedArray<int>(count);
        Parallel.For(0, ranges, options, r =>
        {
            var next = lowerCounts[r];
            for (int record = r * rangeSize; record < Math.Min(held, (r + 1) * rangeSize); record++)
            {
                if (!double.IsNaN(strengths[record]))
                {
                    ulong key = PairAt(record).Key;
                    int at = next[PairKeys.Lower(key)]++;
                    keys[at] = key;
                    records[at] = record;
                }
            }
        });
        var result = GC.AllocateUninitializedArray<Tie>(count);
        const int residentsPerBlock = 256;
        Parallel.For(0, (residents + residentsPerBlock - 1) / residentsPerBlock, options, b =>
        {
            int from = groupStart[b * residentsPerBlock];
            int to = groupStart[Math.Min(residents, (b + 1) * residentsPerBlock)];
            for (int lower = b * residentsPerBlock; lower < Math.Min(residents, (b + 1) * residentsPerBlock); lower++)
            {
                keys.AsSpan(groupStart[lower], groupStart[lower + 1] - groupStart[lower])
                    .Sort(records.AsSpan(groupStart[lower], groupStart[lower + 1] - groupStart[lower]));
            }
            for (int i = from; i < to; i++)
            {
                if (i + PrefetchDistance < to)
                {
                    CacheHint.Prefetch(in PairAt(records[i + PrefetchDistance]));
                }
                ulong key = keys[i];
                double strength = strengths[records[i]];
                ref readonly PairMemory pair = ref PairAt(records[i]);
                int shift = day - 1 - pair.LastDay;
                ulong mask = shift <= 0 ? pair.DayMask : shift >= 64 ? 0 : pair.DayMask << shift;
                result[i] = new Tie(
                    PairKeys.Lower(key), PairKeys.Higher(key), StateFrom(in pair, strength), pair.Encounters, pair.Nods,
                    BitOperations.PopCount(mask), pair.Recent0, pair.StationarySeconds, Math.Log(strength));
            }
        });
        return result;
    }

    /// <summary>How many pairs ahead the lookups and updates prefetch their slots (a few hundred ns of memory latency).</summary>
    private const int PrefetchDistance = 8;

    /// <summary>The slot holding the key, or the empty slot where it would go. Key 0 is the pair (0, 0): never valid.</summary>
    private int FindSlot(ulong key)
    {
        if (key == 0)
        {
            throw new ArgumentException("A resident does not pair with themselves.", nameof(key));
        }
        int mask = _slots.Length - 1;
        uint hash = HashOf(key);
        int slot = Home(hash);
        while (true)
        {
            ref readonly Slot at = ref _slots[slot];
            // A slot holds only the hash: a match is confirmed by the record's key (the record is read next anyway).
            if (at.IsEmpty || (at.Hash == hash && PairAt(at.Record).Key == key))
            {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The empty slot a key of <paramref name="hash"/> goes to, in a table known not to hold it.</summary>
    private int FreeSlot(uint hash)
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

    private int Home(ulong key) => Home(HashOf(key));

    private int Home(uint hash) => (int)(hash >> (_shift - 32));

    /// <summary>
    /// Regions of the hash that place keys in parallel: the first <see cref="RegionBits"/> bits of a key's hash, so a
    /// region of a table is the same keys' region of the table twice its size. Small tables are one region.
    /// </summary>
    private const int RegionBits = 6;

    private static int RegionCount(int capacity) => capacity >= 1 << 16 ? 1 << RegionBits : 1;

    private static int RegionOf(ulong key, int regions) => RegionOf(HashOf(key), regions);

    private static int RegionOf(uint hash, int regions) => regions == 1 ? 0 : (int)(hash >> (32 - RegionBits));

    /// <summary>The slot after region <paramref name="region"/> (0 for region −1).</summary>
    private int RegionEnd(int region, int regions) => (region + 1) * (_slots.Length / regions);

    /// <summary>
    /// Rehashes into a table of <paramref name="capacity"/> slots (a power of two) in one step: a first day of
    /// millions of pairs would otherwise double a dozen times, each old table garbage on the large-object heap until
    /// the next full collection (at a million residents, gigabytes at the day's peak). Records stay where they are.
    /// </summary>
    private void GrowTo(int capacity, int threads)
    {
        Slot[] old = _slots;
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _slots = new Slot[capacity];
        _version++;
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
            int end = RegionEnd(g, regions);
            // Written before it is read: a fresh page read first is mapped to the zero page and faulted again on the
            // first write (a sixth of the growth's time).
            _slots.AsSpan(RegionEnd(g - 1, regions), end - RegionEnd(g - 1, regions)).Clear();
            foreach (ref readonly Slot slot in old.AsSpan(g * oldSize, oldSize))
            {
                if (slot.IsEmpty)
                {
                    continue;
                }
                int at = RegionOf(slot.Hash, regions) == g ? Home(slot.Hash) : end;
                while (at < end && !_slots[at].IsEmpty)
                {
                    at++;
                }
                if (at < end)
                {
                    _slots[at] = slot;
                }
                else
                {
                    (pushed[g] ??= []).Add(slot);
                }
            }
        });
        foreach (var slots in pushed)
        {
            foreach (var slot in slots ?? [])
            {
                _slots[FreeSlot(slot.Hash)] = slot;
            }
        }
    }

    /// <summary>
    /// Writes the table's zeros region by region in parallel: a fresh page that is read first (a probe) is mapped to
    /// the shared zero page and faulted again, and cleared, on its first write; written first, it faults once.
    /// </summary>
    private void ClearRegions(int threads)
    {
        int regions = RegionCount(_slots.Length);
        Parallel.For(0, regions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            g => _slots.AsSpan(RegionEnd(g - 1, regions), RegionEnd(g, regions) - RegionEnd(g - 1, regions)).Clear());
    }

    /// <summary>A table of <paramref name="capacity"/> slots over the records held, in record order.</summary>
    private void RebuildHash(int capacity)
    {
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _slots = new Slot[capacity];
        for (int record = 0; record < PairCount; record++)
        {
            _slots[FreeSlot(HashOf(PairAt(record).Key))] = Slot.Of(PairAt(record).Key, record);
        }
    }

    /// <summary>
    /// A hash slot (8 bytes, half a key-and-index slot: the table is the ledger's most randomly read memory): the first
    /// 32 bits of the key's hash, which give its home in any table and rule out nearly every other key, and its record.
    /// </summary>
    private struct Slot
    {
        public uint Hash;
        private int _recordPlusOne; // 0: empty

        public readonly bool IsEmpty => _recordPlusOne == 0;

        public readonly int Record => _recordPlusOne - 1;

        public static Slot Of(ulong key, int record) => new() { Hash = HashOf(key), _recordPlusOne = record + 1 };
    }

    /// <summary>Everything remembered about one pair, and its key (64 bytes). Times are days since the run's first day.</summary>
    private struct PairMemory
    {
        public ulong Key;

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
