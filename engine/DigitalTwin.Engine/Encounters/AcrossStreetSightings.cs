using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// People staying on opposite sides of one street (at their doors, on the stoep, waiting at the kerb) within sight of
/// each other: farther apart than social distance, so the exact detector leaves them out, but near enough to recognise
/// a face and wave (<see cref="EncounterParameters.AcrossStreetSightMetres"/>). How much of that contact survives the
/// street's traffic is the encounter's weight (<see cref="EncounterParameters.AcrossStreetNoiseDecayPerThousandVehicles"/>),
/// so noticing the neighbour opposite depends on the carriageway's width (the distance) and its traffic and noise.
/// Pairs come out sorted by pair and start time, like the detector's, so the two lists merge
/// (<see cref="EncounterBuffer.Merge"/>); the result depends only on the day's stays, not on threads.
/// </summary>
public sealed class AcrossStreetSightings(EncounterParameters parameters)
{
    private readonly List<int> _stays = [];
    private readonly List<int> _active = [];

    public EncounterParameters Parameters { get; } = parameters ?? throw new ArgumentNullException(nameof(parameters));

    /// <summary>Writes the day's sightings across streets into <paramref name="output"/> (cleared first), sorted by pair and start.</summary>
    /// <param name="household">Each resident's household: members of one household are left out, as by the detector.</param>
    public void Find(StreetNetwork network, TrajectoryBuffer day, ReadOnlySpan<int> household, List<Encounter> output)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(output);
        output.Clear();
        var p = Parameters;
        if (p.AcrossStreetSightMetres <= p.SocialDistanceMetres)
        {
            return;
        }
        var place = day.StayPlace;
        var segment = day.StaySegment;
        var start = day.StayStartTimeSeconds;
        var end = day.StayEndTimeSeconds;
        var offset = day.StayOffsetMetres;
        var lateral = day.StayLateralOffsetMetres;
        var resident = day.StayResident;
        _stays.Clear();
        for (int i = 0; i < day.StayCount; i++)
        {
            if (place[i] < 0 && segment[i] >= 0 && lateral[i] != 0 && end[i] > start[i])
            {
                _stays.Add(i);
            }
        }
        var segmentOf = day.StaySegment.ToArray();
        var startOf = day.StayStartTimeSeconds.ToArray();
        _stays.Sort((a, b) => segmentOf[a] != segmentOf[b] ? segmentOf[a].CompareTo(segmentOf[b]) : startOf[a] != startOf[b] ? startOf[a].CompareTo(startOf[b]) : a.CompareTo(b));
        double sight = p.AcrossStreetSightMetres, social = p.SocialDistanceMetres;
        for (int k = 0; k < _stays.Count;)
        {
            int s = segment[_stays[k]];
            double weight = Math.Exp(-p.AcrossStreetNoiseDecayPerThousandVehicles * network.CarVehiclesPerDay[s] / 1000);
            _active.Clear();
            for (; k < _stays.Count && segment[_stays[k]] == s; k++)
            {
                int i = _stays[k];
                int kept = 0;
                for (int a = 0; a < _active.Count; a++)
                {
                    if (end[_active[a]] > start[i])
                    {
                        _active[kept++] = _active[a];
                    }
                }
                _active.RemoveRange(kept, _active.Count - kept);
                foreach (int j in _active)
                {
                    if (Math.Sign(lateral[i]) == Math.Sign(lateral[j]) || resident[i] == resident[j] || household[resident[i]] == household[resident[j]])
                    {
                        continue;
                    }
                    double across = lateral[i] - lateral[j], along = offset[i] - offset[j];
                    double distance = Math.Sqrt((across * across) + (along * along));
                    if (distance <= social || distance > sight)
                    {
                        continue;
                    }
                    double from = Math.Max(start[i], start[j]), to = Math.Min(end[i], end[j]);
                    (int a, int b) = resident[i] < resident[j] ? (resident[i], resident[j]) : (resident[j], resident[i]);
                    output.Add(new Encounter
                    {
                        ResidentA = a,
                        ResidentB = b,
                        Kind = EncounterKind.AcrossStreet,
                        StartTimeSeconds = from,
                        DurationSeconds = to - from,
                        Segment = s,
                        Place = -1,
                        Node = -1,
                        PositionMetres = (float)((offset[i] + offset[j]) / 2),
                        ModeA = TravelModes.None,
                        ModeB = TravelModes.None,
                        Crowding = 2,
                        Weight = (float)weight,
                    });
                }
                _active.Add(i);
            }
        }
        output.Sort(static (x, y) => x.PairKey != y.PairKey ? x.PairKey.CompareTo(y.PairKey)
            : x.StartTimeSeconds != y.StartTimeSeconds ? x.StartTimeSeconds.CompareTo(y.StartTimeSeconds) : x.Segment.CompareTo(y.Segment));
    }
}
