namespace DigitalTwin.Engine.Randomness;

/// <summary>
/// What a random stream is drawn for. Each purpose gets its own stream so that adding a draw in one phase
/// (say, routing) never shifts the numbers another phase (say, planning) sees.
/// </summary>
public enum StreamPurpose : ulong
{
    Population = 1,
    Household = 2,
    Plan = 3,
    Mode = 4,
    Route = 5,
    Nod = 6,
    Placement = 7,
    Sampling = 8,
    PlaceZone = 9,
    Lateral = 10,
    Routine = 11,
    Notice = 12,
    SweepDesign = 13,
    Test = 99,
}

/// <summary>
/// A small, fast pseudo-random stream (xoshiro256** by Blackman and Vigna) whose start is derived by hashing
/// (scenario seed, purpose, entity, day) with SplitMix64. Every resident and day has its own stream, so results
/// do not depend on thread count or the order in which residents are processed. A struct: no allocation.
/// </summary>
internal struct RandomStream
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>The stream for one entity (a resident, a household, a segment) on one day.</summary>
    public RandomStream(ulong seed, StreamPurpose purpose, ulong entity, ulong day = 0)
    {
        ulong key = Mix(seed);
        key = Mix(key ^ (ulong)purpose);
        key = Mix(key ^ entity);
        key = Mix(key ^ day);
        ulong x = key;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A uniformly distributed 64-bit value.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive), without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), "The range must hold at least one value.");
        }
        ulong range = (ulong)maxExclusive;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }
        return (int)(product >> 64);
    }

    /// <summary>True with the given probability.</summary>
    public bool NextBool(double probability) => NextDouble() < probability;

    /// <summary>Standard normal draw (Box-Muller; the second value is discarded to keep the stream stateless).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Exponential draw with the given mean.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Index drawn with probability proportional to its weight; -1 when all weights are zero.</summary>
    public int NextWeighted(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }
        if (total <= 0)
        {
            return -1;
        }
        double target = NextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (target < cumulative && weights[i] > 0)
            {
                return i;
            }
        }
        for (int i = weights.Length - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Index drawn with probability proportional to its weight, -1 when all are zero, where each alternative's random
    /// number belongs to the alternative (its <paramref name="keys"/> entry, stable across scenarios), not to its place in
    /// the list: an exponential race (each alternative draws an exponential time −ln u / weight from its own u; the
    /// earliest wins, with probability weight / Σ weights). Adding, removing or reweighting one alternative changes the
    /// choice only where that alternative now wins or won before, so two scenarios that differ in one place make the
    /// same choices everywhere else (common random numbers that survive a changed choice set). One draw from the stream,
    /// like <see cref="NextWeighted"/>.
    /// </summary>
    public int NextRaced(ReadOnlySpan<double> weights, ReadOnlySpan<ulong> keys)
    {
        ulong decision = NextUInt64();
        int best = -1;
        double bestTime = double.PositiveInfinity;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                double time = RaceTime(decision, keys[i], weights[i]);
                if (time < bestTime)
                {
                    bestTime = time;
                    best = i;
                }
            }
        }
        return best;
    }

    /// <summary>One draw from the stream to key a decision whose alternatives are raced with <see cref="RaceTime"/>.</summary>
    public ulong NextDecision() => NextUInt64();

    /// <summary>
    /// An alternative's time in the race of <see cref="NextRaced"/>: −ln u / weight, u in (0, 1] hashed from the
    /// decision and the alternative's key.
    /// </summary>
    public static double RaceTime(ulong decision, ulong key, double weight)
    {
        ulong bits = Mix(decision ^ Mix(key + 0x9E3779B97F4A7C15UL));
        double u = ((bits >> 11) + 1) * (1.0 / (1UL << 53));
        return -Math.Log(u) / weight;
    }

    /// <summary>A well-mixed 64-bit key from a value (SplitMix64's finaliser), for alternatives' keys.</summary>
    public static ulong KeyOf(ulong value) => Mix(value + 0x9E3779B97F4A7C15UL);

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
