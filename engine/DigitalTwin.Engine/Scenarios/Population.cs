namespace DigitalTwin.Engine.Scenarios;

/// <summary>Shares of residents per CBS age band (they sum to 1).</summary>
public sealed record AgeShares(double Age0To14, double Age15To24, double Age25To44, double Age45To64, double Age65Plus)
{
    public double Sum => Age0To14 + Age15To24 + Age25To44 + Age45To64 + Age65Plus;
}

/// <summary>Shares of residents by migration background (CBS: Dutch, European, non-European; they sum to 1).</summary>
public sealed record BackgroundShares(double Dutch, double European, double NonEuropean)
{
    public double Sum => Dutch + European + NonEuropean;
}

/// <summary>Shares of residents aged 15-75 by education level (CBS: low, middle, high; they sum to 1).</summary>
public sealed record EducationShares(double Low, double Middle, double High)
{
    public double Sum => Low + Middle + High;
}

/// <summary>
/// The numbers a population is synthesised from, whether they came from a CBS row or were written out. Shares are
/// fractions in [0, 1]. <see cref="Background"/> and <see cref="Education"/> are null when the source does not
/// publish them (CBS suppresses small buurten); the synthesiser then uses its documented defaults.
/// </summary>
public sealed record PopulationProfile
{
    public required int Residents { get; init; }

    public required int Households { get; init; }

    public required AgeShares Ages { get; init; }

    public required double WomenShare { get; init; }

    public required double SinglePersonHouseholdShare { get; init; }

    public required double HouseholdsWithChildrenShare { get; init; }

    /// <summary>Share of dwellings that are owner-occupied (the rest rented).</summary>
    public required double OwnerOccupiedShare { get; init; }

    public BackgroundShares? Background { get; init; }

    public EducationShares? Education { get; init; }
}

/// <summary>Where a population profile came from, for reports.</summary>
public abstract record PopulationSource;

/// <summary>A CBS Kerncijfers wijken en buurten row, scaled (scale 1 = the buurt as counted).</summary>
public sealed record CbsPopulationSource(string File, string GwbCode, string RegionName, double Scale) : PopulationSource;

/// <summary>Numbers written out in the scenario file.</summary>
public sealed record ExplicitPopulationSource : PopulationSource;

/// <summary>The population of a scenario: the profile to synthesise from and its source.</summary>
public sealed record PopulationSpec(PopulationProfile Profile, PopulationSource Source);
