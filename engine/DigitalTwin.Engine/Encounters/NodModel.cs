using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Whether a noticed encounter becomes a nod (MODEL.md step 6); who notices whom is <see cref="AttentionModel"/>'s (which
/// carries the attention weight by mode, <see cref="EncounterParameters.CyclistAttention"/>). The probability is a logistic
/// function of the context: staying or passing, duration, speed, crowding, traffic, darkness and lighting, and the
/// pair's familiarity before today (the ledger as it was at the start of the day: this phase never reads what it
/// writes). Each draw comes from a stream keyed by (seed, pair, day, index of the encounter within the pair's day),
/// so it does not depend on thread count or on any other pair.
/// </summary>
internal sealed class NodModel
{
    public NodModel(NodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
    }

    public NodParameters Parameters { get; }

    private const double SecondsPerDay = 86_400;

    /// <summary>The chance that the encounter becomes a nod in daylight.</summary>
    /// <param name="encounter">The encounter.</param>
    /// <param name="carVehiclesPerDay">Traffic on the encounter's segment (0 inside a place).</param>
    /// <param name="lighting">Lighting of the segment (<see cref="Lighting.Lit"/> inside a place).</param>
    /// <param name="familiarityStrength">Σ t^−d for the pair before today (0 for strangers).</param>
    public double Probability(in Encounter encounter, double carVehiclesPerDay, Lighting lighting, double familiarityStrength) =>
        Probability(encounter, carVehiclesPerDay, lighting, familiarityStrength, 0, SecondsPerDay);

    /// <summary>The chance that the encounter becomes a nod, dark before <paramref name="lightFromSeconds"/> and from <paramref name="darkFromSeconds"/>.</summary>
    public double Probability(
        in Encounter encounter, double carVehiclesPerDay, Lighting lighting, double familiarityStrength, double lightFromSeconds, double darkFromSeconds) =>
        ProbabilityWithFamiliarityLogit(encounter, carVehiclesPerDay, lighting, FamiliarityLogit(familiarityStrength), lightFromSeconds, darkFromSeconds);

    /// <summary>The familiarity term of the logit, once per pair and day.</summary>
    private double FamiliarityLogit(double strength) => strength > 0 ? Parameters.PerLogFamiliarity * Math.Log(1 + strength) : 0;

    private double ProbabilityWithFamiliarityLogit(
        in Encounter encounter, double carVehiclesPerDay, Lighting lighting, double familiarityLogit, double lightFromSeconds, double darkFromSeconds)
    {
        NodParameters p = Parameters;
        double logit = p.Intercept + familiarityLogit;
        logit += encounter.Kind switch
        {
            EncounterKind.CoPresent => p.BothStaying,
            EncounterKind.PassingBy => p.SitterAndPasserBy,
            EncounterKind.Alongside => p.Alongside,
            _ => 0,
        };
        double duration = Math.Clamp(encounter.DurationSeconds, 1e-3, p.DurationCapSeconds);
        logit += p.LogDuration * Math.Log(duration / p.ReferenceDurationSeconds);
        logit += p.PerMetrePerSecondAboveWalking * Math.Max(0, encounter.SpeedMetresPerSecond - p.ComfortableWalkingSpeedMetresPerSecond);
        int others = Math.Max(0, encounter.Crowding - 2);
        if (others > 0)
        {
            logit += p.PerLogOthersPresent * Math.Log(1 + others);
        }
        logit += p.PerThousandVehiclesPerDay * carVehiclesPerDay / 1000;
        double timeOfDay = encounter.StartTimeSeconds % 86_400;
        if (timeOfDay >= darkFromSeconds || timeOfDay < lightFromSeconds)
        {
            logit += lighting == Lighting.Unlit ? p.DarkUnlit : p.DarkLit;
        }
        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>
    /// Decides every encounter of a day in daylight: a convenience that begins the day on <paramref name="ledger"/> (a
    /// read-only lookup) and decides as the main overload does.
    /// <paramref name="encounters"/> are sorted by pair and start time (as the detector returns them);
    /// <paramref name="ledger"/> holds the days before <paramref name="day"/>.
    /// </summary>
    public void Decide(
        ReadOnlySpan<Encounter> encounters, StreetNetwork network, FamiliarityLedger ledger, ulong seed, int day, Span<bool> nods)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var today = ledger.BeginDay(day, encounters);
        Check(encounters.Length, network, today, nods.Length);
        DecidePairs(encounters, network, today, seed, 0, SecondsPerDay, nods, 0, today.PairCount);
    }

    /// <summary>
    /// Decides every encounter of the day begun as <paramref name="today"/> (the same encounters, sorted by pair and
    /// start time), using each pair's strength from it. Darkness runs from <see cref="NodParameters.CivilTwilightSeconds"/>
    /// after <paramref name="sunsetSeconds"/> to as long before <paramref name="sunriseSeconds"/> (the day's real sun
    /// times, from <see cref="Planning.Daylight"/>). The k-th encounter of a pair on a day draws from the stream keyed
    /// (seed, pair, day, k): no draw depends on another pair, on the order of work or on the thread count.
    /// </summary>
    public void Decide(
        ReadOnlySpan<Encounter> encounters, StreetNetwork network, FamiliarityDay today, ulong seed, double sunriseSeconds, double sunsetSeconds,
        Span<bool> nods)
    {
        Check(encounters.Length, network, today, nods.Length);
        DecidePairs(encounters, network, today, seed, sunriseSeconds - Parameters.CivilTwilightSeconds,
            sunsetSeconds + Parameters.CivilTwilightSeconds, nods, 0, today.PairCount);
    }

    /// <summary>
    /// As <see cref="Decide(ReadOnlySpan{Encounter}, StreetNetwork, FamiliarityDay, ulong, double, double, Span{bool})"/>,
    /// in parallel over fixed blocks of pairs: every draw is keyed by its pair, so blocks cannot influence each other.
    /// </summary>
    public void Decide(
        ReadOnlyMemory<Encounter> encounters, StreetNetwork network, FamiliarityDay today, ulong seed, double sunriseSeconds, double sunsetSeconds,
        bool[] nods, int threads)
    {
        ArgumentNullException.ThrowIfNull(nods);
        Check(encounters.Length, network, today, nods.Length);
        double lightFrom = sunriseSeconds - Parameters.CivilTwilightSeconds;
        double darkFrom = sunsetSeconds + Parameters.CivilTwilightSeconds;
        const int pairsPerBlock = 8192;
        int pairs = today.PairCount;
        int blocks = (pairs + pairsPerBlock - 1) / pairsPerBlock;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            b => DecidePairs(encounters.Span, network, today, seed, lightFrom, darkFrom, nods, b * pairsPerBlock, Math.Min(pairs, (b + 1) * pairsPerBlock)));
    }

    private static void Check(int encounters, StreetNetwork network, FamiliarityDay today, int nods)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(today);
        if (today.EncounterCount != encounters)
        {
            throw new ArgumentException("Decide the encounters the day was begun with.", nameof(today));
        }
        if (nods < encounters)
        {
            throw new ArgumentException("One nod flag per encounter.", nameof(nods));
        }
    }

    private void DecidePairs(
        ReadOnlySpan<Encounter> encounters, StreetNetwork network, FamiliarityDay today, ulong seed, double lightFrom, double darkFrom,
        Span<bool> nods, int firstPair, int endPair)
    {
        ReadOnlySpan<float> traffic = network.CarVehiclesPerDay;
        ReadOnlySpan<Lighting> lighting = network.Lighting;
        ReadOnlySpan<int> starts = today.PairStarts;
        ReadOnlySpan<double> strengths = today.StrengthBefore;
        ulong dayKey = (ulong)(uint)today.Day << 24;
        for (int r = firstPair; r < endPair; r++)
        {
            double familiarity = FamiliarityLogit(strengths[r]);
            int end = starts[r + 1];
            for (int i = starts[r]; i < end; i++)
            {
                ref readonly Encounter e = ref encounters[i];
                bool onStreet = e.Place < 0 && e.Segment >= 0;
                double p = ProbabilityWithFamiliarityLogit(e,
                    onStreet ? traffic[e.Segment] : 0,
                    onStreet ? lighting[e.Segment] : Lighting.Lit,
                    familiarity, lightFrom, darkFrom);
                var stream = new RandomStream(seed, StreamPurpose.Nod, e.PairKey, dayKey | (uint)(i - starts[r]));
                nods[i] = stream.NextDouble() < p;
            }
        }
    }
}
