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

/// <summary>A scenario's data after its interventions: the changed neighbourhood and parameters, and what changed.</summary>
internal sealed record AppliedInterventions(
    Neighbourhood Neighbourhood,
    Simulation.SimulationParameters Parameters,
    int ExtraResidents,
    IReadOnlyList<InterventionEffect> Effects);
