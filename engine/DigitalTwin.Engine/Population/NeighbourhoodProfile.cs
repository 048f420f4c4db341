namespace DigitalTwin.Engine.Population;

/// <summary>
/// The statistics a population is synthesised from: one CBS Kerncijfers row (see <see cref="CbsKerncijfers"/>) or
/// explicit numbers from a scenario (<see cref="FromNumbers"/>). Every figure except <see cref="Residents"/> may be
/// null, meaning "not available"; the <c>Effective…</c> properties then fall back to
/// <see cref="DutchNationalDefaults"/>.
/// </summary>
public sealed record NeighbourhoodProfile
{
    /// <summary>The CBS gwb_code (e.g. BU03440111) or "explicit" for numbers from a scenario.</summary>
    public string Code { get; init; } = "explicit";

    /// <summary>The area's name (CBS regio), for reports.</summary>
    public string Name { get; init; } = "";

    /// <summary>Number of residents to synthesise (a_inw).</summary>
    public int Residents { get; init; }

    /// <summary>Number of private households (a_hh); null to derive it from the average household size.</summary>
    public int? Households { get; init; }

    /// <summary>Average household size in persons (g_hhgro).</summary>
    public double? AverageHouseholdSize { get; init; }

    public AgeShares? Age { get; init; }

    /// <summary>Share of women among residents, 0–1 (a_vrouw / (a_man + a_vrouw)).</summary>
    public double? WomenShare { get; init; }

    public BackgroundShares? Background { get; init; }

    public HouseholdTypeShares? HouseholdTypes { get; init; }

    /// <summary>Owner-occupied share of dwellings, 0–1 (p_koopw relative to p_koopw + p_huurw).</summary>
    public double? OwnerShare { get; init; }

    public EducationShares? Education { get; init; }

    /// <summary>Net labour participation of 15–75 year-olds, 0–1 (p_arb_pp / 100).</summary>
    public double? LabourParticipation { get; init; }

    /// <summary>
    /// CBS degree of urbanisation of the area (ste_mvs): 1 extremely urbanised (2,500 or more addresses per km² around
    /// an address) to 5 not urbanised (under 500); null where the profile gives none. It picks the travel survey's
    /// figures a run is set beside (<see cref="Outcomes.TravelVolumes.ForAreaType"/>).
    /// </summary>
    public int? UrbanisationClass { get; init; }

    public AgeShares EffectiveAge => (Age is { IsValid: true } a ? a : DutchNationalDefaults.Age).Normalised();

    public double EffectiveWomenShare => WomenShare is >= 0 and <= 1 ? WomenShare.Value : DutchNationalDefaults.WomenShare;

    public BackgroundShares EffectiveBackground =>
        (Background is { IsValid: true } b ? b : DutchNationalDefaults.Background).Normalised();

    public HouseholdTypeShares EffectiveHouseholdTypes =>
        (HouseholdTypes is { IsValid: true } h ? h : DutchNationalDefaults.HouseholdTypes).Normalised();

    public double EffectiveAverageHouseholdSize =>
        AverageHouseholdSize is >= 1 ? AverageHouseholdSize.Value : DutchNationalDefaults.AverageHouseholdSize;

    public double EffectiveOwnerShare => OwnerShare is >= 0 and <= 1 ? OwnerShare.Value : DutchNationalDefaults.OwnerShare;

    public EducationShares EffectiveEducation =>
        (Education is { IsValid: true } e ? e : DutchNationalDefaults.Education).Normalised();

    public double EffectiveLabourParticipation =>
        LabourParticipation is > 0 and <= 1 ? LabourParticipation.Value : DutchNationalDefaults.LabourParticipation;

    /// <summary>
    /// Households to form: <see cref="Households"/> when known (it keeps the CBS ratio of households to residents,
    /// which also covers people in institutions), else residents divided by the average household size. Never more
    /// than the residents and at least one when there are residents.
    /// </summary>
    public int EffectiveHouseholds
    {
        get
        {
            if (Residents <= 0)
            {
                return 0;
            }
            int households = Households is > 0 ? Households.Value : (int)Math.Round(Residents / EffectiveAverageHouseholdSize);
            return Math.Clamp(households, 1, Residents);
        }
    }

    /// <summary>The same neighbourhood with <paramref name="factor"/> times the residents and households.</summary>
    public NeighbourhoodProfile Scale(double factor)
    {
        if (!(factor > 0) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A scale factor must be positive and finite.");
        }
        return this with
        {
            Residents = (int)Math.Round(Residents * factor),
            Households = Households is int h ? (int)Math.Round(h * factor) : null,
        };
    }

    /// <summary>The same neighbourhood scaled to <paramref name="residents"/> residents (households in proportion).</summary>
    public NeighbourhoodProfile WithResidents(int residents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(residents);
        if (Residents <= 0)
        {
            return this with { Residents = residents, Households = null };
        }
        return residents == Residents ? this : Scale((double)residents / Residents) with { Residents = residents };
    }

    /// <summary>
    /// A profile from explicit numbers, as a scenario gives them (<c>population: { residents: 7000, ageShares: … }</c>).
    /// Shares are weights (they need not sum to 1); any left null falls back to the national default. Values out
    /// of range come back as problems naming <paramref name="file"/> and the scenario field.
    /// </summary>
    public static InputResult<NeighbourhoodProfile> FromNumbers(
        int residents,
        AgeShares? ageShares = null,
        double? womenShare = null,
        BackgroundShares? backgroundShares = null,
        HouseholdTypeShares? householdTypeShares = null,
        double? averageHouseholdSize = null,
        int? households = null,
        double? ownerShare = null,
        EducationShares? educationShares = null,
        double? labourParticipation = null,
        string name = "",
        string file = "scenario")
    {
        var problems = new List<InputProblem>();
        if (residents <= 0)
        {
            problems.Add(new(file, "population.residents", $"must be a positive number of residents, not {residents}"));
        }
        if (ageShares is { IsValid: false })
        {
            problems.Add(new(file, "population.ageShares", "shares must be non-negative with a positive total"));
        }
        CheckShare(problems, file, "population.womenShare", womenShare);
        if (backgroundShares is { IsValid: false })
        {
            problems.Add(new(file, "population.backgroundShares", "shares must be non-negative with a positive total"));
        }
        if (householdTypeShares is { IsValid: false })
        {
            problems.Add(new(file, "population.householdTypeShares", "shares must be non-negative with a positive total"));
        }
        if (averageHouseholdSize is < 1 or > 10 || averageHouseholdSize is double.NaN)
        {
            problems.Add(new(file, "population.averageHouseholdSize",
                $"must be between 1 and 10 persons, not {averageHouseholdSize}", "the Dutch average is 2.12"));
        }
        if (households is int h && (h <= 0 || h > residents))
        {
            problems.Add(new(file, "population.households", $"must be between 1 and the number of residents, not {h}"));
        }
        CheckShare(problems, file, "population.ownerShare", ownerShare);
        if (educationShares is { IsValid: false })
        {
            problems.Add(new(file, "population.educationShares", "shares must be non-negative with a positive total"));
        }
        CheckShare(problems, file, "population.labourParticipation", labourParticipation);
        if (problems.Count > 0)
        {
            return InputResult<NeighbourhoodProfile>.Failure(problems);
        }
        return InputResult<NeighbourhoodProfile>.Success(new NeighbourhoodProfile
        {
            Name = name,
            Residents = residents,
            Households = households,
            AverageHouseholdSize = averageHouseholdSize,
            Age = ageShares,
            WomenShare = womenShare,
            Background = backgroundShares,
            HouseholdTypes = householdTypeShares,
            OwnerShare = ownerShare,
            Education = educationShares,
            LabourParticipation = labourParticipation,
        });
    }

    private static void CheckShare(List<InputProblem> problems, string file, string field, double? value)
    {
        if (value is double v && !(v >= 0 && v <= 1))
        {
            problems.Add(new(file, field, $"must be a share between 0 and 1, not {v}", "give 0.45 for 45 %"));
        }
    }
}
