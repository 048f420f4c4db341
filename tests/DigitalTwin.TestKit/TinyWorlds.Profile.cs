using DigitalTwin.Engine;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.TestKit;

/// <summary>Worlds for the neighbourhood profile's start map, with figures that can be worked out by hand.</summary>
internal static partial class TinyWorlds
{
    /// <summary>
    /// "Three Widths Street": one residential street (cars allowed, 5.5 m carriageway by CROW) in a line (0,0) —
    /// (100,0) — (250,0) — (300,0): segment 0 is 100 m with 3.0 m of pavement in all (1.5 m a side, narrow), lit;
    /// segment 1 is 150 m with 5.0 m (2.5 m a side), unlit; segment 2 is 50 m with 3.8 m (1.9 m a side, narrow),
    /// lit. Three benches and a 6,000 m² park on segment 1; no homes.
    /// </summary>
    public static Neighbourhood ThreeWidthsStreet()
    {
        var builder = new StreetNetworkBuilder(Origin);
        NodeId a = builder.AddNode(0, 0), b = builder.AddNode(100, 0), c = builder.AddNode(250, 0), d = builder.AddNode(300, 0);
        builder.AddSegment(a, b, StreetWith(3.0f, lighting: Lighting.Lit) with { Name = "Three Widths Street" });
        builder.AddSegment(b, c, StreetWith(5.0f, lighting: Lighting.Unlit) with { Name = "Three Widths Street" });
        builder.AddSegment(c, d, StreetWith(3.8f, lighting: Lighting.Lit) with { Name = "Three Widths Street" });
        var places = new PlaceSet(
        [
            Place(PlaceKind.Bench, "Bench 1", 120, 0, 1, 20),
            Place(PlaceKind.Bench, "Bench 2", 170, 0, 1, 70),
            Place(PlaceKind.Bench, "Bench 3", 220, 0, 1, 120),
            Place(PlaceKind.Park, "Pocket Park", 175, 0, 1, 75) with { AreaSquareMetres = 6000 },
        ]);
        return new Neighbourhood(builder.Build(), places, HomeSet.Empty);
    }

    /// <summary>
    /// "Café Street": a street in a line A(0,0) — B(200,0) — C(400,0) — D(900,0) (segments 0: 200 m, 1: 200 m,
    /// 2: 500 m) and a long dead-end lane from D back to E(250,30) (segment 3, 650.7 m), which ends 30 m from the
    /// café as the crow flies. A café 50 m along segment 1 (at x = 250). Homes: 0 at A (250 m walk to the café),
    /// 1 100 m along segment 2 (250 m), 2 450 m along segment 2 (600 m), 3 640 m along the lane (1,290 m walk,
    /// though about 30 m away in a straight line).
    /// </summary>
    public static Neighbourhood CafeStreet()
    {
        var builder = new StreetNetworkBuilder(Origin);
        NodeId a = builder.AddNode(0, 0), b = builder.AddNode(200, 0), c = builder.AddNode(400, 0), d = builder.AddNode(900, 0), e = builder.AddNode(250, 30);
        builder.AddSegment(a, b, Street("Café Street"));
        builder.AddSegment(b, c, Street("Café Street"));
        builder.AddSegment(c, d, Street("Café Street"));
        builder.AddSegment(d, e, Street("Back Lane"));
        var places = new PlaceSet([Place(PlaceKind.Cafe, "The Café", 250, 0, 1, 50)]);
        var homes = new HomeSet([Home(0, 0, 0, 0), Home(500, 0, 2, 100), Home(850, 0, 2, 450), Home(259.8, 29.6, 3, 640)]);
        return new Neighbourhood(builder.Build(), places, homes);
    }

    /// <summary>
    /// "Busy Road": a 50 km/h tertiary road W(0,0) — M(250,0) — J(500,0) — E(1000,0) (1 km in three segments) with a
    /// zebra at M, and a 30 km/h residential side street from J north to N(500,100).
    /// </summary>
    public static Neighbourhood BusyRoad()
    {
        var builder = new StreetNetworkBuilder(Origin);
        NodeId w = builder.AddNode(0, 0), m = builder.AddNode(250, 0), j = builder.AddNode(500, 0), e = builder.AddNode(1000, 0), n = builder.AddNode(500, 100);
        var road = StreetWith(3f, carsPerDay: 9000) with { Highway = HighwayKind.Tertiary, SpeedLimitKmh = 50, Name = "Busy Road" };
        builder.AddSegment(w, m, road);
        builder.AddSegment(m, j, road);
        builder.AddSegment(j, e, road);
        builder.AddSegment(j, n, StreetWith() with { Name = "Side Street" });
        builder.SetCrossing(m, CrossingControl.Zebra);
        return new Neighbourhood(builder.Build(), PlaceSet.Empty, HomeSet.Empty);
    }
}
