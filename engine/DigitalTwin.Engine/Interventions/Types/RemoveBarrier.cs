using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>Opens the addressed segments to the given modes (a gate, fence or missing link removed).</summary>
internal sealed record RemoveBarrier(StreetAddress Streets, TravelModes Modes) : Intervention
{
    public const string Type = "remove-barrier";

    private static readonly StreetAddressField StreetsField = new("streets", "the segments to open") { Required = true };

    private static readonly ChoiceListField<TravelModes> ModesField = new("modes", "modes that may now pass",
        [new("walk", TravelModes.Walk), new("bike", TravelModes.Bike), new("car", TravelModes.Car)],
        [TravelModes.Walk, TravelModes.Bike]);

    internal static InterventionType Format { get; } = new(Type,
        "Opens segments to modes: a gate, fence or missing link removed.", [StreetsField, ModesField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static RemoveBarrier? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        IReadOnlyList<TravelModes>? modes = ModesField.Read(reader);
        return streets is null || modes is null
            ? null
            : new RemoveBarrier(streets, modes.Aggregate(TravelModes.None, (all, mode) => all | mode)) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var segments = draft.Resolve(Streets);
        foreach (var s in segments)
        {
            draft.Change(s, a => a with { ModesForward = a.ModesForward | Modes, ModesBackward = a.ModesBackward | Modes });
        }
        return Effect($"{Describe(Streets)} opened to {Modes.ToString().ToLowerInvariant()}", segments.Length);
    }
}
