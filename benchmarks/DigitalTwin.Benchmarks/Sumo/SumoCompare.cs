using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DigitalTwin.Benchmarks.Scale;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Benchmarks.Sumo;

/// <summary>
/// The engine and SUMO side by side on the same walking demand, timed as a user waits for each. The engine plans a day;
/// its walking trips are routed and moved by themselves (<see cref="EngineOnWalkers"/>, timed from trips to encounter
/// counts) and go to SUMO (departure, route as edges, start and end offsets, speed) as persons on the engine's network
/// (exported as plain XML, built by netconvert) twice, once with walkers stepping from edge to edge at junctions as the
/// engine's do and once with netconvert's walking areas; on each SUMO runs headless without trajectory output (which
/// yields no encounters) and with it (fcd), whose encounters are counted with the engine's rule. For Delft, the whole
/// <c>twin run</c> of the day is timed too, start to finish (<see cref="TwinRun"/>). Writes sumo-compare.json and
/// sumo-compare.md.
/// </summary>
public static partial class SumoCompare
{
    public const string JsonFile = "sumo-compare.json";
    public const string MarkdownFile = "sumo-compare.md";

    /// <summary>SUMO's step (s): the fcd samples positions this often; 1 s is SUMO's default.</summary>
    public const double StepSeconds = 1.0;

    /// <summary>Share of a pavement's stripes SUMO's walkers leave to oncoming walkers in the stepping run (SUMO's default: 0).</summary>
    public const double ReserveOncomingStepping = 0.5;

    internal static int Execute(CommandArguments line, TextWriter output)
    {
        bool quick = line.Has("quick");
        string city = line.Get("city", quick ? "synthetic" : "delft");
        int residents = line.GetInt("residents", quick ? 1000 : 10_000);
        string folder = Path.GetFullPath(line.Get("out", Path.Combine("out", "bench", quick ? "sumo-quick" : "sumo")));
        var result = Run(city, residents, line.GetULong("seed", 1), folder, line.Has("keep-fcd"), line.Has("sumo-dawdling"), output);
        output.WriteLine(result.ToMarkdown());
        output.WriteLine($"wrote {Path.Combine(folder, JsonFile)}, {MarkdownFile}");
        return 0;
    }

    /// <summary>
    /// Runs the comparison. SUMO's striping model slows each walker at random by up to 20 % every step
    /// (<c>--pedestrian.striping.dawdling 0.2</c>) and draws a speed factor per person; the engine's walkers keep
    /// their own speed, which is part of the demand handed over, so both are off unless
    /// <paramref name="sumoDawdling"/> asks for SUMO's defaults.
    /// </summary>
    public static SumoComparison Run(string city, int residents, ulong seed, string folder, bool keepFcd, bool sumoDawdling, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        (Neighbourhood neighbourhood, Residents people) = city == "delft" ? ScalePointRunner.LoadDelft(ref seed) : SyntheticCity.Build(residents, seed);
        var network = neighbourhood.Network;
        output.WriteLine($"{city}: {people.Count} residents, {network.SegmentCount} segments");

        // SUMO's tools and libraries read from disk once, before any timing (as the twin run's warm-up does for its own).
        string sumoVersion = SumoVersion();
        Tool("netconvert", ["--version"], out _);

        // The whole twin run as a user waits for it (the bundled Delft baseline; a generated city has no scenario file).
        var twinRuns = city == "delft" ? TwinRun.Time(folder, [1, 2]) : [];
        foreach (var t in twinRuns)
        {
            output.WriteLine($"twin run, Delft, 1 day, {t.Threads} thread(s): {t.Seconds:0.00} s start to finish ({t.SimulationSeconds:0.00} s simulating)");
        }

        // SUMO gets one shared sidewalk per segment (pedestrian-only edges, no carriageway between two pavements), so
        // for the same work the engine's walkers share the street's width too: no carriageway separates them.
        var sharedPavements = SimulationParameters.Default with
        {
            CrossSection = new StreetCrossSectionParameters
            {
                ResidentialCarriagewayMetres = 0,
                ServiceCarriagewayMetres = 0,
                UnclassifiedCarriagewayMetres = 0,
                TertiaryCarriagewayMetres = 0,
                SecondaryCarriagewayMetres = 0,
                PrimaryCarriagewayMetres = 0,
            },
        };
        // The day's walking trips (stays at home are no walk), in resident order as planned: the input on both sides.
        var walks = new EngineDay(neighbourhood, people, seed, sharedPavements).PlanTrips(0)
            .Where(t => t.Mode == TravelModes.Walk && !TripMaker.IsStayOnly(t)).ToList();
        var engine = EngineOnWalkers.Time(neighbourhood, people, seed, sharedPavements, walks);
        var trips = engine.Trips;
        var walkers = engine.Walkers;
        var found = engine.Encounters;
        var engineBySegment = new double[network.SegmentCount];
        foreach (ref readonly var e in found.Items)
        {
            if (e.Segment >= 0)
            {
                engineBySegment[e.Segment]++;
            }
        }
        var enginePeds = new double[network.SegmentCount];
        foreach (int s in walkers.PassageSegment)
        {
            enginePeds[s]++;
        }
        var timing = engine.Timing;
        output.WriteLine($"engine: {walks.Count} walks -> {trips.Count} walking trips for SUMO ({walkers.PassageCount} passages), {found.Count} encounters; "
            + $"{timing.OneThreadSeconds:0.000} s on one thread (setup {timing.SetupSeconds:0.000}, trees {timing.TreesSeconds:0.000}, move {timing.MoveSeconds:0.000}, "
            + $"detect {timing.DetectOneThreadSeconds:0.000}; on two threads {timing.DetectTwoThreadsSeconds:0.000})");

        // SUMO: one network and demand, each junction model run without and with trajectory output.
        string nodes = Path.Combine(folder, "net.nod.xml"), edges = Path.Combine(folder, "net.edg.xml");
        string persons = Path.Combine(folder, "walkers.rou.xml");
        SumoFiles.WriteNodes(network, nodes);
        SumoFiles.WriteEdges(network, edges);
        SumoFiles.WritePersons(trips, engine.Moved, persons, sumoDawdling);
        var parameters = sharedPavements.Encounters;
        var engineTotals = new EngineCounts(found.Count, NodeEncounters(found), engineBySegment, enginePeds);
        var stepping = RunSumo(SumoJunctionModel.Step, network, parameters, folder, nodes, edges, persons, keepFcd, sumoDawdling, engineTotals, output);
        var walkingAreas = RunSumo(SumoJunctionModel.WalkingAreas, network, parameters, folder, nodes, edges, persons, keepFcd, sumoDawdling, engineTotals, output);

        var result = new SumoComparison
        {
            City = city,
            Residents = people.Count,
            Segments = network.SegmentCount,
            Machine = MachineName(),
            SumoVersion = sumoVersion,
            SumoDawdling = sumoDawdling,
            WalkingTrips = trips.Count,
            WalkPassages = walkers.PassageCount,
            Engine = timing,
            TwinRuns = twinRuns,
            EngineEncounters = found.Count,
            EngineNodeEncounters = engineTotals.NodeEncounters,
            EngineMeanTripSeconds = trips.Average(t => t.ArriveSeconds - t.DepartSeconds),
            EngineMeanTripMetres = trips.Average(t => t.DistanceMetres),
            Stepping = stepping,
            WalkingAreas = walkingAreas,
        };
        File.WriteAllText(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(result, ScaleJson.Options));
        File.WriteAllText(Path.Combine(folder, MarkdownFile), result.ToMarkdown());
        return result;
    }

    private sealed record EngineCounts(long Encounters, long NodeEncounters, double[] BySegment, double[] PedestriansBySegment);

    /// <summary>
    /// Builds SUMO's network for one junction model and runs the demand on it without and with trajectory output;
    /// counts the fcd's encounters with the engine's rule and sets them beside the engine's.
    /// </summary>
    private static SumoRun RunSumo(SumoJunctionModel junctions, StreetNetwork network, EncounterParameters parameters, string folder,
        string nodes, string edges, string persons, bool keepFcd, bool sumoDawdling, EngineCounts engine, TextWriter output)
    {
        string tag = junctions == SumoJunctionModel.Step ? "step" : "walkingareas";
        string net = Path.Combine(folder, $"net-{tag}.net.xml");
        string fcd = Path.Combine(folder, $"fcd-{tag}.xml"), tripinfo = Path.Combine(folder, $"tripinfo-{tag}.xml");
        double netconvertSeconds = Tool("netconvert", ["--node-files", nodes, "--edge-files", edges,
            "--walkingareas", junctions == SumoJunctionModel.WalkingAreas ? "true" : "false",
            "--offset.disable-normalization", "true", "--no-turnarounds", "true", "--no-warnings", "true", "-o", net], out _);
        // Stepping from edge to edge, SUMO's walkers on a two-stripe pavement can meet head on at a segment end and wait
        // for each other for good (in Delft, from 16:54 on a 1.7 m segment, a queue of about a thousand walkers that
        // lasts the rest of the day, 885 s lost per walk): keeping one of the two stripes free for oncoming walkers (a SUMO
        // option, off by default) prevents it, at the price of less overtaking (the engine's walkers pass each other
        // without touching). With walking areas, walkers have room to pass at junctions: SUMO's defaults.
        string[] sumoArgs = ["-n", net, "-r", persons, "--step-length", StepSeconds.ToString(CultureInfo.InvariantCulture),
            "--no-step-log", "true", "--no-warnings", "true", "--ignore-route-errors", "true", "--duration-log.statistics", "true",
            "--pedestrian.striping.dawdling", sumoDawdling ? "0.2" : "0",
            "--pedestrian.striping.reserve-oncoming", junctions == SumoJunctionModel.Step ? ReserveOncomingStepping.ToString(CultureInfo.InvariantCulture) : "0"];
        double sumoSeconds = Tool("sumo", sumoArgs, out string sumoLog);
        double sumoFcdSeconds = Tool("sumo", [.. sumoArgs, "--fcd-output", fcd], out _);
        // Trip summaries (route length, time lost), to explain the differences: a third run, not timed, so that neither
        // timed run writes more than it is named for.
        Tool("sumo", [.. sumoArgs, "--tripinfo-output", tripinfo], out _);
        var walks = SumoTripInfo.Read(tripinfo);
        long fcdBytes = new FileInfo(fcd).Length;
        output.WriteLine($"sumo ({tag}): netconvert {netconvertSeconds:0.00} s, sumo {sumoSeconds:0.00} s without fcd, {sumoFcdSeconds:0.00} s with ({fcdBytes / 1e6:0} MB)");

        var clock = Stopwatch.StartNew();
        var counter = new FcdEncounterCounter(network, parameters, StepSeconds);
        counter.Read(fcd);
        double readSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"fcd ({tag}): {counter.Encounters} encounters counted in {readSeconds:0.00} s");
        if (!keepFcd)
        {
            File.Delete(fcd);
        }
        return new SumoRun
        {
            Junctions = junctions,
            NetconvertSeconds = netconvertSeconds,
            SumoSeconds = sumoSeconds,
            SumoFcdSeconds = sumoFcdSeconds,
            FcdBytes = fcdBytes,
            FcdRecords = counter.Records,
            FcdReadSeconds = readSeconds,
            PersonsInserted = PersonsInserted(sumoLog),
            PersonsSeen = counter.Persons,
            Encounters = counter.Encounters,
            NodeEncounters = counter.NodeEncounters,
            MeanTripSeconds = counter.MeanTripSeconds,
            MeanRouteMetres = walks.MeanRouteMetres,
            MeanTimeLossSeconds = walks.MeanTimeLossSeconds,
            EncounterDifference = counter.Encounters > 0 ? (engine.Encounters - counter.Encounters) / (double)counter.Encounters : double.NaN,
            EncountersPerSegment = Agreement.Of(engine.BySegment, counter.EncountersPerSegment.Select(v => (double)v).ToArray()),
            PedestriansPerSegment = Agreement.Of(engine.PedestriansBySegment, counter.PedestriansPerSegment.Select(v => (double)v).ToArray()),
        };
    }

    /// <summary>Runs a SUMO tool to completion and returns its wall time; a failure is an exception with its output.</summary>
    private static double Tool(string name, IReadOnlyList<string> args, out string log)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["SUMO_HOME"] = Environment.GetEnvironmentVariable("SUMO_HOME") is { Length: > 0 } home ? home : "/usr/share/sumo";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        var stderr = process.StandardError.ReadToEndAsync();
        log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} failed (exit {process.ExitCode}): {stderr.Result}{log}");
        }
        log += stderr.Result;
        return seconds;
    }

    private static long NodeEncounters(EncounterBuffer found)
    {
        long n = 0;
        foreach (ref readonly var e in found.Items)
        {
            n += e.Node >= 0 ? 1 : 0;
        }
        return n;
    }

    /// <summary>The host, its logical cores and (on Linux) its processor model.</summary>
    private static string MachineName()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? string.Empty
            : string.Empty;
        return $"{Environment.MachineName}, {Environment.ProcessorCount} logical cores{(cpu.Length > 0 ? $" ({cpu})" : string.Empty)}";
    }

    private static string SumoVersion()
    {
        Tool("sumo", ["--version"], out string log);
        return log.Split('\n').FirstOrDefault(l => l.Contains("SUMO", StringComparison.Ordinal))?.Trim() ?? "unknown";
    }

    private static int PersonsInserted(string log) =>
        InsertedPersons().Match(log) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"Persons:\s*\r?\n?\s*Inserted:\s*(\d+)")]
    private static partial Regex InsertedPersons();
}

/// <summary>How SUMO's walkers get from one edge onto the next at a junction.</summary>
public enum SumoJunctionModel
{
    /// <summary>
    /// No walking areas: SUMO lets a walker step from an edge straight onto the next one that allows pedestrians, as
    /// the engine's walkers pass a node in an instant. The same movement model but for SUMO's physical interaction on
    /// the pavement: the like-for-like run. Walkers leave one of a pavement's two stripes to oncoming walkers
    /// (<see cref="SumoCompare.ReserveOncomingStepping"/>), without which opposing streams can lock at a segment end.
    /// </summary>
    Step,

    /// <summary>
    /// netconvert's walking areas: every junction is an area of its own that walkers cross (a longer route) and where
    /// they queue and give way: SUMO's own pedestrian junction model.
    /// </summary>
    WalkingAreas,
}

/// <summary>SUMO on one network build (one junction model): its wall times, its trajectories' encounters and their agreement with the engine's.</summary>
public sealed record SumoRun
{
    [JsonConverter(typeof(JsonStringEnumConverter<SumoJunctionModel>))]
    public SumoJunctionModel Junctions { get; init; }

    /// <summary>netconvert building SUMO's network from the plain XML (once per network).</summary>
    public double NetconvertSeconds { get; init; }

    /// <summary>sumo without any output file: it moves the walkers and yields no encounters.</summary>
    public double SumoSeconds { get; init; }

    /// <summary>sumo writing trajectories (fcd, a position per walker and step), nothing else.</summary>
    public double SumoFcdSeconds { get; init; }

    public long FcdBytes { get; init; }

    public long FcdRecords { get; init; }

    /// <summary>Counting encounters in the fcd file with the engine's rule (one thread, streaming).</summary>
    public double FcdReadSeconds { get; init; }

    /// <summary>From SUMO's input files to encounter counts: netconvert, sumo with fcd, counting; run one after another.</summary>
    public double StartToFinishSeconds => NetconvertSeconds + SumoFcdSeconds + FcdReadSeconds;

    public int PersonsInserted { get; init; }

    public int PersonsSeen { get; init; }

    public long Encounters { get; init; }

    /// <summary>Encounters only ever in contact across a node (or on a junction's walking area).</summary>
    public long NodeEncounters { get; init; }

    /// <summary>Mean time from a person's first to last sample (s).</summary>
    public double MeanTripSeconds { get; init; }

    /// <summary>Mean walked route length (tripinfo routeLength): with walking areas, the engine's route plus the areas crossed.</summary>
    public double MeanRouteMetres { get; init; }

    /// <summary>Mean time lost against walking the route at the walker's own speed (tripinfo timeLoss): jostling, queues.</summary>
    public double MeanTimeLossSeconds { get; init; }

    /// <summary>(engine − SUMO) / SUMO encounters.</summary>
    public double EncounterDifference { get; init; }

    public required Agreement EncountersPerSegment { get; init; }

    public required Agreement PedestriansPerSegment { get; init; }

    public string Label => Junctions == SumoJunctionModel.Step
        ? "SUMO, walkers step from edge to edge at junctions (as the engine's)"
        : "SUMO, walking areas at junctions";

    public string ShortLabel => Junctions == SumoJunctionModel.Step ? "SUMO stepping" : "SUMO walking areas";
}

/// <summary>The side-by-side figures of one comparison run.</summary>
public sealed record SumoComparison
{
    public required string City { get; init; }

    public int Residents { get; init; }

    public int Segments { get; init; }

    public required string Machine { get; init; }

    public required string SumoVersion { get; init; }

    /// <summary>True when SUMO ran with its random speed noise (dawdling 0.2, speed factors); false: the engine's speeds exactly.</summary>
    public bool SumoDawdling { get; init; }

    /// <summary>SUMO's persons: the engine's walks cut where a walker stops on the way or waits at a kerb.</summary>
    public int WalkingTrips { get; init; }

    public int WalkPassages { get; init; }

    /// <summary>The engine from the walking trips to their encounter counts, phase by phase (<see cref="EngineOnWalkers"/>).</summary>
    public required EngineWalkersTiming Engine { get; init; }

    /// <summary>The whole <c>twin run</c> of the Delft baseline, one day, start to finish, per thread count (none for a generated city).</summary>
    public required List<TwinRunTiming> TwinRuns { get; init; }

    public long EngineEncounters { get; init; }

    /// <summary>Encounters whose longest piece was across a node.</summary>
    public long EngineNodeEncounters { get; init; }

    public double EngineMeanTripSeconds { get; init; }

    public double EngineMeanTripMetres { get; init; }

    /// <summary>SUMO with walkers stepping from edge to edge at junctions, as the engine's: the like-for-like run.</summary>
    public required SumoRun Stepping { get; init; }

    /// <summary>SUMO with netconvert's walking areas at junctions: SUMO's own junction model.</summary>
    public required SumoRun WalkingAreas { get; init; }

    /// <summary>SUMO from its input to encounter counts over the engine from the same trips to its counts, one thread each.</summary>
    public double Speedup(SumoRun sumo) => sumo.StartToFinishSeconds / Engine.OneThreadSeconds;

    /// <summary>SUMO without output (no encounters) over the engine from the same trips to its encounter counts, one thread each.</summary>
    public double SpeedupWithoutOutput(SumoRun sumo) => sumo.SumoSeconds / Engine.OneThreadSeconds;

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var e = Engine;
        var md = new StringBuilder();
        md.AppendLine(c, $"SUMO side by side: {City}, {Residents:N0} residents, {Segments:N0} segments; {Machine}; {SumoVersion}; SUMO speed noise {(SumoDawdling ? "on (dawdling 0.2)" : "off (each walker at the engine's speed)")}.");
        md.AppendLine();
        md.AppendLine(c, $"Demand: the day's {e.Walks:N0} walking trips, routed and moved by the engine, cut into {WalkingTrips:N0} walking trips for SUMO where a walker stops on the way or waits at a kerb ({WalkPassages:N0} walk passages); SUMO inserted {Stepping.PersonsInserted:N0} / {WalkingAreas.PersonsInserted:N0} persons (stepping / walking areas), {Stepping.PersonsSeen:N0} / {WalkingAreas.PersonsSeen:N0} appear in its trajectories.");
        md.AppendLine();
        md.AppendLine("**What a user waits for, from the same trips to encounter counts.** The engine's trips-to-encounters figure is its phases' sum, each the second of two rounds (no JIT); the `twin run` and SUMO's tools are processes timed start to finish; SUMO is single-threaded, and so is counting its fcd.");
        md.AppendLine();
        md.AppendLine("| | threads | wall s | encounters |");
        md.AppendLine("|---|---:|---:|---:|");
        md.AppendLine(c, $"| engine, the walking trips to encounter counts: setup, route trees, routing and moving, detector (phases summed) | 1 | {e.OneThreadSeconds:0.000} | {EngineEncounters:N0} |");
        foreach (var t in TwinRuns)
        {
            md.AppendLine(c, $"| `twin run`, whole Delft day, start to finish: process, import, synthesis, all {Residents:N0} residents in all modes, outputs | {t.Threads} | {t.Seconds:0.000} | {t.Encounters:N0} (everyone's, all modes and places) |");
        }
        foreach (var sumo in new[] { Stepping, WalkingAreas })
        {
            md.AppendLine(c, $"| {sumo.Label}: netconvert + sumo with fcd + counting the fcd | 1 | {sumo.StartToFinishSeconds:0.000} | {sumo.Encounters:N0} ({sumo.EncounterDifference:+0.0%;-0.0%;0.0%} engine vs SUMO) |");
            md.AppendLine(c, $"| {sumo.Label}: sumo without trajectory output | 1 | {sumo.SumoSeconds:0.000} | none: nothing to count them from |");
        }
        md.AppendLine();
        md.AppendLine("Phase by phase:");
        md.AppendLine();
        md.AppendLine("| | threads | wall s |");
        md.AppendLine("|---|---:|---:|");
        md.AppendLine(c, $"| engine: setup (route cost model, planners) | 1 | {e.SetupSeconds:0.0000} |");
        md.AppendLine(c, $"| engine: route trees the walking trips read | 1 | {e.TreesSeconds:0.0000} |");
        md.AppendLine(c, $"| engine: routing and moving the walking trips | 1 | {e.MoveSeconds:0.0000} |");
        md.AppendLine(c, $"| engine: exact detector on the walkers handed to SUMO | 1 | {e.DetectOneThreadSeconds:0.0000} |");
        md.AppendLine(c, $"| engine: exact detector on the walkers handed to SUMO | 2 | {e.DetectTwoThreadsSeconds:0.0000} |");
        foreach (var t in TwinRuns)
        {
            md.AppendLine(c, $"| `twin run`: of its {t.Seconds:0.00} s, the simulation (building the simulator, the day) | {t.Threads} | {t.SimulationSeconds:0.000} |");
        }
        foreach (var sumo in new[] { Stepping, WalkingAreas })
        {
            md.AppendLine(c, $"| {sumo.ShortLabel}: netconvert (network build, once) | 1 | {sumo.NetconvertSeconds:0.000} |");
            md.AppendLine(c, $"| {sumo.ShortLabel}: sumo without trajectory output | 1 | {sumo.SumoSeconds:0.000} |");
            md.AppendLine(c, $"| {sumo.ShortLabel}: sumo with fcd output ({sumo.FcdBytes / 1e6:N0} MB, {sumo.FcdRecords:N0} samples) | 1 | {sumo.SumoFcdSeconds:0.000} |");
            md.AppendLine(c, $"| {sumo.ShortLabel}: counting encounters in the fcd, engine's rule (streaming read) | 1 | {sumo.FcdReadSeconds:0.000} |");
        }
        md.AppendLine();
        foreach (var sumo in new[] { Stepping, WalkingAreas })
        {
            long engineAlong = EngineEncounters - EngineNodeEncounters, sumoAlong = sumo.Encounters - sumo.NodeEncounters;
            md.AppendLine(c, $"**{sumo.Label}**");
            md.AppendLine();
            md.AppendLine(c, $"- Speed, from the same trips to encounter counts: SUMO (netconvert + fcd run + counting, {sumo.StartToFinishSeconds:0.0} s; {sumo.SumoFcdSeconds + sumo.FcdReadSeconds:0.0} s without netconvert) / engine (one thread, phases summed) = **{Speedup(sumo):0}×**{string.Concat(TwinRuns.Select(t => string.Create(c, $"; / the whole `twin run` of the day on {t.Threads} thread(s), start to finish = {sumo.StartToFinishSeconds / t.Seconds:0.0}×")))}.");
            md.AppendLine(c, $"- SUMO without trajectory output yields no encounters; its run alone ({sumo.SumoSeconds:0.0} s) / engine from trips to encounter counts = {SpeedupWithoutOutput(sumo):0}×{string.Concat(TwinRuns.Select(t => string.Create(c, $"; / `twin run` on {t.Threads} thread(s) = {sumo.SumoSeconds / t.Seconds:0.0}×")))}.");
            md.AppendLine(c, $"- Detail, detector alone: SUMO start to finish / detector = {sumo.StartToFinishSeconds / e.DetectOneThreadSeconds:0}× on one thread, {sumo.StartToFinishSeconds / e.DetectTwoThreadsSeconds:0}× on two; SUMO without output / detector = {sumo.SumoSeconds / e.DetectOneThreadSeconds:0}× / {sumo.SumoSeconds / e.DetectTwoThreadsSeconds:0}×.");
            md.AppendLine(c, $"- Encounters: engine {EngineEncounters:N0} vs SUMO {sumo.Encounters:N0} ({sumo.EncounterDifference:+0.0%;-0.0%;0.0%}).");
            md.AppendLine(c, $"- Along one segment: engine {engineAlong:N0}, SUMO {sumoAlong:N0} ({engineAlong / (double)Math.Max(1, sumoAlong) - 1:+0.0%;-0.0%;0.0%}).");
            md.AppendLine(c, $"- Across a node: engine {EngineNodeEncounters:N0} ({EngineNodeEncounters / (double)Math.Max(1, EngineEncounters):0%}), SUMO {sumo.NodeEncounters:N0} ({sumo.NodeEncounters / (double)Math.Max(1, sumo.Encounters):0%}). Mean trip: engine {EngineMeanTripSeconds:0} s, SUMO {sumo.MeanTripSeconds:0} s ({sumo.MeanTripSeconds / EngineMeanTripSeconds - 1:+0%;-0%;0%}).");
            md.AppendLine(c, $"- Mean walk: engine {EngineMeanTripMetres:0} m, SUMO {sumo.MeanRouteMetres:0} m ({sumo.MeanRouteMetres / EngineMeanTripMetres - 1:+0%;-0%;0%}); SUMO loses {sumo.MeanTimeLossSeconds:0} s per walk to other walkers and junctions.");
            md.AppendLine(c, $"- Per segment encounters ({sumo.EncountersPerSegment.Segments:N0} segments with any): Pearson r = {sumo.EncountersPerSegment.Pearson:0.000}, within ±10 %: {sumo.EncountersPerSegment.ShareWithin10Percent:0.0%}; mean engine {sumo.EncountersPerSegment.MeanEngine:0.00}, SUMO {sumo.EncountersPerSegment.MeanSumo:0.00}.");
            md.AppendLine(c, $"- Pedestrians per segment ({sumo.PedestriansPerSegment.Segments:N0} segments walked): Pearson r = {sumo.PedestriansPerSegment.Pearson:0.000}, within ±10 %: {sumo.PedestriansPerSegment.ShareWithin10Percent:0.0%}; mean engine {sumo.PedestriansPerSegment.MeanEngine:0.00}, SUMO {sumo.PedestriansPerSegment.MeanSumo:0.00}.");
            md.AppendLine();
        }
        return md.ToString();
    }
}
