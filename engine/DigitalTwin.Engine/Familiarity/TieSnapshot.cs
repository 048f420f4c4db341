using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;

namespace DigitalTwin.Engine.Familiarity;

/// <summary>
/// Every pair a ledger remembers on a day, as <see cref="Tie"/>s sorted by pair (for export and outcomes), and the
/// counts of ties per resident taken from them.
/// </summary>
internal static class TieSnapshot
{
    /// <summary>How many records ahead the gather prefetches (a few hundred ns of memory latency).</summary>
    private const int PrefetchDistance = 8;

    /// <summary>
    /// The pairs of <paramref name="pairs"/> remembered at the start of <paramref name="day"/> (forgotten ones left
    /// out), sorted by pair. All in parallel, on any split (each step's result is unique, so the thread count never
    /// shows): (1) per record its strength, NaN if forgotten, and per range of records how many remembered pairs each
    /// resident is the lower of; (2) the remembered records scattered, stably, into groups by lower resident (a
    /// counting sort); (3) each group sorted by its keys (distinct: a total order), then one tie each. Records are in
    /// the order pairs first met, all over the key space: a full radix sort of the keys took four serial passes, and
    /// this was a tenth of a Delft month.
    /// </summary>
    /// <param name="pairs">The ledger's table (a copy: read only).</param>
    /// <param name="residents">More than the highest resident of any pair.</param>
    public static Tie[] Take(PairTable<PairMemory> pairs, FamiliarityModel model, int residents, int day, int threads)
    {
        int held = pairs.Count;
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
                ref readonly PairMemory pair = ref pairs.RecordAt(record);
                double strength = model.Strength(in pair, day);
                bool forgotten = model.IsForgotten(in pair, day, strength, model.StateFrom(in pair, strength));
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
                    ulong key = pairs.RecordAt(record).Key;
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
                    CacheHint.Prefetch(in pairs.RecordAt(records[i + PrefetchDistance]));
                }
                result[i] = model.TieOf(in pairs.RecordAt(records[i]), strengths[records[i]], day);
            }
        });
        return result;
    }

    /// <summary>
    /// Per resident: ties by state (each pair counted at its state, for both residents) from a snapshot, and distinct
    /// people ever met from <paramref name="peopleMetSoFar"/>. The spans are indexed by resident and cleared here.
    /// </summary>
    public static void Count(ReadOnlySpan<Tie> snapshot, ReadOnlySpan<int> peopleMetSoFar, Span<int> familiarStrangers,
        Span<int> noddingContacts, Span<int> acquaintances, Span<int> peopleMet)
    {
        familiarStrangers.Clear();
        noddingContacts.Clear();
        acquaintances.Clear();
        peopleMet.Clear();
        peopleMetSoFar[..Math.Min(peopleMetSoFar.Length, peopleMet.Length)].CopyTo(peopleMet);
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
}
