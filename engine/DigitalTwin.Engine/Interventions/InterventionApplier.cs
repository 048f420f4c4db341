using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Interventions;

/// <summary>
/// Applies a scenario's interventions, in file order, to the baseline's data. Each returns new data and changes only
/// what it addresses: street attributes through the network's builder, places and homes as new sets, behaviour
/// through named parameters. None touches the results: an intervention works only through the model's mechanisms
/// (route costs, places to go, nods by context, familiarity).
/// </summary>
internal static class InterventionApplier
{
    public static AppliedInterventions Apply(Neighbourhood neighbourhood, SimulationParameters parameters, IReadOnlyList<Intervention> interventions)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(interventions);
        var draft = new NeighbourhoodDraft(neighbourhood, parameters);
        int mapHomes = draft.Homes.Count;
        var effects = new List<InterventionEffect>(interventions.Count);
        foreach (var intervention in interventions)
        {
            effects.Add(intervention.Apply(draft));
        }
        return new AppliedInterventions(draft.Build(), draft.Parameters, draft.ExtraResidents, mapHomes, effects);
    }
}
