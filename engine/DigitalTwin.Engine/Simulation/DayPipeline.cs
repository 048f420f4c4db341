using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Simulation;

/// <summary>
/// The one place a simulated day is run. Each day is a sequence of phases, each reading only what the phase before
/// wrote: plan and make trips (<see cref="PlanTrips"/>, parallel over fixed chunks of residents) → prepare the route
/// trees the trips need (<see cref="PrepareRoutes"/>, parallel over trees) → route and move (<see cref="Move"/>,
/// parallel over chunks, merged in chunk order) → encounters (<see cref="DetectEncounters"/>, parallel over segments,
/// merged in segment order) → who noticed whom → nods → familiarity → outcome counts (<see cref="OutcomeCounter"/>).
/// Chunks have a fixed size whatever the thread count, and every random draw comes from a stream keyed by (seed,
/// entity, day), so the result is bit-identical on any number of threads. <see cref="RunDay"/> runs them all;
/// the phases are callable one by one for tools that need a phase's output itself (tests, the SUMO comparison).
/// </summary>
internal sealed class DayPipeline
{
    /// <summary>Residents per work chunk: small enough to balance two to sixteen cores, large enough to amortise.</summary>
    public const int ChunkSize = 256;

    private readonly Neighbourhood _neighbourhood;
    private readonly Residents _residents;
    private readonly SimulationParameters _parameters;
    private readonly RunOptions _options;
    private readonly ParallelOptions _parallel;
    private readonly ShortestPathTreeCache _trees;
    private readonly ArcHierarchyCache _hierarchies;
    private readonly ExactEncounterDetector _detector;
    private readonly AcrossStreetSightings _across;
    private readonly AttentionModel _attention;
    private readonly NodModel _nods;
    private readonly FamiliarityLedger _ledger;
    private readonly DayBuffers _buffers;
    private readonly Chunk[] _chunks;
    private readonly List<Trip>[] _chunkTrips;
    private readonly TrajectoryBuffer[] _chunkTrajectories;
    private readonly TrajectoryBuffer _events = new();
    private readonly EncounterBuffer _found = new();
    private readonly List<Encounter> _acrossToday = [];
    private readonly List<TreeRequest> _treeRequests = [];
    private readonly MovementTally _tally;
    private readonly int _profileCount;
    private ConcurrentBag<Worker> _workers = [];
    private ConcurrentBag<Worker> _idle = [];
    private bool[] _noticed = [];
    private bool[] _nodded = [];
    private TieState[] _newTie = [];
    private long _treeBytes;

    public DayPipeline(Neighbourhood neighbourhood, Residents residents, SimulationParameters parameters, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        _neighbourhood = neighbourhood;
        _residents = residents;
        _parameters = parameters;
        _options = options;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads };
        ulong seed = options.Seed;
        Calendar = new Calendar(neighbourhood.Network.GeoReference, parameters.Planning.FirstDayOfYear, parameters.Planning.FirstWeekday,
            parameters.Nods.CivilTwilightSeconds);
        Planner = new DayPlanner(neighbourhood, residents, parameters.Planning, parameters.ActivitySchedule, seed, Calendar);
        _trees = new ShortestPathTreeCache(new RouteCostModel(neighbourhood.Network, parameters.Routing, seed, parameters.CrossSection));
        TripMaker = new TripMaker(neighbourhood, residents, Planner, parameters.ModeChoice, parameters.Walking, _trees.Model, seed, options.Threads);
        _hierarchies = new ArcHierarchyCache(_trees.Model);
        Mover = new Mover(neighbourhood, TripMaker, new RoutePlanner(_trees, _hierarchies), seed, parameters.CrossSection, parameters.StreetLife);
        _buffers = new DayBuffers(options.KeepAcrossDaysBytes);
        _detector = new ExactEncounterDetector(parameters.Encounters with { MaxThreads = options.Threads }) { Buffers = _buffers };
        _across = new AcrossStreetSightings(parameters.Encounters);
        _attention = new AttentionModel(parameters.Attention);
        _nods = new NodModel(parameters.Nods);
        _ledger = new FamiliarityLedger(parameters.Familiarity);
        int chunkCount = (residents.Count + ChunkSize - 1) / ChunkSize;
        _chunks = new Chunk[chunkCount];
        for (int c = 0; c < chunkCount; c++)
        {
            _chunks[c] = new Chunk(c * ChunkSize, Math.Min(residents.Count, (c + 1) * ChunkSize));
        }
        _chunkTrips = Array.ConvertAll(_chunks, chunk => chunk.Trips);
        _chunkTrajectories = Array.ConvertAll(_chunks, chunk => chunk.Trajectories);
        _profileCount = CostProfile.Count(parameters.Routing.RouteVariants);
        _tally = new MovementTally(neighbourhood.Network.SegmentCount, _profileCount);
        Outcomes = new OutcomeCounter(neighbourhood.Network.SegmentCount, neighbourhood.Places.Count, residents, options);
    }

    /// <summary>Dates, weekdays and sun times of the run's days, read by planning, mode choice, routing and nods alike.</summary>
    public Calendar Calendar { get; }

    public DayPlanner Planner { get; }

    public TripMaker TripMaker { get; }

    public Mover Mover { get; }

    /// <summary>The run's outcome counts so far.</summary>
    public OutcomeCounter Outcomes { get; }

    /// <summary>Wall-clock seconds per phase, for speed reports only.</summary>
    internal PhaseClock Phases { get; } = new();

    /// <summary>The route trees the day's trips read (kept across days where they pay off).</summary>
    internal ShortestPathTreeCache Trees => _trees;

    /// <summary>Trips made elsewhere (another day's, or a subset), cut into this pipeline's chunks of residents for <see cref="PrepareRoutes"/> and <see cref="Move"/>.</summary>
    public DayTrips TripsOf(int day, IEnumerable<Trip> trips)
    {
        ArgumentNullException.ThrowIfNull(trips);
        var byChunk = new List<Trip>[_chunks.Length];
        for (int c = 0; c < byChunk.Length; c++)
        {
            byChunk[c] = [];
        }
        foreach (var trip in trips)
        {
            byChunk[trip.Resident / ChunkSize].Add(trip);
        }
        return new DayTrips(day, byChunk);
    }

    /// <summary>Route searches' scratch for one thread (tools that route trips one by one, as the mover does).</summary>
    public RoutingScratch NewRoutingScratch() => new(_trees.Model);

    /// <summary>Runs every phase of <paramref name="day"/> and counts its outcomes; <paramref name="observer"/> sees the phases' outputs.</summary>
    public void RunDay(int day, IDayObserver? observer = null)
    {
        Phases.Start();
        var trips = PlanTrips(day);
        observer?.Planned(trips);
        PrepareRoutes(trips);
        var events = Move(trips);
        observer?.Moved(events);

        // A city's last day counts its events before detection and gives them back once the detector has swept them:
        // its sort and the familiarity ledger then have their room (1M residents: 2 GB).
        bool countEventsFirst = _buffers.GivesBack(events.CapacityBytes);
        if (countEventsFirst)
        {
            Outcomes.CountEventsInParts(day, events);
            Phases.Stop(RunPhase.Outcomes);
        }
        var found = DetectEncounters(events, countEventsFirst ? events.Release : null);
        observer?.Detected(found.Items);

        // Every encounter within social distance counts as passing; only the noticed go on to nods and familiarity.
        EnsureEncounterScratch(found.Count);
        _attention.Decide(found.Memory, _options.Seed, day, _noticed, _options.Threads);
        Outcomes.CountPasses(day, found.Memory, inParts: countEventsFirst);
        found.KeepWhere(_noticed);
        Outcomes.CountNoticed(day, found.Items);

        // Nods, then what the pairs remember.
        var pairsToday = _ledger.BeginDay(day, found.Items, _options.Threads);
        var (sunrise, sunset) = Calendar.SunTimes(day);
        _nods.Decide(found.Memory, _neighbourhood.Network, pairsToday, _options.Seed, sunrise, sunset, _nodded, _options.Threads);
        _ledger.Record(pairsToday, found.Items, _nodded.AsSpan(0, found.Count), _options.Threads);
        MarkNewTies(pairsToday, _newTie, _parallel);
        Phases.Stop(RunPhase.Familiarity);

        if (countEventsFirst)
        {
            Outcomes.CountNods(found.Memory, _nodded, _newTie, inParts: true);
            Outcomes.ReleaseParts(); // a last day's: nothing counts after it
        }
        else
        {
            // Events and encounters go to different arrays, so they are counted side by side.
            Parallel.Invoke(_parallel, () => Outcomes.CountEvents(day, events), () => Outcomes.CountNods(found.Memory, _nodded, _newTie));
        }
        Phases.Stop(RunPhase.Outcomes);
    }

    /// <summary>Phase 1: every resident's plan and trips of <paramref name="day"/>.</summary>
    public DayTrips PlanTrips(int day)
    {
        _buffers.BeginDay(day, _options.Days);
        Parallel.For(0, _chunks.Length, _parallel, c => _chunks[c].Plan(Planner, TripMaker, day));
        Phases.Stop(RunPhase.Plan);
        return new DayTrips(day, _chunkTrips);
    }

    /// <summary>Phase 2: the route trees the trips read, built before anyone routes.</summary>
    public void PrepareRoutes(DayTrips trips)
    {
        ArgumentNullException.ThrowIfNull(trips);
        _treeRequests.Clear();
        foreach (var chunk in trips.ByChunk)
        {
            foreach (var trip in chunk)
            {
                if (TripMaker.TreeRequestOf(trip) is { } request)
                {
                    _treeRequests.Add(request);
                }
            }
        }
        _trees.PrepareDay(_treeRequests, _options.Threads);
        _hierarchies.Prepare(_tally.SettledByProfile, _options.Threads, beginBuilds: trips.Day < _options.Days - 1);
        Phases.Stop(RunPhase.Trees);
    }

    /// <summary>Phase 3: routes become passages and stays, merged in chunk order (the buffer is the pipeline's, reused each day).</summary>
    public TrajectoryBuffer Move(DayTrips trips)
    {
        ArgumentNullException.ThrowIfNull(trips);
        if (trips.ByChunk.Count != _chunks.Length)
        {
            throw new ArgumentException("The trips were not planned for this pipeline's residents.", nameof(trips));
        }
        // Search scratch and car counts are per worker thread, not per chunk: they scale with the network, and a
        // city has thousands of chunks. Workers only add integers, so which worker moved which chunk never shows.
        int segmentCount = _neighbourhood.Network.SegmentCount;
        Parallel.For(0, _chunks.Length, _parallel, () => TakeWorker(segmentCount), (c, _, worker) =>
        {
            _chunks[c].Move(Mover, trips.ByChunk[c], trips.Day, worker);
            return worker;
        }, worker => _idle.Add(worker));
        foreach (var worker in _idle)
        {
            _tally.Add(worker.Tally);
            worker.Tally.Clear();
        }
        while (_workers.TryTake(out var unused))
        {
            _idle.Add(unused);
        }
        (_workers, _idle) = (_idle, _workers); // every worker back in the pool for tomorrow
        Phases.Stop(RunPhase.Move);

        _events.Clear();
        _events.AppendAll(_chunkTrajectories, _options.Threads);
        _treeBytes = Math.Max(_treeBytes, _trees.Bytes);
        if (_buffers.GivesBack(_events.CapacityBytes))
        {
            // A city's day: the chunks' copies of it would stay beside the merged one through the peak, and its
            // pruned trees (no later day reads them) beside the detector's buffers.
            foreach (var chunk in _chunks)
            {
                chunk.Trajectories.Release();
            }
            _trees.ForgetDayTrees();
            DayBuffers.ReuseGivenBack();
        }
        Phases.Stop(RunPhase.Merge);
        return _events;
    }

    /// <summary>
    /// Phase 4: encounters within social distance, without members of one household (they know each other already):
    /// co-present ones from the exact detector, and sightings across a street. <paramref name="sweptEvents"/>, when
    /// given, is called once the detector no longer reads the events.
    /// </summary>
    public EncounterBuffer DetectEncounters(TrajectoryBuffer events, Action? sweptEvents = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        // Sightings across streets first: a city's last day gives its events back during detection.
        _across.Find(_neighbourhood.Network, events, _residents.Household, _acrossToday, _options.Threads);
        _found.SpareForMerge = _acrossToday.Count;
        _detector.Detect(_neighbourhood.Network, _neighbourhood.Places.Count, events, _found, _residents.HouseholdMemory, sweptEvents);
        Outcomes.CountSameHousehold(_detector.LastLeftOutCount);
        _found.Merge(CollectionsMarshal.AsSpan(_acrossToday));
        Phases.Stop(RunPhase.Encounters);
        return _found;
    }

    /// <summary>After the last day: gives back the day buffers, snapshots the ties and returns the run's result.</summary>
    public RunResult Finish()
    {
        Phases.Start();
        if (_buffers.GivesBack(_events.CapacityBytes + _found.CapacityBytes))
        {
            _events.Release(); // the last day's events are counted (and the replay kept): room for the tie snapshot
            _found.Release();
            DayBuffers.ReuseGivenBack();
        }
        var people = Outcomes.People;
        var ties = _ledger.SnapshotTies(_options.Days, _options.Threads);
        _ledger.CountTies(ties, people.FamiliarStrangers, people.NoddingContacts, people.Acquaintances, people.PeopleMet);
        Phases.Stop(RunPhase.Ties);
        Outcomes.CountMovement(_tally);
        var totals = new RunTotals
        {
            Days = _options.Days,
            Residents = _residents.Count,
            Trips = _tally.Trips,
            TripsByWalk = _tally.TripsByWalk,
            TripsByBike = _tally.TripsByBike,
            TripsByCar = _tally.TripsByCar,
            TripsByTransit = _tally.TripsByTransit,
            TripsAgedSixPlus = _tally.TripsAgedSixPlus,
            RoundWalkReturns = _tally.RoundWalkReturns,
            ResidentsAgedSixPlus = _residents.AgeYears.ToArray().Count(age => age >= 6),
            UnroutableTrips = _tally.UnroutableTrips,
            WalkedKilometres = _tally.WalkedMetres / 1000,
            SurveyedTrips = new SurveyedTripCounts(_tally.SurveyedTrips, _tally.SurveyedTripsByMotive),
            Passages = Outcomes.Passages,
            CarPassages = _tally.CarPassagesPerSegment.Sum(c => (long)c),
            Stays = Outcomes.Stays,
            Encounters = Outcomes.Encounters,
            NoticedEncounters = Outcomes.NoticedEncounters,
            SameHouseholdEncounters = Outcomes.SameHouseholdEncounters,
            Nods = Outcomes.Nods,
            TreesBuilt = _trees.TreesBuilt,
            TreeCacheBytes = _treeBytes,
            HierarchiesBuilt = _hierarchies.Count,
            HierarchyBytes = _hierarchies.Bytes,
            FamiliarityBytes = _ledger.MemoryBytes,
            Pairs = checked((int)_ledger.PairsMet),
        };
        return Outcomes.Result(totals, ties, Phases.Seconds);
    }

    private void EnsureEncounterScratch(int count)
    {
        if (_nodded.Length < count)
        {
            int size = DayBuffers.Sized(count);
            _nodded = new bool[size];
            _newTie = new TieState[size];
            _noticed = new bool[size];
        }
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

    /// <summary>A pooled worker (from the last phase's pool, or new), so scratch is reused from day to day.</summary>
    private Worker TakeWorker(int segmentCount) =>
        _workers.TryTake(out var worker) ? worker : new Worker(_trees.Model, segmentCount, _profileCount);

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

        public void Move(Mover mover, List<Trip> trips, int day, Worker worker)
        {
            Trajectories.Clear();
            var all = CollectionsMarshal.AsSpan(trips);
            int start = 0;
            while (start < all.Length)
            {
                int stop = start + 1;
                while (stop < all.Length && all[stop].Resident == all[start].Resident)
                {
                    stop++;
                }
                mover.Move(all[start..stop], day, Trajectories, worker.Tally, worker.Routing);
                start = stop;
            }
        }
    }
}
