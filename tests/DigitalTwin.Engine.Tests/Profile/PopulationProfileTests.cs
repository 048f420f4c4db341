using DigitalTwin.Engine.Profile;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Profile;

public class PopulationProfileTests
{
    private static readonly string CbsFile = Path.Combine(RepositoryFiles.Root, "scenarios", "data", "cbs", "kwb-2023-utrecht.csv");

    [Fact]
    public void The_buurt_row_comes_with_its_municipality_row()
    {
        var (area, municipality) = PopulationProfile.ReadRows(CbsFile, "BU03440511", out var problem);

        Assert.Null(problem);
        Assert.Equal(4760, area.Inhabitants);
        Assert.Equal(10196, area.DensityPerSquareKm);
        Assert.Null(area.EducationLow);
        Assert.Equal("GM0344", municipality!.Code);
        Assert.Equal(367947, municipality.Inhabitants);
    }

    [Fact]
    public void An_unknown_code_names_the_file_and_the_field()
    {
        PopulationProfile.ReadRows(CbsFile, "BU99999999", out var problem);

        Assert.NotNull(problem);
        Assert.Equal("gwb_code", problem.Field);
    }

    [Fact]
    public void National_figures_are_only_those_with_a_source()
    {
        var national = NationalFigures.Netherlands;

        Assert.Equal(17_811_291, national.Inhabitants);
        Assert.Null(national.OwnerOccupiedPercent);
        Assert.All(national.AgeBands, band => Assert.Null(band));
    }
}
