using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Mobility;

public class LateralPlacementTests
{
    private static readonly StreetCrossSectionParameters CrossSection = StreetCrossSectionParameters.Default;

    private static StreetNetwork OneSegment(SegmentAttributes attributes)
    {
        var builder = new StreetNetworkBuilder(new GeoReference(4.36, 52.01));
        builder.AddSegment(builder.AddNode(0, 0), builder.AddNode(100, 0), attributes);
        return builder.Build();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void A_walker_on_a_residential_street_is_on_a_pavement_beside_the_carriageway(double outward)
    {
        var network = OneSegment(TinyWorlds.StreetWith(pavementWidthMetres: 3f));
        float left = LateralPlacement.Walker(network, 0, 1, true, outward, CrossSection);
        float right = LateralPlacement.Walker(network, 0, 1, false, outward, CrossSection);
        float leftGoingBack = LateralPlacement.Walker(network, 0, -1, true, outward, CrossSection);

        Assert.InRange(left, 2.75, 2.75 + 1.5);
        Assert.Equal(-left, right);
        Assert.Equal(right, leftGoingBack);
        Assert.Equal(2.75 + outward * 1.5, left, 5);
    }

    [Fact]
    public void Walkers_on_a_footway_or_living_street_share_the_width()
    {
        var footway = OneSegment(TinyWorlds.StreetWith(pavementWidthMetres: 3f) with { Highway = HighwayKind.Footway, ModesForward = TravelModes.Walk, ModesBackward = TravelModes.Walk });
        var woonerf = OneSegment(TinyWorlds.StreetWith(pavementWidthMetres: 6f) with { Highway = HighwayKind.LivingStreet });

        Assert.Equal(-1.5f, LateralPlacement.Walker(footway, 0, 1, true, 0, CrossSection));
        Assert.Equal(0f, LateralPlacement.Walker(footway, 0, -1, false, 0.5, CrossSection));
        Assert.Equal(0, LateralPlacement.CarriagewayMetres(woonerf, 0, CrossSection));
        Assert.InRange(LateralPlacement.Walker(woonerf, 0, 1, true, 0.9, CrossSection), 2.3, 2.5);
    }

    [Fact]
    public void Cyclists_keep_right_near_the_carriageway_edge_and_stays_sit_at_the_pavement_edge()
    {
        var street = OneSegment(TinyWorlds.StreetWith(pavementWidthMetres: 4f) with { Highway = HighwayKind.Tertiary });

        Assert.Equal(-(3.25f - 0.75f), LateralPlacement.Cyclist(street, 0, 1, CrossSection));
        Assert.Equal(3.25f - 0.75f, LateralPlacement.Cyclist(street, 0, -1, CrossSection));
        Assert.Equal(3.25f + 2f, LateralPlacement.StreetStay(street, 0, true, CrossSection));
        Assert.Equal(-(3.25f + 2f), LateralPlacement.StreetStay(street, 0, false, CrossSection));
    }
}
