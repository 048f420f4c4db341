using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.CoCreation;

/// <summary>The two numbers a co-creation screen leads with: per resident per day, encounters and nods.</summary>
public readonly record struct Headline(double EncountersPerResidentPerDay, double NodsPerResidentPerDay)
{
    /// <summary>"encounters 12.3 -> 12.6 (+2.4%), nods 0.41 -> 0.43 (+4.9%) per resident per day".</summary>
    public string ChangeFrom(Headline before) => string.Create(CultureInfo.InvariantCulture,
        $"per resident per day: encounters {before.EncountersPerResidentPerDay:0.00} -> {EncountersPerResidentPerDay:0.00} ({Percent(before.EncountersPerResidentPerDay, EncountersPerResidentPerDay)}), nods {before.NodsPerResidentPerDay:0.000} -> {NodsPerResidentPerDay:0.000} ({Percent(before.NodsPerResidentPerDay, NodsPerResidentPerDay)})");

    private static string Percent(double before, double after) =>
        before == 0 ? "n/a" : ((after - before) / before).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);
}

/// <summary>
/// One state of a session: the baseline (no edits) or the scenario after its edits, simulated, with the map that shows
/// it (a difference from the baseline for every state after the first).
/// </summary>
/// <param name="SegmentEncountersByReplication">
/// Encounters per metre per day of every segment in each replication (the first is <paramref name="Run"/>'s seed), so a
/// difference can be tested against the noise; one entry when the session runs one replication.
/// </param>
public sealed record CoCreationStep(
    IReadOnlyList<Intervention> Edits,
    string Description,
    RunFile Run,
    Headline Headline,
    MapScene Scene,
    double SimulationSeconds,
    IReadOnlyList<double[]> SegmentEncountersByReplication);

/// <summary>Where the background run is: a stage in words and, while simulating, the day.</summary>
public readonly record struct RunProgress(string Stage, int Day, int Days);

/// <summary>
/// A co-creation session over a scenario, apart from any window: the map is loaded once, the baseline and each edit are
/// simulated on a worker thread for a few days with the scenario's seed (common random numbers, so a difference comes
/// from the edit and not from chance), and finished states are handed to the owner's thread. Edits stack; undo steps
/// back to the previous state without re-running it, redo forward again; a run under way can be cancelled. The edits can
/// be saved as a scenario file that extends the session's baseline (<see cref="SessionScenarioFile"/>); opening such a
/// file resumes the session: its own interventions come back as edits, re-run one by one after the baseline.
/// </summary>
/// <remarks>
/// Threading: every public member is called from one owner thread (the window's); only the job runs elsewhere, reads
/// nothing the owner changes (it gets its inputs as immutable values) and publishes its result through its task.
/// </remarks>
public sealed class CoCreationSession
{
    private readonly Scenario _scenario;
    private readonly LoadedMap _map;
    private readonly string _scenarioHash;
    private readonly List<CoCreationStep> _steps = [];
    private readonly List<CoCreationStep> _undone = [];
    private readonly Queue<Intervention> _toRestore;
    private readonly ProgressSink _progress = new();
    private Task<JobOutcome>? _job;
    private CancellationTokenSource? _cancel;
    private EditKind? _jobKind;
    private IReadOnlyList<Intervention> _savedEdits = [];

    private CoCreationSession(Scenario scenario, string baselineFile, IReadOnlyList<Intervention> restoredEdits, LoadedMap map, int days, int threads, int replications)
    {
        Replications = replications;
        _scenario = scenario;
        BaselineFile = baselineFile;
        _toRestore = new Queue<Intervention>(restoredEdits);
        _savedEdits = restoredEdits;
        _map = map;
        Days = days;
        Threads = threads;
        _scenarioHash = PreparedScenario.ContentHash(scenario);
        MapOnlyScene = new MapScene(RunWriter.ToMapFile(Metadata(0, scenario.Name), map.Neighbourhood), awaitingResults: true);
    }

    public int Days { get; }

    /// <summary>
    /// Runs per state, with the seeds seed + r: with two or more the difference view greys out the segments whose change
    /// stays within the noise (all segments tested together, <see cref="FalseDiscovery"/>); one runs fastest.
    /// </summary>
    public int Replications { get; }

    /// <summary>The scenario file the session's edits are made on (what a saved session extends).</summary>
    public string BaselineFile { get; }

    /// <summary>Edits read from a saved session that are still to be re-run (after the baseline, one run each).</summary>
    public int EditsToRestore => _toRestore.Count;

    /// <summary>Whether the current edits differ from those last saved (or opened).</summary>
    public bool HasUnsavedEdits => Current is { } current ? !SameEdits(current.Edits, _savedEdits) : false;

    /// <summary>Whether <see cref="Redo"/> has a state to go forward to.</summary>
    public bool CanRedo => _undone.Count > 0;

    public int Threads { get; }

    public ulong Seed => _scenario.Seed;

    public string ScenarioName => _scenario.Name;

    /// <summary>The map before anything is simulated (every count zero), to draw while the baseline runs.</summary>
    public MapScene MapOnlyScene { get; }

    public IReadOnlyList<CoCreationStep> Steps => _steps;

    public CoCreationStep? Baseline => _steps.Count > 0 ? _steps[0] : null;

    public CoCreationStep? Current => _steps.Count > 0 ? _steps[^1] : null;

    public int EditCount => Math.Max(0, _steps.Count - 1);

    /// <summary>Whether a run is under way or finished but not yet taken by <see cref="TakeFinished"/>.</summary>
    public bool Busy => _job is not null;

    /// <summary>Whether the run under way re-runs an edit read from a saved session.</summary>
    public bool RestoringEdit => _job is not null && _jobKind is null && _steps.Count > 0;

    /// <summary>The edit being simulated (null for the baseline, a restored edit, or when idle).</summary>
    public EditKind? RunningEdit => _job is null ? null : _jobKind;

    public RunProgress Progress => _progress.Snapshot;

    /// <summary>
    /// Loads the scenario's map (once, on the calling thread); problems come back as values. A scenario that extends
    /// another and whose own interventions are all edits a session can write (a saved session) resumes that session:
    /// the scenario it extends is the baseline and its own interventions are re-run as edits.
    /// </summary>
    public static InputResult<CoCreationSession> Open(Scenario scenario, int days, int threads, int replications = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replications);
        var (baseline, baselineFile, edits) = SplitSavedSession(scenario);
        var map = PreparedScenario.LoadMap(baseline);
        return map.Succeeded
            ? InputResult<CoCreationSession>.Success(new CoCreationSession(baseline, baselineFile, edits, map.Unwrap(), days, threads, replications))
            : InputResult<CoCreationSession>.Failure(map.Problems);
    }

    /// <summary>
    /// The baseline a session works on and the edits to restore. The parent file is loaded to learn how many of the
    /// interventions are inherited (parents' come first); anything the parent overrides stays as the child says.
    /// </summary>
    private static (Scenario Baseline, string BaselineFile, IReadOnlyList<Intervention> Edits) SplitSavedSession(Scenario scenario)
    {
        if (scenario.ExtendsChain.Count == 0 || ScenarioLoader.Load(scenario.ExtendsChain[0], scenario.Inputs) is not { Succeeded: true } parentResult)
        {
            return (scenario, scenario.SourceFile, []);
        }
        var parent = parentResult.Unwrap();
        int inherited = parent.Interventions.Count;
        var own = scenario.Interventions.Skip(inherited).ToList();
        if (own.Count == 0 || inherited > scenario.Interventions.Count || !own.All(SessionScenarioFile.CanWrite))
        {
            return (scenario, scenario.SourceFile, []);
        }
        // The baseline is the parent's: its name and file, so maps, saves and run files name the scenario edited; what
        // the session file itself sets (days, seed, parameters) stays as it says.
        var baseline = scenario with
        {
            Name = parent.Name,
            Description = parent.Description,
            SourceFile = parent.SourceFile,
            ExtendsChain = parent.ExtendsChain,
            Interventions = [.. scenario.Interventions.Take(inherited)],
        };
        return (baseline, scenario.ExtendsChain[0], own);
    }

    /// <summary>Starts simulating the scenario as it is (no-op when it has run or is running).</summary>
    public void StartBaseline()
    {
        if (_job is null && _steps.Count == 0)
        {
            Start(null, [], null);
        }
    }

    /// <summary>Applies an edit to the selection on top of the current state and starts re-running; false with the reason when it cannot.</summary>
    public bool TryApply(EditKind kind, StreetSelection selection, out string refusal)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (_job is not null)
        {
            refusal = "a run is in progress: wait for it to finish";
            return false;
        }
        if (Current is not { } current)
        {
            refusal = "the baseline has not been simulated";
            return false;
        }
        if (selection.IsEmpty)
        {
            refusal = "select streets first (click them)";
            return false;
        }
        if (kind == EditKind.WidenPavement)
        {
            // "Widen to 3 m" sets the width; on ways already as wide or wider it would narrow them, so those are left out.
            selection = WaysToWiden(selection, current.Run);
            if (selection.IsEmpty)
            {
                refusal = string.Create(CultureInfo.InvariantCulture, $"the selected pavements are already {CoCreationEdits.WidenedPavementMetres:0} m or wider");
                return false;
            }
        }
        int number = current.Edits.Count + 1;
        var origin = new SourceLocation("(viewer)", string.Create(CultureInfo.InvariantCulture, $"$.edits[{number - 1}].streets"), 0);
        var names = selection.StreetNames(current.Run);
        string note = names.Count == 0 ? string.Empty : string.Join(", ", names.Take(3)) + (names.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - 3} more") : string.Empty);
        var edit = CoCreationEdits.Build(kind, selection.ToAddress(origin), number, note);
        _undone.Clear();
        Start(kind, [.. current.Edits, edit], Baseline);
        refusal = string.Empty;
        return true;
    }

    /// <summary>The selected ways with a pavement narrower than <see cref="CoCreationEdits.WidenedPavementMetres"/> somewhere.</summary>
    private static StreetSelection WaysToWiden(StreetSelection selection, RunFile run)
    {
        var narrow = new StreetSelection();
        foreach (int s in selection.Segments(run))
        {
            if (run.PavementWidthMetres[s] < CoCreationEdits.WidenedPavementMetres && !narrow.Contains(run, s))
            {
                narrow.Toggle(run, s);
            }
        }
        return narrow;
    }

    /// <summary>Steps back to the state before the last edit; null when there is nothing to undo or a run is under way.</summary>
    public CoCreationStep? Undo()
    {
        if (_job is not null || _steps.Count <= 1)
        {
            return null;
        }
        _undone.Add(_steps[^1]);
        _steps.RemoveAt(_steps.Count - 1);
        return _steps[^1];
    }

    /// <summary>Goes forward to the state the last undo left (without re-running it); null when there is none or a run is under way.</summary>
    public CoCreationStep? Redo()
    {
        if (_job is not null || _undone.Count == 0)
        {
            return null;
        }
        _steps.Add(_undone[^1]);
        _undone.RemoveAt(_undone.Count - 1);
        return _steps[^1];
    }

    /// <summary>
    /// Asks the run under way to stop; the simulator looks between days, so it stops within a day's simulation. A
    /// cancelled edit leaves the state before it current; edits still to restore are dropped. False when nothing runs.
    /// </summary>
    public bool Cancel()
    {
        if (_cancel is null || _job is null || _job.IsCompleted)
        {
            return false;
        }
        _cancel.Cancel();
        _toRestore.Clear();
        return true;
    }

    /// <summary>
    /// Writes the current edits as a scenario file extending <see cref="BaselineFile"/> (atomically); false with the
    /// reason when there is nothing to save yet.
    /// </summary>
    public bool Save(string path, out string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Current is not { } current)
        {
            message = "nothing to save: the baseline has not been simulated";
            return false;
        }
        string name = current.Edits.Count == 0 ? _scenario.Name
            : string.Create(CultureInfo.InvariantCulture, $"{_scenario.Name} + {current.Edits.Count} co-creation edit{(current.Edits.Count == 1 ? string.Empty : "s")}");
        string description = current.Edits.Count == 0 ? "A co-creation session without edits."
            : "Edits made in a co-creation session (twin view): " + string.Join("; ", _steps.Skip(1).Select(s => s.Description)) + ".";
        SessionScenarioFile.Write(path, BaselineFile, name, description, current.Edits);
        _savedEdits = current.Edits;
        message = string.Create(CultureInfo.InvariantCulture, $"saved {current.Edits.Count} edit{(current.Edits.Count == 1 ? string.Empty : "s")} to {path}");
        // A session saved away from its baseline extends a file outside its own folder tree: say under which data root it reopens.
        if (_scenario.Inputs.DataRoot is { } root && !DataRoot.Holds(DataRoot.Of(path), root))
        {
            message += $" (it extends {BaselineFile}: reopen it with the data root {root})";
        }
        return true;
    }

    private static bool SameEdits(IReadOnlyList<Intervention> a, IReadOnlyList<Intervention> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => ReferenceEquals(pair.First, pair.Second));

    /// <summary>
    /// The state a finished run produced, now current (null while running or idle); a failed run gives its reason
    /// instead and leaves the current state as it was.
    /// </summary>
    public CoCreationStep? TakeFinished(out string? failure)
    {
        failure = null;
        if (_job is not { IsCompleted: true } job)
        {
            return null;
        }
        _job = null;
        _cancel?.Dispose();
        _cancel = null;
        if (job.IsFaulted)
        {
            _toRestore.Clear();
            failure = job.Exception!.GetBaseException().Message;
            return null;
        }
        var outcome = job.Result;
        if (outcome.Step is null)
        {
            _toRestore.Clear();
            failure = outcome.Failure;
            return null;
        }
        _steps.Add(outcome.Step);
        RestoreNext();
        return outcome.Step;
    }

    /// <summary>A resumed session re-runs its saved edits one at a time, so each gets a state to undo to.</summary>
    private void RestoreNext()
    {
        if (_toRestore.Count == 0)
        {
            return;
        }
        var edit = _toRestore.Dequeue();
        _undone.Clear();
        Start(null, [.. Current!.Edits, edit], Baseline);
    }

    /// <summary>Blocks until the run under way has finished (for tests and scripts); false on timeout.</summary>
    public bool WaitForRun(TimeSpan timeout) => _job is not { } job || ((IAsyncResult)job).AsyncWaitHandle.WaitOne(timeout);

    private void Start(EditKind? kind, IReadOnlyList<Intervention> edits, CoCreationStep? baseline)
    {
        _progress.Set("preparing the scenario", 0, Days);
        _jobKind = kind;
        _cancel = new CancellationTokenSource();
        var token = _cancel.Token;
        // A plain worker task: the simulator parallelises inside it; the window's thread only polls.
        _job = Task.Run(() => Simulate(edits, baseline, token));
    }

    private RunMetadata Metadata(double seconds, string name) => new(
        name, Path.GetFileName(_scenario.SourceFile), _scenarioHash, Path.GetFileName(_scenario.MapPath), _scenario.Seed, Days, Threads, seconds);

    /// <summary>The text a cancelled run's failure carries, so the window can tell it from a real failure.</summary>
    public const string CancelledMessage = "cancelled";

    private JobOutcome Simulate(IReadOnlyList<Intervention> edits, CoCreationStep? baseline, CancellationToken cancellation)
    {
        try
        {
            return SimulateOrThrow(edits, baseline, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return new JobOutcome(null, CancelledMessage);
        }
    }

    private JobOutcome SimulateOrThrow(IReadOnlyList<Intervention> edits, CoCreationStep? baseline, CancellationToken cancellation)
    {
        var scenario = _scenario with { Interventions = [.. _scenario.Interventions, .. edits], Days = Days };
        var prepared = PreparedScenario.Prepare(scenario, _map);
        if (!prepared.Succeeded)
        {
            return new JobOutcome(null, string.Join("; ", prepared.Problems.Select(p => p.Message)));
        }
        var world = prepared.Unwrap();
        cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        _progress.Set(Replications == 1 ? "simulating" : $"simulating (replication 1 of {Replications})", 0, Days);
        var result = new Simulator(world.Neighbourhood, world.Residents, world.Parameters, new RunOptions(Days) { Seed = scenario.Seed, Threads = Threads }).Run(_progress, cancellation);
        var byReplication = new List<double[]> { ReplicationOutcomes.From(scenario.Seed, world.Neighbourhood, world.Residents, result).SegmentEncountersPerMetreDay };
        for (int r = 1; r < Replications; r++)
        {
            // The same seeds for every state (common random numbers); the population depends on the seed.
            ulong seed = scenario.Seed + (ulong)r;
            var replicate = PreparedScenario.Prepare(scenario with { Seed = seed }, _map).Unwrap();
            _progress.Set(string.Create(CultureInfo.InvariantCulture, $"simulating (replication {r + 1} of {Replications})"), 0, Days);
            var extra = new Simulator(replicate.Neighbourhood, replicate.Residents, replicate.Parameters, new RunOptions(Days) { Seed = seed, Threads = Threads }).Run(_progress, cancellation);
            byReplication.Add(ReplicationOutcomes.From(seed, replicate.Neighbourhood, replicate.Residents, extra).SegmentEncountersPerMetreDay);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        _progress.Set("drawing the map", Days, Days);
        // The map's subtitle names the run: the baseline, or the scenario with its edits.
        string name = edits.Count == 0 ? _scenario.Name : string.Create(CultureInfo.InvariantCulture, $"{_scenario.Name} + {edits.Count} edit{(edits.Count == 1 ? string.Empty : "s")}");
        var run = RunWriter.ToRunFile(Metadata(seconds, name), world.Neighbourhood, world.Residents, result);
        var overall = OutcomeSummary.From(result.Residents, world.Residents, Days).Overall;
        // Interventions that change the network's shape cannot be compared street by street; then the map shows the run alone.
        bool comparable = baseline is not null && SegmentValues.SameNetwork(run, baseline.Run);
        var scene = comparable ? new MapScene(run, baseline!.Run) : new MapScene(run);
        if (comparable && Replications >= 2)
        {
            scene.MarkBeyondNoise(FalseDiscovery.PairedDiscoveries(baseline!.SegmentEncountersByReplication, byReplication), Replications);
        }
        string description = edits.Count == 0 ? "baseline" : world.Effects[^1].Summary;
        return new JobOutcome(new CoCreationStep(edits, description, run, new Headline(overall.EncountersPerResidentPerDay, overall.NodsPerResidentPerDay), scene, seconds, byReplication), null);
    }

    private sealed record JobOutcome(CoCreationStep? Step, string? Failure);

    /// <summary>Progress written by the worker and read by the window; a snapshot is replaced whole, never torn.</summary>
    private sealed class ProgressSink : IProgress<DayProgress>
    {
        private RunProgress _snapshot = new(string.Empty, 0, 0);
        private readonly Lock _gate = new();

        public RunProgress Snapshot
        {
            get
            {
                lock (_gate)
                {
                    return _snapshot;
                }
            }
        }

        public void Set(string stage, int day, int days)
        {
            lock (_gate)
            {
                _snapshot = new RunProgress(stage, day, days);
            }
        }

        public void Report(DayProgress value) => Set("simulating", value.Day, value.Days);
    }
}
