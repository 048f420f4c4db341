using System.CommandLine;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Cli.Inputs;

/// <summary>
/// <c>--data-root DIR</c>, on every command that reads scenarios, and the inputs those commands load them with: the
/// files a scenario names must lie under the data root (by default the nearest folder above the scenario holding
/// <c>scenario.schema.json</c>, else the scenario's own folder), and GeoJSON maps in the systems
/// <see cref="ProjNetCoordinateSystems"/> knows are reprojected.
/// </summary>
internal static class DataRootOption
{
    public const string Name = "--data-root";

    public static Option<string?> Create() => new(Name)
    {
        Description = "The folder every file a scenario names (map, extends, CBS file, observations) must lie in, links followed "
            + "(default: the nearest folder above the scenario holding scenario.schema.json, else the scenario's own folder)",
        HelpName = "DIR",
    };

    /// <summary>The inputs for a data root given on the command line (null: each file's default).</summary>
    public static ScenarioInputs Inputs(string? dataRoot) => new()
    {
        DataRoot = dataRoot,
        WiderRoot = $"give {Name} DIR with a folder that holds it",
        CoordinateSystems = ProjNetCoordinateSystems.Instance,
    };

    /// <summary>Runs <paramref name="command"/> with the inputs of <paramref name="dataRoot"/>, or refuses a data root that is no folder.</summary>
    public static int Run(Terminal terminal, string? dataRoot, Func<ScenarioInputs, int> command)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(command);
        if (dataRoot is not null && !Directory.Exists(dataRoot))
        {
            terminal.Error.WriteLine($"error: {Name}: '{dataRoot}' is not a folder (give the folder the scenario's files lie in)");
            return TwinApp.UserError;
        }
        return command(Inputs(dataRoot));
    }
}
