namespace DigitalTwin.Engine.Interventions;

/// <summary>What one intervention changed, for reports: a line in plain words and the counts behind it.</summary>
public sealed record InterventionEffect(
    string Type,
    string Note,
    string Summary,
    int SegmentsChanged,
    int PlacesAdded,
    int PlacesRemoved,
    int DwellingsAdded,
    IReadOnlyList<string> ParametersChanged);

/// <summary>
/// A scenario's data after its interventions: the changed neighbourhood and parameters, and what changed.
/// <see cref="FirstAddedHome"/> is the index of the first home that new housing added (homes are only ever appended, so
/// every home before it is the map's own); <see cref="ExtraResidents"/> live in those added homes.
/// </summary>
internal sealed record AppliedInterventions(
    Neighbourhood Neighbourhood,
    Simulation.SimulationParameters Parameters,
    int ExtraResidents,
    int FirstAddedHome,
    IReadOnlyList<InterventionEffect> Effects);
