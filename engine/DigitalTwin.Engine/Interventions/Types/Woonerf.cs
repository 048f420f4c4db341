using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>
/// Makes streets a woonerf (an 'erf', sign G5 of the BABW; OSM highway=living_street). In an erf walkers may use the
/// whole width of the road (RVV 1990 art. 44), drivers go no faster than walking pace, "stapvoets", which the courts and
/// since 2012 the A1 sign "15" put at 15 km/h (art. 45), and cars park only in marked bays (art. 46). In the model:
/// <list type="bullet">
/// <item>the highway type becomes <see cref="HighwayKind.LivingStreet"/>, whose carriageway is
/// <c>crossSection.livingStreetCarriagewayMetres</c> (none: one shared surface, CROW ASVV), so the wait to cross
/// (<see cref="RouteCostModel.CrossingWaitSeconds"/>) vanishes on the street's own arms, in routes and at the kerb, and
/// walkers spread over the whole width (<see cref="LateralPlacement"/>);</item>
/// <item>the walking width becomes the street's whole width: its pavements plus the carriageway its old type had
/// (<see cref="LateralPlacement.CarriagewayMetres"/>), less a woonerf's own carriageway;</item>
/// <item>the speed limit drops to <see cref="SpeedKmh"/> (never raised);</item>
/// <item>its traffic stays (a woonerf is for destination traffic, which it already carries) unless
/// <see cref="TrafficFactor"/> is given; what that takes off moves to detours as for low-traffic.</item>
/// </list>
/// Only streets that cars may use become woonerven; footways, paths and cycleways in the address keep what they are.
/// No crossing is marked at the ends: a zebra would cut the wait across every arm of the junction, the through road
/// included, and an erf has no zebras of its own.
/// </summary>
internal sealed record Woonerf(StreetAddress Streets, int SpeedKmh, double? TrafficFactor) : Intervention
{
    public const string Type = "woonerf";

    private static readonly StreetAddressField StreetsField = new("streets", "the streets made a woonerf (those cars may use)") { Required = true };

    /// <summary>
    /// RVV 1990 art. 45: "stapvoets", which the Hoge Raad and, since 1 July 2012, the A1 sign put at 15 km/h. Under 5 km/h
    /// is slower than walking; above 20 km/h is a 30 zone, not an erf.
    /// </summary>
    private static readonly WholeNumberField SpeedField =
        new("speedKmh", "speed limit: walking pace, 'stapvoets' (RVV 1990 art. 45); never raises a lower one", 5, 20, "km/h") { Default = 15 };

    private static readonly NumberField TrafficFactorField =
        new("trafficFactor", "below 1 means fewer cars (through traffic gone); the rest move to detours", 0, 1, "(times today's vehicles per day)")
        {
            WhenAbsent = "the street keeps its traffic",
        };

    internal static InterventionType Format { get; } = new(Type,
        "Woonerf (erf, sign G5; RVV 1990 art. 44-46): walkers use the whole street width and cross anywhere without waiting (no carriageway: crossSection.livingStreetCarriagewayMetres), cars at walking pace. Traffic stays unless trafficFactor is given; what it takes off moves to detours, as for low-traffic.",
        [StreetsField, SpeedField, TrafficFactorField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static Woonerf? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        int speed = SpeedField.ReadOrDefault(reader);
        double? traffic = TrafficFactorField.Read(reader);
        return streets is null ? null : new Woonerf(streets, speed, traffic) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var addressed = draft.Resolve(Streets);
        var network = draft.Network;
        var crossSection = draft.Parameters.CrossSection;
        // The carriageway each street has now, read before anything changes (the network is rebuilt after a change).
        var streets = addressed
            .Where(s => ((network.ModesForward[s.Value] | network.ModesBackward[s.Value]) & TravelModes.Car) != 0)
            .Select(s => (Segment: s, Carriageway: LateralPlacement.CarriagewayMetres(network, s.Value, crossSection)))
            .ToArray();
        double shared = crossSection.CarriagewayMetres(HighwayKind.LivingStreet);
        double factor = TrafficFactor ?? 1;
        var displaced = new List<(SegmentId Segment, double Vehicles)>();
        double widthBefore = 0, widthAfter = 0;
        foreach (var (s, carriageway) in streets)
        {
            var before = draft.Builder.GetAttributes(s);
            float width = (float)Math.Max(before.PavementWidthMetres, before.PavementWidthMetres + carriageway - shared);
            widthBefore += before.PavementWidthMetres;
            widthAfter += width;
            displaced.Add((s, before.CarVehiclesPerDay * (1 - factor)));
            draft.Change(s, a => a with
            {
                Highway = HighwayKind.LivingStreet,
                PavementWidthMetres = width,
                SpeedLimitKmh = Math.Min(a.SpeedLimitKmh, SpeedKmh),
                CarVehiclesPerDay = (float)(a.CarVehiclesPerDay * factor),
            });
        }
        double moved = TrafficFactor is null ? 0 : DisplacedTraffic.Redistribute(draft, displaced, addressed);
        SegmentId[] changed = [.. streets.Select(s => s.Segment)];
        if (changed.Length == 0)
        {
            return Effect($"{Describe(Streets)}: no street that cars may use, so no woonerf");
        }
        string traffic = TrafficFactor is { } f
            ? string.Create(C, $"traffic × {f:0.##}, {moved:0} vehicles a day moved to other streets")
            : "traffic as it was";
        int n = changed.Length;
        return Effect(string.Create(C,
            $"{Describe(Streets)} made a woonerf ({draft.MetresOf(changed):0} m of street): {SpeedKmh} km/h, walkers use the whole width ({widthBefore / n:0.0} → {widthAfter / n:0.0} m on average) and cross without waiting; {traffic}"),
            changed.Length);
    }
}
