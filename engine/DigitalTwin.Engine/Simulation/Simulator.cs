using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Simulation;

/// <summary>
/// Runs residents through their days. Each day is a sequence of phases, each reading only what the phase before
/// wrote: plan and make trips (parallel over fixed chunks of residents) → prepare the route trees the trips need
/// (parallel over trees) → route and move (parallel over chunks) → merge the chunks in chunk order → detect
/// encounters (parallel over segments, merged in segment order) → nods → familiarity → outcome counts. Chunks have a
/// fixed size whatever the thread count, and every random draw comes from a stream keyed by (seed, entity, day),
/// so the result is bit-identical on any number of threads.
/// </summary>
public sealed class Simulator
{
    /// <summary>Residents per work chunk: small enough to balance two to sixteen cores, large enough to amortise.</summary>
    public const int ChunkSize = 256;

    private readonly Neighbourhood _neighbourhood;
    private readonly Residents _residents;
    private readonly SimulationParameters _parameters;
    private readonly ulong _seed;
    private readonly int _threads;
    private readonly DayPlanner _planner;
    private readonly TripMaker _tripMaker;
    private readonly ShortestPathTreeCache _trees;
    private readonly ArcHierarchyCache _hierarchies;
    private readonly Mover _mover;
    private readonly ExactEncounterDetector _detector;
    private readonly NodModel _nods;
    private readonly AttentionModel _attention;
    private readonly AcrossStreetSightings _across;
    private DayBuffers _buffers;
    private (StreetOutcomes Streets, PlaceOutcomes Places, ResidentOutcomes People)[] _partials = [];

    public Simulator(Neighbourhood neighbourhood, Residents residents, SimulationParameters parameters, ulong seed, int threads, int days)
    {
        _neighbourhood = neighbourhood;
        _residents = residents;
        _parameters = parameters;
        _seed = seed;
        _threads = Math.Max(1, threads);
        var calendar = new Calendar(neighbourhood.Network.GeoReference, parameters.Planning.FirstDayOfYear, parameters.Planning.FirstWeekday,
            parameters.Nods.CivilTwilightSeconds);
        _planner = new DayPlanner(neighbourhood, residents, parameters.Planning, seed, calendar);
        _trees = new ShortestPathTreeCache(new RouteCostModel(neighbourhood.Network, parameters.Routing, seed, parameters.CrossSection));
        _tripMaker = new TripMaker(neighbourhood, residents, _planner, parameters.ModeChoice, parameters.Walking, _trees.Model, seed, _threads);
        _hierarchies = new ArcHierarchyCache(_trees.Model);
        _mover = new Mover(neighbourhood, _tripMaker, new RoutePlanner(_trees, _hierarchies), seed, parameters.CrossSection, parameters.StreetLife);
        _detector = new ExactEncounterDetector(parameters.Encounters with { MaxThreads = _threads });
        _nods = new NodModel(parameters.Nods);
        _attention = new AttentionModel(parameters.Attention);
        _across = new AcrossStreetSightings(parameters.Encounters);
        _buffers = _detector.Buffers;
    }

    /// <summary>
    /// On a run's last day, day buffers (the day's events, the detector's pieces and fragments) larger than this are
    /// given back as soon as they are done with (<see cref="DayBuffers"/>); results never depend on it. Tests set 0.
    /// </summary>
    internal long KeepAcrossDaysBytes
    {
        get => _buffers.KeepAcrossDaysBytes;
        init => _detector.Buffers = _buffers = new DayBuffers(value);
    }

    public RunResult Run(int days, IProgress<DayProgress>? progress = null)
    {
        var network = _neighbourhood.Network;
        int placeCount = _neighbourhood.Places.Count;
        int residentCount = _residents.Count;
        int chunkCount = (residentCount + ChunkSize - 1) / ChunkSize;
        var chunks = new Chunk[chunkCount];
        for (int c = 0; c < chunkCount; c++)
        {
            chunks[c] = new Chunk(c * ChunkSize, Math.Min(residentCount, (c + 1) * ChunkSize));
        }
        var chunkTrajectories = Array.ConvertAll(chunks, chunk => chunk.Trajectories);
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        var day_ = new TrajectoryBuffer();
        var found = new EncounterBuffer();
        int profileCount = CostProfile.Count(_parameters.Routing.RouteVariants);
        var tally = new MovementTally(network.SegmentCount, profileCount);
        var workers = new System.Collections.Concurrent.ConcurrentBag<Worker>();
        var idle = new System.Collections.Concurrent.ConcurrentBag<Worker>();
        var ledger = new FamiliarityLedger(_parameters.Familiarity);
        var streets = new StreetOutcomes(network.SegmentCount);
        var places = new PlaceOutcomes(placeCount);
        var people = new ResidentOutcomes(residentCount);
        var treeRequests = new List<TreeRequest>();
        bool[] nods = [];
        bool[] noticed = [];
        var acrossToday = new List<Encounter>();
        long noticedCount = 0;
        TieState[] newTie = [];
        int replayDay = days > 2 ? 2 : 0;
        int replayStride = Math.Max(1, residentCount / Math.Max(1, _parameters.ReplaySampleResidents));
        var replay = new List<ReplayPassage>();
        var replayStays = new List<Stay>();
        var replayEncounters = new List<ReplayEncounter>();
        var pairSample = new RepeatedPairSample(_seed);
        long passages = 0, stays = 0, encounters = 0, sameHousehold = 0, nodCount = 0, treeBytes = 0;

        var phases = new PhaseClock();
        for (int day = 0; day < days; day++)
        {
            // Phase 1: plans and trips.
            phases.Start();
            _buffers.BeginDay(day, days);
            Parallel.For(0, chunkCount, options, c => chunks[c].Plan(_planner, _tripMaker, day));
            phases.Stop(RunPhase.Plan);

            // Phase 2: the trees the day's trips read, built before anyone routes.
            treeRequests.Clear();
            foreach (var chunk in chunks)
            {
                foreach (var trip in chunk.Trips)
                {
                    if (_tripMaker.TreeRequestOf(trip) is { } request)
                    {
                        treeRequests.Add(request);
                    }
                }
            }
            _trees.PrepareDay(treeRequests, _threads);
            _hierarchies.Prepare(tally.SettledByProfile, _threads, beginBuilds: day < days - 1);
            phases.Stop(RunPhase.Trees);

            // Phase 3: routes become passages and stays.
            // Search scratch and car counts are per worker thread, not per chunk: they scale with the network, and a
            // city has thousands of chunks. Workers only add integers, so which worker moved which chunk never shows.
            Parallel.For(0, chunkCount, options, () => TakeWorker(workers, network.SegmentCount, profileCount), (c, _, worker) =>
            {
                chunks[c].Move(_mover, day, worker);
                return worker;
            }, worker => idle.Add(worker));
            foreach (var worker in idle)
            {
                tally.Add(worker.Tally);
                worker.Tally.Clear();
            }
            while (workers.TryTake(out var unused))
            {
                idle.Add(unused);
            }
            (workers, idle) = (idle, workers); // every worker back in the pool for tomorrow
            phases.Stop(RunPhase.Move);

            // Phase 4: merge in chunk order.
            day_.Clear();
            day_.AppendAll(chunkTrajectories, _threads);
            bool lastDay = day == days - 1;
            treeBytes = Math.Max(treeBytes, _trees.Bytes);
            if (lastDay && day_.CapacityBytes > KeepAcrossDaysBytes)
            {
                // A city's day: the chunks' copies of it would stay beside the merged one through the peak, and its
                // pruned trees (no later day reads them) beside the detector's buffers.
                foreach (var chunk in chunks)
                {
                    chunk.Trajectories.Release();
                }
                _trees.ForgetDayTrees();
                DayBuffers.ReuseGivenBack();
            }

            phases.Stop(RunPhase.Merge);

            // Phase 5: encounters, without members of one household (they know each other already). A city's last day
            // counts its passages first and gives the events back once the detector has swept them: its sort and
            // the familiarity ledger then have their room (1M residents: 2 GB).
            long passagesToday = day_.PassageCount, staysToday = day_.StayCount;
            bool releaseEvents = lastDay && day_.CapacityBytes > KeepAcrossDaysBytes;
            if (releaseEvents)
            {
                // Alone in its phase: counted in ranges, one a thread.
                CountInRanges(streets, places, people, (part, parts, s, p, _) =>
                {
                    Count(day_, s, p, part, parts);
                    return 0;
                });
                if (day == replayDay)
                {
                    KeepReplay(day_, replayStride, replay, replayStays);
                }
                phases.Stop(RunPhase.Outcomes);
            }
            // Sightings across streets first: a city's last day gives its events back during detection.
            _across.Find(network, day_, _residents.Household, acrossToday, _threads);
            found.SpareForMerge = acrossToday.Count;
            _detector.Detect(network, placeCount, day_, found, _residents.HouseholdMemory, releaseEvents ? day_.Release : null);
            sameHousehold += _detector.LastLeftOutCount;
            found.Merge(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(acrossToday));
            phases.Stop(RunPhase.Encounters);

            // Phase 6: who noticed whom. Every encounter within social distance is counted as passing; only the noticed
            // ones go on to nods and familiarity (the list is compacted in place, in order).
            if (nods.Length < found.Count)
            {
                nods = new bool[found.Count * 2];
                newTie = new TieState[found.Count * 2];
                noticed = new bool[found.Count * 2];
            }
            _attention.Decide(found.Memory, _seed, day, noticed, _threads);
            var passed = found.Memory;
            if (releaseEvents)
            {
                CountInRanges(streets, places, people, (part, parts, s, p, r) =>
                {
                    var (from, to) = Slice(passed.Length, part, parts);
                    CountPasses(passed.Span[from..to], s, p, r);
                    return 0;
                });
            }
            else
            {
                CountPasses(passed.Span, streets, places, people);
            }
            encounters += passed.Length;
            if (day == replayDay)
            {
                foreach (ref readonly var e in passed.Span)
                {
                    if (e.ResidentA % replayStride == 0 || e.ResidentB % replayStride == 0)
                    {
                        replayEncounters.Add(new ReplayEncounter(e.Segment, e.PositionMetres, e.Place, (float)e.StartTimeSeconds, (float)e.DurationSeconds));
                    }
                }
            }
            noticedCount += found.KeepWhere(noticed);
            var todays = found.Items;
            pairSample.Observe(day, todays);

            // Phase 7: nods, then what the pairs remember.
            var pairsToday = ledger.BeginDay(day, todays, _threads);
            var (sunrise, sunset) = _tripMaker.SunTimes(day);
            _nods.Decide(found.Memory, network, pairsToday, _seed, sunrise, sunset, nods, _threads);
            ledger.Record(pairsToday, todays, nods.AsSpan(0, todays.Length), _threads);
            MarkNewTies(pairsToday, newTie, options);
            phases.Stop(RunPhase.Familiarity);

            // Phase 8: outcome counts. Passages and encounters go to different arrays, so they are counted side by side.
            long nodsToday = 0;
            if (releaseEvents)
            {
                var encountersFound = found.Memory;
                nodsToday = CountInRanges(streets, places, people, (part, parts, s, p, r) =>
                {
                    var (from, to) = Slice(encountersFound.Length, part, parts);
                    return CountEncounters(encountersFound.Span[from..to], nods.AsSpan(from), newTie.AsSpan(from), s, p, r);
                });
                _partials = []; // a last day's: nothing counts after it
            }
            else
            {
                Parallel.Invoke(
                    options,
                    () => CountEvents(day, replayDay, replayStride, day_, streets, places, replay, replayStays),
                    () => nodsToday = CountEncounters(found.Items, nods, newTie, streets, places, people));
            }
            nodCount += nodsToday;
            passages += passagesToday;
            stays += staysToday;
            phases.Stop(RunPhase.Outcomes);
            progress?.Report(new DayProgress(day + 1, days, passages, stays, encounters, nodCount));
        }

        phases.Start();
        if (day_.CapacityBytes + found.CapacityBytes > KeepAcrossDaysBytes)
        {
            day_.Release(); // the last day's events are counted (and the replay kept): room for the tie snapshot
            found.Release();
            DayBuffers.ReuseGivenBack();
        }
        var ties = ledger.SnapshotTies(days, _threads);
        ledger.CountTies(ties, people.FamiliarStrangers, people.NoddingContacts, people.Acquaintances, people.PeopleMet);
        phases.Stop(RunPhase.Ties);
        var carPassages = tally.CarPassagesPerSegment;
        for (int i = 0; i < carPassages.Length; i++)
        {
            streets.CarPassages[i] = carPassages[i];
        }
        tally.CarPassagesPerSegmentHour.CopyTo(streets.CarPassagesByHour, 0);
        for (int i = 0; i < tally.StreetStopsPerSegment.Length; i++)
        {
            streets.StreetStops[i] = tally.StreetStopsPerSegment[i];
            streets.FrontOfHouseSeconds[i] = tally.FrontOfHouseSecondsPerSegment[i];
        }
        var totals = new RunTotals
        {
            Days = days,
            Residents = residentCount,
            Trips = tally.Trips,
            TripsByWalk = tally.TripsByWalk,
            TripsByBike = tally.TripsByBike,
            TripsByCar = tally.TripsByCar,
            TripsByTransit = tally.TripsByTransit,
            TripsAgedSixPlus = tally.TripsAgedSixPlus,
            RoundWalkReturns = tally.RoundWalkReturns,
            ResidentsAgedSixPlus = _residents.AgeYears.ToArray().Count(age => age >= 6),
            UnroutableTrips = tally.UnroutableTrips,
            WalkedKilometres = tally.WalkedMetres / 1000,
            Passages = passages,
            CarPassages = carPassages.Sum(c => (long)c),
            Stays = stays,
            Encounters = encounters,
            NoticedEncounters = noticedCount,
            SameHouseholdEncounters = sameHousehold,
            Nods = nodCount,
            TreesBuilt = _trees.TreesBuilt,
            TreeCacheBytes = treeBytes,
            HierarchiesBuilt = _hierarchies.Count,
            HierarchyBytes = _hierarchies.Bytes,
            FamiliarityBytes = ledger.MemoryBytes,
            Pairs = checked((int)ledger.PairsMet),
        };
        return new RunResult(totals, people, streets, places, ties, replay, replayStays, replayDay)
        {
            ReplayEncounters = replayEncounters,
            PairEncounters = pairSample.Repeated(),
            PhaseSeconds = phases.Seconds,
        };
    }

    /// <summary>The day's passages and stays into the outcomes, and on the replay day the sampled residents' events.</summary>
    private void CountEvents(int day, int replayDay, int replayStride, TrajectoryBuffer events, StreetOutcomes streets, PlaceOutcomes places,
        List<ReplayPassage> replay, List<Stay> replayStays)
    {
        Count(events, streets, places);
        if (day == replayDay)
        {
            KeepReplay(events, replayStride, replay, replayStays);
        }
    }

    /// <summary>Counts part <paramref name="part"/> of <paramref name="parts"/> of the day's passages and stays (all of them by default).</summary>
    private void Count(TrajectoryBuffer day, StreetOutcomes streets, PlaceOutcomes places, int part = 0, int parts = 1)
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

    /// <summary>Items [from, to) of part <paramref name="part"/> when <paramref name="count"/> items are cut in <paramref name="parts"/>.</summary>
    private static (int From, int To) Slice(int count, int part, int parts) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

    private delegate long CountPart(int part, int parts, StreetOutcomes streets, PlaceOutcomes places, ResidentOutcomes people);

    /// <summary>
    /// Runs <paramref name="count"/> in one part a thread: the first part into the run's outcomes, the others into
    /// partial tallies (<see cref="_partials"/>) added in afterwards. Used where a city's count would run alone (its
    /// last day: 1M residents, 2.6 s serial). Counts are integers, so the totals are the same on any thread count.
    /// Returns the sum of the parts' results.
    /// </summary>
    private long CountInRanges(StreetOutcomes streets, PlaceOutcomes places, ResidentOutcomes people, CountPart count)
    {
        int parts = _threads;
        if (_partials.Length < parts - 1)
        {
            _partials = new (StreetOutcomes, PlaceOutcomes, ResidentOutcomes)[parts - 1];
            for (int i = 0; i < _partials.Length; i++)
            {
                _partials[i] = (new StreetOutcomes(streets.SegmentCount), new PlaceOutcomes(places.PlaceCount), new ResidentOutcomes(people.ResidentCount));
            }
        }
        var results = new long[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            var (s, p, r) = part == 0 ? (streets, places, people) : _partials[part - 1];
            results[part] = count(part, parts, s, p, r);
        });
        for (int i = 0; i < parts - 1; i++)
        {
            streets.Absorb(_partials[i].Streets);
            places.Absorb(_partials[i].Places);
            people.Absorb(_partials[i].People);
        }
        return results.Sum();
    }

    /// <summary>
    /// Marks the tie each pair earned today from none on its last encounter of the day (None elsewhere), in parallel
    /// over fixed blocks of pairs (each writes only its own pairs' encounters).
    /// </summary>
    private static void MarkNewTies(FamiliarityDay pairsToday, TieState[] newTie, ParallelOptions options)
    {
        const int pairsPerBlock = 16_384;
        int blocks = (pairsToday.PairCount + pairsPerBlock - 1) / pairsPerBlock;
        Parallel.For(0, blocks, options, b =>
        {
            var starts = pairsToday.PairStarts;
            var before = pairsToday.StateBefore;
            var after = pairsToday.StateAfter;
            for (int r = b * pairsPerBlock; r < Math.Min(pairsToday.PairCount, (b + 1) * pairsPerBlock); r++)
            {
                int last = starts[r + 1] - 1;
                newTie.AsSpan(starts[r], last - starts[r]).Fill(TieState.None);
                newTie[last] = before[r] == TieState.None ? after[r] : TieState.None;
            }
        });
    }

    /// <summary>Adds the day's encounters within social distance (passing, noticed or not) to the street, place and resident counts.</summary>
    private void CountPasses(ReadOnlySpan<Encounter> passed, StreetOutcomes streets, PlaceOutcomes places, ResidentOutcomes people)
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

    /// <summary>Adds the day's noticed encounters, nods and new ties to the street, place and resident counts; returns the nods.</summary>
    private long CountEncounters(
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

    private static void KeepReplay(TrajectoryBuffer day, int stride, List<ReplayPassage> replay, List<Stay> stays)
    {
        for (int i = 0; i < day.PassageCount; i++)
        {
            var p = day.GetPassage(i);
            if (p.Resident % stride == 0)
            {
                replay.Add(new ReplayPassage(p.Resident, p.Segment, p.EntryOffsetMetres, (float)p.ExitOffsetMetres,
                    (float)p.EntryTimeSeconds, (float)p.ExitTimeSeconds, (byte)p.Mode));
            }
        }
        for (int i = 0; i < day.StayCount; i++)
        {
            var s = day.GetStay(i);
            if (s.Resident % stride == 0)
            {
                stays.Add(s);
            }
        }
    }

    /// <summary>A pooled worker (from the last phase's pool, or new), so scratch is reused from day to day.</summary>
    private Worker TakeWorker(System.Collections.Concurrent.ConcurrentBag<Worker> pool, int segmentCount, int profileCount) =>
        pool.TryTake(out var worker) ? worker : new Worker(_trees.Model, segmentCount, profileCount);

    /// <summary>What one thread needs while moving residents: search scratch (network-sized) and counters.</summary>
    private sealed class Worker(RouteCostModel model, int segmentCount, int profileCount)
    {
        private RoutingScratch? _routing;

        public MovementTally Tally { get; } = new(segmentCount, profileCount);

        /// <summary>Made on first use: scratch trees are network-sized, and a worker may never route a visit.</summary>
        public RoutingScratch Routing => _routing ??= new RoutingScratch(model);
    }

    /// <summary>A fixed range of residents with its trips and trajectories, so chunks never share mutable state.</summary>
    private sealed class Chunk(int first, int end)
    {
        private readonly PlanScratch _scratch = new();
        private readonly List<PlannedActivity> _plan = [];

        public List<Trip> Trips { get; } = [];

        public TrajectoryBuffer Trajectories { get; } = new();

        public void Plan(DayPlanner planner, TripMaker tripMaker, int day)
        {
            Trips.Clear();
            for (int r = first; r < end; r++)
            {
                planner.Plan(r, day, _scratch, _plan);
                tripMaker.Make(r, day, _plan, Trips);
            }
        }

        public void Move(Mover mover, int day, Worker worker)
        {
            Trajectories.Clear();
            var trips = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Trips);
            int start = 0;
            while (start < trips.Length)
            {
                int stop = start + 1;
                while (stop < trips.Length && trips[stop].Resident == trips[start].Resident)
                {
                    stop++;
                }
                mover.Move(trips[start..stop], day, Trajectories, worker.Tally, worker.Routing);
                start = stop;
            }
        }
    }
}
