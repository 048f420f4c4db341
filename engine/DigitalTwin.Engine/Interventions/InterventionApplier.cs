using System.Globalization;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Interventions;

/// <summary>
/// Applies a scenario's interventions, in file order, to the baseline's data. Each returns new data and changes only
/// what it addresses: street attributes through the network's builder, places and homes as new sets, behaviour
/// through named parameters. None touches the results: an intervention works only through the model's mechanisms
/// (route costs, places to go, nods by context, familiarity).
/// </summary>
public static partial class InterventionApplier
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static AppliedInterventions Apply(Neighbourhood neighbourhood, SimulationParameters parameters, IReadOnlyList<Intervention> interventions)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(interventions);
        var state = new State(neighbourhood, parameters);
        var effects = new List<InterventionEffect>(interventions.Count);
        foreach (var intervention in interventions)
        {
            effects.Add(intervention switch
            {
                WidenPavement widen => WidenPavementOn(state, widen),
                AddBenches add => AddBenchesTo(state, add),
                RemoveBenches remove => RemoveBenchesFrom(state, remove),
                MixedUse mixed => MixedUseOn(state, mixed),
                CarFree carFree => CloseToCars(state, carFree),
                LowTraffic calm => CalmTraffic(state, calm),
                Stomp stomp => Reprioritise(state, stomp),
                StreetLighting lighting => Light(state, lighting),
                GreenSpace green => AddGreenSpace(state, green),
                DelftStoep stoep => AddFrontZones(state, stoep),
                RemoveBarrier barrier => OpenUp(state, barrier),
                AddCrossing crossing => AddCrossingOn(state, crossing),
                NewPlace place => AddPlace(state, place),
                NewHousing housing => AddHousing(state, housing),
                _ => throw new InvalidOperationException($"No effect is defined for intervention type '{intervention.TypeName}'."),
            });
        }
        return new AppliedInterventions(state.Build(), state.Parameters, state.ExtraResidents, effects);
    }

    /// <summary>The data being changed: one builder for the network, lists for places and homes, the parameters.</summary>
    private sealed class State
    {
        private StreetNetwork? _network;

        public State(Neighbourhood neighbourhood, SimulationParameters parameters)
        {
            _network = neighbourhood.Network;
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

        public Neighbourhood Build() => new(Network, new PlaceSet(Places), new HomeSet(Homes));
    }

    private static InterventionEffect Effect(Intervention intervention, string summary, int segments = 0, int added = 0, int removed = 0,
        int dwellings = 0, IReadOnlyList<string>? parameters = null) =>
        new(intervention.TypeName, intervention.Note, summary, segments, added, removed, dwellings, parameters ?? []);

    private static string Describe(StreetAddress address) => address switch
    {
        StreetByName byName => byName.Name,
        StreetByOsmWayIds ids => string.Create(C, $"{ids.OsmWayIds.Count} OSM way(s)"),
        StreetByPolygon => "the streets in the drawn area",
        StreetByPoint point => string.Create(C, $"the streets within {point.RadiusMetres:0} m of the point"),
        _ => "the addressed streets",
    };

    private static double Metres(StreetNetwork network, IEnumerable<SegmentId> segments) => segments.Sum(s => (double)network.LengthMetres[s.Value]);
}
