using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigitalTwin.Benchmarks.Scale;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Benchmarks.Sumo;

/// <summary>
/// The engine and SUMO side by side on the same walking demand: the engine simulates a day; its walking trips
/// (departure, route as edges, start and end offsets, speed) go to SUMO as persons on the engine's network
/// (exported as plain XML, built by netconvert); SUMO runs headless without and with trajectory (fcd) output;
/// encounters are counted from SUMO's trajectories with the engine's rule and by the engine's exact detector on
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
        new Simulator(neighbourhood, people, SimulationParameters.Default, seed, Environment.ProcessorCount, 1).Run(1);
        var clock = Stopwatch.StartNew();
        var run = new Simulator(neighbourhood, people, SimulationParameters.Default, seed, Environment.ProcessorCount, 1).Run(1);
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

        // SUMO: network, demand, two runs.
        string nodes = Path.Combine(folder, "net.nod.xml"), edges = Path.Combine(folder, "net.edg.xml");
        string net = Path.Combine(folder, "net.net.xml"), persons = Path.Combine(folder, "walkers.rou.xml");
        string fcd = Path.Combine(folder, "fcd.xml"), tripinfo = Path.Combine(folder, "tripinfo.xml");
        SumoFiles.WriteNodes(network, nodes);
        SumoFiles.WriteEdges(network, edges);
        SumoFiles.WritePersons(trips, day, persons, sumoDawdling);
        double netconvertSeconds = Tool("netconvert", ["--node-files", nodes, "--edge-files", edges, "--walkingareas", "true",
            "--offset.disable-normalization", "true", "--no-turnarounds", "true", "--no-warnings", "true", "-o", net], out _);
        string[] sumoArgs = ["-n", net, "-r", persons, "--step-length", StepSeconds.ToString(CultureInfo.InvariantCulture),
            "--no-step-log", "true", "--no-warnings", "true", "--ignore-route-errors", "true", "--duration-log.statistics", "true",
            "--pedestrian.striping.dawdling", sumoDawdling ? "0.2" : "0"];
        double sumoSeconds = Tool("sumo", sumoArgs, out string sumoLog);
        // The trajectory run also writes trip summaries (route length, time lost), to explain the differences.
        double sumoFcdSeconds = Tool("sumo", [.. sumoArgs, "--fcd-output", fcd, "--tripinfo-output", tripinfo], out _);
        var walks = SumoTripInfo.Read(tripinfo);
        long fcdBytes = new FileInfo(fcd).Length;
        output.WriteLine($"sumo: {sumoSeconds:0.00} s without fcd, {sumoFcdSeconds:0.00} s with ({fcdBytes / 1e6:0} MB)");

        clock.Restart();
        var counter = new FcdEncounterCounter(network, parameters, StepSeconds);
        counter.Read(fcd);
        double readSeconds = clock.Elapsed.TotalSeconds;
        if (!keepFcd)
        {
            File.Delete(fcd);
        }

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
            SumoPersonsInserted = PersonsInserted(sumoLog),
            SumoPersonsSeen = counter.Persons,
            EngineDaySeconds = engineDaySeconds,
            EngineDayPassages = run.Totals.Passages,
            EngineDetectSeconds = detectSeconds,
            EngineMoveSeconds = moveSeconds,
            NetconvertSeconds = netconvertSeconds,
            SumoSeconds = sumoSeconds,
            SumoFcdSeconds = sumoFcdSeconds,
            FcdBytes = fcdBytes,
            FcdRecords = counter.Records,
            FcdReadSeconds = readSeconds,
            EngineEncounters = found.Count,
            EngineNodeEncounters = NodeEncounters(found),
            SumoNodeEncounters = counter.NodeEncounters,
            EngineMeanTripSeconds = trips.Average(t => t.ArriveSeconds - t.DepartSeconds),
            SumoMeanTripSeconds = counter.MeanTripSeconds,
            EngineMeanTripMetres = trips.Average(t => t.DistanceMetres),
            SumoMeanRouteMetres = walks.MeanRouteMetres,
            SumoMeanTimeLossSeconds = walks.MeanTimeLossSeconds,
            SumoEncounters = counter.Encounters,
            EncountersPerSegment = Agreement.Of(engineBySegment, counter.EncountersPerSegment.Select(v => (double)v).ToArray()),
            PedestriansPerSegment = Agreement.Of(enginePeds, counter.PedestriansPerSegment.Select(v => (double)v).ToArray()),
        };
        File.WriteAllText(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(result, ScaleJson.Options));
        File.WriteAllText(Path.Combine(folder, MarkdownFile), result.ToMarkdown());
        return result;
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

    public int SumoPersonsInserted { get; init; }

    public int SumoPersonsSeen { get; init; }

    /// <summary>The engine's whole day: every resident and mode, planning, routing, movement, encounters, nods, familiarity.</summary>
    public double EngineDaySeconds { get; init; }

    public long EngineDayPassages { get; init; }

    /// <summary>The engine's exact detector on exactly the exported walkers' passages.</summary>
    public double EngineDetectSeconds { get; init; }

    /// <summary>Laying the same walkers' passages out along their given routes (the engine's movement of SUMO's demand).</summary>
    public double EngineMoveSeconds { get; init; }

    public double NetconvertSeconds { get; init; }

    public double SumoSeconds { get; init; }

    public double SumoFcdSeconds { get; init; }

    public long FcdBytes { get; init; }

    public long FcdRecords { get; init; }

    public double FcdReadSeconds { get; init; }

    public long EngineEncounters { get; init; }

    public long SumoEncounters { get; init; }

    /// <summary>Encounters whose longest piece was across a node (engine), or that were only ever across a node (SUMO).</summary>
    public long EngineNodeEncounters { get; init; }

    public long SumoNodeEncounters { get; init; }

    public double EngineMeanTripSeconds { get; init; }

    public double SumoMeanTripSeconds { get; init; }

    public double EngineMeanTripMetres { get; init; }

    /// <summary>SUMO's mean walked route length (tripinfo routeLength): the engine's route plus the walking areas crossed.</summary>
    public double SumoMeanRouteMetres { get; init; }

    /// <summary>SUMO's mean time lost against walking the route at the walker's own speed (tripinfo timeLoss): jostling, queues.</summary>
    public double SumoMeanTimeLossSeconds { get; init; }

    public required Agreement EncountersPerSegment { get; init; }

    public required Agreement PedestriansPerSegment { get; init; }

    /// <summary>SUMO without fcd over the engine's whole day: how many times faster the engine is, doing more.</summary>
    public double SpeedupWholeDay => SumoSeconds / EngineDaySeconds;

    /// <summary>SUMO without fcd over the engine's detector on the same walkers.</summary>
    public double SpeedupDetector => SumoSeconds / EngineDetectSeconds;

    /// <summary>SUMO without fcd over the engine's same work: the same walkers moved along the same routes, and their encounters.</summary>
    public double SpeedupSameWork => SumoSeconds / (EngineMoveSeconds + EngineDetectSeconds);

    /// <summary>(engine − SUMO) / SUMO encounters.</summary>
    public double EncounterDifference => SumoEncounters > 0 ? (EngineEncounters - SumoEncounters) / (double)SumoEncounters : double.NaN;

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"SUMO side by side: {City}, {Residents:N0} residents, {Segments:N0} segments; {Machine}; {SumoVersion}; SUMO speed noise {(SumoDawdling ? "on (dawdling 0.2)" : "off (each walker at the engine's speed)")}.");
        md.AppendLine();
        md.AppendLine(c, $"Demand: {WalkingTrips:N0} walking trips ({WalkPassages:N0} walk passages); SUMO inserted {SumoPersonsInserted:N0} persons, {SumoPersonsSeen:N0} appear in its trajectories.");
        md.AppendLine();
        md.AppendLine("| | wall s | encounters |");
        md.AppendLine("|---|---:|---:|");
        md.AppendLine(c, $"| engine, whole day (all {Residents:N0} residents, all modes and phases; {EngineDayPassages:N0} passages) | {EngineDaySeconds:0.000} | |");
        md.AppendLine(c, $"| engine, the same walkers moved along the same routes (passages) | {EngineMoveSeconds:0.0000} | |");
        md.AppendLine(c, $"| engine, exact detector on the same walkers | {EngineDetectSeconds:0.0000} | {EngineEncounters:N0} |");
        md.AppendLine(c, $"| SUMO, no trajectory output | {SumoSeconds:0.000} | |");
        md.AppendLine(c, $"| SUMO, fcd output ({FcdBytes / 1e6:N0} MB, {FcdRecords:N0} samples) | {SumoFcdSeconds:0.000} | |");
        md.AppendLine(c, $"| encounters from SUMO's fcd, engine's rule (streaming read) | {FcdReadSeconds:0.000} | {SumoEncounters:N0} |");
        md.AppendLine(c, $"| netconvert (network build, once) | {NetconvertSeconds:0.000} | |");
        md.AppendLine();
        md.AppendLine(c, $"- Speed: SUMO without fcd / engine on the same work (same walkers, same routes: movement + encounters) = {SpeedupSameWork:0}×; / engine detector alone = {SpeedupDetector:0}×; / engine whole day (all residents and modes, planning, routing, nods, familiarity) = {SpeedupWholeDay:0.0}×.");
        md.AppendLine(c, $"- Encounters: engine {EngineEncounters:N0} vs SUMO {SumoEncounters:N0} ({EncounterDifference:+0.0%;-0.0%}).");
        md.AppendLine(c, $"- Along one segment: engine {EngineEncounters - EngineNodeEncounters:N0}, SUMO {SumoEncounters - SumoNodeEncounters:N0} ({(EngineEncounters - EngineNodeEncounters) / (double)Math.Max(1, SumoEncounters - SumoNodeEncounters) - 1:+0.0%;-0.0%}).");
        md.AppendLine(c, $"- Across a node: engine {EngineNodeEncounters:N0} ({EngineNodeEncounters / (double)Math.Max(1, EngineEncounters):0%}), SUMO {SumoNodeEncounters:N0} ({SumoNodeEncounters / (double)Math.Max(1, SumoEncounters):0%}). Mean trip: engine {EngineMeanTripSeconds:0} s, SUMO {SumoMeanTripSeconds:0} s ({SumoMeanTripSeconds / EngineMeanTripSeconds - 1:+0%;-0%}).");
        md.AppendLine(c, $"- Mean walk: engine {EngineMeanTripMetres:0} m, SUMO {SumoMeanRouteMetres:0} m ({SumoMeanRouteMetres / EngineMeanTripMetres - 1:+0%;-0%}, walking areas at junctions); SUMO loses {SumoMeanTimeLossSeconds:0} s per walk to other walkers and junctions.");
        md.AppendLine(c, $"- Per segment encounters ({EncountersPerSegment.Segments:N0} segments with any): Pearson r = {EncountersPerSegment.Pearson:0.000}, within ±10 %: {EncountersPerSegment.ShareWithin10Percent:0.0%}; mean engine {EncountersPerSegment.MeanEngine:0.00}, SUMO {EncountersPerSegment.MeanSumo:0.00}.");
        md.AppendLine(c, $"- Pedestrians per segment ({PedestriansPerSegment.Segments:N0} segments walked): Pearson r = {PedestriansPerSegment.Pearson:0.000}, within ±10 %: {PedestriansPerSegment.ShareWithin10Percent:0.0%}; mean engine {PedestriansPerSegment.MeanEngine:0.00}, SUMO {PedestriansPerSegment.MeanSumo:0.00}.");
        return md.ToString();
    }
}
