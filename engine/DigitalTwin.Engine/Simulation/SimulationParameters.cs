using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Planning;

namespace DigitalTwin.Engine.Simulation;

/// <summary>Every behavioural parameter of a run, grouped by the phase that reads it.</summary>
public sealed record SimulationParameters
{
    public PlanningParameters Planning { get; init; } = new();

    public ModeChoiceParameters ModeChoice { get; init; } = new();

    public WalkingSpeedParameters Walking { get; init; } = new();

    public RouteCostParameters Routing { get; init; } = new();

    public EncounterParameters Encounters { get; init; } = new();

    public NodParameters Nods { get; init; } = new();

    public FamiliarityParameters Familiarity { get; init; } = new();

    /// <summary>Residents whose trajectories are kept for replay in the viewer (a sample, not everyone).</summary>
    public int ReplaySampleResidents { get; init; } = 300;

    public static SimulationParameters Default { get; } = new();
}
