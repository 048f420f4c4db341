using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Simulation;

/// <summary>
/// Every behavioural parameter of a run, grouped by the phase that reads it. The one source of truth for model
/// parameters: <see cref="ParameterRegistry"/> names each attributed property as <c>group.property</c> (the group is
/// the camelCase name of the property here) and a scenario file overrides them by that name.
/// </summary>
public sealed record SimulationParameters
{
    public PlanningParameters Planning { get; init; } = new();

    /// <summary>When and for how long residents do each activity of their day plan.</summary>
    public ActivityScheduleParameters ActivitySchedule { get; init; } = new();

    public ModeChoiceParameters ModeChoice { get; init; } = new();

    public WalkingSpeedParameters Walking { get; init; } = new();

    public RouteCostParameters Routing { get; init; } = new();

    /// <summary>Street cross-sections: carriageway widths and where cyclists ride, for lateral positions.</summary>
    public StreetCrossSectionParameters CrossSection { get; init; } = new();

    /// <summary>Walkers' short stops and pace on the street (frontage, benches, pavement width).</summary>
    public StreetLifeParameters StreetLife { get; init; } = new();

    public EncounterParameters Encounters { get; init; } = new();

    /// <summary>Who notices whom among those passed within social distance.</summary>
    public AttentionParameters Attention { get; init; } = new();

    public NodParameters Nods { get; init; } = new();

    public FamiliarityParameters Familiarity { get; init; } = new();

    /// <summary>How the residents are synthesised; read before the simulation, by the scenario's population step.</summary>
    public PopulationParameters Population { get; init; } = new();

    /// <summary>How interventions ripple beyond the streets they address (traffic moved elsewhere, green edges).</summary>
    public InterventionParameters Interventions { get; init; } = new();

    /// <summary>How residents' ratings and observed barriers change route and destination choice (perceived-quality).</summary>
    public PerceivedQualityParameters PerceivedQuality { get; init; } = new();

    public static SimulationParameters Default { get; } = new();

    /// <summary>A copy with overrides by scenario name (see <see cref="ParameterRegistry.With"/>).</summary>
    public SimulationParameters With(IEnumerable<KeyValuePair<string, double>> overrides) => ParameterRegistry.With(this, overrides);

    /// <summary>The value of a parameter by its scenario name.</summary>
    public double ValueOf(string name) => ParameterRegistry.ValueOf(this, name);
}
