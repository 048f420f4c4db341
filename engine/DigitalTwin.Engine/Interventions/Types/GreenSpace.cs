using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;
using NetTopologySuite.Geometries;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>A park or green strip (polygon) with benches; segments along it become green-adjacent.</summary>
internal sealed record GreenSpace(IReadOnlyList<LonLat> Area, string Name, int Benches, int SeatsPerBench) : Intervention
{
    public const string Type = "green-space";

    private static readonly GeometryFactory Factory = new();

    private static readonly PointsField AreaField = new("polygon", "the park's outline", 3) { Required = true };

    private static readonly TextField NameField = new("name", "its name, shown in reports");

    /// <summary>500 benches would line a city park, not a neighbourhood one: a typing mistake.</summary>
    private static readonly WholeNumberField BenchesField = new("benches", "benches spread evenly around the edge", 0, 500, "benches") { Default = 0 };

    internal static InterventionType Format { get; } = new(Type,
        "A park or green strip with benches; the streets along it become green streets (walkers prefer them: routing.greenStreetFactor).",
        [AreaField, NameField, BenchesField, AddBenches.SeatsField], Read);

    public override string TypeName => Type;

    private static GreenSpace? Read(ObjectReader reader)
    {
        IReadOnlyList<LonLat>? area = AreaField.Read(reader);
        string name = NameField.Read(reader) ?? string.Empty;
        int benches = BenchesField.ReadOrDefault(reader);
        int seats = AddBenches.SeatsField.ReadOrDefault(reader);
        return area is null ? null : new GreenSpace(area, name, benches, seats) { Origin = reader.Location };
    }

    /// <summary>
    /// The park must touch the map: a corner within <see cref="ScenarioValidator.MaxPointDistanceMetres"/> of a street.
    /// An outline drawn elsewhere (swapped coordinates, (0,0)-(1,1)) would otherwise add a park of billions of square
    /// metres, reached from whichever street happens to be nearest.
    /// </summary>
    public override IEnumerable<InputProblem> MapProblems(Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        double nearest = Area.Min(p => StreetSelector.DistanceToNearestSegment(p, neighbourhood.Network));
        if (nearest > ScenarioValidator.MaxPointDistanceMetres)
        {
            yield return (Origin with { Path = Origin.Path + ".polygon" }).Problem(
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"lies {nearest / 1000:0.#} km from the nearest street of the map; a park's outline must have a corner within {ScenarioValidator.MaxPointDistanceMetres} m of one"),
                "points are [longitude, latitude]; check the order and that the outline lies inside the map's area");
        }
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var ring = Area.Select(p => draft.Geo.Project(p.Longitude, p.Latitude)).Select(p => new Coordinate(p.X, p.Y)).ToList();
        if (!ring[0].Equals2D(ring[^1]))
        {
            ring.Add(ring[0]);
        }
        var polygon = Factory.CreatePolygon([.. ring]);
        var centre = polygon.Centroid;
        var network = draft.Network;
        var snapper = new SegmentSnapper(network);
        int added = 0;
        if (snapper.Snap(centre.X, centre.Y, double.MaxValue) is { } parkSnap)
        {
            draft.Places.Add(new PlaceRecord
            {
                Kind = PlaceKind.Park,
                Name = Name,
                X = centre.X,
                Y = centre.Y,
                Segment = parkSnap.Segment,
                OffsetMetres = parkSnap.OffsetMetres,
                Capacity = OsmPlaceInterpretation.DefaultCapacity(PlaceKind.Park),
                OpeningHours = string.Empty,
                AreaSquareMetres = polygon.Area,
            });
            added++;
        }
        // Benches spread evenly around the edge, each on the street nearest to its spot.
        var edge = polygon.ExteriorRing;
        for (int i = 0; i < Benches; i++)
        {
            var point = new NetTopologySuite.LinearReferencing.LengthIndexedLine(edge).ExtractPoint((i + 0.5) / Benches * edge.Length);
            if (snapper.Snap(point.X, point.Y, double.MaxValue) is { } hit)
            {
                draft.AddBench(point.X, point.Y, hit.Segment, hit.OffsetMetres, SeatsPerBench);
                added++;
            }
        }
        // Streets along the edge become green streets (walkers prefer them: routing.greenStreetFactor).
        var near = polygon.Buffer(draft.Parameters.Interventions.GreenAdjacencyMetres);
        int greened = 0;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var (xs, ys) = network.Geometry(new SegmentId(s));
            var coordinates = new Coordinate[xs.Length];
            for (int i = 0; i < coordinates.Length; i++)
            {
                coordinates[i] = new Coordinate(xs.Span[i], ys.Span[i]);
            }
            if (near.Intersects(Factory.CreateLineString(coordinates)))
            {
                draft.Change(new SegmentId(s), a => a with { GreenOrWaterAdjacent = true });
                greened++;
            }
        }
        return Effect(string.Create(C, $"green space '{Name}' of {polygon.Area:0} m² with {Benches} benches; {greened} street segments along it"), greened, added);
    }
}
