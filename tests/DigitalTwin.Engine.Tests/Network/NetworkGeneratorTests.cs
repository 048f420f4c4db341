using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine.Tests.Network;

public class NetworkGeneratorTests
{
    [Fact]
    public void A_grid_has_the_expected_nodes_segments_and_lengths()
    {
        Neighbourhood grid = NetworkGenerator.Grid(5, 7, new GeneratorOptions { SpacingMetres = 80 });
        StreetNetwork network = grid.Network;
        Assert.Equal(35, network.NodeCount);
        Assert.Equal(5 * 6 + 7 * 4, network.SegmentCount);
        Assert.All(network.LengthMetres.ToArray(), l => Assert.Equal(80f, l, 3));
        Assert.Equal(network.NodeCount, NetworkAssert.ReachableNodes(network, new NodeId(0)));
    }

    [Fact]
    public void Main_streets_are_busier_active_and_carry_the_shops_and_benches()
    {
        Neighbourhood grid = NetworkGenerator.Grid(9, 9);
        StreetNetwork network = grid.Network;
        int main = 0;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            if (network.Frontage[s] == Frontage.Active)
            {
                main++;
                Assert.Equal(3000f, network.CarVehiclesPerDay[s]);
                Assert.StartsWith("Main", network.NameOf(new SegmentId(s)), StringComparison.Ordinal);
            }
        }
        // Rows and columns 2 and 6 of 9 (every 4th, starting in the middle of the first four).
        Assert.Equal(4 * 8, main);
        foreach (PlaceRecord place in grid.Places.Records)
        {
            if (place.Kind is PlaceKind.Shop or PlaceKind.Cafe or PlaceKind.Bench or PlaceKind.TransitStop)
            {
                Assert.Equal(Frontage.Active, network.Frontage[place.Segment.Value]);
            }
        }
        // 32 main segments of 100 m with a bench every 100 m.
        Assert.Equal(32, grid.Places.CountOf(PlaceKind.Bench));
        Assert.Equal(1, grid.Places.CountOf(PlaceKind.School));
        Assert.Equal(1, grid.Places.CountOf(PlaceKind.Park));
        Assert.InRange(grid.Places.Records.Count(p => p.Kind is PlaceKind.Shop or PlaceKind.Cafe or PlaceKind.Restaurant or PlaceKind.Barber or PlaceKind.Supermarket), 8, 24);
        foreach (HomeRecord home in grid.Homes.Records)
        {
            Assert.Equal(Frontage.Residential, network.Frontage[home.Segment.Value]);
            Assert.InRange(home.Dwellings, 1, 3);
        }
        Assert.Equal((network.SegmentCount - main) * 6, grid.Homes.Count);
    }

    [Fact]
    public void A_city_sized_grid_has_schools_parks_and_playgrounds_spread_over_it()
    {
        // 41 × 41 intersections, 4 km across: a lattice of 4 × 4 schools (1 km), 2 × 2 parks and 8 × 8 playgrounds.
        Neighbourhood city = NetworkGenerator.Grid(41, 41);
        Assert.Equal(16, city.Places.CountOf(PlaceKind.School));
        Assert.Equal(4, city.Places.CountOf(PlaceKind.Park));
        Assert.Equal(64, city.Places.CountOf(PlaceKind.Playground));
        // No district is far from a school: every home within ~1 km (half the lattice diagonal plus a block).
        var schools = city.Places.Records.Where(p => p.Kind == PlaceKind.School).ToList();
        foreach (HomeRecord home in city.Homes.Records)
        {
            double nearest = schools.Min(s => Math.Sqrt(((s.X - home.X) * (s.X - home.X)) + ((s.Y - home.Y) * (s.Y - home.Y))));
            Assert.True(nearest < 850, $"a home {nearest:0} m from the nearest school");
        }
    }

    [Fact]
    public void Places_and_homes_lie_on_their_segments()
    {
        Neighbourhood town = NetworkGenerator.Radial(4, 8);
        var snapper = new SegmentSnapper(town.Network);
        foreach (PlaceRecord place in town.Places.Records)
        {
            SnapResult snap = snapper.Snap(place.X, place.Y, 1)!.Value;
            Assert.True(snap.DistanceMetres < 1e-6);
            Assert.InRange(place.OffsetMetres, 0, town.Network.LengthMetres[place.Segment.Value]);
        }
    }

    [Fact]
    public void A_radial_town_has_rings_and_spokes_and_is_connected()
    {
        Neighbourhood town = NetworkGenerator.Radial(3, 6, new GeneratorOptions { SpacingMetres = 100 });
        StreetNetwork network = town.Network;
        Assert.Equal(1 + 3 * 6, network.NodeCount);
        Assert.Equal(3 * 6 + 3 * 6, network.SegmentCount);
        Assert.Equal(network.NodeCount, NetworkAssert.ReachableNodes(network, new NodeId(0)));
        // An arc of ring 1 (radius 100 m, 60°) is about 104.7 m, longer than its 100 m chord.
        int ring1 = 3 * 6;
        Assert.Equal(Math.PI * 100 / 3, network.LengthMetres[ring1], 0.5);
    }

    [Fact]
    public void The_same_seed_gives_the_same_neighbourhood_and_another_seed_another()
    {
        Neighbourhood a = NetworkGenerator.Grid(12, 12, new GeneratorOptions { Seed = 7 });
        Neighbourhood b = NetworkGenerator.Grid(12, 12, new GeneratorOptions { Seed = 7 });
        Neighbourhood c = NetworkGenerator.Grid(12, 12, new GeneratorOptions { Seed = 8 });
        Assert.Equal(a.Places.Records, b.Places.Records);
        Assert.Equal(a.Homes.Records, b.Homes.Records);
        Assert.NotEqual(a.Homes.Dwellings.ToArray(), c.Homes.Dwellings.ToArray());
    }

    [Fact]
    public void A_hundred_thousand_segments_are_generated()
    {
        // 224 × 224 intersections: 2 × 224 × 223 = 99,904 segments (a benchmark-sized city).
        Neighbourhood city = NetworkGenerator.Grid(224, 224);
        Assert.Equal(99_904, city.Network.SegmentCount);
        Assert.True(city.Homes.TotalDwellings > 500_000);
    }
}
