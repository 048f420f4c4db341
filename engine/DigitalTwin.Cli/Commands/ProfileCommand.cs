using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Cli.Reports;
using DigitalTwin.Engine;
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
        var command = new Command("profile", "Profile a neighbourhood before simulating: who lives there (CBS) and a start map of what helps or hinders meeting; writes profile.md, profile.html, profile.json and GeoJSON layers")
        {
            scenarioArgument, variantsArgument, output,
        };
        command.SetAction(parse => Execute(terminal, interruption, parse.GetValue(scenarioArgument)!, parse.GetValue(variantsArgument) ?? [], parse.GetValue(output)));
        return command;
    }

    internal static int Execute(Terminal terminal, Interruption interruption, string scenarioPath, IReadOnlyList<string> variantPaths, string? outputFolder)
    {
        interruption.Listen();
        var c = CultureInfo.InvariantCulture;
        var clock = Stopwatch.StartNew();
        var paths = new[] { scenarioPath }.Concat(variantPaths).ToArray();
        var scenarios = new List<Scenario>();
        var problems = new List<InputProblem>();
        foreach (string path in paths)
        {
            var loaded = ScenarioLoader.Load(path);
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
        var report = new ProfileReport(profiled[0], profiled.Skip(1).ToList(), population!, EngineInfo.Version);
        var maps = ProfileMaps.Draw(profiled[0], out string? mapNote);
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
            + string.Create(c, $"{Shown($"homesWithin{map.Parameters.NearMetres:0}mAny")} of homes within {map.Parameters.NearMetres:0} m walk of a third place"));
        if (mapNote is not null)
        {
            terminal.Error.WriteLine($"note: {mapNote}");
        }
        terminal.Out.WriteLine(string.Create(c,
            $"wrote {Path.Combine(output.Display, ProfileReport.MarkdownFile)}, {ProfileReport.HtmlFile}, {ProfileReport.JsonFile}, {ProfileReport.StreetsFile}, {ProfileReport.HomesFile}{(maps.Count > 0 ? $" and {maps.Count} maps" : string.Empty)} in {clock.Elapsed.TotalSeconds:0.0} s"));
        return TwinApp.Success;
    }
}
