namespace DigitalTwin.Engine.Profile;

/// <summary>
/// Who lives in one area, as CBS Kerncijfers wijken en buurten counts it (or as a synthesised population has it):
/// counts as counted, shares in percent. Every figure may be null: "." in the CBS file, or not known.
/// </summary>
public sealed record AreaFigures
{
    /// <summary>CBS gwb_code (BU…, WK…, GM…), "NL" for the country, or "synthesised".</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    public double? Inhabitants { get; init; }

    public double? Men { get; init; }

    public double? Women { get; init; }

    /// <summary>Inhabitants by age band: 0–14, 15–24, 25–44, 45–64, 65+ (a_00_14 … a_65_oo).</summary>
    public IReadOnlyList<double?> AgeBands { get; init; } = [null, null, null, null, null];

    public double? Households { get; init; }

    public double? OnePersonHouseholds { get; init; }

    public double? HouseholdsWithoutChildren { get; init; }

    public double? HouseholdsWithChildren { get; init; }

    public double? AverageHouseholdSize { get; init; }

    /// <summary>Inhabitants per km² of land (bev_dich).</summary>
    public double? DensityPerSquareKm { get; init; }

    public double? Dwellings { get; init; }

    /// <summary>Owner-occupied dwellings, % (p_koopw).</summary>
    public double? OwnerOccupiedPercent { get; init; }

    /// <summary>Rented dwellings, % (p_huurw).</summary>
    public double? RentedPercent { get; init; }

    /// <summary>Inhabitants by origin: Dutch, European, outside Europe (a_nl_all, a_eur_al, a_neu_al).</summary>
    public double? DutchBackground { get; init; }

    public double? EuropeanBackground { get; init; }

    public double? NonEuropeanBackground { get; init; }

    /// <summary>15–75 year-olds by highest education: low, middle, high (a_opl_lg, a_opl_md, a_opl_hg).</summary>
    public double? EducationLow { get; init; }

    public double? EducationMiddle { get; init; }

    public double? EducationHigh { get; init; }
}
