using System.Globalization;

namespace DigitalTwin.Validation;

/// <summary>
/// How much the suite simulates. The quick form (the default, part of <c>dotnet test DigitalTwin.sln</c>) runs two
/// replications of one to two weeks; <c>TWIN_VALIDATION_FULL=1</c> runs five replications of up to four weeks. <c>TWIN_VALIDATION_SEED=N</c>
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

    /// <summary>
    /// The replications' seeds (population and simulation): two in the quick form, five in the full form. One seed left
    /// the weakest checks (ties across a street of 180 residents, cycling after dark) at the mercy of a single draw.
    /// </summary>
    public static IReadOnlyList<ulong> Seeds => [.. Enumerable.Range(0, Full ? 5 : 2).Select(i => FirstSeed + (ulong)i)];

    /// <summary>Simulated days: <paramref name="quick"/> in the quick form, <paramref name="full"/> in the full form.</summary>
    public static int Days(int quick, int full) => Full ? full : quick;

    /// <summary>A short label of the form, for the report.</summary>
    public static string Describe(int days) =>
        string.Create(CultureInfo.InvariantCulture, $"{Seeds.Count} seed(s) from {FirstSeed}, {days} days each");
}

/// <summary>
/// A check whose effect is too small for the quick form's replications to resolve: it runs in the full form
/// (<c>TWIN_VALIDATION_FULL=1</c>) and is reported as skipped, with that reason, in the quick form.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FullFormFactAttribute : FactAttribute
{
    public FullFormFactAttribute(string why)
    {
        if (!ValidationScale.Full)
        {
            Skip = $"Runs in the full form only (TWIN_VALIDATION_FULL=1): {why}";
        }
    }
}
