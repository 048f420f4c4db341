using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Outcomes;

/// <summary>One encounter of a sampled pair: when (day, start, duration) and where (a segment, or a place).</summary>
public readonly record struct PairEncounter(int ResidentA, int ResidentB, int Day, float StartSeconds, float DurationSeconds, int Segment, int Place);

/// <summary>
/// The noticed encounters of a sample of pairs, so a researcher can see at what times pairs that meet again meet (do the
/// same people meet at the same time of day?). A pair is sampled when a hash of its key, salted by
/// the run's <see cref="RandomStream"/>, falls in the lowest 1/<see cref="OneIn"/> of its range: the same pairs on any
/// thread count, one multiply-shift hash per pair and day (a stream and a look-up per pair showed in Delft's outcome
/// phase), and no memory for the pairs left out. At most
/// <see cref="MaxTrackedPairs"/> sampled pairs are followed (the first met, in day and pair order), so a city's run
/// keeps a bounded record. At the end, of the followed pairs that met on at least 2 days, the <see cref="MaxPairs"/>
/// with the lowest hash (a random choice, unlike the lowest keys, which would favour low resident indices).
/// </summary>
internal sealed class RepeatedPairSample(ulong seed, int maxPairs = RepeatedPairSample.MaxPairs)
{
    /// <summary>One pair in this many is sampled: in Delft over 28 days 2.4 M pairs notice each other, so about 9,400 are followed.</summary>
    public const int OneIn = 256;

    /// <summary>Followed pairs at most; each holds all its encounters, so this bounds the record in long runs of a city.</summary>
    public const int MaxTrackedPairs = 16_384;

    /// <summary>Repeated pairs reported at most.</summary>
    public const int MaxPairs = 2_000;

    private const ulong Threshold = ulong.MaxValue / OneIn;

    private readonly ulong _salt = new RandomStream(seed, StreamPurpose.Sampling, 0).NextUInt64();

    private readonly Dictionary<ulong, Followed> _followed = [];
    private readonly List<PairEncounter> _encounters = [];

    /// <summary>Records the sampled pairs' encounters of one day (encounters of a pair side by side cost one hash).</summary>
    public void Observe(int day, ReadOnlySpan<Encounter> todays)
    {
        ulong lastKey = 0;
        bool sampled = false;
        foreach (ref readonly var e in todays)
        {
            ulong key = e.PairKey;
            if (key != lastKey)
            {
                lastKey = key;
                sampled = Follow(key, day);
            }
            if (sampled)
            {
                _encounters.Add(new PairEncounter(e.ResidentA, e.ResidentB, day, (float)e.StartTimeSeconds, (float)e.DurationSeconds, e.Segment, e.Place));
            }
        }
    }

    /// <summary>The encounters of the reported pairs (met on 2 days or more), by pair, day and start.</summary>
    public IReadOnlyList<PairEncounter> Repeated()
    {
        var chosen = _followed
            .Where(p => p.Value.Days >= 2)
            .OrderBy(p => p.Value.Hash)
            .ThenBy(p => p.Key)
            .Take(maxPairs)
            .Select(p => p.Key)
            .ToHashSet();
        return
        [
            .. _encounters
                .Where(e => chosen.Contains(PairKeys.Of(e.ResidentA, e.ResidentB)))
                .OrderBy(e => e.ResidentA)
                .ThenBy(e => e.ResidentB)
                .ThenBy(e => e.Day)
                .ThenBy(e => e.StartSeconds)
                .ThenBy(e => e.DurationSeconds)
                .ThenBy(e => e.Segment)
                .ThenBy(e => e.Place),
        ];
    }

    /// <summary>Whether the pair is followed; counts <paramref name="day"/> among its days once.</summary>
    private bool Follow(ulong key, int day)
    {
        // Hash first: nearly every pair is out, and that needs no look-up.
        ulong hash = Mix(key ^ _salt);
        if (hash >= Threshold)
        {
            return false;
        }
        if (_followed.TryGetValue(key, out var pair))
        {
            if (pair.LastDay != day)
            {
                _followed[key] = pair with { Days = pair.Days + 1, LastDay = day };
            }
            return true;
        }
        if (_followed.Count >= MaxTrackedPairs)
        {
            return false;
        }
        _followed[key] = new Followed(hash, 1, day);
        return true;
    }

    /// <summary>SplitMix64's finalizer (Steele, Lea and Flood 2014): every key bit reaches every hash bit.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private readonly record struct Followed(ulong Hash, int Days, int LastDay);
}
