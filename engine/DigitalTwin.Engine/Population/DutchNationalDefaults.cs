namespace DigitalTwin.Engine.Population;

/// <summary>
/// The Netherlands as a whole, used wherever a neighbourhood profile leaves a figure out (a "." in the CBS file,
/// or a field a scenario does not give). Figures are CBS 2023 (Kerncijfers wijken en buurten 2023, row
/// "Nederland", and StatLine tables on households, education and labour), rounded to the precision shown: they
/// are a neutral fallback, not a calibration.
/// </summary>
internal static class DutchNationalDefaults
{
    /// <summary>Population by age band, 1 January 2023: 15.4 % 0–14, 12.3 % 15–24, 25.1 % 25–44, 26.6 % 45–64, 20.6 % 65+.</summary>
    public static AgeShares Age { get; } = new(0.154, 0.123, 0.251, 0.266, 0.206);

    /// <summary>Women are 50.3 % of the population (CBS 2023).</summary>
    public static double WomenShare => 0.503;

    /// <summary>Origin (CBS herkomst, 2023): about 74 % Dutch, 10 % European, 16 % outside Europe.</summary>
    public static BackgroundShares Background { get; } = new(0.74, 0.10, 0.16);

    /// <summary>Households (CBS 2023): 39 % one person, 28 % several people without children, 33 % with children.</summary>
    public static HouseholdTypeShares HouseholdTypes { get; } = new(0.39, 0.28, 0.33);

    /// <summary>Average household size, 2.12 persons (CBS 2023).</summary>
    public static double AverageHouseholdSize => 2.12;

    /// <summary>Owner-occupied share of dwellings, 57 % (CBS 2023, p_koopw for Nederland).</summary>
    public static double OwnerShare => 0.57;

    /// <summary>Education of 15–75 year-olds (CBS 2023): about 26 % low, 38 % middle, 36 % high.</summary>
    public static EducationShares Education { get; } = new(0.26, 0.38, 0.36);

    /// <summary>Net labour participation of 15–75 year-olds, 72 % (CBS 2023, nettoarbeidsparticipatie).</summary>
    public static double LabourParticipation => 0.72;
}
