using DigitalTwin.Engine;

namespace DigitalTwin.Cli;

/// <summary>A map as the importer hands it to the command line: the neighbourhood and its import report.</summary>
/// <param name="ReportLines">What the importer kept and dropped, one readable line each.</param>
public sealed record ImportedMap(Neighbourhood Neighbourhood, IReadOnlyList<string> ReportLines);

/// <summary>
/// The seam between the command line and the map importer: how a map file becomes a <see cref="Neighbourhood"/>
/// and how a neighbourhood is exported to GeoJSON. Tests pass their own; <see cref="Services"/> is what
/// <see cref="Program"/> uses.
/// </summary>
public sealed record MapServices(
    Func<string, InputResult<ImportedMap>> Import,
    Action<Neighbourhood, string> ExportGeoJson);

public static class MapLoading
{
    /// <summary>
    /// The importer this build wires in, or null while the OSM importer (MapLoader.Load) is not part of the build:
    /// then <c>twin validate</c> checks the scenario file alone and <c>twin network</c> says it cannot import.
    /// </summary>
    public static MapServices? Services => null;
}
