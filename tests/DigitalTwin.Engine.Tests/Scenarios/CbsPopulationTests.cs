using System.Text.Json.Nodes;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

public sealed class CbsPopulationTests : IDisposable
{
    private const string Csv = """
        gwb_code,regio,recs,a_inw,a_vrouw,a_00_14,a_15_24,a_25_44,a_45_64,a_65_oo,a_hh,a_1p_hh,a_hh_m_k,p_koopw,a_nl_all,a_eur_al,a_neu_al,a_opl_lg,a_opl_md,a_opl_hg
        BU00010001,"Noord, Oost",Buurt,1000,500,100,200,400,200,100,500,250,100,40,700,100,200,.,.,.
        BU00010002,Zuid,Buurt,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.
        """;

    private readonly ScenarioBuilder _files = new();

    public CbsPopulationTests() => _files.WriteText("kwb.csv", Csv);

    public void Dispose() => _files.Dispose();

    private string WithCbs(string file, string code, double scale = 1) => _files.Set("population", new JsonObject
    {
        ["cbs"] = new JsonObject { ["file"] = file, ["gwbCode"] = code, ["scale"] = scale },
    }).Write();

    [Fact]
    public void A_cbs_row_becomes_a_scaled_profile()
    {
        Scenario scenario = ScenarioLoader.Load(WithCbs("kwb.csv", "BU00010001", 1.5)).Unwrap();

        PopulationProfile profile = scenario.Population.Profile;
        Assert.Equal((1500, 750), (profile.Residents, profile.Households));
        Assert.Equal(0.4, profile.Ages.Age25To44, 12);
        Assert.Equal(0.5, profile.SinglePersonHouseholdShare, 12);
        Assert.Equal(0.4, profile.OwnerOccupiedShare, 12);
        Assert.Equal(0.7, profile.Background!.Dutch, 12);
        Assert.Null(profile.Education);
        Assert.Equal("Noord, Oost", ((CbsPopulationSource)scenario.Population.Source).RegionName);
    }

    [Fact]
    public void An_unknown_gwb_code_suggests_near_codes()
    {
        InputProblem problem = Assert.Single(ScenarioLoader.Load(WithCbs("kwb.csv", "BU0001001")).Problems);

        Assert.StartsWith("$.population.cbs.gwbCode", problem.Field, StringComparison.Ordinal);
        Assert.Contains("'BU00010001'", problem.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_cbs_file_is_an_error() =>
        Assert.Contains("CBS file not found",
            Assert.Single(ScenarioLoader.Load(WithCbs("none.csv", "BU00010001")).Problems).Message, StringComparison.Ordinal);

    [Fact]
    public void A_row_without_published_numbers_is_an_error() =>
        Assert.Contains("CBS does not publish a_inw",
            Assert.Single(ScenarioLoader.Load(WithCbs("kwb.csv", "BU00010002")).Problems).Message, StringComparison.Ordinal);

    [Fact]
    public void A_non_positive_scale_is_an_error() =>
        Assert.StartsWith("$.population.cbs.scale",
            Assert.Single(ScenarioLoader.Load(WithCbs("kwb.csv", "BU00010001", 0)).Problems).Field, StringComparison.Ordinal);
}
