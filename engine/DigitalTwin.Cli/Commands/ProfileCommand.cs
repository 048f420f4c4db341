using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Cli.Reports;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Profile;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>twin profile &lt;scenario&gt; [variant…]</c>: step 1 of TNO's method before any simulation: who lives in the
/// neighbourhood (CBS, beside municipality and country) and a start map of the street features that help or hinder
/// meeting neighbours, with variants before and after. Writes profile.md, profile.html, profile.json and GeoJSON layers.
/// </summary>
public static class ProfileCommand
{
    public static Command Create(Terminal terminal, Interruption interruption)
    {
        var scenarioArgument = new Argument<string>("scenario") { Description = "The scenario file (.json)" };
        var variantsArgument = new Argument<string[]>("variants") { Description = "Variant scenario files: every start-map figure before and after", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out") { Description = "Report folder (default: out/profile-<scenario name>)", HelpName = "DIR" };
        var observations = new Option<string?>("--observations") { Description = "Residents' observations (.csv or .geojson, docs/observations.md); default: the scenario's \"observations\"", HelpName = "FILE" };
        var run = new Option<string?>("--run") { Description = "A `twin run` of the scenario (folder or run.msgpack): set the observations against its simulated meetings", HelpName = "RUN" };
        var dataRoot = DataRootOption.Create();
        var command = new Command("profile", "Profile a neighbourhood: who lives there (CBS), a start map of what helps or hinders meeting, and residents' observations (against a run with --run); writes profile.md, profile.html, profile.json, GeoJSON layers and a GeoPackage")
        {
            scenarioArgument, variantsArgument, output, observations, run, dataRoot,
        };
        command.SetAction(parse => DataRootOption.Run(terminal, parse.GetValue(dataRoot), inputs => Execute(terminal, interruption, parse.GetValue(scenarioArgument)!, parse.GetValue(variantsArgument) ?? [], parse.GetValue(output),
            inputs, parse.GetValue(observations), parse.GetValue(run))));
        return command;
    }

    internal static int Execute(Terminal terminal, Interruption interruption, string scenarioPath, IReadOnlyList<string> variantPaths, string? outputFolder,
        ScenarioInputs inputs, string? observationsPath = null, string? runPath = null)
    {
        interruption.Listen();
        var c = CultureInfo.InvariantCulture;
        var clock = Stopwatch.StartNew();
        var paths = new[] { scenarioPath }.Concat(variantPaths).ToArray();
        var scenarios = new List<Scenario>();
        var problems = new List<InputProblem>();
        foreach (string path in paths)
        {
            var loaded = ScenarioLoader.Load(path, inputs);
            if (loaded.Succeeded)
            {
                scenarios.Add(loaded.Unwrap());
            }
            else
            {
                problems.AddRange(loaded.Problems);
            }
        }
        if (problems.Count > 0)
        {
            terminal.WriteProblems(problems);
            return TwinApp.UserError;
        }
        var slugs = CompareCommand.Slugs(scenarios);
        string folder = outputFolder ?? Path.Combine("out", "profile-" + slugs[0]);
        var opened = OutputFolder.Open(folder, ProfileReport.IsProfileOutput);
        if (!opened.Succeeded)
        {
            terminal.WriteProblems(opened.Problems);
            return TwinApp.UserError;
        }
        var output = opened.Unwrap();

        var profiled = new List<ProfiledScenario>();
        PopulationProfile? population = null;
        for (int s = 0; s < scenarios.Count; s++)
        {
            // The map, the interventions and the residents, exactly as a run would have them.
            var prepared = PreparedScenario.Prepare(scenarios[s]);
            if (!prepared.Succeeded)
            {
                problems.AddRange(prepared.Problems);
                continue;
            }
            var world = prepared.Unwrap();
            var start = StartMap.Compute(world.Neighbourhood, world.Residents.Count, crossSection: world.Parameters.CrossSection);
            profiled.Add(new ProfiledScenario(scenarios[s].Name, paths[s], slugs[s], world.Residents.Count, world.Neighbourhood, start));
            if (s == 0)
            {
                var profile = PopulationProfile.For(scenarios[s], world.Residents);
                if (!profile.Succeeded)
                {
                    problems.AddRange(profile.Problems);
                    continue;
                }
                population = profile.Unwrap();
            }
            if (interruption.Requested)
            {
                terminal.Error.WriteLine($"cancelled ({interruption.Cause}): nothing was written; {output.Display} is untouched");
                return interruption.ExitCode;
            }
        }
        if (problems.Count > 0)
        {
            terminal.WriteProblems(problems);
            return TwinApp.UserError;
        }
        var observed = Observations(terminal, scenarios[0], profiled[0], observationsPath, runPath, out var run);
        if (observed.Failed)
        {
            return TwinApp.UserError;
        }
        var report = new ProfileReport(profiled[0], profiled.Skip(1).ToList(), population!, EngineInfo.Version) { Observations = observed.Value };
        var maps = ProfileMaps.Draw(profiled[0], out string? mapNote, observed.Value?.Located.Select(l => l.Observation).ToList(), run);
        using (var staging = output.Stage())
        {
            var writeProblems = report.WriteAll(staging.Path, maps, mapNote);
            if (writeProblems.Count > 0)
            {
                terminal.Error.WriteLine($"error: {output.InOutput(writeProblems[0], staging)}; the profile in {output.Display} is untouched");
                return TwinApp.UserError;
            }
            if (interruption.Requested)
            {
                terminal.Error.WriteLine($"cancelled ({interruption.Cause}): the profile was not moved into place; {output.Display} is untouched");
                return interruption.ExitCode;
            }
            staging.Commit();
        }
        var map = profiled[0].StartMap;
        string Shown(string key) => map.Find(key) is { } i ? ProfileReport.Figure(i.Value, i.Unit, "not assessed") : "-";
        terminal.Out.WriteLine($"{profiled[0].Name}: {profiled[0].Residents:N0} residents; {Shown("walkableStreetKm")} of walkable street, "
            + $"{Shown("narrowPavementShare")} of it with narrow pavement, {Shown("litShare")} lit, {(map.Find("benchesPerKm")?.Value is { } perKm ? perKm.ToString("0.00", c) : "-")} benches per km; "
            + string.Create(c, $"{Shown($"homesWithin{map.Parameters.NearMetres:0}mAny")} of homes within {map.Parameters.NearMetres:0} m walk of a third place; ")
            + $"{Shown("waterBarrierKm")} of water barrier with {Shown("waterCrossings")} crossings, {Shown("railBarrierKm")} of rail with {Shown("railCrossings")}");
        if (observed.Value is { } o)
        {
            var k = o.Comparison;
            terminal.Out.WriteLine(string.Create(c, $"{o.Located.Count:N0} observations from {o.Display}: ")
                + (o.Run is null
                    ? "no run given (--run), so only barriers are compared; "
                    : string.Create(c, $"{k.QuietValuedSpots.Count} of {k.ValuedCount} valued where few meet, {k.UnvaluedBusySpots.Count} busy meeting spots nobody values, "))
                + string.Create(c, $"{k.UnmappedBarriers.Count} of {k.BarrierCount} barriers not on the map"));
        }
        if (mapNote is not null)
        {
            terminal.Error.WriteLine($"note: {mapNote}");
        }
        terminal.Out.WriteLine(string.Create(c,
            $"wrote {Path.Combine(output.Display, ProfileReport.MarkdownFile)}, {ProfileReport.HtmlFile}, {ProfileReport.JsonFile}, {ProfileReport.GeoPackageFile}, GeoJSON layers{(maps.Count > 0 ? $" and {maps.Count} maps" : string.Empty)} in {clock.Elapsed.TotalSeconds:0.0} s"));
        return TwinApp.Success;
    }

    /// <summary>
    /// The residents' observations for the profile (from --observations, else the scenario's), placed on the map and,
    /// with a run, set against its simulated meetings; Value null when there are none. Prints the problems and fails
    /// when the file or the run cannot be used.
    /// </summary>
    private static (bool Failed, ProfileObservations? Value) Observations(Terminal terminal, Scenario scenario, ProfiledScenario profiled,
        string? observationsOption, string? runPath, out RunFile? run)
    {
        run = null;
        string? path = observationsOption ?? scenario.ObservationsPath;
        if (path is null)
        {
            if (runPath is not null)
            {
                terminal.Error.WriteLine("error: --run sets residents' observations against a simulation, and there are none: give --observations FILE, or name \"observations\" in the scenario");
                return (true, null);
            }
            return (false, null);
        }
        string display = observationsOption ?? Display(path);
        var neighbourhood = profiled.Neighbourhood;
        var loaded = ObservationLoader.Load(path, display, MapArea.Of(neighbourhood.Network));
        if (!loaded.Succeeded)
        {
            terminal.WriteProblems(loaded.Problems);
            return (true, null);
        }
        var located = ObservationLocator.Locate(loaded.Unwrap(), neighbourhood);
        if (!located.Succeeded)
        {
            terminal.WriteProblems(located.Problems);
            return (true, null);
        }
        ProfileRun? profileRun = null;
        if (runPath is not null)
        {
            run = RenderCommand.ReadRun(terminal, runPath);
            if (run is null)
            {
                return (true, null);
            }
            // The counts are per segment and place of the run's map: a run of another scenario or map would put
            // them on the wrong streets. The content hash covers the scenario, what it extends and its map.
            string expected = PreparedScenario.ContentHash(scenario);
            if (run.ScenarioHash != expected || run.SegmentCount != neighbourhood.Network.SegmentCount || run.PlaceCount != neighbourhood.Places.Count)
            {
                terminal.Error.WriteLine($"error: --run: {runPath} is a run of '{run.ScenarioName}' made from other inputs than {Display(scenario.SourceFile)} "
                    + "(the scenario, a file it extends, its map or an observations file its interventions read has changed since, or it is another scenario)");
                terminal.Error.WriteLine($"  run the scenario again: twin run {Display(scenario.SourceFile)} --out <folder>, then profile with --run <folder>");
                run = null;
                return (true, null);
            }
            profileRun = new ProfileRun(runPath, run.ScenarioName, run.Days, SimulatedMeetings.FromRun(run));
        }
        var list = located.Unwrap();
        var comparison = ObservationComparison.Compute(list, neighbourhood, profiled.StartMap.Segments.Walkable, profiled.StartMap.Segments.Busy, profileRun?.Meetings);
        return (false, new ProfileObservations(display, list, comparison, profileRun));
    }

    private static string Display(string fullPath)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
