using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;

namespace DigitalTwin.Engine.Familiarity;

/// <summary>
/// Sparse memory of the pairs that met (MODEL.md step 7): per pair a 64-byte <see cref="PairMemory"/> in a
/// <see cref="PairTable{TRecord}"/> (records in blocks in the order pairs first met, no object per pair, found through
/// an open-addressing hash of 8-byte slots), evolving by the rules of <see cref="FamiliarityModel"/>.
/// <para>
/// Forgetting bounds the memory. Most pairs meet once, and a pair the model calls forgotten reads as a stranger. The
/// records of forgotten pairs are reclaimed by a sweep when the table would otherwise grow, always at the start of a
/// recorded day, so the result does not depend on when sweeps happen. A swept pair's key goes to a compact set
/// (<see cref="ForgottenPairs"/>, 4 bytes a pair) so that "distinct people met", counted per resident when a pair
/// first meets, is never counted twice.
/// </para>
/// <para>
/// A day goes through the ledger in two steps: <see cref="BeginDay"/> looks every pair of the day up once (in
/// parallel, read-only) and gives the nod model each pair's strength; <see cref="Record(FamiliarityDay, ReadOnlySpan{Encounter}, ReadOnlySpan{bool}, int)"/>
/// then writes the day at the records already found. One hash lookup per pair per day.
/// </para>
/// </summary>
internal sealed class FamiliarityLedger
{
    /// <summary>Exact encounter times kept per pair for activation (Petrov 2006 approximates the rest).</summary>
    public const int RecentHistoryLength = FamiliarityModel.RecentHistoryLength;

    /// <summary>Bytes per hash slot: the first 32 bits of a key's hash and its record's index.</summary>
    public static readonly int BytesPerSlot = PairTable<PairMemory>.BytesPerSlot;

    /// <summary>Bytes per pair held: its record and its key.</summary>
    public static readonly int BytesPerPair = Unsafe.SizeOf<PairMemory>();

    private const double SecondsPerDay = 86_400;

    // Pairs per parallel work item in BeginDay: a fixed size, so the split never depends on the thread count.
    private const int PairsPerChunk = 8192;

    /// <summary>How many pairs ahead the lookups and updates prefetch their slots (a few hundred ns of memory latency).</summary>
    private const int PrefetchDistance = 8;

    private readonly FamiliarityModel _model;
    private PairTable<PairMemory> _pairs; // a struct, changed in place (see PairTable): not readonly
    private readonly ForgottenPairs _forgotten = new();
    private readonly FamiliarityDay _today = new();
    private int[] _peopleMet = new int[64];
    private int _firstRecordedDay = int.MinValue;
    private int _lastRecordedDay = int.MinValue;
    private int _version;        // bumped whenever records or slots move or are taken, so a stale FamiliarityDay is caught

    public FamiliarityLedger(FamiliarityParameters parameters, int initialCapacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.FamiliarStrangerWindowDays is < 1 or > 64 || parameters.NoddingContactWindowDays is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Day windows are between 1 and 64 days.");
        }
        Parameters = parameters;
        _model = new FamiliarityModel(parameters);
        _pairs = new PairTable<PairMemory>(initialCapacity);
    }

    public FamiliarityParameters Parameters { get; }

    /// <summary>Pairs held (records): remembered ones and forgotten ones not yet swept.</summary>
    public int PairCount => _pairs.Count;

    /// <summary>Distinct pairs that ever met (held or swept).</summary>
    public long PairsMet { get; private set; }

    /// <summary>Pairs swept out of the hash, kept only as "have met".</summary>
    public int ForgottenPairCount => _forgotten.Count;

    /// <summary>Slots of the hash.</summary>
    public int Capacity => _pairs.Capacity;

    /// <summary>Bytes held by the hash, the record blocks, the forgotten set and the per-resident counters.</summary>
    public long MemoryBytes => _pairs.MemoryBytes + _forgotten.MemoryBytes + ((long)_peopleMet.Length * sizeof(int));

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
        // Locals, so the loop keeps the table's arrays and the model's parameters in registers.
        FamiliarityModel model = _model;
        PairTable<PairMemory> pairs = _pairs;
        for (int r = from; r < to; r++)
        {
            // The day's pairs land all over hundreds of MB: ask for a later pair's slot now, and for the record of a
            // pair whose slot should have arrived by now, so memory is on its way while this pair is looked up.
            if (r + (2 * PrefetchDistance) < to)
            {
                pairs.PrefetchSlot(today.Keys[r + (2 * PrefetchDistance)]);
            }
            if (r + PrefetchDistance < to)
            {
                pairs.PrefetchRecord(today.Keys[r + PrefetchDistance]);
            }
            int record = pairs.Find(today.Keys[r]);
            today.Renewed[r] = false;
            today.After[r] = TieState.None;
            today.Records[r] = record; // for a pair not held, where its probe ended: the insert resumes there
            if (record < 0)
            {
                today.Strengths[r] = 0;
                today.Before[r] = TieState.None;
                continue;
            }
            ref readonly PairMemory pair = ref pairs.RecordAt(record);
            double strength = model.Strength(in pair, day);
            TieState state = model.StateFrom(in pair, strength);
            if (model.IsForgotten(in pair, day, strength, state))
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
    /// records found then, and fills <see cref="FamiliarityDay.StateAfter"/>. New pairs are counted as people met unless
    /// they had met before and were forgotten. New pairs get their records in pair order; the pairs' memories are then
    /// updated in parallel over fixed chunks, each pair by itself, so the result is the same on any thread count.
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
        if (PairCount + newPairs > PairTable<PairMemory>.MaxLoad * Capacity)
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
                        _pairs.PrefetchSlot(today.Keys[r + PrefetchDistance]);
                    }
                    today.Records[r] = _pairs.Find(today.Keys[r]);
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
        // Parallel over fixed chunks of pairs: each pair owns its record, so no write is shared and order never matters.
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
        for (int r = from; r < to; r++)
        {
            if (r + PrefetchDistance < to)
            {
                CacheHint.Prefetch(in _pairs.RecordAt(today.Records[r + PrefetchDistance]));
            }
            ref PairMemory pair = ref _pairs.RecordAt(today.Records[r]);
            today.After[r] = _model.Remember(ref pair, today, r);
        }
    }

    /// <summary>
    /// Gives today's new pairs their records, in pair order, and their slots (see <see cref="PairTable{TRecord}.AddNew"/>),
    /// and counts each as met by both residents unless the two had met before and were forgotten: counted by the worker
    /// that places the pair, per worker, and summed after (additions commute, so the counts are the same whichever
    /// worker counted which pair).
    /// </summary>
    private void PlaceNewPairs(FamiliarityDay today, int newPairs, int threads)
    {
        if (newPairs == 0)
        {
            return;
        }
        int runs = today.PairCount;
        int maxResident = 0;
        for (int r = 0; r < runs; r++)
        {
            if (today.Records[r] < 0)
            {
                today.Renewed[r] = true;
                maxResident = Math.Max(maxResident, PairKeys.Higher(today.Keys[r]));
            }
        }
        if (maxResident >= _peopleMet.Length)
        {
            Array.Resize(ref _peopleMet, Math.Max(maxResident + 1, _peopleMet.Length * 2));
        }
        int residents = _peopleMet.Length;
        ulong[] keys = today.Keys;
        var counted = new List<PeopleMetCount>();
        _pairs.AddNew(keys, today.Records, runs, newPairs, threads, () => new PeopleMetCount(residents), (pairs, count) =>
        {
            foreach (int r in pairs)
            {
                ulong key = keys[r];
                if (!_forgotten.Contains(key))
                {
                    count.PeopleMet[PairKeys.Lower(key)]++;
                    count.PeopleMet[PairKeys.Higher(key)]++;
                    count.PairsMet++;
                }
            }
        }, count =>
        {
            lock (counted)
            {
                counted.Add(count);
            }
        });
        foreach (PeopleMetCount count in counted)
        {
            for (int resident = 0; resident < residents; resident++)
            {
                _peopleMet[resident] += count.PeopleMet[resident];
            }
            PairsMet += count.PairsMet;
        }
    }

    /// <summary>
    /// Sweeps out the pairs forgotten by the start of <paramref name="day"/>; grows the table only if the remembered
    /// pairs and <paramref name="newPairs"/> would still fill more than three quarters of the allowed load (so sweeps
    /// stay rare when most pairs are remembered).
    /// </summary>
    private void MakeRoom(int day, int newPairs, int threads)
    {
        // Until the first recorded day is older than the youngest a forgotten pair can be, a sweep finds nothing.
        if (_firstRecordedDay != int.MinValue && day - _firstRecordedDay > _model.YoungestForgottenDays)
        {
            Forget(day);
        }
        int capacity = Capacity;
        while (PairCount + newPairs > 0.75 * PairTable<PairMemory>.MaxLoad * capacity)
        {
            capacity *= 2;
        }
        if (capacity > Capacity)
        {
            _pairs.GrowTo(capacity, threads);
            _version++;
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
            ref PairMemory pair = ref _pairs.RecordAt(record);
            ulong key = pair.Key;
            if (_model.IsForgotten(in pair, day))
            {
                if (!_forgotten.Contains(key))
                {
                    dropped.Add(key);
                }
                continue;
            }
            if (kept != record)
            {
                _pairs.RecordAt(kept) = pair;
            }
            kept++;
        }
        int removed = PairCount - kept;
        _pairs.Truncate(kept);
        dropped.Sort();
        _forgotten.Add(CollectionsMarshal.AsSpan(dropped));
        _version++;
        return removed;
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
    public void CountTies(ReadOnlySpan<Tie> snapshot, Span<int> familiarStrangers, Span<int> noddingContacts, Span<int> acquaintances, Span<int> peopleMet) =>
        TieSnapshot.Count(snapshot, _peopleMet, familiarStrangers, noddingContacts, acquaintances, peopleMet);

    /// <summary>
    /// Every pair remembered at the start of <paramref name="day"/>, sorted by pair (for export). Forgotten pairs are
    /// left out: <see cref="PairsMet"/> counts them.
    /// </summary>
    public Tie[] SnapshotTies(int day, int threads = 1) => TieSnapshot.Take(_pairs, _model, _peopleMet.Length, day, threads);

    /// <summary>The pair's tie state at the start of <paramref name="day"/> (after days before it were recorded).</summary>
    public TieState StateOf(ulong pairKey, int day)
    {
        int record = _pairs.Find(pairKey);
        return record < 0 ? TieState.None : _model.StateAt(in _pairs.RecordAt(record), day);
    }

    /// <summary>Whether the two have ever met, forgotten or not.</summary>
    public bool HaveMet(ulong pairKey) => _pairs.Find(pairKey) >= 0 || _forgotten.Contains(pairKey);

    /// <summary>Whether the pair is remembered at the start of <paramref name="day"/>: met and not forgotten.</summary>
    public bool Remembers(ulong pairKey, int day)
    {
        int record = _pairs.Find(pairKey);
        return record >= 0 && !_model.IsForgotten(in _pairs.RecordAt(record), day);
    }

    /// <summary>Activation A = ln Σ t^−d at the start of <paramref name="day"/>; −∞ for strangers and forgotten pairs.</summary>
    public double ActivationOf(ulong pairKey, int day) => Math.Log(StrengthOf(pairKey, day));

    /// <summary>
    /// The sum Σ t^−d = e^A at the start of <paramref name="day"/>, 0 for strangers and forgotten pairs: how present
    /// the other is in memory, the familiarity term of the nod model.
    /// </summary>
    public double StrengthOf(ulong pairKey, int day)
    {
        int record = _pairs.Find(pairKey);
        if (record < 0)
        {
            return 0;
        }
        ref readonly PairMemory pair = ref _pairs.RecordAt(record);
        double strength = _model.Strength(in pair, day);
        return _model.IsForgotten(in pair, day, strength, _model.StateFrom(in pair, strength)) ? 0 : strength;
    }

    /// <summary>One placing worker's count of people met by the day's new pairs.</summary>
    private sealed class PeopleMetCount(int residents)
    {
        public int[] PeopleMet { get; } = new int[residents];

        public long PairsMet { get; set; }
    }
}
