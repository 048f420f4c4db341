using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>Lower speed and/or less car traffic (a factor on vehicles per day); at least one is given.</summary>
internal sealed record LowTraffic(StreetAddress Streets, double? SpeedLimitKmh, double? TrafficFactor) : Intervention
{
    public const string Type = "low-traffic";

    private static readonly StreetAddressField StreetsField = new("streets", "the streets to calm") { Required = true };

    /// <summary>Low traffic lowers speed: above 50 km/h is not low traffic.</summary>
    private static readonly NumberField SpeedLimitField = new("speedLimitKmh", "new speed limit (never raises one)", 5, 50, "km/h");

    private static readonly NumberField TrafficFactorField = new("trafficFactor", "below 1 means fewer cars; the rest move to detours", 0, 1, "(times today's vehicles per day)");

    internal static InterventionType Format { get; } = new(Type,
        "Lower speed and/or less car traffic: speedLimitKmh, trafficFactor or both. The traffic taken off moves to detours, as for car-free.",
        [StreetsField, SpeedLimitField, TrafficFactorField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static LowTraffic? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        double? speed = SpeedLimitField.Read(reader);
        double? traffic = TrafficFactorField.Read(reader);
        if (!reader.Has(SpeedLimitField.Name) && !reader.Has(TrafficFactorField.Name))
        {
            reader.Context.Error(reader.Path, "must give 'speedLimitKmh', 'trafficFactor' or both");
            return null;
        }
        return streets is null ? null : new LowTraffic(streets, speed, traffic) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var segments = draft.Resolve(Streets);
        var displaced = new List<(SegmentId Segment, double Vehicles)>();
        foreach (var s in segments)
        {
            var before = draft.Builder.GetAttributes(s);
            double factor = TrafficFactor ?? 1;
            displaced.Add((s, before.CarVehiclesPerDay * (1 - factor)));
            draft.Change(s, a => a with
            {
                CarVehiclesPerDay = (float)(a.CarVehiclesPerDay * factor),
                SpeedLimitKmh = SpeedLimitKmh is { } limit ? Math.Min(a.SpeedLimitKmh, (float)limit) : a.SpeedLimitKmh,
            });
        }
        double moved = DisplacedTraffic.Redistribute(draft, displaced, segments);
        string what = string.Join(" and ", new[]
        {
            SpeedLimitKmh is { } kmh ? string.Create(C, $"speed limit {kmh:0} km/h") : null,
            TrafficFactor is { } f ? string.Create(C, $"traffic × {f:0.##}") : null,
        }.OfType<string>());
        return Effect(string.Create(C, $"{Describe(Streets)}: {what}; {moved:0} vehicles a day moved to other streets"), segments.Length);
    }
}
