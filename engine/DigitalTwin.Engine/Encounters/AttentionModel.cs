using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Decides which encounters are noticed (<see cref="AttentionParameters"/>): the rung of the ladder between passing within
/// social distance and nodding. The chance is the encounter's attention weight by mode (a cyclist takes in less, see
/// <see cref="EncounterParameters.CyclistAttention"/>) × the chance of taking in a face in the time in view × the share of
/// the people around one can attend to. Each draw comes from a stream keyed by (seed, pair, day, start time), so it
/// depends on no other encounter, on no order of work and on no thread count.
/// </summary>
internal sealed class AttentionModel(AttentionParameters parameters)
{
    public AttentionParameters Parameters { get; } = parameters ?? throw new ArgumentNullException(nameof(parameters));

    /// <summary>The chance that the two notice each other.</summary>
    public double Probability(in Encounter encounter)
    {
        var p = Parameters;
        double inView = 1 - Math.Exp(-p.NoticeRatePerSecond * Math.Max(0, encounter.DurationSeconds));
        int others = Math.Max(1, encounter.Crowding - 1);
        return encounter.Weight * inView * Math.Min(1, p.Capacity / others);
    }

    /// <summary>Writes whether each encounter is noticed into <paramref name="noticed"/>, in parallel over fixed blocks.</summary>
    public void Decide(ReadOnlyMemory<Encounter> encounters, ulong seed, int day, bool[] noticed, int threads)
    {
        ArgumentNullException.ThrowIfNull(noticed);
        if (noticed.Length < encounters.Length)
        {
            throw new ArgumentException("One flag per encounter.", nameof(noticed));
        }
        const int perBlock = 16_384;
        int blocks = (encounters.Length + perBlock - 1) / perBlock;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, b =>
        {
            var span = encounters.Span;
            int end = Math.Min(span.Length, (b + 1) * perBlock);
            for (int i = b * perBlock; i < end; i++)
            {
                ref readonly var e = ref span[i];
                ulong when = ((ulong)(uint)day << 32) ^ (ulong)BitConverter.DoubleToInt64Bits(e.StartTimeSeconds);
                var stream = new RandomStream(seed, StreamPurpose.Notice, e.PairKey, when);
                noticed[i] = stream.NextDouble() < Probability(e);
            }
        });
    }
}
