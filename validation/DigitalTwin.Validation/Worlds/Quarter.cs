using DigitalTwin.Engine;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.TestKit;

namespace DigitalTwin.Validation.Worlds;

/// <summary>
/// "The quarter": a purpose-built neighbourhood for the validation checks. A grid of six north–south streets
/// (x = 0 … 500 m) and four east–west streets (y = 0 … 300 m), 100 m apart, every block edge a residential street with
/// homes on both sides (8 m off the centre line, every 20 m), so every home has a side of the street.
/// <code>
///   y=300  ──── Market Street (x 100–400: shops, supermarket, café) ────
///   y=200  ──── residential ────
///   y=100  ════ Home Street (x 0–300) ════ ── East Street (x 300–500) ──
///   y=0    ──── residential (school, park, playground, healthcare) ────
/// </code>
/// <list type="bullet">
/// <item>Home Street is the street whose traffic the checks vary; its homes hold two dwellings each (flats above
/// the ground floor), so about a sixth of the residents live on it, on both sides.</item>
/// <item>Daily errands lie north (Market Street) and south (school, park), so many walks cross the y = 100 row:
/// at Home Street's junctions (x = 0 … 300) or at the quiet East Street's (x = 400, 500).</item>
/// <item>Market Street's frontage is what the frontage checks vary.</item>
/// </list>
/// </summary>
internal static class Quarter
{
    public const double SpacingMetres = 100;
    public const int Columns = 6;
    public const int Rows = 4;

    /// <summary>Metres off the centre line at which homes and places stand.</summary>
    public const double FrontMetres = 8;

    /// <summary>Segment indices of Home Street (row y = 100, x 0 → 300), in order west to east.</summary>
    public static IReadOnlyList<int> HomeStreet { get; } = [EastWest(1, 0), EastWest(1, 1), EastWest(1, 2)];

    /// <summary>Segment indices of East Street (row y = 100, x 300 → 500): the quiet continuation.</summary>
    public static IReadOnlyList<int> EastStreet { get; } = [EastWest(1, 3), EastWest(1, 4)];

    /// <summary>Segment indices of the shopping part of Market Street (row y = 300, x 100 → 400).</summary>
    public static IReadOnlyList<int> MarketStreet { get; } = [EastWest(3, 1), EastWest(3, 2), EastWest(3, 3)];

    /// <summary>Node index of the junction at column <paramref name="column"/> on row <paramref name="row"/>.</summary>
    public static int Node(int row, int column) => (row * Columns) + column;

    /// <summary>Segment index of the east–west segment from column c to c + 1 on a row (drawn west to east).</summary>
    public static int EastWest(int row, int column) => (row * (Columns - 1)) + column;

    /// <summary>Segment index of the north–south segment from row r to r + 1 on a column (drawn south to north).</summary>
    public static int NorthSouth(int row, int column) => (Rows * (Columns - 1)) + (row * Columns) + column;

    /// <summary>
    /// The quarter with <paramref name="residents"/> residents. <paramref name="dwellingsPerHome"/> multiplies every
    /// home's dwellings (for denser versions of the same streets).
    /// </summary>
    public static SimulationWorld World(int residents, ulong populationSeed = 1, int dwellingsPerHome = 1) =>
        SimulationWorlds.Of(Neighbourhood(dwellingsPerHome), residents, populationSeed);

    /// <summary>The streets, places and homes of the quarter.</summary>
    public static Neighbourhood Neighbourhood(int dwellingsPerHome = 1)
    {
        var builder = new StreetNetworkBuilder(TinyWorlds.Origin);
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns; column++)
            {
                builder.AddNode(column * SpacingMetres, row * SpacingMetres);
            }
        }
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns - 1; column++)
            {
                string name = row switch
                {
                    1 => column < 3 ? "Home Street" : "East Street",
                    3 => "Market Street",
                    _ => $"Row {row} Street",
                };
                var attributes = TinyWorlds.Street(name);
                if (row == 3 && column is >= 1 and <= 3)
                {
                    attributes = attributes with { Frontage = Frontage.Active };
                }
                builder.AddSegment(new NodeId(Node(row, column)), new NodeId(Node(row, column + 1)), attributes);
            }
        }
        for (int row = 0; row < Rows - 1; row++)
        {
            for (int column = 0; column < Columns; column++)
            {
                builder.AddSegment(new NodeId(Node(row, column)), new NodeId(Node(row + 1, column)), TinyWorlds.Street($"Column {column} Lane"));
            }
        }
        var network = builder.Build();

        var homes = new List<HomeRecord>();
        for (int s = 0; s < network.SegmentCount; s++)
        {
            bool homeStreet = HomeStreet.Contains(s);
            foreach (double along in (double[])[10, 30, 50, 70, 90])
            {
                foreach (int side in (int[])[1, -1])
                {
                    var (x, y) = AtSide(network, s, along, side);
                    homes.Add(new HomeRecord
                    {
                        X = x,
                        Y = y,
                        Segment = new SegmentId(s),
                        OffsetMetres = (float)along,
                        Dwellings = dwellingsPerHome * (homeStreet ? 2 : 1),
                    });
                }
            }
        }

        PlaceRecord[] places =
        [
            Place(network, PlaceKind.Supermarket, "Supermarket", EastWest(3, 2), 50, 1),
            Place(network, PlaceKind.Shop, "Baker", EastWest(3, 1), 40, -1),
            Place(network, PlaceKind.Shop, "Bookshop", EastWest(3, 3), 60, -1),
            Place(network, PlaceKind.Cafe, "Corner Café", EastWest(3, 1), 80, 1),
            Place(network, PlaceKind.Barber, "Barber", EastWest(3, 3), 30, 1),
            Place(network, PlaceKind.School, "Primary School", EastWest(0, 2), 50, -1),
            Place(network, PlaceKind.Park, "South Park", EastWest(0, 4), 50, -1),
            Place(network, PlaceKind.Playground, "Playground", EastWest(0, 1), 50, -1),
            Place(network, PlaceKind.Healthcare, "Health Centre", EastWest(0, 3), 50, -1),
            Place(network, PlaceKind.CommunityCentre, "Community Centre", EastWest(0, 0), 50, -1),
            Place(network, PlaceKind.SportsCentre, "Sports Hall", EastWest(0, 4), 20, -1),
        ];
        return new Neighbourhood(network, new PlaceSet(places), new HomeSet(homes));
    }

    /// <summary>The point <paramref name="along"/> metres along a straight segment, <see cref="FrontMetres"/> to its left (+1) or right (−1).</summary>
    private static (double X, double Y) AtSide(StreetNetwork network, int segment, double along, int side)
    {
        var (xs, ys) = network.Geometry(new SegmentId(segment));
        double x0 = xs.Span[0], y0 = ys.Span[0], x1 = xs.Span[^1], y1 = ys.Span[^1];
        double length = Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0)));
        double ux = (x1 - x0) / length, uy = (y1 - y0) / length;
        // Left of the direction (ux, uy) is (−uy, ux).
        return (x0 + (ux * along) - (side * uy * FrontMetres), y0 + (uy * along) + (side * ux * FrontMetres));
    }

    private static PlaceRecord Place(StreetNetwork network, PlaceKind kind, string name, int segment, double along, int side)
    {
        var (x, y) = AtSide(network, segment, along, side);
        return new PlaceRecord
        {
            Kind = kind,
            Name = name,
            X = x,
            Y = y,
            Segment = new SegmentId(segment),
            OffsetMetres = (float)along,
            Capacity = OsmPlaceInterpretation.DefaultCapacity(kind),
            OpeningHours = string.Empty,
        };
    }

    /// <summary>Whether each resident lives on one of the given segments, and on which side (left of the segment).</summary>
    public static (bool[] Lives, bool[] Left) ResidentsOn(SimulationWorld world, IReadOnlyList<int> segments)
    {
        ArgumentNullException.ThrowIfNull(world);
        var homeLeft = LateralPlacement.HomesLeftOfSegment(world.Neighbourhood);
        var homeSegment = world.Neighbourhood.Homes.Segment;
        var lives = new bool[world.Residents.Count];
        var left = new bool[world.Residents.Count];
        for (int r = 0; r < lives.Length; r++)
        {
            int home = world.Residents.Home[r];
            lives[r] = segments.Contains(homeSegment[home]);
            left[r] = homeLeft[home];
        }
        return (lives, left);
    }
}
