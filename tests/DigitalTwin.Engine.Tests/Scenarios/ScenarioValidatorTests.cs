using System.Text.Json.Nodes;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

public sealed class ScenarioValidatorTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private IReadOnlyList<InputProblem> Validate() =>
        ScenarioValidator.ValidateAgainstMap(ScenarioLoader.Load(_files.Write()).Unwrap(), TinyWorlds.NamedT());

    private static JsonArray At(double x, double y)
    {
        (double longitude, double latitude) = TinyWorlds.LonLat(x, y);
        return new JsonArray(longitude, latitude);
    }

    [Fact]
    public void Addresses_that_resolve_give_no_problem()
    {
        _files.WidenPavement("Mekelweg", 3).Intervention(new JsonObject
        {
            ["type"] = "new-place", ["kind"] = "bench", ["point"] = At(50, 10),
        });

        Assert.Empty(Validate());
    }

    [Fact]
    public void An_unknown_street_name_suggests_the_nearest_names()
    {
        _files.WidenPavement("Mekelwg", 3);

        InputProblem problem = Assert.Single(Validate());

        Assert.Equal("no street named 'Mekelwg' in the map", problem.Message);
        Assert.Equal("did you mean 'Mekelweg'?", problem.Suggestion);
        Assert.StartsWith("$.interventions[0].streets (line ", problem.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_osm_way_id_is_named()
    {
        _files.Intervention(new JsonObject
        {
            ["type"] = "car-free", ["streets"] = new JsonObject { ["osmWayIds"] = new JsonArray(100, 999) },
        });

        Assert.Equal("OSM way 999 is not a street of the map", Assert.Single(Validate()).Message);
    }

    [Fact]
    public void A_point_that_selects_no_segment_says_how_far_the_nearest_is()
    {
        _files.Intervention(new JsonObject
        {
            ["type"] = "lighting", ["streets"] = new JsonObject { ["point"] = At(50, 50), ["radiusMetres"] = 20 },
        });

        InputProblem problem = Assert.Single(Validate());

        Assert.Equal("no street within 20 m of the point", problem.Message);
        Assert.Equal("the nearest street is 50 m away", problem.Suggestion);
    }

    [Fact]
    public void A_green_space_drawn_off_the_map_is_an_error_not_a_park_of_billions_of_square_metres()
    {
        _files.Intervention(new JsonObject
        {
            ["type"] = "green-space", ["name"] = "far",
            ["polygon"] = new JsonArray(new JsonArray(0, 0), new JsonArray(1, 0), new JsonArray(1, 1), new JsonArray(0, 1), new JsonArray(0, 0)),
        }).Intervention(new JsonObject
        {
            ["type"] = "green-space", ["name"] = "near", ["polygon"] = new JsonArray(At(20, 20), At(80, 20), At(80, 80)),
        });

        InputProblem problem = Assert.Single(Validate());

        Assert.Contains("km from the nearest street of the map; a park's outline must have a corner within 250 m of one", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.interventions[0].polygon", problem.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void A_polygon_that_selects_no_segment_is_an_error()
    {
        _files.Intervention(new JsonObject
        {
            ["type"] = "remove-benches",
            ["streets"] = new JsonObject { ["polygon"] = new JsonArray(At(20, 20), At(80, 20), At(80, 80)) },
        });

        Assert.Equal("the polygon contains no street of the map", Assert.Single(Validate()).Message);
    }

    [Fact]
    public void A_point_far_from_any_street_is_an_error()
    {
        _files.Intervention(new JsonObject
        {
            ["type"] = "population", ["point"] = At(1000, 1000), ["dwellings"] = 10, ["householdSize"] = 2,
        });

        InputProblem problem = Assert.Single(Validate());

        Assert.StartsWith("$.interventions[0].point", problem.Field, StringComparison.Ordinal);
    }
}
