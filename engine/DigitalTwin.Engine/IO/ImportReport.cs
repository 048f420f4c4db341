using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine.IO;

/// <summary>
/// What a map import read, kept and dropped, and why. Dictionaries are sorted by key so that printing them is
/// deterministic. Import wall time is measured by the caller (the engine has no clock).
/// </summary>
public sealed record ImportReport
{
    /// <summary>Ways with a highway=* tag that were read.</summary>
    public int HighwayWaysRead { get; init; }

    /// <summary>Highway ways read, by their highway=* value.</summary>
    public IReadOnlyDictionary<string, int> WaysByHighway { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    public int NodesKept { get; init; }

    public int SegmentsKept { get; init; }

    public double KilometresKept { get; init; }

    /// <summary>Kilometres kept, by highway=* kind (export name, e.g. "living_street").</summary>
    public IReadOnlyDictionary<string, double> KilometresByHighway { get; init; } = new SortedDictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Kilometres kept that the mode may use in at least one direction: "walk", "bike", "car".</summary>
    public IReadOnlyDictionary<string, double> KilometresByMode { get; init; } = new SortedDictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Highway ways that are not streets for people (motorway, construction, closed to walk and bike).</summary>
    public int DroppedNotForPeopleWays { get; init; }

    public double DroppedNotForPeopleKilometres { get; init; }

    /// <summary>Highway ways whose nodes were missing from the file (cut at the extract's edge).</summary>
    public int DroppedIncompleteWays { get; init; }

    /// <summary>Segments outside the optional bounding polygon (midpoint test).</summary>
    public int DroppedOutsideBoundarySegments { get; init; }

    /// <summary>Walkable/cyclable segments not connected to the largest connected part.</summary>
    public int DroppedIslandSegments { get; init; }

    public double DroppedIslandKilometres { get; init; }

    public IReadOnlyDictionary<PlaceKind, int> PlacesByKind { get; init; } = new SortedDictionary<PlaceKind, int>();

    public int PlacesKept { get; init; }

    /// <summary>Places outside the boundary or too far from any walkable segment.</summary>
    public int PlacesDropped { get; init; }

    /// <summary>Transit stops merged into one because they share a name within the merge distance.</summary>
    public int TransitStopsMerged { get; init; }

    public int Homes { get; init; }

    public int Dwellings { get; init; }

    /// <summary>Residential buildings found (before snapping).</summary>
    public int ResidentialBuildings { get; init; }

    /// <summary>Address points (addr:housenumber on nodes) read.</summary>
    public int AddressPoints { get; init; }

    /// <summary>Address points inside a residential building, counted as that building's dwellings.</summary>
    public int AddressPointsInsideResidentialBuildings { get; init; }

    /// <summary>Address points that are businesses or inside a non-residential building: not homes.</summary>
    public int AddressPointsNotHomes { get; init; }

    /// <summary>Homes outside the boundary or too far from any walkable segment.</summary>
    public int HomesDropped { get; init; }
}
