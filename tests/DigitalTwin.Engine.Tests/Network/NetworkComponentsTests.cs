using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Network;

public class NetworkComponentsTests
{
    /// <summary>
    /// A driver placed on a one-way road that leads out with no way back (a main road cut at the map's edge) could
    /// never return: the largest part is strongly connected, so such a road is not in it, for cars; on foot it is.
    /// </summary>
    [Fact]
    public void A_one_way_road_with_no_way_back_is_not_in_the_largest_part_for_cars()
    {
        var builder = new StreetNetworkBuilder(TinyWorlds.Origin);
        NodeId a = builder.AddNode(0, 0), b = builder.AddNode(100, 0), c = builder.AddNode(100, 100), d = builder.AddNode(300, 0);
        var street = TinyWorlds.Street("Loop");
        builder.AddSegment(a, b, street);
        builder.AddSegment(b, c, street);
        builder.AddSegment(c, a, street);
        var oneWayOut = TinyWorlds.Street("Out") with { ModesForward = TravelModes.Walk | TravelModes.Car, ModesBackward = TravelModes.Walk };
        builder.AddSegment(b, d, oneWayOut);
        var network = builder.Build();

        Assert.Equal([true, true, true, false], NetworkComponents.Largest(network, TravelModes.Car));
        Assert.Equal([true, true, true, true], NetworkComponents.Largest(network, TravelModes.Walk));
    }

    [Fact]
    public void Two_car_streets_joined_only_by_a_footway_are_separate_for_a_driver()
    {
        var builder = new StreetNetworkBuilder(TinyWorlds.Origin);
        NodeId a = builder.AddNode(0, 0), b = builder.AddNode(200, 0), c = builder.AddNode(250, 0), d = builder.AddNode(350, 0);
        builder.AddSegment(a, b, TinyWorlds.Street("Long street"));
        builder.AddSegment(b, c, TinyWorlds.Street("Path") with { Highway = HighwayKind.Footway, ModesForward = TravelModes.Walk, ModesBackward = TravelModes.Walk });
        builder.AddSegment(c, d, TinyWorlds.Street("Short street"));

        Assert.Equal([true, false, false], NetworkComponents.Largest(builder.Build(), TravelModes.Car));
    }
}
