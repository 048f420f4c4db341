using System.Globalization;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions;

/// <summary>
/// A change to the baseline's network, places or people, applied in file order. Each type is one file in Types/:
/// its record, its scenario-file format (<see cref="InterventionType"/>: type name, fields, reader) and what it does
/// to the data (<see cref="Apply"/>); <see cref="InterventionRegistry"/> lists them. <see cref="TypeName"/> is the
/// scenario file's <c>"type"</c>.
/// </summary>
public abstract record Intervention
{
    public abstract string TypeName { get; }

    /// <summary>Where the entry is written (file, <c>$.interventions[i]</c>, line).</summary>
    public required SourceLocation Origin { get; init; }

    /// <summary>The designer's own words for this change, shown in reports.</summary>
    public string Note { get; init; } = string.Empty;

    /// <summary>The street addresses this intervention uses, for validation against a map.</summary>
    public virtual IEnumerable<StreetAddress> Addresses => [];

    /// <summary>Points that must lie near a street of the map (new places, benches, housing).</summary>
    public virtual IEnumerable<(LonLat Point, string Field)> Points => [];

    /// <summary>
    /// Problems with what the intervention refers to on the map beyond street addresses and points (a place name that
    /// is not on the map, observations outside it); checked with the addresses before anything applies.
    /// </summary>
    public virtual IEnumerable<InputProblem> MapProblems(Neighbourhood neighbourhood) => [];

    /// <summary>
    /// Changes the data being built and says what changed. Only what the intervention addresses changes: street
    /// attributes through the network's builder, places and homes as new records, behaviour through named parameters.
    /// </summary>
    internal abstract InterventionEffect Apply(NeighbourhoodDraft draft);

    private protected static CultureInfo C => CultureInfo.InvariantCulture;

    private protected InterventionEffect Effect(string summary, int segments = 0, int added = 0, int removed = 0,
        int dwellings = 0, IReadOnlyList<string>? parameters = null) =>
        new(TypeName, Note, summary, segments, added, removed, dwellings, parameters ?? []);

    /// <summary>An address in the words of an effect's summary.</summary>
    private protected static string Describe(StreetAddress address) => address switch
    {
        StreetByName byName => byName.Name,
        StreetByOsmWayIds ids => string.Create(C, $"{ids.OsmWayIds.Count} OSM way(s)"),
        StreetByPolygon => "the streets in the drawn area",
        StreetByPoint point => string.Create(C, $"the streets within {point.RadiusMetres:0} m of the point"),
        _ => "the addressed streets",
    };
}
