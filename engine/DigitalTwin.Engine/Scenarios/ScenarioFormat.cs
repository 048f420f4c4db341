using System.Collections.Frozen;
using DigitalTwin.Engine.Interventions;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// The field names of every object in a scenario file, by shape. The loader rejects any other field and may only
/// read fields listed here; the published schema (scenarios/scenario.schema.json) has one <c>$defs</c> entry per
/// shape with the same names, and a test holds the two together. Places and interventions take their fields from
/// <see cref="PlaceSpec"/> and <see cref="InterventionRegistry"/>.
/// </summary>
internal static class ScenarioFormat
{
    public const string ScenarioShape = "scenario";
    public const string PopulationShape = "population";
    public const string CbsPopulationShape = "cbsPopulation";
    public const string ExplicitPopulationShape = "explicitPopulation";
    public const string AgeSharesShape = "ageShares";
    public const string BackgroundSharesShape = "backgroundShares";
    public const string EducationSharesShape = "educationShares";
    public const string StreetAddressShape = "streetAddress";
    public const string PlaceShape = "place";

    /// <summary>The schema <c>$defs</c> name of an intervention type's shape.</summary>
    public static string InterventionShape(string type) => "intervention-" + type;

    private static readonly string[] InterventionCommon = ["type", "note"];

    public static FrozenDictionary<string, FrozenSet<string>> Shapes { get; } = new Dictionary<string, string[]>
    {
        [ScenarioShape] =
        [
            "$schema", "name", "description", "extends", "map", "boundingPolygon", "population", "days", "seed",
            "replications", "parameters", "interventions", "observations",
        ],
        [PopulationShape] = ["cbs", "explicit"],
        [CbsPopulationShape] = ["file", "gwbCode", "scale"],
        [ExplicitPopulationShape] =
        [
            "residents", "households", "averageHouseholdSize", "ageShares", "womenShare", "singlePersonHouseholdShare",
            "householdsWithChildrenShare", "ownerOccupiedShare", "background", "education", "labourParticipation",
        ],
        [AgeSharesShape] = ["age0To14", "age15To24", "age25To44", "age45To64", "age65Plus"],
        [BackgroundSharesShape] = ["dutch", "european", "nonEuropean"],
        [EducationSharesShape] = ["low", "middle", "high"],
        [StreetAddressShape] = ["name", "osmWayIds", "polygon", "point", "radiusMetres"],
        [PlaceShape] = [.. PlaceSpec.Fields.Select(f => f.Name)],
    }
    .Concat(InterventionRegistry.Types.Select(t => KeyValuePair.Create(InterventionShape(t.Name), (string[])[.. InterventionCommon, .. t.Fields.Select(f => f.Name)])))
    .ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
