using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>New housing at a point: dwellings with households drawn from the scenario's population profile.</summary>
internal sealed record NewHousing(LonLat At, int Dwellings, double HouseholdSize) : Intervention
{
    public const string Type = "population";

    private static readonly PointField AtField = new("point", "where; the homes join the nearest street") { Required = true };

    /// <summary>10,000 dwellings is a new town, not infill: a typing mistake.</summary>
    private static readonly WholeNumberField DwellingsField = new("dwellings", "new dwellings", 1, 10_000, "dwellings") { Required = true };

    /// <summary>Dutch households average about 2.1 people; 6 on average would be exceptional for a whole block.</summary>
    private static readonly NumberField HouseholdSizeField = new("householdSize", "people per household", 1, 6, "people per household") { Required = true };

    internal static InterventionType Format { get; } = new(Type,
        "New housing at a point with its residents, drawn from the scenario's population profile (about dwellings × householdSize people).",
        [AtField, DwellingsField, HouseholdSizeField], Read);

    public override string TypeName => Type;

    public override IEnumerable<(LonLat Point, string Field)> Points => [(At, $"{Origin.Path}.point")];

    private static NewHousing? Read(ObjectReader reader)
    {
        LonLat? point = AtField.Read(reader);
        int? dwellings = DwellingsField.Read(reader);
        double? size = HouseholdSizeField.Read(reader);
        return point is null || dwellings is null || size is null ? null : new NewHousing(point.Value, dwellings.Value, size.Value) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var (x, y, snap) = draft.Locate(At);
        if (snap is not { } hit)
        {
            return Effect("housing not placed: no street near the point");
        }
        draft.Homes.Add(new HomeRecord { X = x, Y = y, Segment = hit.Segment, OffsetMetres = hit.OffsetMetres, Dwellings = Dwellings });
        int residents = (int)Math.Round(Dwellings * HouseholdSize);
        draft.ExtraResidents += residents;
        return Effect($"{Dwellings} new dwellings for about {residents} residents", dwellings: Dwellings);
    }
}
