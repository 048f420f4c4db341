using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>Any place kind at a point (a transit stop, a school entrance, a café).</summary>
internal sealed record NewPlace(PlaceSpec Place, LonLat At) : Intervention
{
    public const string Type = "new-place";

    private static readonly PointField AtField = new("point", "where; the place joins the nearest street") { Required = true };

    internal static InterventionType Format { get; } = new(Type,
        "Any place kind at a point: a transit stop, a school entrance, a café.", [AtField, .. PlaceSpec.Fields], Read);

    public override string TypeName => Type;

    public override IEnumerable<(LonLat Point, string Field)> Points => [(At, $"{Origin.Path}.point")];

    private static NewPlace? Read(ObjectReader reader)
    {
        LonLat? point = AtField.Read(reader);
        PlaceSpec? place = PlaceSpec.Read(reader);
        return point is null || place is null ? null : new NewPlace(place, point.Value) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var (x, y, snap) = draft.Locate(At);
        if (snap is not { } hit)
        {
            return Effect($"{Place.Kind} not placed: no street near the point");
        }
        draft.AddPlace(Place, x, y, hit.Segment, hit.OffsetMetres);
        return Effect($"new {Place.Kind.ToString().ToLowerInvariant()} {Place.Name}".TrimEnd(), added: 1);
    }
}
