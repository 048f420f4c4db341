using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Whether an encounter becomes a nod (MODEL.md step 6). The probability is the encounter's attention weight
/// (both people noticing each other, by mode: <see cref="EncounterParameters.CyclistAttention"/>) times a logistic
/// function of the context: staying or passing, duration, speed, crowding, traffic, darkness and lighting, and the
/// pair's familiarity before today (the ledger as it was at the start of the day: this phase never reads what it
/// writes). Each draw comes from a stream keyed by (seed, pair, day, index of the encounter within the pair's day),
/// so it does not depend on thread count or on any other pair.
/// </summary>
public sealed class NodModel
{
    public NodModel(NodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
    }

    public NodParameters Parameters { get; }

    /// <summary>
    /// The chance that the encounter becomes a nod.
    /// </summary>
    /// <param name="encounter">The encounter.</param>
    /// <param name="carVehiclesPerDay">Traffic on the encounter's segment (0 inside a place).</param>
    /// <param name="lighting">Lighting of the segment (<see cref="Lighting.Lit"/> inside a place).</param>
    /// <param name="familiarityStrength">Σ t^−d for the pair before today (0 for strangers).</param>
    public double Probability(in Encounter encounter, double carVehiclesPerDay, Lighting lighting, double familiarityStrength)
    {
        NodParameters p = Parameters;
        double logit = p.Intercept;
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
        logit += p.PerLogOthersPresent * Math.Log(1 + others);
        logit += p.PerThousandVehiclesPerDay * carVehiclesPerDay / 1000;
        double timeOfDay = encounter.StartTimeSeconds % 86_400;
        if (timeOfDay >= p.DarkFromSeconds || timeOfDay < p.DarkUntilSeconds)
        {
            logit += lighting == Lighting.Unlit ? p.DarkUnlit : p.DarkLit;
        }
        logit += p.PerLogFamiliarity * Math.Log(1 + familiarityStrength);
        return encounter.Weight / (1 + Math.Exp(-logit));
    }

    /// <summary>
    /// Decides every encounter of a day. <paramref name="encounters"/> are sorted by pair and start time (as the
    /// detector returns them); <paramref name="ledger"/> holds the days before <paramref name="day"/>.
    /// </summary>
    public void Decide(
        ReadOnlySpan<Encounter> encounters, StreetNetwork network, FamiliarityLedger ledger, ulong seed, int day, Span<bool> nods)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(ledger);
        if (nods.Length < encounters.Length)
        {
            throw new ArgumentException("One nod flag per encounter.", nameof(nods));
        }
        ReadOnlySpan<float> traffic = network.CarVehiclesPerDay;
        ReadOnlySpan<Lighting> lighting = network.Lighting;
        ulong currentPair = 0;
        double strength = 0;
        int indexInPair = 0;
        for (int i = 0; i < encounters.Length; i++)
        {
            ref readonly Encounter e = ref encounters[i];
            ulong pair = e.PairKey;
            if (i == 0 || pair != currentPair)
            {
                currentPair = pair;
                strength = ledger.StrengthOf(pair, day);
                indexInPair = 0;
            }
            bool onStreet = e.Place < 0 && e.Segment >= 0;
            double p = Probability(e,
                onStreet ? traffic[e.Segment] : 0,
                onStreet ? lighting[e.Segment] : Lighting.Lit,
                strength);
            var stream = new RandomStream(seed, StreamPurpose.Nod, pair, ((ulong)(uint)day << 24) | (uint)indexInPair);
            nods[i] = stream.NextDouble() < p;
            indexInPair++;
        }
    }
}
