using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>'Delftse stoep' front zones along house fronts where residents sit and put plants.</summary>
internal sealed record DelftStoep(StreetAddress Streets, double DepthMetres, double ParticipationShare) : Intervention
{
    public const string Type = "delft-stoep";

    private static readonly StreetAddressField StreetsField = new("streets", "the streets whose house fronts get a front zone") { Required = true };

    /// <summary>A Delftse stoep is typically 0.6-1.5 m deep; under 0.3 m holds no chair, over 3 m is a front garden.</summary>
    private static readonly NumberField DepthField = new("depthMetres", "depth of the front zone", 0.3, 3, "m") { Required = true };

    private static readonly NumberField ShareField =
        new("participationShare", "how many households use theirs", 0, 1, "(share of households that use their front zone)") { Required = true };

    internal static InterventionType Format { get; } = new(Type,
        "'Delftse stoep' front zones along house fronts, where residents sit and put plants; sets planning.stoepParticipationShare.",
        [StreetsField, DepthField, ShareField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static DelftStoep? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        double? depth = DepthField.Read(reader);
        double? share = ShareField.Read(reader);
        return streets is null || depth is null || share is null ? null : new DelftStoep(streets, depth.Value, share.Value) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var segments = draft.Resolve(Streets);
        foreach (var s in segments)
        {
            draft.Change(s, a => a with { FrontZoneDepthMetres = (float)DepthMetres });
        }
        var p = draft.Parameters;
        draft.Parameters = p with { Planning = p.Planning with { StoepParticipationShare = ParticipationShare } };
        return Effect(string.Create(C,
            $"front zones ('Delftse stoep') of {DepthMetres:0.0} m along {Describe(Streets)}; {ParticipationShare:P0} of households use theirs"),
            segments.Length, parameters: ["planning.stoepParticipationShare"]);
    }
}
