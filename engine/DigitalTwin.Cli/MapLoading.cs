using System.Globalization;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;

namespace DigitalTwin.Cli;

/// <summary>A map as the importer hands it to the command line: the neighbourhood and its import report.</summary>
/// <param name="ReportLines">What the importer kept and dropped, one readable line each.</param>
public sealed record ImportedMap(Neighbourhood Neighbourhood, IReadOnlyList<string> ReportLines);

/// <summary>
/// The seam between the command line and the map importer: how a map file becomes a <see cref="Neighbourhood"/>
/// and how a neighbourhood is exported to GeoJSON. Tests pass their own; <see cref="Services"/> is the real one.
/// </summary>
public sealed record MapServices(
    Func<string, MapLoadOptions?, InputResult<ImportedMap>> Import,
    Func<Neighbourhood, string, IReadOnlyList<InputProblem>> ExportGeoJson);

public static class MapLoading
{
    /// <summary>The OSM/GeoJSON importer and the GeoJSON exporter of the engine.</summary>
    public static MapServices Services { get; } = new(Import, Export);

    /// <summary>Import options for a scenario's map: its boundary, so every command sees the map the run sees.</summary>
    public static MapLoadOptions ForScenario(Engine.Scenarios.Scenario scenario) => new()
    {
        BoundingPolygon = scenario.BoundingPolygon?.Select(p => (p.Longitude, p.Latitude)).ToArray(),
        CoordinateSystems = scenario.Inputs.CoordinateSystems,
    };

    private static InputResult<ImportedMap> Import(string path, MapLoadOptions? options)
    {
        var loaded = MapLoader.Load(path, options);
        return loaded.Succeeded
            ? InputResult<ImportedMap>.Success(new ImportedMap(loaded.Unwrap().Neighbourhood, ReportLines(loaded.Unwrap().Report)))
            : InputResult<ImportedMap>.Failure(loaded.Problems);
    }

    private static IReadOnlyList<InputProblem> Export(Neighbourhood neighbourhood, string path) =>
        GeoJsonExporter.WriteNeighbourhood(neighbourhood, path, null).Problems;

    /// <summary>The import report as lines a designer reads: what was kept, what was dropped and why.</summary>
    public static IReadOnlyList<string> ReportLines(ImportReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"highway ways read: {report.HighwayWaysRead}"),
            string.Create(c, $"dropped (motorway, construction, closed to everyone): {report.DroppedNotForPeopleWays} ways, {report.DroppedNotForPeopleKilometres:0.0} km"),
            string.Create(c, $"dropped, cut off at the map's edge: {report.DroppedIncompleteWays} ways"),
            string.Create(c, $"dropped, not connected to the main walkable network: {report.DroppedIslandSegments} segments, {report.DroppedIslandKilometres:0.00} km"),
        };
        if (report.DroppedOutsideBoundarySegments > 0)
        {
            lines.Add(string.Create(c, $"dropped, outside the scenario's boundary: {report.DroppedOutsideBoundarySegments} segments"));
        }
        lines.Add(string.Create(c, $"places dropped (outside, or too far from a walkable street): {report.PlacesDropped}; transit stops merged: {report.TransitStopsMerged}"));
        lines.Add(string.Create(c, $"homes found in: {report.ResidentialBuildings} residential buildings and {report.AddressPoints} address points ({report.AddressPointsNotHomes} addresses are businesses, {report.HomesDropped} homes too far from a street)"));
        return lines;
    }
}
