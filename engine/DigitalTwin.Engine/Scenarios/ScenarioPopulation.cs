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
    /// people, so a difference between them is the intervention's, not a different draw of residents. Replications
    /// that should vary the population must use different scenario seeds.
    /// </para>
    /// <para>
    /// New housing keeps that promise: the profile's residents are placed in the map's own homes exactly as without
    /// it (same households, traits, homes and resident indices), and the residents new housing adds are synthesised
    /// apart, from the same profile scaled to their number, one household per new dwelling, and with a seed of their own
    /// (<see cref="NewcomerSeed"/>), into the added homes only, then appended. So a variant with new housing changes the days of the people who
    /// move in and of those they meet, not who everyone else is. This is also how new housing fills in practice:
    /// the people in the new dwellings are the ones the neighbourhood did not have.
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
    /// <param name="homes">Where households can live: the map's homes, then any that new housing added.</param>
    /// <param name="extraResidents">Residents of new housing that interventions add, on top of the profile's.</param>
    /// <param name="firstAddedHome">Index in <paramref name="homes"/> of the first home new housing added.</param>
    public static InputResult<Residents> Synthesise(Scenario scenario, HomeSet homes, int extraResidents = 0, int? firstAddedHome = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(homes);
        int mapHomes = firstAddedHome ?? homes.Count;
        if (mapHomes < 0 || mapHomes > homes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(firstAddedHome), "The added homes start within the home set.");
        }
        PopulationSpec population = scenario.Population;
        var parameters = scenario.Parameters.Population;
        if (extraResidents <= 0 || mapHomes == homes.Count)
        {
            int? target = extraResidents > 0 ? population.Profile.Residents + extraResidents : null;
            return PointAtScenario(scenario, PopulationSynthesiser.Synthesise(population.Profile, homes, scenario.Seed, target, parameters));
        }
        var own = PointAtScenario(scenario, PopulationSynthesiser.Synthesise(
            population.Profile, new HomeSet(homes.Records.Take(mapHomes)), scenario.Seed, null, parameters));
        if (!own.Succeeded)
        {
            return own;
        }
        // One household per new dwelling, as the intervention's householdSize means; their make-up from the profile.
        var added = new HomeSet(homes.Records.Skip(mapHomes));
        var profile = population.Profile.WithResidents(extraResidents) with { Households = Math.Clamp(added.TotalDwellings, 1, extraResidents) };
        var newcomers = PointAtScenario(scenario, PopulationSynthesiser.Synthesise(profile, added, NewcomerSeed(scenario.Seed), null, parameters));
        return newcomers.Succeeded
            ? InputResult<Residents>.Success(Residents.Join(own.Unwrap(), newcomers.Unwrap(), mapHomes, "new housing: "))
            : newcomers;
    }

    /// <summary>
    /// The seed the residents of new housing are drawn with: the scenario seed with a fixed odd constant added (the
    /// ASCII of "newhomes"), so their streams are apart from the profile's residents' under the same scenario seed.
    /// </summary>
    internal static ulong NewcomerSeed(ulong seed) => unchecked(seed + 0x6E6577686F6D6573UL);

    private static InputResult<Residents> PointAtScenario(Scenario scenario, InputResult<Residents> result)
    {
        if (result.Succeeded)
        {
            return result;
        }
        PopulationSpec population = scenario.Population;
        return InputResult<Residents>.Failure([.. result.Problems.Select(p => p.Field == "homes"
            ? new InputProblem(scenario.MapPath, "homes", p.Message, p.Suggestion)
            : population.Origin.Problem($"{population.Describe()}: {p.Message}", p.Suggestion))]);
    }
}
