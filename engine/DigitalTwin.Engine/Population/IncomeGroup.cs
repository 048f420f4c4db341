namespace DigitalTwin.Engine.Population;

/// <summary>
/// Income and social status of the household (source doc Tabel 1, "Inkomen" and "Sociale status"), in three
/// groups. The CBS income columns are empty in the 2023 release, so the synthesiser derives it from education
/// and tenure (see <see cref="PopulationParameters"/>).
/// </summary>
public enum IncomeGroup : byte
{
    Low = 0,
    Middle,
    High,
}
