using DigitalTwin.Engine;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.TestKit;

/// <summary>
/// The test kit's hand-made tiny worlds, small enough to reason about in a test that reads as a story: neighbourhoods
/// with homes and places (this file) and bare street networks (TinyWorlds.Streets.cs). Coordinates are metres from
/// <see cref="Origin"/> (x east, y north); every street is a residential street open to everyone, unless the world
/// says otherwise.
/// </summary>
internal static partial class TinyWorlds
{
    /// <summary>Where the tiny worlds lie: the Wippolder in Delft, so lon/lat in tests look familiar.</summary>
    public static GeoReference Origin { get; } = new(4.37, 52.0);

    /// <summary>The lon/lat of a point given in metres from <see cref="Origin"/>.</summary>
    public static (double Longitude, double Latitude) LonLat(double x, double y) => Origin.Unproject(x, y);

    /// <summary>A residential street with the given name (the generator's residential template).</summary>
    public static SegmentAttributes Street(string name) => GeneratorOptions.ResidentialStreet with { Name = name };

    /// <summary>
    /// "Long Street": a straight street A(0,0) — B(100,0) — C(200,0) of two 100 m segments (0: A→B, 1: B→C),
    /// with a home near each end: one 10 m along segment 0, one 90 m along segment 1.
    /// </summary>
    public static Neighbourhood TwoSegments()
    {
        var builder = new StreetNetworkBuilder(Origin);
        NodeId a = builder.AddNode(0, 0), b = builder.AddNode(100, 0), c = builder.AddNode(200, 0);
        builder.AddSegment(a, b, Street("Long Street"));
        builder.AddSegment(b, c, Street("Long Street"));
        var homes = new HomeSet([Home(10, 0, 0, 10), Home(190, 0, 1, 90)]);
        return new Neighbourhood(builder.Build(), PlaceSet.Empty, homes);
    }

    /// <summary>
    /// A T-junction: "Long Street" runs west to east through the junction J(0,0), from W(-100,0) (segment 0: W→J)
    /// to E(100,0) (segment 1: J→E); "Side Street" leaves J northwards to N(0,100) (segment 2: J→N).
    /// A home at the far end of each arm.
    /// </summary>
    public static Neighbourhood TJunction()
    {
        var builder = new StreetNetworkBuilder(Origin);
        NodeId w = builder.AddNode(-100, 0), j = builder.AddNode(0, 0), e = builder.AddNode(100, 0), n = builder.AddNode(0, 100);
        builder.AddSegment(w, j, Street("Long Street"));
        builder.AddSegment(j, e, Street("Long Street"));
        builder.AddSegment(j, n, Street("Side Street"));
        var homes = new HomeSet([Home(-90, 0, 0, 10), Home(90, 0, 1, 90), Home(0, 90, 2, 90)]);
        return new Neighbourhood(builder.Build(), PlaceSet.Empty, homes);
    }

    /// <summary>
    /// A 100 m square block: SW(0,0), SE(100,0), NE(100,100), NW(0,100), joined by "South Street" (0: SW→SE),
    /// "East Street" (1: SE→NE), "North Street" (2: NE→NW) and "West Street" (3: NW→SW). Two ways round from any
    /// corner to the opposite one, both 200 m. A home in the middle of South Street, a shop on North Street.
    /// </summary>
    public static Neighbourhood FourNodeSquare()
    {
        var builder = new StreetNetworkBuilder(Origin);
        NodeId sw = builder.AddNode(0, 0), se = builder.AddNode(100, 0), ne = builder.AddNode(100, 100), nw = builder.AddNode(0, 100);
        builder.AddSegment(sw, se, Street("South Street"));
        builder.AddSegment(se, ne, Street("East Street"));
        builder.AddSegment(ne, nw, Street("North Street"));
        builder.AddSegment(nw, sw, Street("West Street"));
        var places = new PlaceSet([Place(PlaceKind.Shop, "Corner Shop", 50, 100, 2, 50)]);
        var homes = new HomeSet([Home(50, 0, 0, 50)]);
        return new Neighbourhood(builder.Build(), places, homes);
    }

    /// <summary>
    /// "Bench Street": one 100 m street from (0,0) to (100,0) with a three-seat bench halfway along it, and a home at
    /// each end (10 m and 90 m along).
    /// </summary>
    public static Neighbourhood BenchStreet()
    {
        var builder = new StreetNetworkBuilder(Origin);
        NodeId a = builder.AddNode(0, 0), b = builder.AddNode(100, 0);
        builder.AddSegment(a, b, Street("Bench Street"));
        var places = new PlaceSet([Place(PlaceKind.Bench, "The Bench", 50, 0, 0, 50)]);
        var homes = new HomeSet([Home(10, 0, 0, 10), Home(90, 0, 0, 90)]);
        return new Neighbourhood(builder.Build(), places, homes);
    }

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
        builder.AddSegment(west, middle, NamedStreet("Mekelweg", 100, HighwayKind.Tertiary));
        builder.AddSegment(middle, east, NamedStreet("Mekelweg", 100, HighwayKind.Tertiary));
        builder.AddSegment(middle, north, NamedStreet("Schoemakerstraat", 200, HighwayKind.Residential));
        builder.AddSegment(east, south, NamedStreet(string.Empty, 300, HighwayKind.Footway));
        return new Neighbourhood(builder.Build(), PlaceSet.Empty, HomeSet.Empty);
    }

    /// <summary>
    /// A car network in three pieces, as a map cut out of a town leaves it: "West Street" W(0,0)→A(500,0) (segment 0)
    /// and "East Street" B(600,0)→E(1200,0) (segment 2) both run along the map's southern edge and are joined for
    /// walkers by a footway A→B (1); "Car Park Lane" P(500,300)→Q(600,300) (4) lies in the middle, reached on foot
    /// by footways A→P (3) and Q→N(550,600) (5). Homes: 0 on West Street at x = 100, 1 on East Street at x = 1000,
    /// 2 beside Car Park Lane at (550,310), 314 m from West Street. A shop on West Street at x = 400.
    /// </summary>
    public static Neighbourhood SplitCarNetwork()
    {
        var builder = new StreetNetworkBuilder(Origin);
        NodeId w = builder.AddNode(0, 0), a = builder.AddNode(500, 0), b = builder.AddNode(600, 0), e = builder.AddNode(1200, 0);
        NodeId p = builder.AddNode(500, 300), q = builder.AddNode(600, 300), n = builder.AddNode(550, 600);
        var footway = Street("Footway") with { Highway = HighwayKind.Footway, ModesForward = TravelModes.Walk, ModesBackward = TravelModes.Walk };
        builder.AddSegment(w, a, Street("West Street"));
        builder.AddSegment(a, b, footway);
        builder.AddSegment(b, e, Street("East Street"));
        builder.AddSegment(a, p, footway);
        builder.AddSegment(p, q, Street("Car Park Lane"));
        builder.AddSegment(q, n, footway);
        var homes = new HomeSet([Home(100, 0, 0, 100), Home(1000, 0, 2, 400), Home(550, 310, 4, 50)]);
        var places = new PlaceSet([Place(PlaceKind.Shop, "Corner Shop", 400, 0, 0, 400)]);
        return new Neighbourhood(builder.Build(), places, homes);
    }

    private static HomeRecord Home(double x, double y, int segment, float offsetMetres) =>
        new() { X = x, Y = y, Segment = new SegmentId(segment), OffsetMetres = offsetMetres, Dwellings = 1 };

    private static PlaceRecord Place(PlaceKind kind, string name, double x, double y, int segment, float offsetMetres) => new()
    {
        Kind = kind,
        Name = name,
        X = x,
        Y = y,
        Segment = new SegmentId(segment),
        OffsetMetres = offsetMetres,
        Capacity = OsmPlaceInterpretation.DefaultCapacity(kind),
        OpeningHours = string.Empty,
    };

    private static SegmentAttributes NamedStreet(string name, long wayId, HighwayKind kind) => new()
    {
        Name = name,
        OsmWayId = wayId,
        Highway = kind,
        ModesForward = TravelModes.All,
        ModesBackward = TravelModes.All,
        PavementWidthMetres = 2,
    };
}
