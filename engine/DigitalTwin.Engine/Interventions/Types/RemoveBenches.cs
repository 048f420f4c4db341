using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>Removes every bench on the addressed segments.</summary>
internal sealed record RemoveBenches(StreetAddress Streets) : Intervention
{
    public const string Type = "remove-benches";

    private static readonly StreetAddressField StreetsField = new("streets", "the streets whose benches go") { Required = true };

    internal static InterventionType Format { get; } = new(Type, "Removes the benches on the streets.", [StreetsField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static RemoveBenches? Read(ObjectReader reader) =>
        StreetsField.Read(reader) is { } streets ? new RemoveBenches(streets) { Origin = reader.Location } : null;

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var segments = draft.Resolve(Streets).Select(s => s.Value).ToHashSet();
        int removed = draft.Places.RemoveAll(p => p.Kind == PlaceKind.Bench && segments.Contains(p.Segment.Value));
        return Effect($"{removed} benches removed from {Describe(Streets)}", removed: removed);
    }
}
