using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>twin run &lt;scenario&gt;</c>: simulates the scenario's residents for its days and writes the run folder.</summary>
public static class RunCommand
{
    public static Command Create(Terminal terminal, Interruption interruption)
    {
        var scenarioArgument = new Argument<string>("scenario") { Description = "The scenario file (.json)" };
        var days = new Option<int?>("--days") { Description = "Days to simulate (1-365; default: the scenario's)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: the scenario's)" };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it" };
        var output = new Option<string?>("--out") { Description = "Output folder (default: out/<scenario file name>)", HelpName = "DIR" };
        var geoPackage = new Option<bool>("--gpkg") { Description = $"Also write {RunGeoPackage.FileName}: the streets and places of edges.geojson and places.geojson as one GeoPackage (layers edges, places) for QGIS" };
        var ignoreMemory = new Option<bool>("--ignore-memory-check") { Description = "Run even where the estimated memory is more than this machine has free" };
        var dataRoot = DataRootOption.Create();
        var command = new Command("run", "Simulate a scenario and write summary.json, edges.geojson, places.geojson, run.msgpack and CSV tables")
        {
            scenarioArgument, days, seed, threads, output, geoPackage, ignoreMemory, dataRoot,
        };
        command.SetAction(parse => DataRootOption.Run(terminal, parse.GetValue(dataRoot), inputs => Execute(
            terminal,
            interruption,
            parse.GetValue(scenarioArgument)!,
            parse.GetValue(days),
            parse.GetValue(seed),
            parse.GetValue(threads),
            parse.GetValue(output),
            inputs,
            parse.GetValue(geoPackage),
            parse.GetValue(ignoreMemory))));
        return command;
    }

    internal static int Execute(Terminal terminal, Interruption interruption, string path, int? days, ulong? seed, int? threads, string? outputFolder, ScenarioInputs inputs,
        bool writeGeoPackage = false, bool ignoreMemoryCheck = false)
    {
        interruption.Listen();
        var c = CultureInfo.InvariantCulture;
        if (days is < 1 or > 365)
        {
            terminal.Error.WriteLine(string.Create(c, $"error: --days: {days} is outside 1-365"));
            return TwinApp.UserError;
        }
        if (threads is < 1 or > 1024)
        {
            terminal.Error.WriteLine(string.Create(c, $"error: --threads: {threads} is outside 1-1024"));
            return TwinApp.UserError;
        }
        var clock = Stopwatch.StartNew();
        var loaded = ScenarioLoader.Load(path, inputs);
        if (!loaded.Succeeded)
        {
            terminal.WriteProblems(loaded.Problems);
            return TwinApp.UserError;
        }
        var scenario = loaded.Unwrap();
        int runDays = days ?? scenario.Days;
        ulong runSeed = seed ?? scenario.Seed;
        int runThreads = threads ?? Environment.ProcessorCount;
        string folder = outputFolder ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path));
        // Whatever would fail after simulating is found before: the output folder's write access here, an empty map
        // or population in Prepare.
        var opened = OutputFolder.Open(folder, IsRunOutput);
        if (!opened.Succeeded)
        {
            terminal.WriteProblems(opened.Problems);
            return TwinApp.UserError;
        }
        var output = opened.Unwrap();

        terminal.Out.WriteLine($"scenario: {scenario.Name}");
        var prepared = PreparedScenario.Prepare(scenario with { Seed = runSeed });
        if (!prepared.Succeeded)
        {
            terminal.WriteProblems(prepared.Problems);
            return TwinApp.UserError;
        }
        var world = prepared.Unwrap();
        var neighbourhood = world.Neighbourhood;
        terminal.Out.WriteLine(string.Create(c,
            $"map: {neighbourhood.Network.SegmentCount} street segments, {neighbourhood.Places.Count} places, {neighbourhood.Homes.TotalDwellings} dwellings ({clock.Elapsed.TotalSeconds:0.0} s)"));
        terminal.Out.WriteLine(string.Create(c,
            $"people: {world.Residents.Count} residents in {world.Residents.HouseholdCount} households ({scenario.Population.Describe()})"));
        foreach (var effect in world.Effects)
        {
            terminal.Out.WriteLine($"intervention {effect.Type}: {effect.Summary}{(effect.Note.Length > 0 ? $" ({effect.Note})" : string.Empty)}");
        }
        foreach (var line in world.MechanismChanges)
        {
            terminal.Out.WriteLine($"  through the mechanisms: {line}");
        }
        // Said before simulating, and checked against free memory: running out after minutes loses them all.
        var estimate = RunEstimate.For(world, runDays, runThreads);
        terminal.Out.WriteLine($"estimate: {estimate.Describe()} for {world.Residents.Count.ToString("N0", c)} residents × {runDays} day{(runDays == 1 ? string.Empty : "s")}{estimate.Why}");
        if (!ignoreMemoryCheck && estimate.Refusal(world.Residents.Count, runDays, RunEstimate.AvailableBytes()) is { } refusal)
        {
            terminal.Error.WriteLine(refusal);
            return TwinApp.UserError;
        }
        var simulationClock = new Stopwatch();
        var progress = new DayReporter(terminal, simulationClock);
        try
        {
            return SimulateAndWrite(terminal, interruption, output, scenario, path, world, (runDays, runSeed, runThreads), writeGeoPackage, progress, simulationClock);
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            string where = progress.LastDay < runDays
                ? string.Create(c, $"stopped after day {progress.LastDay} of {runDays}")
                : "stopped before its files were moved into place";
            terminal.Error.WriteLine($"cancelled ({interruption.Cause}): the run of '{scenario.Name}' {where}; {output.Display} is untouched");
            return interruption.ExitCode;
        }
        catch (Exception e) when (Failures.IsOutOfMemory(e))
        {
            terminal.Error.WriteLine(Failures.OutOfMemory(world.Residents.Count, runDays));
            return TwinApp.UserError;
        }
    }

    private static int SimulateAndWrite(Terminal terminal, Interruption interruption, OutputFolder output, Scenario scenario, string path,
        PreparedScenario world, (int Days, ulong Seed, int Threads) run, bool writeGeoPackage, DayReporter progress, Stopwatch simulationClock)
    {
        var (runDays, runSeed, runThreads) = run;
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulating {runDays} days, seed {runSeed}, {runThreads} thread(s)"));
        simulationClock.Restart();
        var simulator = new Simulator(world.Neighbourhood, world.Residents, world.Parameters, new RunOptions(runDays) { Seed = runSeed, Threads = runThreads });
        var result = simulator.Run(progress, interruption.Token);
        double simulationSeconds = simulationClock.Elapsed.TotalSeconds;

        var metadata = new RunMetadata(scenario.Name, Path.GetFileName(path), PreparedScenario.ContentHash(scenario), Path.GetFileName(scenario.MapPath),
            runSeed, runDays, runThreads, simulationSeconds)
        {
            UrbanisationClass = scenario.Population.Profile.UrbanisationClass,
        };
        // Written into a staging folder and swapped in whole: a failure or a stop leaves the previous run as it was.
        using (var staging = output.Stage())
        {
            var problems = RunWriter.WriteAll(staging.Path, metadata, world.Neighbourhood, world.Residents, result);
            if (writeGeoPackage && problems.Count == 0)
            {
                problems = RunGeoPackage.Write(staging.Path, world.Neighbourhood, result);
            }
            if (problems.Count > 0)
            {
                // The first failure is the cause; the files after it fail for the same reason.
                terminal.Error.WriteLine($"error: {output.InOutput(problems[0], staging)}; {output.Display} is untouched");
                return TwinApp.UserError;
            }
            interruption.Token.ThrowIfCancellationRequested();
            staging.Commit();
        }
        WriteSummary(terminal, result, OutcomeSummary.From(result.Residents, world.Residents, runDays), simulationSeconds, runThreads, metadata.UrbanisationClass);
        terminal.Out.WriteLine($"wrote {Path.Combine(output.Display, RunWriter.SummaryFile)}, {RunWriter.EdgesFile}, {RunWriter.PlacesFile}, {RunWriter.RunFileName}, {string.Join(", ", RunWriter.Tables.Select(t => t.File))}{(writeGeoPackage ? ", " + RunGeoPackage.FileName : string.Empty)}");
        return TwinApp.Success;
    }

    /// <summary>
    /// The files of a run folder; a <c>.partial</c> file is what versions before the staging folder left when they failed.
    /// </summary>
    internal static bool IsRunOutput(string name) =>
        name is RunWriter.SummaryFile or RunWriter.EdgesFile or RunWriter.PlacesFile or RunWriter.RunFileName or RunGeoPackage.FileName
        || RunWriter.Tables.Any(t => t.File == name)
        || name.EndsWith(".partial", StringComparison.Ordinal);

    private static void WriteSummary(Terminal terminal, RunResult result, OutcomeSummary summary, double seconds, int threads, int? urbanisationClass)
    {
        var c = CultureInfo.InvariantCulture;
        var t = result.Totals;
        var o = summary.Overall;
        long events = t.Passages + t.Stays;
        var output = terminal.Out;
        output.WriteLine();
        var travel = TravelVolumes.Of(t);
        var (y2019, y2022) = (TravelVolumes.Odin2019Mrdh, TravelVolumes.Odin2022Mrdh);
        var area = TravelVolumes.ForAreaType(urbanisationClass);
        var (a2019, a2023) = (area.Odin2019, area.Odin2023);
        output.WriteLine(string.Create(c, $"In {t.Days} days, {t.Residents} residents made {t.Trips} trips."));
        output.WriteLine(string.Create(c,
            $"Travel per resident aged 6+ per day: {travel.TripsPerPersonPerDay:0.00} trips ({travel.WalkShare:P0} on foot, {travel.BikeShare:P0} by bike, {travel.CarShare:P0} by car, {travel.TransitShare:P0} by transit), {travel.WalkedKilometresPerPersonPerDay:0.00} km walked per resident. Dutch travel survey ODiN for residents of {area.Residents} (2019 / 2023): {a2019.TripsPerPersonPerDay:0.00} / {a2023.TripsPerPersonPerDay:0.00} trips ({a2019.WalkShare:P0} / {a2023.WalkShare:P0} on foot, {a2019.BikeShare:P0} / {a2023.BikeShare:P0} by bike, {a2019.CarShare:P0} / {a2023.CarShare:P0} by car, {a2019.TransitShare:P0} / {a2023.TransitShare:P0} by transit), {a2019.WalkedKilometresPerPersonPerDay:0.00} / {a2023.WalkedKilometresPerPersonPerDay:0.00} km walked; for the Rotterdam-The Hague region (2019 / 2022): {y2019.TripsPerPersonPerDay:0.00} / {y2022.TripsPerPersonPerDay:0.00} trips ({y2019.WalkShare:P0} / {y2022.WalkShare:P0} on foot, {y2019.BikeShare:P0} / {y2022.BikeShare:P0} by bike, {y2019.CarShare:P0} / {y2022.CarShare:P0} by car, {y2019.TransitShare:P0} / {y2022.TransitShare:P0} by transit)."));
        output.WriteLine("By distance (share on foot / by bike / by car / by transit): " + string.Join("; ", TravelByDistance.Shares(t.SurveyedTrips, commute: false)
            .Where(d => d.Trips > 0).Select(d => string.Create(c, $"{d.Name} {d.Walk:P0} / {d.Bike:P0} / {d.Car:P0} / {d.Transit:P0}"))) + ". Surveys: "
            + string.Join("; ", TravelByDistance.Survey.Select(s => string.Create(c, $"{(s.Commute ? "commute " : "")}{TravelByDistance.ClassNames[s.Class]} {SurveyShare(s.Walk)} / {SurveyShare(s.Bike)} / {SurveyShare(s.Car)} / {SurveyShare(s.Transit)}")))
            + string.Create(c, $" (the run's commute: {string.Join("; ", TravelByDistance.Shares(t.SurveyedTrips, commute: true).Take(2).Where(d => d.Trips > 0).Select(d => string.Create(c, $"{d.Name} {d.Walk:P0} / {d.Bike:P0} / {d.Car:P0} / {d.Transit:P0}")))})."));
        var motives = TravelByMotive.PerPersonPerDay(t);
        var motiveSurvey = TravelByMotive.SurveyFor(urbanisationClass);
        output.WriteLine((motiveSurvey is { } ms
                ? string.Create(c, $"By motive (trips per person aged 6+ per day; ODiN for residents of {area.Residents}, 2019 / 2023): ")
                : "By motive (trips per person aged 6+ per day): ")
            + string.Join("; ", Enumerable.Range(0, TravelByMotive.Count).Select(m => motiveSurvey is { } survey
                ? string.Create(c, $"{TravelByMotive.Names[m]} {motives[m]:0.00} ({survey.Odin2019[m]:0.00} / {survey.Odin2023[m]:0.00})")
                : string.Create(c, $"{TravelByMotive.Names[m]} {motives[m]:0.00}"))) + ".");
        output.WriteLine(string.Create(c, $"Per resident per day: {o.EncountersPerResidentPerDay:0.0} encounters within social distance (passing), {(double)t.NoticedEncounters * 2 / Math.Max(1, (long)t.Residents * t.Days):0.0} of them noticed, {o.NodsPerResidentPerDay:0.00} nods."));
        output.WriteLine(string.Create(c, $"At the end, per resident: {o.DistinctPeopleMetPerResident:0.0} people noticed, {o.FamiliarStrangersPerResident:0.0} familiar strangers, {o.NoddingContactsPerResident:0.0} nodding contacts, {o.AcquaintancesPerResident:0.00} acquaintances."));
        output.WriteLine(string.Create(c, $"{o.ShareWithoutNoddingContact:P0} of residents have no nodding contact (anonymity risk)."));
        var ages = summary.ByGroup.First(g => g.Trait == "ageBand");
        output.WriteLine("By age band: " + string.Join("; ", ages.Groups.Select(g => string.Create(c, $"{g.Group} {g.Measures.NoddingContactsPerResident:0.0} nodding contacts, {g.Measures.ShareWithoutNoddingContact:P0} without"))));
        output.WriteLine(string.Create(c, $"Speed: {seconds:0.0} s on {threads} thread(s); {events:N0} events (passages + stays), {events / Math.Max(seconds, 1e-9) / threads:N0} events/s per thread, {t.Encounters / Math.Max(seconds, 1e-9):N0} encounters/s."));
        output.WriteLine(string.Create(c, $"Route trees built: {t.TreesBuilt:N0} ({t.TreeCacheBytes / 1048576.0:0} MB cached), hierarchies for visits: {t.HierarchiesBuilt} ({t.HierarchyBytes / 1048576.0:0} MB); familiarity memory {t.FamiliarityBytes / 1048576.0:0.0} MB for {t.Pairs:N0} pairs."));
        output.WriteLine("Time by phase: " + string.Join(", ", result.PhaseSeconds.Select(p => string.Create(c, $"{p.Key.ToString().ToLowerInvariant()} {p.Value:0.00} s"))));
        if (t.UnroutableTrips > 0)
        {
            output.WriteLine(t.UnroutableTrips == 1
                ? "note: 1 trip had no route for its mode and was left out."
                : string.Create(c, $"note: {t.UnroutableTrips} trips had no route for their mode and were left out."));
        }
    }

    private static string SurveyShare(double share) => double.IsNaN(share) ? "-" : share.ToString("P0", CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) => whole == 0 ? "0%" : ((double)part / whole).ToString("P0", CultureInfo.InvariantCulture);

    /// <summary>Prints a progress line a few times per run: day, residents' events so far, speed.</summary>
    private sealed class DayReporter(Terminal terminal, Stopwatch clock) : IProgress<DayProgress>
    {
        /// <summary>The last day simulated to its end, for the line that says where a stopped run got to.</summary>
        public int LastDay { get; private set; }

        public void Report(DayProgress value)
        {
            LastDay = value.Day;
            int every = Math.Max(1, value.Days / 4);
            if (value.Day % every != 0 && value.Day != value.Days)
            {
                return;
            }
            double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  day {value.Day}/{value.Days}: {value.Passages + value.Stays:N0} events, {value.Encounters:N0} encounters, {value.Nods:N0} nods ({(value.Passages + value.Stays) / seconds:N0} events/s)"));
        }
    }
}
