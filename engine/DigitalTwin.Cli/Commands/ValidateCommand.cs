using System.CommandLine;
using System.Globalization;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>twin validate &lt;scenario&gt;</c>: checks a scenario file (and its map, when an importer is wired) and reports every problem.</summary>
public static class ValidateCommand
{
    public static Command Create(Terminal terminal, MapServices? maps)
    {
        var scenarioArgument = new Argument<string>("scenario") { Description = "The scenario file (.json)" };
        var dataRoot = DataRootOption.Create();
        var command = new Command("validate", "Check a scenario file and report every problem at once")
        {
            scenarioArgument, dataRoot,
        };
        command.SetAction(parse => DataRootOption.Run(terminal, parse.GetValue(dataRoot), inputs => Execute(terminal, maps, parse.GetValue(scenarioArgument)!, inputs)));
        return command;
    }

    internal static int Execute(Terminal terminal, MapServices? maps, string path, ScenarioInputs inputs)
    {
        InputResult<Scenario> loaded = ScenarioLoader.Load(path, inputs);
        if (!loaded.Succeeded)
        {
            terminal.WriteProblems(loaded.Problems);
            terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {loaded.Problems.Count} problem(s)"));
            return TwinApp.UserError;
        }
        Scenario scenario = loaded.Unwrap();
        string mapLine;
        if (maps is null)
        {
            mapLine = "map: file present (this build checks street addresses only where a map importer is wired in)";
        }
        else
        {
            InputResult<ImportedMap> imported = maps.Import(scenario.MapPath, MapLoading.ForScenario(scenario));
            IReadOnlyList<InputProblem> problems = imported.Succeeded
                ? ValidateAgainstMap(scenario, imported.Unwrap().Neighbourhood)
                : imported.Problems;
            if (problems.Count > 0)
            {
                terminal.WriteProblems(problems);
                terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {problems.Count} problem(s)"));
                return TwinApp.UserError;
            }
            mapLine = string.Create(CultureInfo.InvariantCulture,
                $"map: {imported.Unwrap().Neighbourhood.Network.SegmentCount} segments; every street address resolves; the residents find homes");
        }
        PopulationSpec population = scenario.Population;
        terminal.Out.WriteLine($"ok: {path}: \"{scenario.Name}\"");
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {scenario.Days} days, seed {scenario.Seed}, {scenario.Replications} replication(s)"));
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  population: {population.Profile.Residents} residents in {population.Profile.EffectiveHouseholds} households ({population.Describe()})"));
        string extends = scenario.ExtendsChain.Count > 0
            ? ", extends " + string.Join(" <- ", scenario.ExtendsChain.Select(Path.GetFileName))
            : string.Empty;
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {scenario.ParameterOverrides.Count} parameter override(s), {scenario.Interventions.Count} intervention(s){extends}"));
        terminal.Out.WriteLine("  " + mapLine);
        return TwinApp.Success;
    }

    /// <summary>
    /// What <c>twin run</c> would stop on before simulating, checked the same way: street addresses, then the
    /// population synthesised into the homes of the map as the interventions leave it (no homes, no residents), so a
    /// scenario that validates does not fail in a run.
    /// </summary>
    private static IReadOnlyList<InputProblem> ValidateAgainstMap(Scenario scenario, Neighbourhood neighbourhood)
    {
        var problems = ScenarioValidator.ValidateAgainstMap(scenario, neighbourhood);
        if (problems.Count > 0)
        {
            return problems;
        }
        return ScenarioValidator.ValidatePopulation(scenario, neighbourhood);
    }
}
