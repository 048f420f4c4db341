using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>Active ground floors along streets and new third places on them.</summary>
public sealed record MixedUse(StreetAddress Streets, bool ActiveFrontage, IReadOnlyList<PlaceSpec> Places) : Intervention
{
    public const string Type = "mixed-use";

    private static readonly StreetAddressField StreetsField = new("streets", "the streets that get mixed use") { Required = true };

    private static readonly FlagField ActiveFrontageField = new("activeFrontage", "make the ground floors active frontage", Default: true);

    private static readonly PlacesField PlacesField = new("places", "new places, spread evenly along the streets") { WhenAbsent = "none" };

    internal static InterventionType Format { get; } = new(Type,
        "Active ground floors and new third places along streets.", [StreetsField, ActiveFrontageField, PlacesField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];

    private static MixedUse? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        bool active = ActiveFrontageField.Read(reader);
        IReadOnlyList<PlaceSpec>? places = PlacesField.Read(reader);
        return streets is null || places is null ? null : new MixedUse(streets, active, places) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var segments = draft.Resolve(Streets);
        if (ActiveFrontage)
        {
            foreach (var s in segments)
            {
                draft.Change(s, a => a with { Frontage = Frontage.Active });
            }
        }
        // The new places spread evenly along the addressed streets, end to end, as ground floors along a street are.
        var network = draft.Network;
        double total = draft.MetresOf(segments);
        for (int i = 0; i < Places.Count && total > 0; i++)
        {
            double along = (i + 0.5) / Places.Count * total;
            foreach (var s in segments)
            {
                double length = network.LengthMetres[s.Value];
                if (along <= length)
                {
                    var spec = Places[i];
                    var (x, y) = network.PointAt(s, along);
                    draft.AddPlace(spec, x, y, s, along);
                    break;
                }
                along -= length;
            }
        }
        return Effect(string.Create(C,
            $"{(ActiveFrontage ? "active ground floors" : "no frontage change")} along {Describe(Streets)} with {Places.Count} new place(s): {string.Join(", ", Places.Select(p => p.Name.Length > 0 ? p.Name : p.Kind.ToString().ToLowerInvariant()))}"),
            ActiveFrontage ? segments.Length : 0, added: Places.Count);
    }
}
