using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>Sets (<see cref="WidthMetres"/>) or adds to (<see cref="AddMetres"/>) the pavement width; exactly one is given.</summary>
public sealed record WidenPavement(StreetAddress Streets, double? WidthMetres, double? AddMetres) : Intervention
{
    public const string Type = "widen-pavement";

    private static readonly StreetAddressField StreetsField = new("streets", "the streets whose pavements change") { Required = true };

    /// <summary>Wider than a street profile can hold is a typing mistake, not a design (30 m is a boulevard).</summary>
    private static readonly NumberField WidthField = new("widthMetres", "set the pavement width (both sides together)", 0.5, 30, "m");

    private static readonly NumberField AddField = new("addMetres", "add to the pavement width", 0.1, 10, "m");

    internal static InterventionType Format { get; } = new(Type,
        "Wider pavements: sets or adds to the pavement width of the streets, with exactly one of widthMetres or addMetres. The source document asks for pavements of at least 2 m.",
        [StreetsField, WidthField, AddField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static WidenPavement? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        double? width = WidthField.Read(reader);
        double? add = AddField.Read(reader);
        if (reader.Has(WidthField.Name) == reader.Has(AddField.Name))
        {
            reader.Context.Error(reader.Path, "must give exactly one of 'widthMetres' (set the width) or 'addMetres' (add to it)",
                "the source document asks for pavements of at least 2 m");
            return null;
        }
        return streets is null || (width is null && add is null) ? null : new WidenPavement(streets, width, add) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var segments = draft.Resolve(Streets);
        foreach (var s in segments)
        {
            draft.Change(s, a => a with { PavementWidthMetres = (float)(WidthMetres ?? (a.PavementWidthMetres + AddMetres!.Value)) });
        }
        string how = WidthMetres is { } width ? string.Create(C, $"to {width:0.0} m") : string.Create(C, $"by {AddMetres:0.0} m");
        return Effect(string.Create(C, $"pavements on {Describe(Streets)} widened {how} ({draft.MetresOf(segments):0} m of street)"), segments.Length);
    }
}
