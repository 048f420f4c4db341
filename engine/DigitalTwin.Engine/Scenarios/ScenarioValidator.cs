using System.Globalization;
using DigitalTwin.Engine.Interventions;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// Checks a loaded scenario against its map: every street address must select at least one segment (unknown names
/// get the nearest names of the map as suggestions, unknown OSM way ids are listed) and every point must lie near
/// a street.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>A point further than this from any street is outside the mapped area or has its coordinates swapped.</summary>
    public const double MaxPointDistanceMetres = 250;

    /// <summary>
    /// The scenario's population synthesised into the homes of the map as its interventions leave it, as a run does,
    /// so a scenario that validates does not fail in a run (a map without homes, more residents than dwellings allow).
    /// </summary>
    public static IReadOnlyList<InputProblem> ValidatePopulation(Scenario scenario, Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var applied = InterventionApplier.Apply(neighbourhood, scenario.Parameters, scenario.Interventions);
        var residents = ScenarioPopulation.Synthesise(scenario, applied.Neighbourhood.Homes, applied.ExtraResidents, applied.FirstAddedHome);
        return residents.Succeeded ? [] : residents.Problems;
    }

    public static IReadOnlyList<InputProblem> ValidateAgainstMap(Scenario scenario, Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var problems = new List<InputProblem>();
        Network.StreetNetwork network = neighbourhood.Network;
        if (scenario.ObservationsPath is { } observations)
        {
            var loaded = Observations.ObservationLoader.Load(observations);
            problems.AddRange(loaded.Succeeded ? Observations.ObservationLocator.Locate(loaded.Unwrap(), neighbourhood).Problems : loaded.Problems);
        }
        foreach (Intervention intervention in scenario.Interventions)
        {
            foreach (StreetAddress address in intervention.Addresses)
            {
                if (address is StreetByOsmWayIds byIds && StreetSelector.MissingWayIds(byIds, network) is { Length: > 0 } missing)
                {
                    problems.Add(address.Origin.Problem($"OSM way {string.Join(", ", missing)} is not a street of the map",
                        "use ids of highway ways inside the map's area"));
                    continue;
                }
                if (StreetSelector.Resolve(address, network).Length > 0)
                {
                    continue;
                }
                problems.Add(address switch
                {
                    StreetByName byName => address.Origin.Problem($"no street named '{byName.Name}' in the map",
                        Suggestions.DidYouMean(byName.Name, network.Names.ToArray()) ?? "names are OSM name=* values; check the spelling"),
                    StreetByPolygon => address.Origin.Problem("the polygon contains no street of the map",
                        "points are [longitude, latitude]; check that the polygon lies inside the map's area"),
                    StreetByPoint byPoint => address.Origin.Problem(string.Create(CultureInfo.InvariantCulture,
                        $"no street within {byPoint.RadiusMetres} m of the point"),
                        string.Create(CultureInfo.InvariantCulture,
                            $"the nearest street is {StreetSelector.DistanceToNearestSegment(byPoint.Point, network):0} m away")),
                    _ => address.Origin.Problem("selects no street of the map"),
                });
            }
            problems.AddRange(intervention.MapProblems(neighbourhood));
            foreach ((LonLat point, string field) in intervention.Points)
            {
                double distance = StreetSelector.DistanceToNearestSegment(point, network);
                if (distance > MaxPointDistanceMetres)
                {
                    var origin = intervention.Origin with { Path = field };
                    problems.Add(origin.Problem(string.Create(CultureInfo.InvariantCulture,
                        $"is {distance:0} m from the nearest street; points must lie within {MaxPointDistanceMetres} m of one"),
                        "points are [longitude, latitude]"));
                }
            }
        }
        return problems;
    }
}
