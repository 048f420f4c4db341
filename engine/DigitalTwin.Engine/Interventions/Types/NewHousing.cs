using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>
/// New housing at a point: dwellings with households drawn from the scenario's population profile. A development
/// larger than one building (<see cref="MaxDwellingsPerBuilding"/>) becomes several buildings spread over the streets
/// of the area it would cover (<see cref="DwellingsPerHectare"/>) around the point.
/// </summary>
internal sealed record NewHousing(LonLat At, int Dwellings, double HouseholdSize) : Intervention
{
    public const string Type = "population";

    /// <summary>
    /// The most dwellings one building takes. A Dutch block of flats rarely holds more than a few hundred (the bundled
    /// Delft map's largest, estimated from floor area, hold 521 and 528). Thousands behind one door would put every
    /// departure and every evening on the doorstep at one spot of one street, where the model has them all meet one
    /// another: 10,000 dwellings for 40,000 on Leeuwenstein drew a third of Delft's encounters onto its 48 m, and the
    /// day needed 1.6 times the memory (5.0 GB) and twice the time of as many residents spread over the map's own homes.
    /// </summary>
    public const int MaxDwellingsPerBuilding = 500;

    /// <summary>
    /// The density a development of several buildings is spread at: dense Dutch inner-city building, between the
    /// 60-80 dwellings per hectare of a compact new district and Utrecht's Merwede (6,000 on 24 ha, 250).
    /// </summary>
    public const double DwellingsPerHectare = 100;

    /// <summary>How far a spread building stands from its street's centre line: a pavement and a front garden.</summary>
    private const double SetbackMetres = 10;

    private static readonly PointField AtField = new("point",
        $"where; the homes join the nearest street (over {MaxDwellingsPerBuilding} dwellings: buildings of up to {MaxDwellingsPerBuilding}, on streets spread over the area they cover at {DwellingsPerHectare} dwellings a hectare around the point)") { Required = true };

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
        int residents = (int)Math.Round(Dwellings * HouseholdSize);
        draft.ExtraResidents += residents;
        int buildings = (Dwellings + MaxDwellingsPerBuilding - 1) / MaxDwellingsPerBuilding;
        if (buildings == 1)
        {
            draft.Homes.Add(new HomeRecord { X = x, Y = y, Segment = hit.Segment, OffsetMetres = hit.OffsetMetres, Dwellings = Dwellings });
            return Effect($"{Dwellings} new dwellings for about {residents} residents", dwellings: Dwellings);
        }
        // The streets of the development's area around the point, nearest first. Buildings take streets at even steps
        // of that order: streets within a radius grow as its square, as the area does, so the buildings spread evenly
        // over the area rather than crowd its centre. A small map may have fewer streets than buildings: its streets
        // then share the dwellings out.
        double radiusMetres = Math.Max(hit.DistanceMetres, Math.Sqrt(Dwellings / DwellingsPerHectare * 10_000 / Math.PI));
        var area = draft.StreetsWithin(x, y, radiusMetres);
        int count = Math.Min(buildings, area.Length);
        for (int b = 0; b < count; b++)
        {
            var street = area[(int)((long)b * area.Length / count)];
            // The first building stands at the point, as a single one does; each other one beside its own street, on
            // the side facing the point (which decides the pavement its residents step onto).
            var (sx, sy) = draft.Network.PointAt(street.Segment, street.OffsetMetres);
            double towardPoint = street.DistanceMetres > SetbackMetres ? SetbackMetres / street.DistanceMetres : 1;
            var (bx, by) = b == 0 ? (x, y) : (sx + ((x - sx) * towardPoint), sy + ((y - sy) * towardPoint));
            int dwellings = (Dwellings / count) + (b < Dwellings % count ? 1 : 0);
            draft.Homes.Add(new HomeRecord { X = bx, Y = by, Segment = street.Segment, OffsetMetres = street.OffsetMetres, Dwellings = dwellings });
        }
        return Effect(string.Create(C, $"{Dwellings} new dwellings for about {residents} residents, in {count} buildings on the streets within {radiusMetres:0} m of the point"),
            dwellings: Dwellings);
    }
}
