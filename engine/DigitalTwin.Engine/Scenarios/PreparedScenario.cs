using System.Security.Cryptography;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// A scenario with everything a run needs: its map imported (clipped to the scenario's boundary), its street
/// addresses checked against that map, its interventions applied in order (changing streets, places, homes and
/// parameters), and its population synthesised into the homes. <see cref="Parameters"/> are the ones to simulate
/// with: the scenario's, as its interventions changed them.
/// </summary>
public sealed record PreparedScenario(
    Scenario Scenario,
    Neighbourhood Neighbourhood,
    ImportReport ImportReport,
    Residents Residents,
    SimulationParameters Parameters,
    IReadOnlyList<InterventionEffect> Effects)
{
    /// <summary>What the interventions change in the behaviour mechanisms' inputs (<see cref="Interventions.MechanismChanges"/>).</summary>
    public IReadOnlyList<string> MechanismChanges { get; init; } = [];

    /// <summary>Loads the map and people of a loaded scenario; every problem comes back as a value.</summary>
    public static InputResult<PreparedScenario> Prepare(Scenario scenario)
    {
        var map = LoadMap(scenario);
        return map.Succeeded ? Prepare(scenario, map.Unwrap()) : InputResult<PreparedScenario>.Failure(map.Problems);
    }

    /// <summary>The scenario's map, clipped to its boundary, before any intervention.</summary>
    public static InputResult<LoadedMap> LoadMap(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var options = new MapLoadOptions
        {
            BoundingPolygon = scenario.BoundingPolygon?.Select(p => (p.Longitude, p.Latitude)).ToArray(),
            CoordinateSystems = scenario.Inputs.CoordinateSystems,
        };
        return MapLoader.Load(scenario.MapPath, options);
    }

    /// <summary>
    /// Prepares a scenario on a map already loaded by <see cref="LoadMap"/> (untouched by interventions): the viewer
    /// loads the map once and prepares every edit of the scenario on it.
    /// </summary>
    public static InputResult<PreparedScenario> Prepare(Scenario scenario, LoadedMap map)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(map);
        var baseline = map.Neighbourhood;
        var addressProblems = ScenarioValidator.ValidateAgainstMap(scenario, baseline);
        if (addressProblems.Count > 0)
        {
            return InputResult<PreparedScenario>.Failure(addressProblems);
        }
        var applied = InterventionApplier.Apply(baseline, scenario.Parameters, scenario.Interventions);
        var residents = ScenarioPopulation.Synthesise(scenario, applied.Neighbourhood.Homes, applied.ExtraResidents, applied.FirstAddedHome);
        if (!residents.Succeeded)
        {
            return InputResult<PreparedScenario>.Failure(residents.Problems);
        }
        return InputResult<PreparedScenario>.Success(new PreparedScenario(
            scenario, applied.Neighbourhood, map.Report, residents.Unwrap(), applied.Parameters, applied.Effects)
        {
            MechanismChanges = applied.Effects.Count == 0
                ? []
                : Interventions.MechanismChanges.Between(baseline, scenario.Parameters, applied.Neighbourhood, applied.Parameters),
        });
    }

    /// <summary>
    /// SHA-256 over the scenario file, the files it extends, the map and the observations files its interventions read: the same hash means the same inputs, so two
    /// run files with the same hash and seed must be identical.
    /// </summary>
    public static string ContentHash(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Observations files that interventions read change the run, so they are inputs too (a scenario's own
        // observations layer is only drawn, and is left out).
        var observations = scenario.Interventions.OfType<Interventions.Types.PerceivedQuality>()
            .Select(p => p.Observations?.SourceFile).OfType<string>();
        foreach (string file in new[] { scenario.SourceFile }.Concat(scenario.ExtendsChain).Append(scenario.MapPath).Concat(observations))
        {
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
