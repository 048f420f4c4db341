using DigitalTwin.Engine;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Population;

namespace DigitalTwin.Benchmarks.Scale;

/// <summary>
/// A generated city sized to a population: a square grid of streets with enough dwellings for about
/// <see cref="ResidentsPerDwelling"/> residents each, then a synthesised population (national defaults) in them.
/// </summary>
public static class SyntheticCity
{
    /// <summary>
    /// Residents per dwelling: the Dutch average household is 2.1 people (CBS 2023) and almost every household has
    /// its own dwelling, so 2 leaves a few dwellings empty, as in a real city.
    /// </summary>
    public const double ResidentsPerDwelling = 2.0;

    /// <summary>The grid side (intersections per row and column) that holds <paramref name="residents"/>.</summary>
    public static int GridSide(int residents)
    {
        // Dwellings grow with the number of cells; measure a probe grid rather than restate the generator's rules.
        const int probe = 12;
        var sample = NetworkGenerator.Grid(probe, probe);
        double dwellingsPerCell = sample.Homes.TotalDwellings / (double)(probe * probe);
        double cells = residents / ResidentsPerDwelling / dwellingsPerCell;
        return Math.Max(3, (int)Math.Ceiling(Math.Sqrt(cells)));
    }

    public static (Neighbourhood Neighbourhood, Residents Residents) Build(int residents, ulong seed)
    {
        int side = GridSide(residents);
        var neighbourhood = NetworkGenerator.Grid(side, side, new GeneratorOptions { Seed = seed });
        var profile = NeighbourhoodProfile.FromNumbers(residents, name: $"synthetic {residents}").Unwrap();
        var people = PopulationSynthesiser.Synthesise(profile, neighbourhood.Homes, seed).Unwrap();
        return (neighbourhood, people);
    }
}
