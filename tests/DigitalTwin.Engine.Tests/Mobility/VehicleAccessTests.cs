using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Planning;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Mobility;

public class VehicleAccessTests
{
    private const int WestStreet = 0, EastStreet = 2, CarParkLane = 4;
    private const int WestHome = 0, EastHome = 1, LaneHome = 2, Shop = 0;

    /// <summary>
    /// Both car streets along the map's edge are joined by the roads beyond it, so a home on the smaller one has a car
    /// too (with only the largest part kept, the west home had none within reach).
    /// </summary>
    [Fact]
    public void Every_part_of_the_car_network_that_reaches_the_edge_gives_its_homes_a_car()
    {
        var world = TinyWorlds.SplitCarNetwork();
        var access = new VehicleAccess(world, new Gateways(world.Network), TravelModes.Car);

        Assert.Equal(WestStreet, access.Of(Anchor.Home, WestHome, WestHome).Segment);
        Assert.Equal(EastStreet, access.Of(Anchor.Home, EastHome, EastHome).Segment);
    }

    /// <summary>A lane in the middle of the map that no car can reach or leave is not a place to park: the home beside it uses the nearest street that is.</summary>
    [Fact]
    public void A_car_part_that_reaches_no_edge_is_not_used()
    {
        var world = TinyWorlds.SplitCarNetwork();
        var access = new VehicleAccess(world, new Gateways(world.Network), TravelModes.Car);

        var position = access.Of(Anchor.Home, LaneHome, LaneHome);
        Assert.NotEqual(CarParkLane, position.Segment);
        Assert.Equal(WestStreet, position.Segment);
    }

    /// <summary>A drive stays on one part: to the shop on West Street from the west home, not from the east one.</summary>
    [Fact]
    public void A_car_trip_connects_only_positions_on_the_same_part()
    {
        var world = TinyWorlds.SplitCarNetwork();
        var access = new VehicleAccess(world, new Gateways(world.Network), TravelModes.Car);
        var shop = new Anchor(AnchorKind.Place, Shop);

        Assert.True(access.Connects(Anchor.Home, WestHome, shop, Shop, WestHome));
        Assert.False(access.Connects(Anchor.Home, EastHome, shop, Shop, EastHome));
    }

    /// <summary>Out of the map by car, every resident leaves from their own part, whichever gateway they head for.</summary>
    [Fact]
    public void A_drive_out_of_the_map_leaves_from_the_home_s_own_part()
    {
        var world = TinyWorlds.SplitCarNetwork();
        var gateways = new Gateways(world.Network);
        var access = new VehicleAccess(world, gateways, TravelModes.Car);

        Assert.True(gateways.Count >= 2);
        for (int g = 0; g < gateways.Count; g++)
        {
            var gateway = new Anchor(AnchorKind.Gateway, g);
            Assert.Equal(EastStreet, access.Of(gateway, g, EastHome).Segment);
            Assert.Equal(WestStreet, access.Of(gateway, g, WestHome).Segment);
            Assert.True(access.Connects(Anchor.Home, EastHome, gateway, g, EastHome));
        }
    }

    /// <summary>
    /// For the bike the footways cut the same world into scraps; the largest is East Street. The shop, 200 m from East
    /// Street, takes the bike from there (the cyclist wheels it the last bit), so the east home reaches it by bike,
    /// though not by car; the west home, 500 m from East Street, keeps its own street.
    /// </summary>
    [Fact]
    public void A_bike_takes_the_main_cycling_network_where_it_is_within_reach()
    {
        var world = TinyWorlds.SplitCarNetwork();
        var bike = new VehicleAccess(world, new Gateways(world.Network), TravelModes.Bike);
        var shop = new Anchor(AnchorKind.Place, Shop);

        Assert.Equal(EastStreet, bike.Of(shop, Shop, EastHome).Segment);
        Assert.True(bike.Connects(Anchor.Home, EastHome, shop, Shop, EastHome));
        Assert.Equal(WestStreet, bike.Of(Anchor.Home, WestHome, WestHome).Segment);
    }
}
