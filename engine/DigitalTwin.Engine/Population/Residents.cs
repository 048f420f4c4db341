namespace DigitalTwin.Engine.Population;

/// <summary>
/// Every resident of a neighbourhood as a structure of arrays (one entry per resident, exposed as spans), with the
/// households they live in. Members of a household are contiguous: household <c>h</c> holds residents
/// <c>HouseholdStart[h] .. HouseholdStart[h + 1] - 1</c>, adults first. Built by <see cref="PopulationSynthesiser"/>.
/// </summary>
public sealed class Residents
{
    private readonly int[] _household;
    private readonly int[] _home;
    private readonly AgeBand[] _ageBand;
    private readonly byte[] _ageYears;
    private readonly Gender[] _gender;
    private readonly IncomeGroup[] _income;
    private readonly Health[] _health;
    private readonly Background[] _background;
    private readonly Tenure[] _tenure;
    private readonly WorkPattern[] _workPattern;
    private readonly Occupation[] _occupation;
    private readonly EducationLevel[] _education;
    private readonly HouseholdRole[] _role;
    private readonly float[] _yearsInNeighbourhood;
    private readonly int[] _householdStart;
    private readonly int[] _householdHome;
    private readonly HouseholdType[] _householdType;

    internal Residents(
        int[] household, int[] home, AgeBand[] ageBand, byte[] ageYears, Gender[] gender, IncomeGroup[] income,
        Health[] health, Background[] background, Tenure[] tenure, WorkPattern[] workPattern, Occupation[] occupation,
        EducationLevel[] education, HouseholdRole[] role, float[] yearsInNeighbourhood,
        int[] householdStart, int[] householdHome, HouseholdType[] householdType, IReadOnlyList<string> warnings)
    {
        _household = household;
        _home = home;
        _ageBand = ageBand;
        _ageYears = ageYears;
        _gender = gender;
        _income = income;
        _health = health;
        _background = background;
        _tenure = tenure;
        _workPattern = workPattern;
        _occupation = occupation;
        _education = education;
        _role = role;
        _yearsInNeighbourhood = yearsInNeighbourhood;
        _householdStart = householdStart;
        _householdHome = householdHome;
        _householdType = householdType;
        Warnings = warnings;
    }

    public int Count => _household.Length;

    public int HouseholdCount => _householdType.Length;

    /// <summary>Things worth knowing that did not stop the synthesis (overfilled dwellings, converted households).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Household index of each resident.</summary>
    public ReadOnlySpan<int> Household => _household;

    /// <summary>The household indices as memory, for work split over threads.</summary>
    internal ReadOnlyMemory<int> HouseholdMemory => _household;

    /// <summary>Home index (into the <c>HomeSet</c> the population was placed in) of each resident.</summary>
    public ReadOnlySpan<int> Home => _home;

    public ReadOnlySpan<AgeBand> AgeBand => _ageBand;

    /// <summary>Exact age in whole years, drawn within the age band (walking speed and school age need it).</summary>
    public ReadOnlySpan<byte> AgeYears => _ageYears;

    public ReadOnlySpan<Gender> Gender => _gender;

    /// <summary>Income and social status, shared by the household.</summary>
    public ReadOnlySpan<IncomeGroup> Income => _income;

    public ReadOnlySpan<Health> Health => _health;

    /// <summary>Cultural background, shared by the household.</summary>
    public ReadOnlySpan<Background> Background => _background;

    /// <summary>Owner or renter, shared by the household.</summary>
    public ReadOnlySpan<Tenure> Tenure => _tenure;

    public ReadOnlySpan<WorkPattern> WorkPattern => _workPattern;

    public ReadOnlySpan<Occupation> Occupation => _occupation;

    public ReadOnlySpan<EducationLevel> Education => _education;

    public ReadOnlySpan<HouseholdRole> Role => _role;

    /// <summary>Years lived in the neighbourhood (never more than the resident's age).</summary>
    public ReadOnlySpan<float> YearsInNeighbourhood => _yearsInNeighbourhood;

    /// <summary>First resident of each household, plus one final entry equal to <see cref="Count"/>.</summary>
    public ReadOnlySpan<int> HouseholdStart => _householdStart;

    /// <summary>Home index of each household.</summary>
    public ReadOnlySpan<int> HouseholdHome => _householdHome;

    public ReadOnlySpan<HouseholdType> HouseholdType => _householdType;

    /// <summary>The residents of household <paramref name="household"/> as a range of resident indices.</summary>
    public Range MembersOf(int household) => _householdStart[household].._householdStart[household + 1];

    /// <summary>
    /// <paramref name="first"/> followed by <paramref name="second"/>, as one population: the second's residents and
    /// households come after the first's (indices shifted by the first's counts) and its home indices are shifted by
    /// <paramref name="secondHomeOffset"/>, the index in the joint home set of the second's home 0.
    /// </summary>
    internal static Residents Join(Residents first, Residents second, int secondHomeOffset, string secondWarningPrefix)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        int people = first.Count;
        int households = first.HouseholdCount;
        return new Residents(
            [.. first._household, .. second._household.Select(h => h + households)],
            [.. first._home, .. second._home.Select(h => h + secondHomeOffset)],
            [.. first._ageBand, .. second._ageBand],
            [.. first._ageYears, .. second._ageYears],
            [.. first._gender, .. second._gender],
            [.. first._income, .. second._income],
            [.. first._health, .. second._health],
            [.. first._background, .. second._background],
            [.. first._tenure, .. second._tenure],
            [.. first._workPattern, .. second._workPattern],
            [.. first._occupation, .. second._occupation],
            [.. first._education, .. second._education],
            [.. first._role, .. second._role],
            [.. first._yearsInNeighbourhood, .. second._yearsInNeighbourhood],
            [.. first._householdStart.AsSpan(0, households), .. second._householdStart.Select(s => s + people)],
            [.. first._householdHome, .. second._householdHome.Select(h => h + secondHomeOffset)],
            [.. first._householdType, .. second._householdType],
            [.. first.Warnings, .. second.Warnings.Select(w => secondWarningPrefix + w)]);
    }

    /// <summary>Bytes held by the arrays (for memory reports).</summary>
    public long SizeInBytes =>
        ((long)Count * ((sizeof(int) * 2) + (sizeof(byte) * 11) + sizeof(float)))
        + ((long)HouseholdCount * ((sizeof(int) * 2) + sizeof(byte)))
        + sizeof(int);
}
