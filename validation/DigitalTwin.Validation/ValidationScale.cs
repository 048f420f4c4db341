using System.Globalization;

namespace DigitalTwin.Validation;

/// <summary>
/// How much the suite simulates. The quick form (the default, part of <c>dotnet test DigitalTwin.sln</c>) runs one seed
/// and about a week; <c>TWIN_VALIDATION_FULL=1</c> runs three replications of four weeks. <c>TWIN_VALIDATION_SEED=N</c>
/// moves the seeds (to check that a check is not one lucky draw); <c>TWIN_VALIDATION_REPORT=1</c> writes
/// validation/results.md.
/// </summary>
public static class ValidationScale
{
    public static bool Full => Environment.GetEnvironmentVariable("TWIN_VALIDATION_FULL") == "1";

    public static bool WritesReport => Environment.GetEnvironmentVariable("TWIN_VALIDATION_REPORT") == "1";

    /// <summary>The first seed (1 unless <c>TWIN_VALIDATION_SEED</c> says otherwise).</summary>
    public static ulong FirstSeed =>
        ulong.TryParse(Environment.GetEnvironmentVariable("TWIN_VALIDATION_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed : 1;

    /// <summary>The replications' seeds: one in the quick form, three in the full form.</summary>
    public static IReadOnlyList<ulong> Seeds => Full ? [FirstSeed, FirstSeed + 1, FirstSeed + 2] : [FirstSeed];

    /// <summary>Simulated days: <paramref name="quick"/> in the quick form, <paramref name="full"/> in the full form.</summary>
    public static int Days(int quick, int full) => Full ? full : quick;

    /// <summary>A short label of the form, for the report.</summary>
    public static string Describe(int days) =>
        string.Create(CultureInfo.InvariantCulture, $"{Seeds.Count} seed(s) from {FirstSeed}, {days} days each");
}
