using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Network;

/// <summary>What a synthetic neighbourhood looks like; the defaults give a plain Dutch residential grid.</summary>
internal sealed record GeneratorOptions
{
    /// <summary>A residential 30 km/h street with pavements on both sides (see <see cref="OsmTagInterpretation"/>).</summary>
    public static SegmentAttributes ResidentialStreet { get; } = new()
    {
        Highway = HighwayKind.Residential,
        ModesForward = TravelModes.All,
        ModesBackward = TravelModes.All,
        PavementWidthMetres = 3.0f,
        CarVehiclesPerDay = 500,
        SpeedLimitKmh = 30,
        Lighting = Lighting.Lit,
        Surface = SurfaceQuality.Good,
        Frontage = Frontage.Residential,
        Name = string.Empty,
    };

    /// <summary>A busier shopping street: a 50 km/h distributor with wider pavements and active ground floors.</summary>
    public static SegmentAttributes ShoppingStreet { get; } = new()
    {
        Highway = HighwayKind.Tertiary,
        ModesForward = TravelModes.All,
        ModesBackward = TravelModes.All,
        PavementWidthMetres = 4.0f,
        CarVehiclesPerDay = 3_000,
        SpeedLimitKmh = 50,
        Lighting = Lighting.Lit,
        Surface = SurfaceQuality.Good,
        Frontage = Frontage.Active,
        Name = string.Empty,
    };

    /// <summary>Distance between neighbouring intersections (grid) or rings (radial); a Dutch block is about 100 m.</summary>
    public double SpacingMetres { get; init; } = 100;

    public SegmentAttributes Street { get; init; } = ResidentialStreet;

    public SegmentAttributes MainStreet { get; init; } = ShoppingStreet;

    /// <summary>Every k-th street (grid row/column, radial spoke) is a main street; 0 for none.</summary>
    public int MainStreetEvery { get; init; } = 4;

    /// <summary>Share of main-street segments with a shop or café on them.</summary>
    public double ShopShareOfMainSegments { get; init; } = 0.5;

    /// <summary>A bench every this many metres of main street (Gehl: seating every 100 m along a walking street).</summary>
    public double BenchSpacingMetres { get; init; } = 100;

    /// <summary>Homes (buildings) per residential segment: a 100 m block face on each side holds about 6 entrances.</summary>
    public int HomesPerResidentialSegment { get; init; } = 6;

    /// <summary>Mean dwellings per home; each home draws 1 to 2 × mean − 1 (a mix of houses and small blocks of flats).</summary>
    public int MeanDwellingsPerHome { get; init; } = 2;

    /// <summary>
    /// Schools on a lattice this far apart once the area is at least twice as wide (one school in a smaller area, at
    /// its centre). CBS: about 6,200 primary schools for 17.9 million people, one per ~2,900 residents; at the
    /// generator's ~33 residents per hectare that is one per ~0.9 km², so about a kilometre apart.
    /// </summary>
    public double SchoolSpacingMetres { get; init; } = 1000;

    /// <summary>Parks on a lattice this far apart in large areas (a neighbourhood park for every 2 km² or so).</summary>
    public double ParkSpacingMetres { get; init; } = 1500;

    /// <summary>
    /// Playgrounds on a lattice this far apart in large areas: the Dutch play-space guideline (Jantje Beton / NUSO) asks
    /// for a play area within about 300 m of every young child, which a 500 m lattice gives.
    /// </summary>
    public double PlaygroundSpacingMetres { get; init; } = 500;

    /// <summary>Where the generated area lies on the globe, for export (default: Delft).</summary>
    public GeoReference GeoReference { get; init; } = new(4.37, 52.0);

    public ulong Seed { get; init; } = 1;
}

/// <summary>
/// Synthetic neighbourhoods for tests and benchmarks: a grid (rows × columns of intersections) or a radial town
/// (rings × spokes), with shops and cafés on the main streets, a school, a park, benches, transit stops and homes
/// along residential streets. Deterministic from the seed; linear in the number of segments (100k segments in well
/// under a second).
/// </summary>
internal static class NetworkGenerator
{
    private const int ArcPointsPerRingSegment = 4;

    /// <summary>A grid of <paramref name="rows"/> × <paramref name="columns"/> intersections, centred on the origin.</summary>
    public static Neighbourhood Grid(int rows, int columns, GeneratorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (rows * columns < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), "A grid needs at least two intersections.");
        }
        options ??= new GeneratorOptions();
        double spacing = options.SpacingMetres;
        var builder = new StreetNetworkBuilder(options.GeoReference);
        double x0 = -(columns - 1) * spacing / 2, y0 = -(rows - 1) * spacing / 2;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                builder.AddNode(x0 + c * spacing, y0 + r * spacing);
            }
        }
        var main = new List<bool>();
        for (int r = 0; r < rows; r++)
        {
            bool isMain = IsMain(r, options);
            SegmentAttributes attributes = (isMain ? options.MainStreet : options.Street) with
            {
                Name = isMain ? $"Main Street {r + 1}" : $"Row Street {r + 1}",
            };
            for (int c = 0; c + 1 < columns; c++)
            {
                builder.AddSegment(new NodeId(r * columns + c), new NodeId(r * columns + c + 1), attributes);
                main.Add(isMain);
            }
        }
        for (int c = 0; c < columns; c++)
        {
            bool isMain = IsMain(c, options);
            SegmentAttributes attributes = (isMain ? options.MainStreet : options.Street) with
            {
                Name = isMain ? $"Main Avenue {c + 1}" : $"Column Avenue {c + 1}",
            };
            for (int r = 0; r + 1 < rows; r++)
            {
                builder.AddSegment(new NodeId(r * columns + c), new NodeId((r + 1) * columns + c), attributes);
                main.Add(isMain);
            }
        }
        return Furnish(builder.Build(), main, options);
    }

    /// <summary>
    /// A radial town: a centre, <paramref name="rings"/> ring roads <see cref="GeneratorOptions.SpacingMetres"/> apart,
    /// and <paramref name="spokes"/> radial roads from the centre outwards. Ring segments are arcs (polylines).
    /// </summary>
    public static Neighbourhood Radial(int rings, int spokes, GeneratorOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rings, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spokes, 3);
        options ??= new GeneratorOptions();
        double spacing = options.SpacingMetres;
        var builder = new StreetNetworkBuilder(options.GeoReference);
        NodeId centre = builder.AddNode(0, 0);
        for (int k = 1; k <= rings; k++)
        {
            for (int s = 0; s < spokes; s++)
            {
                double angle = 2 * Math.PI * s / spokes;
                builder.AddNode(k * spacing * Math.Cos(angle), k * spacing * Math.Sin(angle));
            }
        }
        NodeId RingNode(int ring, int spoke) => new(1 + (ring - 1) * spokes + spoke % spokes);

        var main = new List<bool>();
        for (int s = 0; s < spokes; s++)
        {
            bool isMain = IsMain(s, options);
            SegmentAttributes attributes = (isMain ? options.MainStreet : options.Street) with
            {
                Name = isMain ? $"Main Road {s + 1}" : $"Spoke Road {s + 1}",
            };
            for (int k = 1; k <= rings; k++)
            {
                builder.AddSegment(k == 1 ? centre : RingNode(k - 1, s), RingNode(k, s), attributes);
                main.Add(isMain);
            }
        }
        Span<double> x = stackalloc double[ArcPointsPerRingSegment + 2];
        Span<double> y = stackalloc double[ArcPointsPerRingSegment + 2];
        for (int k = 1; k <= rings; k++)
        {
            SegmentAttributes attributes = options.Street with { Name = $"Ring {k}" };
            for (int s = 0; s < spokes; s++)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    double angle = 2 * Math.PI * (s + (double)i / (x.Length - 1)) / spokes;
                    x[i] = k * spacing * Math.Cos(angle);
                    y[i] = k * spacing * Math.Sin(angle);
                }
                builder.AddSegment(RingNode(k, s), RingNode(k, s + 1), attributes, x, y);
                main.Add(false);
            }
        }
        return Furnish(builder.Build(), main, options);
    }

    private static bool IsMain(int index, GeneratorOptions options) =>
        options.MainStreetEvery > 0 && index % options.MainStreetEvery == options.MainStreetEvery / 2;

    /// <summary>Places and homes along a generated network: every draw from the segment's own stream.</summary>
    private static Neighbourhood Furnish(StreetNetwork network, List<bool> main, GeneratorOptions options)
    {
        var places = new List<PlaceRecord>();
        var homes = new List<HomeRecord>();
        int mainSegments = 0;
        double benchCarry = 0;
        // Shop kinds in the mix of a Dutch neighbourhood shopping street: mostly shops, some cafés and food.
        ReadOnlySpan<PlaceKind> shopKinds = [PlaceKind.Shop, PlaceKind.Shop, PlaceKind.Cafe, PlaceKind.Restaurant, PlaceKind.Barber, PlaceKind.Supermarket];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var stream = new RandomStream(options.Seed, StreamPurpose.Placement, (ulong)s);
            float length = network.LengthMetres[s];
            if (main[s])
            {
                if (stream.NextBool(options.ShopShareOfMainSegments))
                {
                    PlaceKind kind = shopKinds[stream.NextInt(shopKinds.Length)];
                    places.Add(PlaceAt(network, s, (float)(stream.NextDouble() * length), kind, $"{kind} {places.Count + 1}"));
                }
                // A transit stop on every fourth main-street segment: stops about 400 m apart.
                if (mainSegments % 4 == 0)
                {
                    places.Add(PlaceAt(network, s, length / 2, PlaceKind.TransitStop, $"Stop {network.NameOf(new SegmentId(s))} {mainSegments / 4 + 1}"));
                }
                mainSegments++;
                if (options.BenchSpacingMetres > 0)
                {
                    for (benchCarry += length; benchCarry >= options.BenchSpacingMetres; benchCarry -= options.BenchSpacingMetres)
                    {
                        float offset = (float)Math.Clamp(length - (benchCarry - options.BenchSpacingMetres), 0, length);
                        places.Add(PlaceAt(network, s, offset, PlaceKind.Bench, string.Empty));
                    }
                }
            }
            else
            {
                for (int h = 0; h < options.HomesPerResidentialSegment; h++)
                {
                    float offset = (float)((h + 0.5) * length / options.HomesPerResidentialSegment);
                    var (hx, hy) = PointAt(network, s, offset);
                    int dwellings = 1 + stream.NextInt(Math.Max(1, 2 * options.MeanDwellingsPerHome - 1));
                    homes.Add(new HomeRecord { X = hx, Y = hy, Segment = new SegmentId(s), OffsetMetres = offset, Dwellings = dwellings });
                }
            }
        }
        var (extentX, extentY) = Extent(network);
        var schools = Lattice(extentX, extentY, options.SchoolSpacingMetres);
        var parks = Lattice(extentX, extentY, options.ParkSpacingMetres);
        var playgrounds = Lattice(extentX, extentY, options.PlaygroundSpacingMetres);
        if (schools.Count == 1)
        {
            schools[0] = (0, 0);
        }
        if (parks.Count == 1)
        {
            // A lone park lies off-centre, a quarter of the way out, so some residents have a longer walk to it.
            parks[0] = (extentX / 2, extentY / 2);
        }
        if (playgrounds.Count == 1)
        {
            playgrounds[0] = parks[0];
        }
        AddAtLattice(network, places, schools, PlaceKind.School, "School");
        AddAtLattice(network, places, parks, PlaceKind.Park, "Park");
        AddAtLattice(network, places, playgrounds, PlaceKind.Playground, "Playground");
        return new Neighbourhood(network, new PlaceSet(places), new HomeSet(homes));
    }

    /// <summary>
    /// Centres of a k × k lattice over the area [−extent, extent]², k = ⌊width / spacing⌋ (at least 1): one point for
    /// an area narrower than twice the spacing.
    /// </summary>
    private static List<(double X, double Y)> Lattice(double extentX, double extentY, double spacing)
    {
        int columns = spacing > 0 ? Math.Max(1, (int)Math.Floor(2 * extentX / spacing)) : 1;
        int rows = spacing > 0 ? Math.Max(1, (int)Math.Floor(2 * extentY / spacing)) : 1;
        var points = new List<(double X, double Y)>(columns * rows);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                points.Add((-extentX + ((c + 0.5) * 2 * extentX / columns), -extentY + ((r + 0.5) * 2 * extentY / rows)));
            }
        }
        return points;
    }

    private static void AddAtLattice(StreetNetwork network, List<PlaceRecord> places, List<(double X, double Y)> points, PlaceKind kind, string name)
    {
        for (int i = 0; i < points.Count; i++)
        {
            int segment = NearestSegment(network, points[i].X, points[i].Y);
            places.Add(PlaceAt(network, segment, network.LengthMetres[segment] / 2, kind, i == 0 ? name : $"{name} {i + 1}"));
        }
    }

    private static PlaceRecord PlaceAt(StreetNetwork network, int segment, float offset, PlaceKind kind, string name)
    {
        var (x, y) = PointAt(network, segment, offset);
        return new PlaceRecord
        {
            Kind = kind,
            Name = name,
            X = x,
            Y = y,
            Segment = new SegmentId(segment),
            OffsetMetres = offset,
            Capacity = OsmPlaceInterpretation.DefaultCapacity(kind),
            OpeningHours = string.Empty,
        };
    }

    /// <summary>The point <paramref name="offset"/> metres along a segment's polyline.</summary>
    private static (double X, double Y) PointAt(StreetNetwork network, int segment, float offset)
    {
        var (xs, ys) = network.Geometry(new SegmentId(segment));
        ReadOnlySpan<double> x = xs.Span, y = ys.Span;
        double along = 0;
        for (int i = 1; i < x.Length; i++)
        {
            double piece = Math.Sqrt((x[i] - x[i - 1]) * (x[i] - x[i - 1]) + (y[i] - y[i - 1]) * (y[i] - y[i - 1]));
            if (along + piece >= offset && piece > 0)
            {
                double t = (offset - along) / piece;
                return (x[i - 1] + t * (x[i] - x[i - 1]), y[i - 1] + t * (y[i] - y[i - 1]));
            }
            along += piece;
        }
        return (x[^1], y[^1]);
    }

    private static int NearestSegment(StreetNetwork network, double px, double py)
    {
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var (mx, my) = PointAt(network, s, network.LengthMetres[s] / 2);
            double d = (mx - px) * (mx - px) + (my - py) * (my - py);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }

    private static (double X, double Y) Extent(StreetNetwork network)
    {
        double maxX = 0, maxY = 0;
        foreach (double v in network.NodeX)
        {
            maxX = Math.Max(maxX, v);
        }
        foreach (double v in network.NodeY)
        {
            maxY = Math.Max(maxY, v);
        }
        return (maxX, maxY);
    }
}
