using System.Collections.Frozen;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// The field names of every object in a scenario file, by shape. The loader rejects any other field and may only
/// read fields listed here; the published schema (scenarios/scenario.schema.json) has one <c>$defs</c> entry per
/// shape with the same names, and a test holds the two together.
/// </summary>
public static class ScenarioFormat
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
            "replications", "parameters", "interventions",
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
        [PlaceShape] = ["kind", "name", "capacity", "openingHours"],
        [InterventionShape(WidenPavement.Type)] = [.. InterventionCommon, "streets", "widthMetres", "addMetres"],
        [InterventionShape(AddBenches.Type)] = [.. InterventionCommon, "streets", "spacingMetres", "points", "seatsPerBench"],
        [InterventionShape(RemoveBenches.Type)] = [.. InterventionCommon, "streets"],
        [InterventionShape(MixedUse.Type)] = [.. InterventionCommon, "streets", "activeFrontage", "places"],
        [InterventionShape(CarFree.Type)] = [.. InterventionCommon, "streets", "allowBikes"],
        [InterventionShape(LowTraffic.Type)] = [.. InterventionCommon, "streets", "speedLimitKmh", "trafficFactor"],
        [InterventionShape(Stomp.Type)] =
        [
            .. InterventionCommon, "streets", "walkCostFactor", "bikeCostFactor", "carCostFactor",
            "crossingPenaltyFactor", "carTrafficFactor", "parkingAtEdge",
        ],
        [InterventionShape(StreetLighting.Type)] = [.. InterventionCommon, "streets", "lux"],
        [InterventionShape(GreenSpace.Type)] = [.. InterventionCommon, "polygon", "name", "benches", "seatsPerBench"],
        [InterventionShape(DelftStoep.Type)] = [.. InterventionCommon, "streets", "depthMetres", "participationShare"],
        [InterventionShape(RemoveBarrier.Type)] = [.. InterventionCommon, "streets", "modes"],
        [InterventionShape(AddCrossing.Type)] = [.. InterventionCommon, "streets", "kind"],
        [InterventionShape(NewPlace.Type)] = [.. InterventionCommon, "point", "kind", "name", "capacity", "openingHours"],
        [InterventionShape(NewHousing.Type)] = [.. InterventionCommon, "point", "dwellings", "householdSize"],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
