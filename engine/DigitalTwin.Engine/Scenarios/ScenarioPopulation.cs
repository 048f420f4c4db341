using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// The residents of a loaded scenario: its population profile synthesised into the homes of its (possibly
/// intervened) map. Lives with the scenarios rather than in Population/ so that dependencies point one way:
/// scenarios know about populations, the synthesiser knows nothing of scenario files.
/// </summary>
internal static class ScenarioPopulation
{
    /// <summary>
    /// Synthesises <paramref name="scenario"/>'s population into <paramref name="homes"/> with
    /// <see cref="PopulationSynthesiser"/>.
    /// <para>
    /// Seed: the scenario's own <see cref="Scenario.Seed"/>, and nothing else (not the replication index, not the
    /// interventions). The synthesiser already separates its streams from the simulation's by
    /// <see cref="Randomness.StreamPurpose"/> (Population, Household, Placement), so no further derivation is needed.
    /// This is deliberate, for common random numbers: a baseline and a variant with the same seed get the very same
    /// people, so a difference between them is the intervention's, not a different draw of residents. A variant that
    /// changes the homes themselves (new housing) keeps the same households and traits; only their placement can
    /// differ. Replications that should vary the population must use different scenario seeds.
    /// </para>
    /// <para>
    /// Parameters: the scenario's <see cref="Simulation.SimulationParameters.Population"/> (defaults with its
    /// <c>population.*</c> overrides).
    /// </para>
    /// <para>
    /// Problems point at the scenario: the population object (in the file that wrote it, which may be a parent in the
    /// <c>extends</c> chain) or, when there are no homes, the map.
    /// </para>
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="homes">Where households can live (with any new housing).</param>
    /// <param name="extraResidents">Residents of new housing that interventions add, on top of the profile's.</param>
    public static InputResult<Residents> Synthesise(Scenario scenario, HomeSet homes, int extraResidents = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(homes);
        PopulationSpec population = scenario.Population;
        int? target = extraResidents > 0 ? population.Profile.Residents + extraResidents : null;
        InputResult<Residents> result = PopulationSynthesiser.Synthesise(population.Profile, homes, scenario.Seed, target, scenario.Parameters.Population);
        if (result.Succeeded)
        {
            return result;
        }
        return InputResult<Residents>.Failure([.. result.Problems.Select(p => p.Field == "homes"
            ? new InputProblem(scenario.MapPath, "homes", p.Message, p.Suggestion)
            : population.Origin.Problem($"{population.Describe()}: {p.Message}", p.Suggestion))]);
    }
}
