using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Interventions;

/// <summary>
/// The data that a scenario's interventions change, in the order they apply: one builder for the network, lists for
/// places and homes, the parameters and the residents that new housing adds. <see cref="Build"/> gives the result.
/// </summary>
internal sealed class NeighbourhoodDraft
{
    private StreetNetwork? _network;
    private readonly Surroundings.MapBackground _background;
    private readonly Surroundings.BarrierLines _barriers;

    public NeighbourhoodDraft(Neighbourhood neighbourhood, SimulationParameters parameters)
    {
        _network = neighbourhood.Network;
        _background = neighbourhood.Background;
        _barriers = neighbourhood.Barriers;
        Builder = neighbourhood.Network.ToBuilder();
        Geo = neighbourhood.Network.GeoReference;
        Places = [.. neighbourhood.Places.Records];
        Homes = [.. neighbourhood.Homes.Records];
        Parameters = parameters;
    }

    public StreetNetworkBuilder Builder { get; }

    public GeoReference Geo { get; }

    public List<PlaceRecord> Places { get; }

    public List<HomeRecord> Homes { get; }

    public SimulationParameters Parameters { get; set; }

    public int ExtraResidents { get; set; }

    /// <summary>The network as changed so far (rebuilt only when an address must be resolved after a change).</summary>
    public StreetNetwork Network => _network ??= Builder.Build();

    /// <summary>Segments an address selects on the network as changed so far (interventions apply in order).</summary>
    public SegmentId[] Resolve(StreetAddress address) => StreetSelector.Resolve(address, Network);

    public void Change(SegmentId segment, Func<SegmentAttributes, SegmentAttributes> change)
    {
        Builder.SetAttributes(segment, change(Builder.GetAttributes(segment)));
        _network = null;
    }

    public void SetCrossing(NodeId node, CrossingControl crossing)
    {
        Builder.SetCrossing(node, crossing);
        _network = null;
    }

    /// <summary>Where a lon/lat point meets the walkable network (validation already checked it is near a street).</summary>
    public (double X, double Y, SnapResult? Snap) Locate(LonLat point)
    {
        var (x, y) = Geo.Project(point.Longitude, point.Latitude);
        return (x, y, new SegmentSnapper(Network).Snap(x, y, ScenarioValidator.MaxPointDistanceMetres));
    }

    /// <summary>The walkable segments within <paramref name="radiusMetres"/> of a projected point, nearest first.</summary>
    public SnapResult[] StreetsWithin(double x, double y, double radiusMetres) => new SegmentSnapper(Network).Within(x, y, radiusMetres);

    /// <summary>The length of the segments on the network as changed so far.</summary>
    public double MetresOf(IEnumerable<SegmentId> segments)
    {
        var network = Network;
        return segments.Sum(s => (double)network.LengthMetres[s.Value]);
    }

    public void AddBench(double x, double y, SegmentId segment, double offset, int seats) => Places.Add(new PlaceRecord
    {
        Kind = PlaceKind.Bench,
        Name = "bench (scenario)",
        X = x,
        Y = y,
        Segment = segment,
        OffsetMetres = (float)offset,
        Capacity = seats,
        OpeningHours = string.Empty,
    });

    public void AddPlace(PlaceSpec spec, double x, double y, SegmentId segment, double offset) => Places.Add(new PlaceRecord
    {
        Kind = spec.Kind,
        Name = spec.Name,
        X = x,
        Y = y,
        Segment = segment,
        OffsetMetres = (float)offset,
        Capacity = spec.Capacity ?? OsmPlaceInterpretation.DefaultCapacity(spec.Kind),
        OpeningHours = spec.OpeningHours ?? string.Empty,
    });

    public Neighbourhood Build() => new(Network, new PlaceSet(Places), new HomeSet(Homes)) { Background = _background, Barriers = _barriers };
}
