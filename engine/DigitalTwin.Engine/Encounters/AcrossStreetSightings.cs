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
internal sealed class AcrossStreetSightings(EncounterParameters parameters)
{
    private StayRef[] _stays = [];
    private Encounter[] _found = [];

    public EncounterParameters Parameters { get; } = parameters ?? throw new ArgumentNullException(nameof(parameters));

    /// <summary>
    /// Writes the day's sightings across streets into <paramref name="output"/> (cleared first), sorted by pair and start;
    /// in parallel over fixed blocks of segments, joined in block order.
    /// </summary>
    /// <param name="household">Each resident's household: members of one household are left out, as by the detector.</param>
    public void Find(StreetNetwork network, TrajectoryBuffer day, ReadOnlySpan<int> household, List<Encounter> output, int threads = 1)
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
        int count = 0;
        var place = day.StayPlace;
        var segment = day.StaySegment;
        var start = day.StayStartTimeSeconds;
        var end = day.StayEndTimeSeconds;
        var lateral = day.StayLateralOffsetMetres;
        if (_stays.Length < day.StayCount)
        {
            _stays = new StayRef[day.StayCount];
        }
        for (int i = 0; i < day.StayCount; i++)
        {
            if (place[i] < 0 && segment[i] >= 0 && lateral[i] != 0 && end[i] > start[i])
            {
                _stays[count++] = new StayRef(segment[i], start[i], i);
            }
        }
        Array.Sort(_stays, 0, count, default(BySegmentAndStart));
        // Blocks of whole segments of about equal size; each block's sightings go to its own list.
        const int StaysPerBlock = 4096;
        var blockStarts = new List<int> { 0 };
        for (int k = StaysPerBlock; k < count; k++)
        {
            if (k - blockStarts[^1] >= StaysPerBlock && _stays[k].Segment != _stays[k - 1].Segment)
            {
                blockStarts.Add(k);
            }
        }
        blockStarts.Add(count);
        var blocks = new List<Encounter>[blockStarts.Count - 1];
        var stays = _stays;
        var households = household.ToArray();
        Parallel.For(0, blocks.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            b => blocks[b] = Sight(network, day, households, stays, blockStarts[b], blockStarts[b + 1]));
        int total = blocks.Sum(b => b.Count);
        if (_found.Length < total)
        {
            _found = new Encounter[Math.Max(total, _found.Length * 2)];
        }
        int at = 0;
        foreach (var block in blocks)
        {
            block.CopyTo(_found, at);
            at += block.Count;
        }
        Array.Sort(_found, 0, total, default(ByPairAndStart));
        output.AddRange(_found.AsSpan(0, total));
    }

    /// <summary>The sightings among stays [from, to) of the sorted list (whole segments).</summary>
    private List<Encounter> Sight(StreetNetwork network, TrajectoryBuffer day, int[] household, StayRef[] stays, int from, int to)
    {
        var p = Parameters;
        var found = new List<Encounter>();
        var active = new List<int>();
        var start = day.StayStartTimeSeconds;
        var end = day.StayEndTimeSeconds;
        var offset = day.StayOffsetMetres;
        var lateral = day.StayLateralOffsetMetres;
        var resident = day.StayResident;
        double sight = p.AcrossStreetSightMetres, social = p.SocialDistanceMetres;
        for (int k = from; k < to;)
        {
            int s = stays[k].Segment;
            double weight = Math.Exp(-p.AcrossStreetNoiseDecayPerThousandVehicles * network.CarVehiclesPerDay[s] / 1000);
            active.Clear();
            for (; k < to && stays[k].Segment == s; k++)
            {
                int i = stays[k].Index;
                int kept = 0;
                for (int a = 0; a < active.Count; a++)
                {
                    if (end[active[a]] > start[i])
                    {
                        active[kept++] = active[a];
                    }
                }
                active.RemoveRange(kept, active.Count - kept);
                foreach (int j in active)
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
                    double begin = Math.Max(start[i], start[j]), finish = Math.Min(end[i], end[j]);
                    (int a, int b) = resident[i] < resident[j] ? (resident[i], resident[j]) : (resident[j], resident[i]);
                    found.Add(new Encounter
                    {
                        ResidentA = a,
                        ResidentB = b,
                        Kind = EncounterKind.AcrossStreet,
                        StartTimeSeconds = begin,
                        DurationSeconds = finish - begin,
                        Segment = s,
                        Place = -1,
                        Node = -1,
                        PositionMetres = (offset[i] + offset[j]) / 2,
                        ModeA = TravelModes.None,
                        ModeB = TravelModes.None,
                        Crowding = 2,
                        Weight = (float)weight,
                    });
                }
                active.Add(i);
            }
        }
        return found;
    }

    private readonly record struct StayRef(int Segment, double Start, int Index);

    private readonly struct BySegmentAndStart : IComparer<StayRef>
    {
        public int Compare(StayRef x, StayRef y) =>
            x.Segment != y.Segment ? x.Segment.CompareTo(y.Segment) : x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Index.CompareTo(y.Index);
    }

    private readonly struct ByPairAndStart : IComparer<Encounter>
    {
        public int Compare(Encounter x, Encounter y) =>
            x.PairKey != y.PairKey ? x.PairKey.CompareTo(y.PairKey)
            : x.StartTimeSeconds != y.StartTimeSeconds ? x.StartTimeSeconds.CompareTo(y.StartTimeSeconds)
            : x.Segment != y.Segment ? x.Segment.CompareTo(y.Segment) : x.PositionMetres.CompareTo(y.PositionMetres);
    }
}
