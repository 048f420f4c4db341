namespace DigitalTwin.Engine.Profile;

/// <summary>
/// The Netherlands on 1 January 2023, only figures with a CBS source at hand; every other national figure is null
/// and the report says "not bundled" rather than guess.
/// </summary>
public static class NationalFigures
{
    public const string PopulationSource = "CBS StatLine 85496NED, Bevolking; kerncijfers, 1 January 2023";

    public const string HouseholdSource = "CBS StatLine 70133NED, Huishoudens; typering naar grootte, 1 January 2023";

    public static AreaFigures Netherlands { get; } = new()
    {
        Code = "NL",
        Name = "Nederland",
        Inhabitants = 17_811_291,
        Men = 8_850_309,
        Women = 8_960_982,
        Households = 8_270_244,
        OnePersonHouseholds = 3_266_042,
        HouseholdsWithoutChildren = 2_358_933,
        HouseholdsWithChildren = 2_645_269,
    };
}
