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
/// The engine and SUMO side by side on the same walking demand: the engine simulates a day; its walking trips
/// (departure, route as edges, start and end offsets, speed) go to SUMO as persons on the engine's network
/// (exported as plain XML, built by netconvert) twice, once with walkers stepping from edge to edge at junctions
/// as the engine's do and once with netconvert's walking areas; on each SUMO runs headless without and with
/// trajectory (fcd) output; encounters are counted from SUMO's trajectories with the engine's rule and by the engine's exact detector on
/// the passages of exactly those walkers. Writes sumo-compare.json and sumo-compare.md.
/// </summary>
public static partial class SumoCompare
{
    public const string JsonFile = "sumo-compare.json";
    public const string MarkdownFile = "sumo-compare.md";

    /// <summary>SUMO's step (s): the fcd samples positions this often; 1 s is SUMO's default.</summary>
    public const double StepSeconds = 1.0;

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

        // The engine's whole day (every resident, every mode, every phase), for the speed comparison; timed on the
        // second of two identical runs, so that the JIT's first compilation is not counted against a native SUMO.
        new Simulator(neighbourhood, people, SimulationParameters.Default, new RunOptions(1) { Seed = seed, Threads = Environment.ProcessorCount }).Run();
        var clock = Stopwatch.StartNew();
        var run = new Simulator(neighbourhood, people, SimulationParameters.Default, new RunOptions(1) { Seed = seed, Threads = Environment.ProcessorCount }).Run();
        double engineDaySeconds = clock.Elapsed.TotalSeconds;

        // The same day phase by phase, to get at its walking trips and their passages.
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
        var day = new EngineDay(neighbourhood, people, seed, sharedPavements).Simulate(0);
        var trips = WalkingTrips.From(day, network);
        // The walkers' passages: one per leg of each given route (what SUMO's persons walk), timed as the engine's
        // movement of the same demand (the second of two fills, as for the detector below).
        var walkers = new TrajectoryBuffer();
        double moveSeconds = 0;
        for (int round = 0; round < 2; round++)
        {
            walkers.Clear();
            clock.Restart();
            foreach (var trip in trips)
            {
                foreach (int i in trip.Passages)
                {
                    walkers.AddPassage(day.GetPassage(i));
                }
            }
            moveSeconds = clock.Elapsed.TotalSeconds;
        }
        var parameters = SimulationParameters.Default.Encounters;
        var detector = new ExactEncounterDetector(parameters);
        var found = new EncounterBuffer();
        detector.Detect(network, neighbourhood.Places.Count, walkers, found); // warm-up (first-use allocations, JIT)
        clock.Restart();
        detector.Detect(network, neighbourhood.Places.Count, walkers, found);
        double detectSeconds = clock.Elapsed.TotalSeconds;
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
        output.WriteLine($"engine: {run.Totals.Passages} passages in the day, {trips.Count} walking trips ({walkers.PassageCount} passages), {found.Count} encounters among them");

        // SUMO: one network and demand, each junction model run without and with trajectory output.
        string nodes = Path.Combine(folder, "net.nod.xml"), edges = Path.Combine(folder, "net.edg.xml");
        string persons = Path.Combine(folder, "walkers.rou.xml");
        SumoFiles.WriteNodes(network, nodes);
        SumoFiles.WriteEdges(network, edges);
        SumoFiles.WritePersons(trips, day, persons, sumoDawdling);
        var engineTotals = new EngineCounts(found.Count, NodeEncounters(found), engineBySegment, enginePeds);
        var stepping = RunSumo(SumoJunctionModel.Step, network, parameters, folder, nodes, edges, persons, keepFcd, sumoDawdling, engineTotals, output);
        var walkingAreas = RunSumo(SumoJunctionModel.WalkingAreas, network, parameters, folder, nodes, edges, persons, keepFcd, sumoDawdling, engineTotals, output);

        var result = new SumoComparison
        {
            City = city,
            Residents = people.Count,
            Segments = network.SegmentCount,
            Machine = $"{Environment.MachineName}, {Environment.ProcessorCount} logical cores",
            SumoVersion = SumoVersion(),
            SumoDawdling = sumoDawdling,
            WalkingTrips = trips.Count,
            WalkPassages = walkers.PassageCount,
            EngineDaySeconds = engineDaySeconds,
            EngineDayPassages = run.Totals.Passages,
            EngineDetectSeconds = detectSeconds,
            EngineMoveSeconds = moveSeconds,
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
        string[] sumoArgs = ["-n", net, "-r", persons, "--step-length", StepSeconds.ToString(CultureInfo.InvariantCulture),
            "--no-step-log", "true", "--no-warnings", "true", "--ignore-route-errors", "true", "--duration-log.statistics", "true",
            "--pedestrian.striping.dawdling", sumoDawdling ? "0.2" : "0"];
        double sumoSeconds = Tool("sumo", sumoArgs, out string sumoLog);
        // The trajectory run also writes trip summaries (route length, time lost), to explain the differences.
        double sumoFcdSeconds = Tool("sumo", [.. sumoArgs, "--fcd-output", fcd, "--tripinfo-output", tripinfo], out _);
        var walks = SumoTripInfo.Read(tripinfo);
        long fcdBytes = new FileInfo(fcd).Length;
        output.WriteLine($"sumo ({tag}): {sumoSeconds:0.00} s without fcd, {sumoFcdSeconds:0.00} s with ({fcdBytes / 1e6:0} MB)");

        var clock = Stopwatch.StartNew();
        var counter = new FcdEncounterCounter(network, parameters, StepSeconds);
        counter.Read(fcd);
        double readSeconds = clock.Elapsed.TotalSeconds;
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
    /// the pavement: the like-for-like run.
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

    public double NetconvertSeconds { get; init; }

    public double SumoSeconds { get; init; }

    public double SumoFcdSeconds { get; init; }

    public long FcdBytes { get; init; }

    public long FcdRecords { get; init; }

    public double FcdReadSeconds { get; init; }

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

    public int WalkingTrips { get; init; }

    public int WalkPassages { get; init; }

    /// <summary>The engine's whole day: every resident and mode, planning, routing, movement, encounters, nods, familiarity.</summary>
    public double EngineDaySeconds { get; init; }

    public long EngineDayPassages { get; init; }

    /// <summary>The engine's exact detector on exactly the exported walkers' passages.</summary>
    public double EngineDetectSeconds { get; init; }

    /// <summary>Laying the same walkers' passages out along their given routes (the engine's movement of SUMO's demand).</summary>
    public double EngineMoveSeconds { get; init; }

    public long EngineEncounters { get; init; }

    /// <summary>Encounters whose longest piece was across a node.</summary>
    public long EngineNodeEncounters { get; init; }

    public double EngineMeanTripSeconds { get; init; }

    public double EngineMeanTripMetres { get; init; }

    /// <summary>SUMO with walkers stepping from edge to edge at junctions, as the engine's: the like-for-like run.</summary>
    public required SumoRun Stepping { get; init; }

    /// <summary>SUMO with netconvert's walking areas at junctions: SUMO's own junction model.</summary>
    public required SumoRun WalkingAreas { get; init; }

    /// <summary>SUMO without fcd over the engine's whole day: how many times faster the engine is, doing more.</summary>
    public double SpeedupWholeDay(SumoRun sumo) => sumo.SumoSeconds / EngineDaySeconds;

    /// <summary>SUMO without fcd over the engine's detector on the same walkers.</summary>
    public double SpeedupDetector(SumoRun sumo) => sumo.SumoSeconds / EngineDetectSeconds;

    /// <summary>SUMO without fcd over the engine's same work: the same walkers moved along the same routes, and their encounters.</summary>
    public double SpeedupSameWork(SumoRun sumo) => sumo.SumoSeconds / (EngineMoveSeconds + EngineDetectSeconds);

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"SUMO side by side: {City}, {Residents:N0} residents, {Segments:N0} segments; {Machine}; {SumoVersion}; SUMO speed noise {(SumoDawdling ? "on (dawdling 0.2)" : "off (each walker at the engine's speed)")}.");
        md.AppendLine();
        md.AppendLine(c, $"Demand: {WalkingTrips:N0} walking trips ({WalkPassages:N0} walk passages); SUMO inserted {Stepping.PersonsInserted:N0} / {WalkingAreas.PersonsInserted:N0} persons (stepping / walking areas), {Stepping.PersonsSeen:N0} / {WalkingAreas.PersonsSeen:N0} appear in its trajectories.");
        md.AppendLine();
        md.AppendLine("| | wall s | encounters | engine vs SUMO |");
        md.AppendLine("|---|---:|---:|---:|");
        md.AppendLine(c, $"| engine, whole day (all {Residents:N0} residents, all modes and phases; {EngineDayPassages:N0} passages) | {EngineDaySeconds:0.000} | | |");
        md.AppendLine(c, $"| engine, the same walkers moved along the same routes (passages) | {EngineMoveSeconds:0.0000} | | |");
        md.AppendLine(c, $"| engine, exact detector on the same walkers | {EngineDetectSeconds:0.0000} | {EngineEncounters:N0} | |");
        foreach (var sumo in new[] { Stepping, WalkingAreas })
        {
            md.AppendLine(c, $"| {sumo.Label}: no trajectory output | {sumo.SumoSeconds:0.000} | | |");
            md.AppendLine(c, $"| … fcd output ({sumo.FcdBytes / 1e6:N0} MB, {sumo.FcdRecords:N0} samples) | {sumo.SumoFcdSeconds:0.000} | | |");
            md.AppendLine(c, $"| … encounters from its fcd, engine's rule (streaming read) | {sumo.FcdReadSeconds:0.000} | {sumo.Encounters:N0} | {sumo.EncounterDifference:+0.0%;-0.0%;0.0%} |");
            md.AppendLine(c, $"| … netconvert (network build, once) | {sumo.NetconvertSeconds:0.000} | | |");
        }
        md.AppendLine();
        foreach (var sumo in new[] { Stepping, WalkingAreas })
        {
            long engineAlong = EngineEncounters - EngineNodeEncounters, sumoAlong = sumo.Encounters - sumo.NodeEncounters;
            md.AppendLine(c, $"**{sumo.Label}**");
            md.AppendLine();
            md.AppendLine(c, $"- Speed: SUMO without fcd / engine on the same work (same walkers, same routes: movement + encounters) = {SpeedupSameWork(sumo):0}×; / engine detector alone = {SpeedupDetector(sumo):0}×; / engine whole day (all residents and modes, planning, routing, nods, familiarity) = {SpeedupWholeDay(sumo):0.0}×.");
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
