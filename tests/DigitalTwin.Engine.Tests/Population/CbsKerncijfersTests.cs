using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Outcomes;

namespace DigitalTwin.Engine.Tests.Population;

public class CbsKerncijfersTests
{
    [Fact]
    public void Reads_a_row_whose_quoted_name_holds_commas_and_quotes()
    {
        var result = CbsKerncijfers.Read(PopulationFixtures.MiniCsv, "BU99990001");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        NeighbourhoodProfile profile = result.Unwrap();
        Assert.Equal("BU99990001", profile.Code);
        Assert.Equal("Dorp, Oude \"Kern\" en omgeving", profile.Name);
        Assert.Equal(1000, profile.Residents);
        Assert.Equal(450, profile.Households);
        Assert.Equal(2.2, profile.AverageHouseholdSize);
        Assert.Equal(new AgeShares(200, 100, 300, 250, 150), profile.Age);
        Assert.Equal(0.30, profile.EffectiveAge.YoungAdult, 12);
        Assert.Equal(0.52, profile.WomenShare!.Value, 12);
        Assert.Equal(0.25, profile.EffectiveBackground.NonEuropean, 12);
        Assert.Equal(0.40, profile.EffectiveHouseholdTypes.OnePerson, 12);
        Assert.Equal(0.40, profile.OwnerShare!.Value, 12);
    }

    [Fact]
    public void Dots_and_empty_fields_become_null_and_fall_back_to_national_figures()
    {
        NeighbourhoodProfile first = CbsKerncijfers.Read(PopulationFixtures.MiniCsv, "BU99990001").Unwrap();
        Assert.Null(first.Education);
        Assert.Null(first.LabourParticipation);
        Assert.Equal(DutchNationalDefaults.Education.Normalised(), first.EffectiveEducation);
        Assert.Equal(DutchNationalDefaults.LabourParticipation, first.EffectiveLabourParticipation);

        NeighbourhoodProfile second = CbsKerncijfers.Read(PopulationFixtures.MiniCsv, "BU99990002").Unwrap();
        Assert.Null(second.OwnerShare); // p_koopw "." and p_huurw empty
        Assert.Equal(DutchNationalDefaults.OwnerShare, second.EffectiveOwnerShare);
        Assert.Equal(1.0 / 6, second.EffectiveEducation.Low, 12);
        Assert.Equal(0.78, second.LabourParticipation!.Value, 12);
    }

    [Fact]
    public void Missing_columns_are_null_not_errors()
    {
        const string Csv = "gwb_code,regio,a_inw,a_man,a_vrouw\nBU1,Klein,250,100,150\n";

        NeighbourhoodProfile profile = CbsKerncijfers.Parse(new StringReader(Csv), "small.csv", "BU1").Unwrap();

        Assert.Equal(250, profile.Residents);
        Assert.Equal(0.6, profile.WomenShare!.Value, 12);
        Assert.Null(profile.Age);
        Assert.Null(profile.HouseholdTypes);
        Assert.Null(profile.Households);
        Assert.Equal(DutchNationalDefaults.Age.Normalised(), profile.EffectiveAge);
        Assert.Equal((int)Math.Round(250 / DutchNationalDefaults.AverageHouseholdSize), profile.EffectiveHouseholds);
    }

    [Fact]
    public void The_degree_of_urbanisation_picks_the_travel_surveys_area_type()
    {
        const string Csv = "gwb_code,regio,a_inw,ste_mvs\nBU1,Binnenstad,2500,1\nBU2,Polder,80,5\nBU3,Onbekend,300,.\nBU4,Fout,300,7\n";
        int? Class(string code) => CbsKerncijfers.Parse(new StringReader(Csv), "u.csv", code).Unwrap().UrbanisationClass;

        Assert.Equal(1, Class("BU1"));
        Assert.Equal(5, Class("BU2"));
        Assert.Null(Class("BU3"));
        Assert.Null(Class("BU4"));
        Assert.Equal("extremely urbanised areas", TravelVolumes.ForAreaType(1).Residents);
        Assert.Equal("the Netherlands", TravelVolumes.ForAreaType(null).Residents);
        // CBS 84710, 2019: the most urbanised areas drive least and walk and ride public transport most.
        var surveys = Enumerable.Range(1, 5).Select(c => TravelVolumes.ForAreaType(c).Odin2019).ToList();
        Assert.True(surveys.Zip(surveys.Skip(1)).All(p => p.First.CarShare < p.Second.CarShare), "car share grows as urbanisation falls");
        Assert.True(surveys[0].WalkShare > surveys[4].WalkShare && surveys[0].TransitShare > surveys[4].TransitShare);
        Assert.All(surveys, s => Assert.Equal(1, s.WalkShare + s.BikeShare + s.CarShare + s.TransitShare, 9));
    }

    [Fact]
    public void Unknown_code_is_a_problem_that_suggests_the_nearest_codes()
    {
        var result = CbsKerncijfers.Read(PopulationFixtures.MiniCsv, "BU9999001");

        InputProblem problem = Assert.Single(result.Problems);
        Assert.Equal("gwb_code", problem.Field);
        Assert.Contains("BU9999001", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Suggestion);
        Assert.Contains("BU99990001", problem.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_typed_instead_of_a_code_suggests_that_area_code()
    {
        var result = CbsKerncijfers.Read(PopulationFixtures.MiniCsv, "nieuwbouw");

        Assert.StartsWith("did you mean BU99990002 (Nieuwbouw Zuid)", Assert.Single(result.Problems).Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_problem_naming_the_file()
    {
        var result = CbsKerncijfers.Read("/nonexistent/kwb.csv", "BU1");

        Assert.False(result.Succeeded);
        Assert.Equal("/nonexistent/kwb.csv", Assert.Single(result.Problems).File);
    }

    [Fact]
    public void A_row_with_too_few_fields_is_a_problem_naming_the_line()
    {
        var problem = Assert.Single(CbsKerncijfers.Read(PopulationFixtures.MiniCsv, "BU99990004").Problems);

        Assert.Equal("line 6", problem.Field);
        Assert.Contains("8 fields where the header has 27", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_a_problem_naming_the_column()
    {
        var problem = Assert.Single(CbsKerncijfers.Read(PopulationFixtures.MiniCsv, "BU99990005").Problems);

        Assert.Equal("a_inw", problem.Field);
        Assert.Contains("'veel'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_quote_is_reported()
    {
        const string Csv = "gwb_code,regio,a_inw\nBU1,\"Open,250\n";

        var problem = Assert.Single(CbsKerncijfers.Parse(new StringReader(Csv), "q.csv", "BU1").Problems);

        Assert.Contains("unterminated quote", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_gwb_code_column_is_a_problem()
    {
        var problem = Assert.Single(CbsKerncijfers.Parse(new StringReader("code,a_inw\nBU1,5\n"), "x.csv", "BU1").Problems);

        // Header problems are at line 1, apart from "no such code" (field gwb_code): the scenario loader tells them apart.
        Assert.Equal("line 1", problem.Field);
        Assert.Contains("no gwb_code column", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_bundled_Utrecht_file()
    {
        NeighbourhoodProfile profile = CbsKerncijfers.Read(PopulationFixtures.UtrechtCsv, "BU03440111").Unwrap();

        Assert.Equal("Welgelegen, Den Hommel", profile.Name);
        Assert.Equal(1810, profile.Residents);
        Assert.Equal(new AgeShares(200, 235, 780, 235, 360), profile.Age);
        Assert.Equal(new BackgroundShares(1400, 155, 255), profile.Background);
        Assert.Equal(new HouseholdTypeShares(630, 295, 145), profile.HouseholdTypes);
        Assert.Equal(1070, profile.Households);
        Assert.Equal(1.6, profile.AverageHouseholdSize);
        Assert.Equal(0.44, profile.OwnerShare!.Value, 12);
        Assert.Equal(960.0 / 1805, profile.WomenShare!.Value, 12);
        Assert.Null(profile.Education); // empty in the 2023 release
    }

    [Fact]
    public void Utrecht_business_park_without_tenure_figures_reads_with_nulls()
    {
        NeighbourhoodProfile profile = CbsKerncijfers.Read(PopulationFixtures.UtrechtCsv, "BU03440953").Unwrap();

        Assert.Equal(55, profile.Residents);
        Assert.Null(profile.OwnerShare);
    }
}
