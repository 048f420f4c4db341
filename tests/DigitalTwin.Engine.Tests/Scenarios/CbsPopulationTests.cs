using System.Text.Json.Nodes;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

/// <summary>
/// The scenario side of a CBS population: scaling, the recorded source, and problems that point at the scenario field
/// and name the CSV. Reading the CSV itself (columns, ".", quotes, suggestions) is tested in CbsKerncijfersTests.
/// </summary>
public sealed class CbsPopulationTests : IDisposable
{
    private const string Csv = """
        gwb_code,regio,recs,a_inw,a_man,a_vrouw,a_00_14,a_15_24,a_25_44,a_45_64,a_65_oo,a_hh,a_1p_hh,a_hh_z_k,a_hh_m_k,p_koopw,p_huurw
        BU00010001,"Noord, Oost",Buurt,1000,500,500,100,200,400,200,100,500,250,150,100,40,60
        BU00010002,Zuid,Buurt,.,.,.,.,.,.,.,.,.,.,.,.,.,.
        BU00010003,Haven,Buurt,0,0,0,0,0,0,0,0,0,0,0,0,.,.
        """;

    private readonly ScenarioBuilder _files = new();

    public CbsPopulationTests() => _files.WriteText("kwb.csv", Csv);

    public void Dispose() => _files.Dispose();

    private string WithCbs(string file, string code, double scale = 1) => _files.Set("population", new JsonObject
    {
        ["cbs"] = new JsonObject { ["file"] = file, ["gwbCode"] = code, ["scale"] = scale },
    }).Write();

    private static InputProblem OnlyProblem(string scenario) => Assert.Single(ScenarioLoader.Load(scenario).Problems);

    [Fact]
    public void A_cbs_row_becomes_a_scaled_profile_with_its_source()
    {
        Scenario scenario = ScenarioLoader.Load(WithCbs("kwb.csv", "bu00010001", 1.5)).Unwrap();

        NeighbourhoodProfile profile = scenario.Population.Profile;
        Assert.Equal((1500, 750), (profile.Residents, profile.Households));
        Assert.Equal(new AgeShares(100, 200, 400, 200, 100), profile.Age); // shares are not rescaled
        Assert.Equal(new CbsPopulationSource(Path.Combine(_files.Directory, "kwb.csv"), "BU00010001", "Noord, Oost", 1.5),
            scenario.Population.Source);
        Assert.Equal("CBS BU00010001 Noord, Oost x 1.5", scenario.Population.Describe());
        Assert.StartsWith("$.population.cbs (line ", scenario.Population.Origin.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_gwb_code_points_at_the_field_names_the_csv_and_suggests_near_codes()
    {
        InputProblem problem = OnlyProblem(WithCbs("kwb.csv", "BU0001001"));

        Assert.EndsWith("scenario.json", problem.File, StringComparison.Ordinal);
        Assert.Matches(@"^\$\.population\.cbs\.gwbCode \(line \d+\)$", problem.Field);
        Assert.StartsWith("kwb.csv (gwb_code): no area with gwb_code 'BU0001001'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("BU00010001 (Noord, Oost)", problem.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_municipality_code_is_refused_as_a_neighbourhood()
    {
        InputProblem problem = OnlyProblem(WithCbs("kwb.csv", "GM0001"));

        Assert.Matches(@"^\$\.population\.cbs\.gwbCode \(line \d+\)$", problem.Field);
        Assert.StartsWith("'GM0001' is not a buurt (BU…) or wijk (WK…) code", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_cbs_file_points_at_the_file_field()
    {
        InputProblem problem = OnlyProblem(WithCbs("none.csv", "BU00010001"));

        Assert.StartsWith("$.population.cbs.file", problem.Field, StringComparison.Ordinal);
        Assert.StartsWith("CBS file not found: none.csv", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_cbs_table_points_at_the_file_field()
    {
        _files.WriteText("other.csv", "code,a_inw\nBU1,5\n");

        InputProblem problem = OnlyProblem(WithCbs("other.csv", "BU1"));

        Assert.StartsWith("$.population.cbs.file", problem.Field, StringComparison.Ordinal);
        Assert.StartsWith("other.csv (line 1): no gwb_code column", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_without_inhabitants_is_an_error_at_the_code()
    {
        InputProblem unpublished = OnlyProblem(WithCbs("kwb.csv", "BU00010002"));
        InputProblem empty = OnlyProblem(WithCbs("kwb.csv", "BU00010003"));

        Assert.StartsWith("$.population.cbs.gwbCode", unpublished.Field, StringComparison.Ordinal);
        Assert.Contains("kwb.csv (a_inw): the number of inhabitants of BU00010002 is not available", unpublished.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.population.cbs.gwbCode", empty.Field, StringComparison.Ordinal);
        Assert.Contains("has no inhabitants", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scale_out_of_range_is_an_error_at_the_scale() =>
        Assert.StartsWith("$.population.cbs.scale", OnlyProblem(WithCbs("kwb.csv", "BU00010001", 0)).Field, StringComparison.Ordinal);
}
