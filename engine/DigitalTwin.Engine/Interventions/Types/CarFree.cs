using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>
/// Closes streets to cars (filtered permeability); bikes stay unless <see cref="AllowBikes"/> is false. A main road's
/// carriageway mapped for cars only (its pavements are ways of their own) becomes a street for people: walkers (and
/// bikes) get its whole carriageway, as when a city turns a road into a car-free street.
/// </summary>
public sealed record CarFree(StreetAddress Streets, bool AllowBikes) : Intervention
{
    public const string Type = "car-free";

    private static readonly StreetAddressField StreetsField = new("streets", "the streets closed to cars") { Required = true };

    private static readonly FlagField AllowBikesField = new("allowBikes", "bikes may still use the streets", Default: true);

    internal static InterventionType Format { get; } = new(Type,
        "Closes streets to cars (filtered permeability); their traffic moves to the detours cars now take, less the share that disappears (interventions.trafficEvaporationShare).",
        [StreetsField, AllowBikesField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static CarFree? Read(ObjectReader reader) =>
        StreetsField.Read(reader) is { } streets ? new CarFree(streets, AllowBikesField.Read(reader)) { Origin = reader.Location } : null;

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var segments = draft.Resolve(Streets);
        var removedModes = AllowBikes ? TravelModes.Car : TravelModes.Car | TravelModes.Bike;
        var displaced = new List<(SegmentId Segment, double Vehicles)>();
        foreach (var s in segments)
        {
            var before = draft.Builder.GetAttributes(s);
            displaced.Add((s, before.CarVehiclesPerDay));
            bool carriagewayOnly = ((before.ModesForward | before.ModesBackward) & (TravelModes.Walk | TravelModes.Bike)) == 0;
            var opened = carriagewayOnly ? TravelModes.Walk | (AllowBikes ? TravelModes.Bike : 0) : 0;
            float carriageway = carriagewayOnly ? (float)draft.Parameters.CrossSection.CarriagewayMetres(before.Highway) : 0;
            draft.Change(s, a => a with
            {
                ModesForward = (a.ModesForward & ~removedModes) | opened,
                ModesBackward = (a.ModesBackward & ~removedModes) | opened,
                PavementWidthMetres = a.PavementWidthMetres + carriageway,
                CarVehiclesPerDay = 0,
            });
        }
        double moved = DisplacedTraffic.Redistribute(draft, displaced, segments);
        return Effect(string.Create(C,
            $"{Describe(Streets)} closed to cars{(AllowBikes ? string.Empty : " and bikes")} ({draft.MetresOf(segments):0} m); {moved:0} vehicles a day moved to other streets"),
            segments.Length);
    }
}
