using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>Benches along streets every <see cref="SpacingMetres"/>, or at points; exactly one of the two.</summary>
public sealed record AddBenches(StreetAddress? Streets, double? SpacingMetres, IReadOnlyList<LonLat>? AtPoints, int SeatsPerBench)
    : Intervention
{
    public const string Type = "add-benches";

    public const int DefaultSeatsPerBench = 3;

    private static readonly StreetAddressField StreetsField = new("streets", "the streets to put benches along (with spacingMetres)");

    private static readonly NumberField SpacingField = new("spacingMetres", "distance between benches along the streets", 5, 1_000, "m");

    private static readonly PointsField PointsField = new("points", "where to put benches instead of along streets", 1);

    /// <summary>Shared with green spaces: 20 seats is a long row of benches, more a typing mistake.</summary>
    internal static readonly WholeNumberField SeatsField = new("seatsPerBench", "seats per bench", 1, 20, "seats") { Default = DefaultSeatsPerBench };

    internal static InterventionType Format { get; } = new(Type,
        "Benches along streets every spacingMetres, or at points: exactly one of streets (with spacingMetres) or points.",
        [StreetsField, SpacingField, PointsField, SeatsField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => Streets is null ? [] : [Streets];

    public override IEnumerable<(LonLat Point, string Field)> Points =>
        AtPoints is null ? [] : AtPoints.Select((p, i) => (p, $"{Origin.Path}.points[{i}]"));

    private static AddBenches? Read(ObjectReader reader)
    {
        StreetAddress? streets = StreetsField.Read(reader);
        double? spacing = SpacingField.Read(reader);
        IReadOnlyList<LonLat>? points = PointsField.Read(reader);
        int seats = SeatsField.ReadOrDefault(reader);
        if (reader.Has(StreetsField.Name) == reader.Has(PointsField.Name))
        {
            reader.Context.Error(reader.Path, "must give exactly one of 'streets' (with 'spacingMetres') or 'points'");
            return null;
        }
        if (reader.Has(StreetsField.Name) && !reader.Has(SpacingField.Name))
        {
            reader.Missing(SpacingField.Name, "the distance between benches along the streets, " + ObjectReader.Range(SpacingField.Min, SpacingField.Max, SpacingField.Unit));
            return null;
        }
        if (reader.Has(PointsField.Name) && reader.Has(SpacingField.Name))
        {
            reader.Context.Error(reader.Child(SpacingField.Name), "only applies with 'streets'; benches at points need no spacing");
            return null;
        }
        return (streets is null && points is null) ? null : new AddBenches(streets, spacing, points, seats) { Origin = reader.Location };
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        int before = draft.Places.Count;
        if (Streets is not null && SpacingMetres is { } spacing)
        {
            var segments = draft.Resolve(Streets);
            foreach (var s in segments)
            {
                // Benches at spacing/2, 3·spacing/2, …: evenly along the street, none on the junctions themselves.
                double length = draft.Network.LengthMetres[s.Value];
                for (double offset = Math.Min(spacing, length) / 2; offset < length; offset += spacing)
                {
                    var (x, y) = draft.Network.PointAt(s, offset);
                    draft.AddBench(x, y, s, offset, SeatsPerBench);
                }
            }
        }
        foreach (var point in AtPoints ?? [])
        {
            var (x, y, snap) = draft.Locate(point);
            if (snap is { } hit)
            {
                draft.AddBench(x, y, hit.Segment, hit.OffsetMetres, SeatsPerBench);
            }
        }
        int added = draft.Places.Count - before;
        string where = Streets is not null ? string.Create(C, $"along {Describe(Streets)} every {SpacingMetres:0} m") : "at the given points";
        return Effect(string.Create(C, $"{added} benches with {SeatsPerBench} seats {where}"), added: added);
    }
}
