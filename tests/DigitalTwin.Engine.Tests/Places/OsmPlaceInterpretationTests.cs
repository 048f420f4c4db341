using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine.Tests.Places;

public class OsmPlaceInterpretationTests
{
    private static Dictionary<string, string> Tags(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);

    [Theory]
    [InlineData("shop=bakery", PlaceKind.Shop)]
    [InlineData("shop=supermarket", PlaceKind.Supermarket)]
    [InlineData("shop=hairdresser", PlaceKind.Barber)]
    [InlineData("shop=barber", PlaceKind.Barber)]
    [InlineData("amenity=cafe", PlaceKind.Cafe)]
    [InlineData("amenity=fast_food", PlaceKind.Restaurant)]
    [InlineData("amenity=bar", PlaceKind.Pub)]
    [InlineData("amenity=marketplace", PlaceKind.Market)]
    [InlineData("amenity=school", PlaceKind.School)]
    [InlineData("amenity=kindergarten", PlaceKind.Kindergarten)]
    [InlineData("amenity=community_centre", PlaceKind.CommunityCentre)]
    [InlineData("amenity=place_of_worship", PlaceKind.PlaceOfWorship)]
    [InlineData("amenity=library", PlaceKind.Library)]
    [InlineData("amenity=bench", PlaceKind.Bench)]
    [InlineData("amenity=pharmacy", PlaceKind.Healthcare)]
    [InlineData("leisure=playground", PlaceKind.Playground)]
    [InlineData("leisure=park", PlaceKind.Park)]
    [InlineData("leisure=sports_centre", PlaceKind.SportsCentre)]
    [InlineData("highway=bus_stop", PlaceKind.TransitStop)]
    [InlineData("railway=tram_stop", PlaceKind.TransitStop)]
    [InlineData("public_transport=platform", PlaceKind.TransitStop)]
    [InlineData("public_transport=stop_position", PlaceKind.TransitStop)]
    public void Tags_name_the_place_kind(string tags, PlaceKind kind) =>
        Assert.Equal(kind, OsmPlaceInterpretation.Classify(Tags(tags)));

    [Theory]
    [InlineData("shop=vacant")]
    [InlineData("amenity=parking")]
    [InlineData("leisure=picnic_table")]
    [InlineData("highway=residential")]
    [InlineData("addr:housenumber=12")]
    public void Other_tags_are_no_place(string tags) => Assert.Null(OsmPlaceInterpretation.Classify(Tags(tags)));

    [Theory]
    [InlineData("amenity=bench", 3)]
    [InlineData("amenity=bench;seats=5", 5)]
    [InlineData("amenity=bench;capacity=4", 4)]
    [InlineData("amenity=bench;seats=2;capacity=4", 2)]
    [InlineData("amenity=bench;seats=lots", 3)]
    [InlineData("amenity=cafe;capacity=80", 80)]
    [InlineData("amenity=cafe", 30)]
    public void Capacity_uses_seats_then_capacity_then_the_default(string tags, int expected)
    {
        var t = Tags(tags);
        Assert.Equal(expected, OsmPlaceInterpretation.CapacityOf(t, OsmPlaceInterpretation.Classify(t)!.Value));
    }

    [Fact]
    public void Every_place_kind_has_a_positive_default_capacity()
    {
        foreach (PlaceKind kind in Enum.GetValues<PlaceKind>())
        {
            Assert.True(OsmPlaceInterpretation.DefaultCapacity(kind) > 0);
        }
    }
}
