using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>Lights streets (lit=yes), optionally with a design illuminance.</summary>
public sealed record StreetLighting(StreetAddress Streets, double? Lux) : Intervention
{
    public const string Type = "lighting";

    private static readonly StreetAddressField StreetsField = new("streets", "the streets to light") { Required = true };

    /// <summary>EN 13201 residential classes ask 2-15 lux; 100 is floodlighting.</summary>
    private static readonly NumberField LuxField = new("lux", "design illuminance, for the record (the model knows lit or unlit)", 1, 100, "lux");

    internal static InterventionType Format { get; } = new(Type, "Lights streets (lit=yes).", [StreetsField, LuxField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static StreetLighting? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        double? lux = LuxField.Read(reader);
        return streets is null ? null : new StreetLighting(streets, lux) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var segments = draft.Resolve(Streets);
        foreach (var s in segments)
        {
            draft.Change(s, a => a with { Lighting = Lighting.Lit });
        }
        return Effect(string.Create(C, $"street lighting on {Describe(Streets)} ({draft.MetresOf(segments):0} m)"), segments.Length);
    }
}
