using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions;

/// <summary>
/// How one intervention type is written in a scenario file: its <c>"type"</c>, what it does (for the README and the
/// schema), its fields besides <c>type</c> and <c>note</c>, and the reader that turns an entry into the record. The
/// reader reads each field through its <see cref="InterventionField"/>, so the checked ranges are the documented ones;
/// rules between fields (exactly one of two) are the reader's own and are said in <see cref="Description"/>.
/// </summary>
internal sealed record InterventionType(
    string Name,
    string Description,
    IReadOnlyList<InterventionField> Fields,
    Func<ObjectReader, Intervention?> Read);
