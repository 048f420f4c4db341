using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Population;

/// <summary>
/// Builds the residents of a neighbourhood from its statistics and places their households in its homes.
/// <para>
/// Three phases, each with its own random streams derived from the seed, so the result is the same on any machine
/// and thread count: (1) <b>structure</b> (<see cref="StreamPurpose.Population"/>): exact ages are drawn for the
/// residents so that the age-band counts match the profile, and people are assigned to households of the profile's
/// types (children only in households with children, an adult in every household, older people mostly alone or in
/// couples); (2) <b>traits</b> (<see cref="StreamPurpose.Household"/>, one stream per household index): tenure,
/// background, years in the neighbourhood, income, and per member gender, education, health, occupation and work
/// pattern; (3) <b>placement</b> (<see cref="StreamPurpose.Placement"/>): households go into dwellings.
/// </para>
/// </summary>
internal static partial class PopulationSynthesiser
{
    /// <summary>
    /// Synthesises the population. <paramref name="targetResidents"/> rescales the profile (households in
    /// proportion). Problems: no residents, no homes, no adults to head the households.
    /// </summary>
    public static InputResult<Residents> Synthesise(
        NeighbourhoodProfile profile,
        HomeSet homes,
        ulong seed,
        int? targetResidents = null,
        PopulationParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(homes);
        PopulationParameters p = parameters ?? PopulationParameters.Default;
        string source = string.IsNullOrEmpty(profile.Code) ? "population" : profile.Code;
        var problems = new List<InputProblem>();
        if (targetResidents is <= 0)
        {
            problems.Add(new(source, "population.residents", $"the target number of residents must be positive, not {targetResidents}"));
        }
        else if (targetResidents is int target)
        {
            profile = profile.WithResidents(target);
        }
        if (profile.Residents <= 0 && problems.Count == 0)
        {
            problems.Add(new(source, "population.residents",
                $"the population of {Describe(profile)} is empty (0 residents)",
                "choose a residential area (a BU or WK code with inhabitants) or give population.residents"));
        }
        if (homes.Count == 0)
        {
            problems.Add(new(source, "homes", "the map has no homes to place residents in",
                "the map needs residential buildings or addresses (building=house/apartments/residential, addr:housenumber)"));
        }
        if (problems.Count > 0)
        {
            return InputResult<Residents>.Failure(problems);
        }

        var warnings = new List<string>();
        var structure = new HouseholdStructure(profile, p, seed, warnings);
        if (!structure.Build(out string? failure))
        {
            return InputResult<Residents>.Failure(new InputProblem(source, "population", failure!,
                "check the age shares and household figures: every household needs an adult"));
        }
        int[] householdHome = PlaceHouseholds(structure.HouseholdCount, homes, seed, p, warnings);
        return InputResult<Residents>.Success(AssignTraits(structure, householdHome, profile, p, seed, warnings));
    }

    private static string Describe(NeighbourhoodProfile profile) =>
        profile.Name.Length > 0 ? $"{profile.Code} ({profile.Name})" : profile.Code;

    /// <summary>Splits <paramref name="total"/> by shares with the largest-remainder method (ties to the lower index).</summary>
    internal static void Apportion(int total, ReadOnlySpan<double> shares, Span<int> counts)
    {
        double sum = 0;
        foreach (double s in shares)
        {
            sum += s;
        }
        int assigned = 0;
        Span<double> remainder = stackalloc double[shares.Length];
        for (int i = 0; i < shares.Length; i++)
        {
            double exact = sum > 0 ? total * shares[i] / sum : 0;
            counts[i] = (int)Math.Floor(exact);
            remainder[i] = exact - counts[i];
            assigned += counts[i];
        }
        while (assigned < total)
        {
            int best = 0;
            for (int i = 1; i < shares.Length; i++)
            {
                if (remainder[i] > remainder[best])
                {
                    best = i;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            assigned++;
        }
    }

    private static AgeBand BandOf(int ageYears) => ageYears switch
    {
        < 15 => AgeBand.Child,
        < 25 => AgeBand.Youth,
        < 45 => AgeBand.YoungAdult,
        < 65 => AgeBand.MiddleAge,
        _ => AgeBand.Older,
    };
}
