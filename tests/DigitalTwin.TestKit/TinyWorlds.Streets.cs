using DigitalTwin.Engine.Network;

namespace DigitalTwin.TestKit;

/// <summary>Bare street networks (no homes, no places): each reads as a picture of a few streets.</summary>
internal static partial class TinyWorlds
{
    /// <summary>A residential street with pavements, open to everyone.</summary>
    public static SegmentAttributes StreetWith(float pavementWidthMetres = 2f, float carsPerDay = 500f, Lighting lighting = Lighting.Lit) => new()
    {
        Highway = HighwayKind.Residential,
        ModesForward = TravelModes.All,
        ModesBackward = TravelModes.All,
        PavementWidthMetres = pavementWidthMetres,
        CarVehiclesPerDay = carsPerDay,
        SpeedLimitKmh = 30,
        Lighting = lighting,
        Name = string.Empty,
    };

    /// <summary>Nodes at the given (x, y) metres and straight segments between the given node pairs.</summary>
    public static StreetNetwork Build((double X, double Y)[] nodes, (int From, int To, float PavementWidthMetres)[] segments)
    {
        var builder = new StreetNetworkBuilder(Origin);
        foreach (var (x, y) in nodes)
        {
            builder.AddNode(x, y);
        }
        foreach (var (from, to, width) in segments)
        {
            builder.AddSegment(new NodeId(from), new NodeId(to), StreetWith(width));
        }
        return builder.Build();
    }

    /// <summary>One straight street of the given length: node 0 at x = 0, node 1 at x = length; segment 0.</summary>
    public static StreetNetwork SingleStreet(double lengthMetres = 100, float pavementWidthMetres = 2f) =>
        Build([(0, 0), (lengthMetres, 0)], [(0, 1, pavementWidthMetres)]);

    /// <summary>Two streets in a straight line: 0 —s0— 1 —s1— 2, each 50 m.</summary>
    public static StreetNetwork TwoInLine() => Build([(0, 0), (50, 0), (100, 0)], [(0, 1, 2f), (1, 2, 2f)]);

    /// <summary>Two parallel streets 30 m apart that share no node: 0 —s0— 1 and 2 —s1— 3.</summary>
    public static StreetNetwork TwoApart() => Build([(0, 0), (100, 0), (0, 30), (100, 30)], [(0, 1, 2f), (2, 3, 2f)]);

    /// <summary>
    /// A small mixed grid for random tests: a line 0–1–2–3 with a triangle 1–2–4 (every two of its segments share a
    /// node) and a dead end 4–5 without pavement (segment 5). All segments longer than the social distance.
    /// </summary>
    public static StreetNetwork SmallGrid() => Build(
        [(0, 0), (40, 0), (80, 0), (130, 0), (60, 30), (60, 70)],
        [(0, 1, 2f), (1, 2, 2f), (2, 3, 1.5f), (1, 4, 2f), (4, 2, 2f), (4, 5, 0f)]);

    /// <summary>A square grid of n × n nodes, <paramref name="spacingMetres"/> apart, all streets with pavements.</summary>
    public static StreetNetwork Grid(int n, double spacingMetres = 60)
    {
        var nodes = new List<(double, double)>();
        var segments = new List<(int, int, float)>();
        for (int row = 0; row < n; row++)
        {
            for (int column = 0; column < n; column++)
            {
                nodes.Add((column * spacingMetres, row * spacingMetres));
                int node = row * n + column;
                if (column > 0)
                {
                    segments.Add((node - 1, node, 2f));
                }
                if (row > 0)
                {
                    segments.Add((node - n, node, 2f));
                }
            }
        }
        return Build([.. nodes], [.. segments]);
    }
}
