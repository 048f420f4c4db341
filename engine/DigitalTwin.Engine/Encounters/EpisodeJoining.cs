using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// One contact episode is counted once: the fragments a pair produced on segments, at nodes and at places, in pair and
/// time order, are joined while they touch or lapse for at most <see cref="EncounterParameters.EpisodeGapSeconds"/>.
/// Two people walking together over three segments are one Alongside encounter, not five. An episode shorter than
/// <see cref="EncounterParameters.MinimumDurationSeconds"/> is none; one within a group (a household) is left out.
/// </summary>
internal static class EpisodeJoining
{
    /// <summary>Joins the sorted fragments of each pair into contact episodes and classifies them.</summary>
    /// <param name="all">Fragments sorted by pair and start (<see cref="FragmentOrder"/>).</param>
    /// <param name="into">Receives the encounters when <paramref name="write"/>; else they are only counted.</param>
    /// <param name="write">False for the counting pass that sizes the output.</param>
    /// <param name="parameters">The episode gap, minimum duration, alongside threshold and cyclist attention.</param>
    /// <param name="groupOf">Each resident's group, or empty: episodes within one group are left out.</param>
    /// <param name="leftOut">Episodes within one group, not in the count.</param>
    /// <returns>The encounters (written or counted).</returns>
    public static int Join(ReadOnlySpan<Fragment> all, Span<Encounter> into, bool write, EncounterParameters parameters,
        ReadOnlySpan<int> groupOf, out int leftOut)
    {
        int count = 0;
        leftOut = 0;
        double gap = parameters.EpisodeGapSeconds;
        double minimum = parameters.MinimumDurationSeconds;
        int i = 0;
        while (i < all.Length)
        {
            ref readonly Fragment head = ref all[i];
            ulong pair = head.Pair;
            double start = head.Start;
            double end = head.End;
            int longest = i;
            bool coPresent = head.Kind == FragmentKind.CoPresent;
            bool passingBy = head.Kind == FragmentKind.PassingBy;
            int crowding = head.Crowding;
            int j = i + 1;
            while (j < all.Length && all[j].Pair == pair && all[j].Start <= end + gap)
            {
                ref readonly Fragment next = ref all[j];
                end = Math.Max(end, next.End);
                if (next.End - next.Start > all[longest].End - all[longest].Start)
                {
                    longest = j;
                }
                coPresent |= next.Kind == FragmentKind.CoPresent;
                passingBy |= next.Kind == FragmentKind.PassingBy;
                crowding = Math.Max(crowding, next.Crowding);
                j++;
            }
            double duration = end - start;
            bool isEncounter = duration > 0 && duration >= minimum;
            if (isEncounter && groupOf.Length > 0 && groupOf[PairKeys.Lower(pair)] == groupOf[PairKeys.Higher(pair)])
            {
                leftOut++;
            }
            else if (isEncounter && !write)
            {
                count++;
            }
            else if (isEncounter)
            {
                // The episode takes its place and the kind of contact from its longest fragment, unless anyone stayed.
                ref readonly Fragment main = ref all[longest];
                EncounterKind kind = coPresent ? EncounterKind.CoPresent
                    : passingBy ? EncounterKind.PassingBy
                    : main.Kind == FragmentKind.Opposite ? EncounterKind.Passing
                    : duration >= parameters.AlongsideMinimumSeconds ? EncounterKind.Alongside
                    : EncounterKind.Overtaking;
                into[count++] = new Encounter
                {
                    ResidentA = PairKeys.Lower(pair),
                    ResidentB = PairKeys.Higher(pair),
                    Kind = kind,
                    StartTimeSeconds = start,
                    DurationSeconds = duration,
                    Segment = main.Segment,
                    Place = main.Place,
                    Node = main.Node,
                    PositionMetres = main.Position,
                    ModeA = main.ModeA,
                    ModeB = main.ModeB,
                    SpeedMetresPerSecond = main.Speed,
                    Crowding = crowding,
                    Weight = Attention(main.ModeA, parameters) * Attention(main.ModeB, parameters),
                };
            }
            i = j;
        }
        return count;
    }

    /// <summary>How much of the people around someone takes in: a cyclist less (Gehl's sense of speed), else 1.</summary>
    private static float Attention(TravelModes mode, EncounterParameters parameters) =>
        (mode & TravelModes.Bike) != 0 ? (float)parameters.CyclistAttention : 1f;
}
