using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Outcomes;

/// <summary>
/// Counts a run's outcomes day by day: passages and stays per street, place and period; encounters within social
/// distance (passing); noticed encounters, nods and new ties; and keeps the replay sample (every event of a fixed
/// sample of residents on one day) and the repeated-pair sample. Counts are integers, so totals are the same however
/// the counting is cut across threads.
/// </summary>
internal sealed class OutcomeCounter
{
    private readonly Residents _residents;
    private readonly int _threads;
    private readonly int _replayStride;
    private readonly List<ReplayPassage> _replay = [];
    private readonly List<Stay> _replayStays = [];
    private readonly List<ReplayEncounter> _replayEncounters = [];
    private readonly RepeatedPairSample _pairSample;
    private (StreetOutcomes Streets, PlaceOutcomes Places, ResidentOutcomes People)[] _partials = [];

    public OutcomeCounter(int segmentCount, int placeCount, Residents residents, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(options);
        _residents = residents;
        _threads = options.Threads;
        Streets = new StreetOutcomes(segmentCount);
        Places = new PlaceOutcomes(placeCount);
        People = new ResidentOutcomes(residents.Count);
        ReplayDay = options.Days > 2 ? 2 : 0; // the third day: past the first days' empty familiarity, a typical weekday
        _replayStride = Math.Max(1, residents.Count / Math.Max(1, options.ReplaySampleResidents));
        _pairSample = new RepeatedPairSample(options.Seed);
    }

    public StreetOutcomes Streets { get; }

    public PlaceOutcomes Places { get; }

    public ResidentOutcomes People { get; }

    /// <summary>The day whose sampled residents' passages, stays and encounters are kept for replay.</summary>
    public int ReplayDay { get; }

    public long Passages { get; private set; }

    public long Stays { get; private set; }

    /// <summary>Encounters within social distance, noticed or not.</summary>
    public long Encounters { get; private set; }

    public long NoticedEncounters { get; private set; }

    public long SameHouseholdEncounters { get; private set; }

    public long Nods { get; private set; }

    /// <summary>The day's passages and stays; on the replay day also the sampled residents' events.</summary>
    public void CountEvents(int day, TrajectoryBuffer events)
    {
        ArgumentNullException.ThrowIfNull(events);
        CountEventPart(events, Streets, Places);
        KeepReplayEvents(day, events);
        AddEventTotals(events);
    }

    /// <summary>
    /// As <see cref="CountEvents"/>, in one part a thread: for a city's last day, where the count would otherwise run
    /// alone while the day's events wait to be given back.
    /// </summary>
    public void CountEventsInParts(int day, TrajectoryBuffer events)
    {
        ArgumentNullException.ThrowIfNull(events);
        CountInParts((part, parts, s, p, _) =>
        {
            CountEventPart(events, s, p, part, parts);
            return 0;
        });
        KeepReplayEvents(day, events);
        AddEventTotals(events);
    }

    /// <summary>The day's encounters within social distance (noticed or not), before attention decides; optionally cut across threads.</summary>
    public void CountPasses(int day, ReadOnlyMemory<Encounter> passed, bool inParts = false)
    {
        if (inParts)
        {
            CountInParts((part, parts, s, p, r) =>
            {
                var (from, to) = Slice(passed.Length, part, parts);
                CountPassPart(passed.Span[from..to], s, p, r);
                return 0;
            });
        }
        else
        {
            CountPassPart(passed.Span, Streets, Places, People);
        }
        Encounters += passed.Length;
        if (day == ReplayDay)
        {
            foreach (ref readonly var e in passed.Span)
            {
                if (e.ResidentA % _replayStride == 0 || e.ResidentB % _replayStride == 0)
                {
                    _replayEncounters.Add(new ReplayEncounter(e.Segment, e.PositionMetres, e.Place, (float)e.StartTimeSeconds, (float)e.DurationSeconds));
                }
            }
        }
    }

    /// <summary>Encounters left out because both people live in one household (they know each other already).</summary>
    public void CountSameHousehold(long leftOut) => SameHouseholdEncounters += leftOut;

    /// <summary>The day's noticed encounters, before nods: their number and the repeated-pair sample.</summary>
    public void CountNoticed(int day, ReadOnlySpan<Encounter> noticed)
    {
        NoticedEncounters += noticed.Length;
        _pairSample.Observe(day, noticed);
    }

    /// <summary>The day's noticed encounters with their nods and the ties they made, optionally cut across threads.</summary>
    public void CountNods(ReadOnlyMemory<Encounter> noticed, bool[] nods, TieState[] newTie, bool inParts = false)
    {
        ArgumentNullException.ThrowIfNull(nods);
        ArgumentNullException.ThrowIfNull(newTie);
        Nods += inParts
            ? CountInParts((part, parts, s, p, r) =>
            {
                var (from, to) = Slice(noticed.Length, part, parts);
                return CountNodPart(noticed.Span[from..to], nods.AsSpan(from), newTie.AsSpan(from), s, p, r);
            })
            : CountNodPart(noticed.Span, nods, newTie, Streets, Places, People);
    }

    /// <summary>Gives back the partial tallies of counting in parts (after a last day nothing more is counted).</summary>
    public void ReleaseParts() => _partials = [];

    /// <summary>Counts movement the moving phase tallied (cars are counted, never stored; stops and time in front of homes).</summary>
    public void CountMovement(MovementTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        for (int i = 0; i < tally.CarPassagesPerSegment.Length; i++)
        {
            Streets.CarPassages[i] = tally.CarPassagesPerSegment[i];
            Streets.StreetStops[i] = tally.StreetStopsPerSegment[i];
        }
        tally.CarPassagesPerSegmentHour.CopyTo(Streets.CarPassagesByHour, 0);
        tally.FrontOfHouseSecondsPerSegment.CopyTo(Streets.FrontOfHouseSeconds, 0);
    }

    /// <summary>The run's result from these counts, the ties and the run's totals.</summary>
    public RunResult Result(RunTotals totals, IReadOnlyList<Tie> ties, IReadOnlyDictionary<RunPhase, double> phaseSeconds) =>
        new(totals, People, Streets, Places, ties, _replay, _replayStays, ReplayDay)
        {
            ReplayEncounters = _replayEncounters,
            PairEncounters = _pairSample.Repeated(),
            PhaseSeconds = phaseSeconds,
        };

    private void AddEventTotals(TrajectoryBuffer events)
    {
        Passages += events.PassageCount;
        Stays += events.StayCount;
    }

    /// <summary>Counts part <paramref name="part"/> of <paramref name="parts"/> of the day's passages and stays.</summary>
    private void CountEventPart(TrajectoryBuffer day, StreetOutcomes streets, PlaceOutcomes places, int part = 0, int parts = 1)
    {
        var segment = day.PassageSegment;
        var entry = day.PassageEntryTimeSeconds;
        var mode = day.PassageMode;
        var resident = day.PassageResident;
        var resumes = day.PassageResumesAfterStop;
        var ageBand = _residents.AgeBand;
        var (firstPassage, endPassage) = Slice(day.PassageCount, part, parts);
        for (int i = firstPassage; i < endPassage; i++)
        {
            if (resumes[i])
            {
                continue; // the rest of a segment after a stop: the walker passed it once
            }
            var period = DayPeriods.Of(entry[i]);
            int index = StreetOutcomes.Index(segment[i], period);
            streets.PassagesByAge[StreetOutcomes.AgeIndex(segment[i], period, (int)ageBand[resident[i]])]++;
            int hour = StreetOutcomes.HourIndex(segment[i], entry[i]);
            if (mode[i] == TravelModes.Bike)
            {
                streets.BikePassages[index]++;
                streets.BikePassagesByHour[hour]++;
            }
            else
            {
                streets.WalkPassages[index]++;
                streets.WalkPassagesByHour[hour]++;
            }
        }
        var place = day.StayPlace;
        var start = day.StayStartTimeSeconds;
        var (firstStay, endStay) = Slice(day.StayCount, part, parts);
        for (int i = firstStay; i < endStay; i++)
        {
            if (place[i] >= 0)
            {
                places.Stays[(place[i] * DayPeriods.Count) + (int)DayPeriods.Of(start[i])]++;
            }
        }
    }

    private void CountPassPart(ReadOnlySpan<Encounter> passed, StreetOutcomes streets, PlaceOutcomes places, ResidentOutcomes people)
    {
        var ageBand = _residents.AgeBand;
        for (int i = 0; i < passed.Length; i++)
        {
            ref readonly var e = ref passed[i];
            var period = DayPeriods.Of(e.StartTimeSeconds);
            if (e.Place >= 0)
            {
                places.Encounters[(e.Place * DayPeriods.Count) + (int)period]++;
            }
            else if (e.Segment >= 0)
            {
                streets.Encounters[StreetOutcomes.Index(e.Segment, period)]++;
                int bandA = (int)ageBand[e.ResidentA], bandB = (int)ageBand[e.ResidentB];
                streets.EncountersByAge[StreetOutcomes.AgeIndex(e.Segment, period, bandA)]++;
                if (bandB != bandA)
                {
                    streets.EncountersByAge[StreetOutcomes.AgeIndex(e.Segment, period, bandB)]++;
                }
            }
            people.Encounters[e.ResidentA]++;
            people.Encounters[e.ResidentB]++;
        }
    }

    private long CountNodPart(
        ReadOnlySpan<Encounter> todays, ReadOnlySpan<bool> nods, ReadOnlySpan<TieState> newTie, StreetOutcomes streets, PlaceOutcomes places, ResidentOutcomes people)
    {
        var ageBand = _residents.AgeBand;
        long nodCount = 0;
        for (int i = 0; i < todays.Length; i++)
        {
            ref readonly var e = ref todays[i];
            var period = DayPeriods.Of(e.StartTimeSeconds);
            bool nod = nods[i];
            bool becameFamiliar = newTie[i] != TieState.None;
            if (e.Place >= 0)
            {
                int index = (e.Place * DayPeriods.Count) + (int)period;
                places.Nods[index] += nod ? 1 : 0;
                places.NewFamiliarPairs[index] += becameFamiliar ? 1 : 0;
            }
            else if (e.Segment >= 0)
            {
                int index = StreetOutcomes.Index(e.Segment, period);
                streets.Nods[index] += nod ? 1 : 0;
                streets.NewFamiliarPairs[index] += becameFamiliar ? 1 : 0;
                int bandA = (int)ageBand[e.ResidentA], bandB = (int)ageBand[e.ResidentB];
                streets.NodsByAge[StreetOutcomes.AgeIndex(e.Segment, period, bandA)] += nod ? 1 : 0;
                if (bandB != bandA)
                {
                    streets.NodsByAge[StreetOutcomes.AgeIndex(e.Segment, period, bandB)] += nod ? 1 : 0;
                }
            }
            people.Noticed[e.ResidentA]++;
            people.Noticed[e.ResidentB]++;
            if (nod)
            {
                people.Nods[e.ResidentA]++;
                people.Nods[e.ResidentB]++;
                nodCount++;
            }
        }
        return nodCount;
    }

    private void KeepReplayEvents(int day, TrajectoryBuffer events)
    {
        if (day != ReplayDay)
        {
            return;
        }
        for (int i = 0; i < events.PassageCount; i++)
        {
            var p = events.GetPassage(i);
            if (p.Resident % _replayStride == 0)
            {
                _replay.Add(new ReplayPassage(p.Resident, p.Segment, p.EntryOffsetMetres, (float)p.ExitOffsetMetres,
                    (float)p.EntryTimeSeconds, (float)p.ExitTimeSeconds, (byte)p.Mode));
            }
        }
        for (int i = 0; i < events.StayCount; i++)
        {
            var s = events.GetStay(i);
            if (s.Resident % _replayStride == 0)
            {
                _replayStays.Add(s);
            }
        }
    }

    /// <summary>Items [from, to) of part <paramref name="part"/> when <paramref name="count"/> items are cut in <paramref name="parts"/>.</summary>
    private static (int From, int To) Slice(int count, int part, int parts) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

    private delegate long CountPart(int part, int parts, StreetOutcomes streets, PlaceOutcomes places, ResidentOutcomes people);

    /// <summary>
    /// Runs <paramref name="count"/> in one part a thread: the first part into the run's outcomes, the others into
    /// partial tallies added in afterwards. Returns the sum of the parts' results.
    /// </summary>
    private long CountInParts(CountPart count)
    {
        int parts = _threads;
        if (_partials.Length < parts - 1)
        {
            _partials = new (StreetOutcomes, PlaceOutcomes, ResidentOutcomes)[parts - 1];
            for (int i = 0; i < _partials.Length; i++)
            {
                _partials[i] = (new StreetOutcomes(Streets.SegmentCount), new PlaceOutcomes(Places.PlaceCount), new ResidentOutcomes(People.ResidentCount));
            }
        }
        var results = new long[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            var (s, p, r) = part == 0 ? (Streets, Places, People) : _partials[part - 1];
            results[part] = count(part, parts, s, p, r);
        });
        for (int i = 0; i < parts - 1; i++)
        {
            Streets.Absorb(_partials[i].Streets);
            Places.Absorb(_partials[i].Places);
            People.Absorb(_partials[i].People);
        }
        return results.Sum();
    }
}
