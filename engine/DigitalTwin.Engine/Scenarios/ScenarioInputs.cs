using DigitalTwin.Engine.IO;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// How the files a scenario names are reached and read. Every path in a scenario, in the scenarios it extends and in
/// a sweep file (<c>map</c>, <c>extends</c>, <c>population.cbs.file</c>, <c>observations</c>, a
/// <c>perceived-quality</c> intervention's <c>observations</c>, a sweep's <c>scenarios</c>) must resolve, symbolic
/// links followed, inside <see cref="DataRoot"/>; a loaded <see cref="Scenario"/> keeps the root it was loaded with, so
/// whatever reads for it later (its map, a parent the viewer reloads) reads under the same rules.
/// </summary>
public sealed record ScenarioInputs
{
    /// <summary>
    /// The folder the named files must lie in. Null: <see cref="IO.DataRoot.Of"/> the file being loaded (the
    /// nearest folder above it with <c>scenario.schema.json</c>, else its own folder).
    /// </summary>
    public string? DataRoot { get; init; }

    /// <summary>
    /// What a user whose scenario names a file outside the root can do besides moving the file, in the words of the
    /// program that loads it (the command line: its <c>--data-root</c> option).
    /// </summary>
    public string WiderRoot { get; init; } = "load it with a ScenarioInputs.DataRoot that holds the file";

    /// <summary>
    /// The coordinate systems a GeoJSON map may be written in besides WGS84, reprojected on import; null: WGS84 only,
    /// any other is refused naming it. The engine has no projection library; the command line brings one.
    /// </summary>
    public ICoordinateSystems? CoordinateSystems { get; init; }

    public static ScenarioInputs Default { get; } = new();
}
