using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>
/// STOMP re-prioritisation over the whole area (or the addressed streets): every factor is written in the file so
/// that nothing is hidden. Cost factors multiply a mode's generalised route cost; the crossing factor multiplies
/// <see cref="Mobility.RouteCostParameters.CrossingWaitMetresPerSecond"/>; the traffic factor multiplies vehicles per day.
/// </summary>
internal sealed record Stomp(
    StreetAddress? Streets,
    double WalkCostFactor,
    double BikeCostFactor,
    double CarCostFactor,
    double CrossingPenaltyFactor,
    double CarTrafficFactor,
    bool ParkingAtEdge) : Intervention
{
    public const string Type = "stomp";

    private static readonly StreetAddressField StreetsField = new("streets", "the streets whose car traffic changes") { WhenAbsent = "the whole area" };

    // Walking and cycling can only gain priority and the car only lose it; a factor of 4 already makes driving absurd.
    private static readonly NumberField WalkCostField = new("walkCostFactor", "below 1 makes walking routes cheaper", 0.25, 1, "(times the walking route cost)") { Required = true };

    private static readonly NumberField BikeCostField = new("bikeCostFactor", "below 1 makes cycling routes cheaper", 0.25, 1, "(times the cycling route cost)") { Required = true };

    private static readonly NumberField CarCostField = new("carCostFactor", "above 1 makes car routes dearer", 1, 4, "(times the car route cost)") { Required = true };

    private static readonly NumberField CrossingPenaltyField =
        new("crossingPenaltyFactor", "below 1 shortens the wait to cross busy roads", 0, 1, "(times routing.crossingWaitMetresPerSecond)") { Required = true };

    private static readonly NumberField CarTrafficField = new("carTrafficFactor", "below 1 means fewer cars on the streets", 0, 1, "(times today's vehicles per day)") { Required = true };

    private static readonly FlagField ParkingAtEdgeField = new("parkingAtEdge", "parking moves to the edge of the area (modeChoice.edgeParkingWalkMetres)", Default: false);

    internal static InterventionType Format { get; } = new(Type,
        "STOMP re-prioritisation (walk, bike, transit, shared, car) of the whole area, or of the addressed streets' car traffic. Every factor is written out, so nothing is hidden.",
        [StreetsField, WalkCostField, BikeCostField, CarCostField, CrossingPenaltyField, CarTrafficField, ParkingAtEdgeField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => Streets is null ? [] : [Streets];

    private static Stomp? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        double? walk = WalkCostField.Read(reader);
        double? bike = BikeCostField.Read(reader);
        double? car = CarCostField.Read(reader);
        double? crossing = CrossingPenaltyField.Read(reader);
        double? traffic = CarTrafficField.Read(reader);
        bool parking = ParkingAtEdgeField.Read(reader);
        return walk is null || bike is null || car is null || crossing is null || traffic is null || (reader.Has(StreetsField.Name) && streets is null)
            ? null
            : new Stomp(streets, walk.Value, bike.Value, car.Value, crossing.Value, traffic.Value, parking) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var p = draft.Parameters;
        draft.Parameters = p with
        {
            Routing = p.Routing with
            {
                WalkCostFactor = p.Routing.WalkCostFactor * WalkCostFactor,
                BikeCostFactor = p.Routing.BikeCostFactor * BikeCostFactor,
                CarCostFactor = p.Routing.CarCostFactor * CarCostFactor,
                CrossingWaitMetresPerSecond = p.Routing.CrossingWaitMetresPerSecond * CrossingPenaltyFactor,
            },
            ModeChoice = ParkingAtEdge ? p.ModeChoice with { CarParkingWalkMetres = p.ModeChoice.EdgeParkingWalkMetres } : p.ModeChoice,
        };
        var segments = Streets is null
            ? Enumerable.Range(0, draft.Network.SegmentCount).Select(s => new SegmentId(s)).ToArray()
            : draft.Resolve(Streets);
        foreach (var s in segments)
        {
            draft.Change(s, a => a with { CarVehiclesPerDay = (float)(a.CarVehiclesPerDay * CarTrafficFactor) });
        }
        var changed = new List<string>
        {
            "routing.walkCostFactor", "routing.bikeCostFactor", "routing.carCostFactor", "routing.crossingWaitMetresPerSecond",
        };
        if (ParkingAtEdge)
        {
            changed.Add("modeChoice.carParkingWalkMetres");
        }
        return Effect(string.Create(C,
            $"STOMP priority: walking cost × {WalkCostFactor:0.##}, cycling × {BikeCostFactor:0.##}, driving × {CarCostFactor:0.##}, crossings × {CrossingPenaltyFactor:0.##}, car traffic × {CarTrafficFactor:0.##} on {(Streets is null ? "every street" : Describe(Streets))}{(ParkingAtEdge ? ", parking at the edge" : string.Empty)}"),
            segments.Length, parameters: changed);
    }
}
