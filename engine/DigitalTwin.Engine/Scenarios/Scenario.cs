using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>A position in WGS84 degrees, as scenario files and GeoJSON write it: [longitude, latitude].</summary>
public readonly record struct LonLat(double Longitude, double Latitude);

/// <summary>Where in which file a value came from, so later stages (map validation) can point at it.</summary>
public readonly record struct SourceLocation(string File, string Path, int Line)
{
    /// <summary>The field text of an <see cref="InputProblem"/>: the JSON path and its line.</summary>
    public string Field => Line > 0 ? $"{Path} (line {Line})" : Path;

    public InputProblem Problem(string message, string? suggestion = null) => new(File, Field, message, suggestion);
}

/// <summary>
/// One loaded scenario with every <c>extends</c> resolved: what map, which people, how long, which model
/// parameters and which interventions (in the order they apply). Immutable; paths are absolute.
/// </summary>
public sealed record Scenario
{
    /// <summary>The days a run covers when a scenario does not say (MODEL.md: familiarity builds over weeks).</summary>
    public const int DefaultDays = 28;

    public const int DefaultReplications = 1;

    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>The scenario file this was loaded from (absolute).</summary>
    public required string SourceFile { get; init; }

    /// <summary>The scenario files it extends, nearest parent first (absolute).</summary>
    public IReadOnlyList<string> ExtendsChain { get; init; } = [];

    /// <summary>The map (.osm.pbf, .osm or .geojson), absolute.</summary>
    public required string MapPath { get; init; }

    /// <summary>
    /// Residents' observations to draw beside the simulation (docs/observations.md), absolute, or null. Only a layer:
    /// they change the model only through a <c>perceived-quality</c> intervention.
    /// </summary>
    public string? ObservationsPath { get; init; }

    /// <summary>Optional area to keep from the map, as a closed or open ring of lon/lat points.</summary>
    public IReadOnlyList<LonLat>? BoundingPolygon { get; init; }

    /// <summary>The population profile (already scaled), its source (CBS row or explicit) and where it was written.</summary>
    public required PopulationSpec Population { get; init; }

    public int Days { get; init; } = DefaultDays;

    public ulong Seed { get; init; }

    public int Replications { get; init; } = DefaultReplications;

    /// <summary>
    /// The parameter values the run uses: <see cref="SimulationParameters.Default"/> with <see cref="ParameterOverrides"/>
    /// applied. The population step reads <see cref="SimulationParameters.Population"/>, the simulator the rest.
    /// </summary>
    public SimulationParameters Parameters { get; init; } = SimulationParameters.Default;

    /// <summary>The overrides as written (merged over <c>extends</c>), by scenario name, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> ParameterOverrides { get; init; } = [];

    /// <summary>Parent interventions first, then this file's, each in file order.</summary>
    public IReadOnlyList<Intervention> Interventions { get; init; } = [];

    /// <summary>
    /// What it was loaded under, its data root resolved: whatever reads files for it later (its map, with the
    /// coordinate systems given; a parent the viewer reloads) does so under the same rules.
    /// </summary>
    public ScenarioInputs Inputs { get; init; } = ScenarioInputs.Default;
}
