using DigitalTwin.Engine;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.TestKit;

/// <summary>Hand-made street networks small enough to reason about in a test.</summary>
public static class TinyNetworks
{
    /// <summary>Where the tiny networks sit on Earth: the Wippolder, so lon/lat in tests look familiar.</summary>
    public static GeoReference Origin { get; } = new(4.37, 52.0);

    /// <summary>
    /// A T-junction with names: Mekelweg runs west-east from (0,0) over (100,0) to (200,0) as two segments of OSM
    /// way 100; Schoemakerstraat (way 200) runs north from (100,0) to (100,100); an unnamed footway (way 300) runs
    /// from (200,0) to (200,-50). Coordinates in metres from <see cref="Origin"/>.
    /// </summary>
    public static Neighbourhood NamedT()
    {
        var builder = new StreetNetworkBuilder(Origin);
        NodeId west = builder.AddNode(0, 0);
        NodeId middle = builder.AddNode(100, 0);
        NodeId east = builder.AddNode(200, 0);
        NodeId north = builder.AddNode(100, 100);
        NodeId south = builder.AddNode(200, -50);
        builder.AddSegment(west, middle, Street("Mekelweg", 100, HighwayKind.Tertiary));
        builder.AddSegment(middle, east, Street("Mekelweg", 100, HighwayKind.Tertiary));
        builder.AddSegment(middle, north, Street("Schoemakerstraat", 200, HighwayKind.Residential));
        builder.AddSegment(east, south, Street(string.Empty, 300, HighwayKind.Footway));
        return new Neighbourhood(builder.Build(), PlaceSet.Empty, HomeSet.Empty);
    }

    /// <summary>The lon/lat of a point given in metres from <see cref="Origin"/>.</summary>
    public static (double Longitude, double Latitude) LonLat(double x, double y) => Origin.Unproject(x, y);

    private static SegmentAttributes Street(string name, long wayId, HighwayKind kind) => new()
    {
        Name = name,
        OsmWayId = wayId,
        Highway = kind,
        ModesForward = TravelModes.All,
        ModesBackward = TravelModes.All,
        PavementWidthMetres = 2,
    };
}
