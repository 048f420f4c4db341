using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.IO;

public class MapLoaderTests(DelftImportFixture delft) : IClassFixture<DelftImportFixture>
{
    private ImportReport Report => delft.Map.Report;

    private Neighbourhood Delft => delft.Map.Neighbourhood;

    [Fact]
    public void Delft_reads_all_highway_ways_and_keeps_their_walkable_part()
    {
        // The extract holds 1,724 highway ways (data README: "about 1,700").
        Assert.Equal(1724, Report.HighwayWaysRead);
        Assert.Equal(615, Report.WaysByHighway["footway"]);
        Assert.Equal(170, Report.WaysByHighway["residential"]);
        // Motorway, trunk, construction, proposed, busway and ways closed to everyone (access=private, no).
        Assert.InRange(Report.DroppedNotForPeopleWays, 150, 250);
        Assert.InRange(Report.SegmentsKept, 2800, 3500);
        Assert.InRange(Report.KilometresKept, 85, 105);
        Assert.True(Report.DroppedIslandSegments > 0 && Report.DroppedIslandSegments < Report.SegmentsKept / 20,
            $"{Report.DroppedIslandSegments} island segments");
        // All but the main roads' carriageways, kept for cars only (their pavements and cycle tracks are ways of their own).
        Assert.InRange(Report.KilometresKept - Report.KilometresByMode["walk"], 1, 6);
        Assert.True(Report.KilometresByMode["bike"] > 40);
        Assert.True(Report.KilometresByMode["car"] > 30);
        Assert.Equal(Report.SegmentsKept, Delft.Network.SegmentCount);
    }

    [Fact]
    public void Delft_keeps_its_benches_shops_cafes_schools_and_stops()
    {
        // 68 bench nodes and 6 benches drawn as ways.
        Assert.Equal(74, Delft.Places.CountOf(PlaceKind.Bench));
        Assert.InRange(Delft.Places.CountOf(PlaceKind.Shop) + Delft.Places.CountOf(PlaceKind.Supermarket) + Delft.Places.CountOf(PlaceKind.Barber), 40, 50);
        Assert.True(Delft.Places.CountOf(PlaceKind.Supermarket) > 0);
        Assert.True(Delft.Places.CountOf(PlaceKind.Cafe) > 0);
        Assert.True(Delft.Places.CountOf(PlaceKind.Restaurant) > 10);
        Assert.True(Delft.Places.CountOf(PlaceKind.School) > 0);
        Assert.True(Delft.Places.CountOf(PlaceKind.Playground) > 10);
        Assert.InRange(Delft.Places.CountOf(PlaceKind.TransitStop), 20, 45);
        Assert.True(Report.TransitStopsMerged > 0, "platform and stop position of one stop must merge");
        Assert.Equal(0, Report.PlacesDropped);
    }

    [Fact]
    public void Delft_has_thousands_of_homes_without_counting_addresses_twice()
    {
        Assert.InRange(Report.AddressPoints, 8800, 9000);
        Assert.InRange(Report.Homes, 1500, 2500);
        Assert.InRange(Report.Dwellings, 7000, 9500);
        // Every address point is counted once: inside a residential building, a home of its own, or not a home.
        int standalone = Delft.Homes.Records.Count(h => h.OsmId > 0);
        Assert.Equal(Report.AddressPoints, Report.AddressPointsInsideResidentialBuildings + standalone + Report.AddressPointsNotHomes);
        Assert.True(Report.Dwellings <= Report.AddressPoints + Report.ResidentialBuildings);
    }

    [Fact]
    public void Every_place_and_home_is_snapped_to_a_walkable_segment_within_reach()
    {
        StreetNetwork network = Delft.Network;
        foreach (PlaceRecord place in Delft.Places.Records)
        {
            Assert.True((network.ModesEither(place.Segment) & TravelModes.Walk) != 0);
            Assert.InRange(place.OffsetMetres, 0, network.LengthMetres[place.Segment.Value]);
        }
        foreach (HomeRecord home in Delft.Homes.Records)
        {
            Assert.True((network.ModesEither(home.Segment) & TravelModes.Walk) != 0);
            Assert.InRange(home.OffsetMetres, 0, network.LengthMetres[home.Segment.Value]);
        }
    }

    [Fact]
    public void Delft_segments_keep_osm_ids_and_the_network_is_connected()
    {
        StreetNetwork network = Delft.Network;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            Assert.True(network.OsmWayId[s] > 0);
            Assert.NotEqual(network.SegmentFrom[s], network.SegmentTo[s]);
            Assert.True(network.LengthMetres[s] > 0);
        }
        foreach (long id in network.NodeOsmId)
        {
            Assert.True(id > 0);
        }
        Assert.Equal(network.NodeCount, NetworkAssert.ReachableNodes(network, new NodeId(0)));
        Assert.Contains("Mekelweg", network.Names.ToArray());
    }

    [Fact]
    public void Xml_and_pbf_of_the_same_area_give_the_same_network()
    {
        var xml = MapLoader.Load(RepositoryFiles.DelftXml).Unwrap();
        StreetNetwork a = Delft.Network, b = xml.Neighbourhood.Network;
        Assert.Equal(a.SegmentCount, b.SegmentCount);
        Assert.Equal(a.NodeCount, b.NodeCount);
        Assert.Equal(a.OsmWayId.ToArray(), b.OsmWayId.ToArray());
        Assert.Equal(a.NodeOsmId.ToArray(), b.NodeOsmId.ToArray());
        for (int s = 0; s < a.SegmentCount; s++)
        {
            Assert.Equal(a.LengthMetres[s], b.LengthMetres[s], 0.01);
            Assert.Equal(a.AttributesOf(new SegmentId(s)), b.AttributesOf(new SegmentId(s)));
        }
        // The XML extract keeps the amenities too, so the places agree; it has no buildings, hence few homes.
        Assert.Equal(Delft.Places.Count, xml.Neighbourhood.Places.Count);
    }

    [Fact]
    public void Amsterdam_fixture_imports_its_few_streets()
    {
        var result = MapLoader.Load(RepositoryFiles.AmsterdamPbf);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        ImportReport report = result.Unwrap().Report;
        Assert.Equal(54, report.HighwayWaysRead);
        Assert.Equal(6, report.DroppedNotForPeopleWays); // the trunk road
        Assert.InRange(report.SegmentsKept, 60, 100);
        Assert.InRange(report.KilometresKept, 6, 10);
        Assert.Equal(0, report.PlacesByKind.GetValueOrDefault(PlaceKind.Shop));
        Assert.True(report.Homes > 0);
    }

    [Fact]
    public void A_bounding_polygon_keeps_only_what_lies_inside()
    {
        // The western third of the Delft extract.
        (double, double)[] ring = [(4.355, 51.995), (4.365, 51.995), (4.365, 52.005), (4.355, 52.005)];
        var clipped = MapLoader.Load(RepositoryFiles.DelftPbf, new MapLoadOptions { BoundingPolygon = ring }).Unwrap();
        Assert.True(clipped.Report.DroppedOutsideBoundarySegments > 0);
        Assert.InRange(clipped.Report.SegmentsKept, 100, Report.SegmentsKept / 2);
        Assert.True(clipped.Report.PlacesKept < Report.PlacesKept);
        GeoReference geo = clipped.Neighbourhood.Network.GeoReference;
        foreach (PlaceRecord place in clipped.Neighbourhood.Places.Records)
        {
            var (lon, _) = geo.Unproject(place.X, place.Y);
            Assert.InRange(lon, 4.355, 4.365);
        }
    }

    [Fact]
    public void Loading_is_deterministic()
    {
        var again = MapLoader.Load(RepositoryFiles.DelftPbf).Unwrap();
        Assert.Equal(Delft.Network.SegmentFrom.ToArray(), again.Neighbourhood.Network.SegmentFrom.ToArray());
        Assert.Equal(Delft.Places.Records, again.Neighbourhood.Places.Records);
        Assert.Equal(Delft.Homes.Records, again.Neighbourhood.Homes.Records);
    }
}
