using DigitalTwin.Engine;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.TestKit;

/// <summary>
/// Hand-made tiny neighbourhoods for tests that read as stories. Coordinates are metres (x east, y north);
/// every street is a residential street open to everyone with 3 m of pavement, unless the world says otherwise.
/// </summary>
public static class TinyWorlds
{
    /// <summary>Where the tiny worlds lie, for export: central Delft.</summary>
    public static GeoReference Delft { get; } = new(4.37, 52.0);

    /// <summary>A residential street with the given name (the generator's residential template).</summary>
    public static SegmentAttributes Street(string name) => GeneratorOptions.ResidentialStreet with { Name = name };

    /// <summary>
    /// "Long Street": a straight street A(0,0) — B(100,0) — C(200,0) of two 100 m segments (0: A→B, 1: B→C),
    /// with a home near each end: one 10 m along segment 0, one 90 m along segment 1.
    /// </summary>
    public static Neighbourhood TwoSegments()
    {
        var builder = new StreetNetworkBuilder(Delft);
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
        var builder = new StreetNetworkBuilder(Delft);
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
        var builder = new StreetNetworkBuilder(Delft);
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
        var builder = new StreetNetworkBuilder(Delft);
        NodeId a = builder.AddNode(0, 0), b = builder.AddNode(100, 0);
        builder.AddSegment(a, b, Street("Bench Street"));
        var places = new PlaceSet([Place(PlaceKind.Bench, "The Bench", 50, 0, 0, 50)]);
        var homes = new HomeSet([Home(10, 0, 0, 10), Home(90, 0, 0, 90)]);
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
}
