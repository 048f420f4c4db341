using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>How a crossing is controlled.</summary>
internal enum CrossingKind
{
    Zebra,
    Signalised,
    Uncontrolled,
}

/// <summary>A crossing on the addressed segments (usually a point and a radius on a busy road).</summary>
internal sealed record AddCrossing(StreetAddress Streets, CrossingKind Kind) : Intervention
{
    public const string Type = "add-crossing";

    private static readonly StreetAddressField StreetsField =
        new("streets", "where: usually a point and a small radius on a busy road; every junction of the segments gets the crossing") { Required = true };

    private static readonly ChoiceField<CrossingKind> KindField = new("kind", "how the crossing is controlled", "crossing kind",
        [new("zebra", CrossingKind.Zebra), new("signalised", CrossingKind.Signalised), new("uncontrolled", CrossingKind.Uncontrolled)])
    {
        Required = true,
    };

    internal static InterventionType Format { get; } = new(Type,
        "A crossing on a busy road: the wait for a gap at its junctions is cut (routing.zebraCrossingShare, signalisedCrossingShare, uncontrolledCrossingShare).",
        [StreetsField, KindField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static AddCrossing? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        CrossingKind? kind = KindField.Read(reader);
        return streets is null || kind is null ? null : new AddCrossing(streets, kind.Value) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var segments = draft.Resolve(Streets);
        var control = Kind switch
        {
            CrossingKind.Zebra => CrossingControl.Zebra,
            CrossingKind.Signalised => CrossingControl.Signalised,
            _ => CrossingControl.Uncontrolled,
        };
        var nodes = new SortedSet<int>();
        foreach (var s in segments)
        {
            nodes.Add(draft.Builder.SegmentFrom(s));
            nodes.Add(draft.Builder.SegmentTo(s));
        }
        foreach (int node in nodes)
        {
            draft.SetCrossing(new NodeId(node), control);
        }
        return Effect($"{Kind.ToString().ToLowerInvariant()} crossings at {nodes.Count} junction(s) of {Describe(Streets)}", segments.Length);
    }
}
