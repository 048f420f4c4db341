using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions;

/// <summary>
/// A place that an intervention adds: one at a point (new-place) or a ground floor along a street (mixed-use). Both
/// write the same fields, so they share this specification and reader.
/// </summary>
public sealed record PlaceSpec(PlaceKind Kind, string Name, int? Capacity, string? OpeningHours)
{
    internal static readonly ChoiceField<PlaceKind> KindField =
        new("kind", "what kind of place", "place kind", [.. ScenarioLoader.PlaceKinds.OrderBy(p => p.Key, StringComparer.Ordinal)])
        {
            Required = true,
            What = "a place kind",
        };

    internal static readonly TextField NameField = new("name", "its name, shown in reports");

    /// <summary>More than 10,000 people at once is a stadium, not a neighbourhood place: a typing mistake.</summary>
    internal static readonly WholeNumberField CapacityField = new("capacity", "people who can stay at once", 1, 10_000, "people")
    {
        WhenAbsent = "the usual capacity of its kind",
    };

    /// <summary>255 characters is OSM's limit for a tag value.</summary>
    internal static readonly TextField OpeningHoursField = new("openingHours", "when it is open")
    {
        What = "OSM opening_hours text",
        Example = "\"Mo-Sa 08:00-18:00\"",
        MaxLength = 255,
    };

    /// <summary>The fields of a place, in the order they are read.</summary>
    internal static IReadOnlyList<InterventionField> Fields { get; } = [KindField, NameField, CapacityField, OpeningHoursField];

    /// <summary>kind, name, capacity and openingHours of a place (a mixed-use list item or a new-place entry).</summary>
    internal static PlaceSpec? Read(ObjectReader reader)
    {
        int before = reader.Context.Problems.Count;
        PlaceKind? kind = KindField.Read(reader);
        string name = NameField.Read(reader) ?? string.Empty;
        int? capacity = CapacityField.Read(reader);
        string? hours = OpeningHoursField.Read(reader);
        return kind is null || reader.Context.Problems.Count > before ? null : new PlaceSpec(kind.Value, name, capacity, hours);
    }
}
