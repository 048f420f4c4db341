using System.Collections.Frozen;
using DigitalTwin.Engine.Interventions.Types;

namespace DigitalTwin.Engine.Interventions;

/// <summary>
/// Every intervention type a scenario may name. Adding a type is adding its file in Types/ and one line here; the
/// loader, the schema and the README table follow from this list.
/// </summary>
internal static class InterventionRegistry
{
    /// <summary>The types in documentation order.</summary>
    public static IReadOnlyList<InterventionType> Types { get; } =
    [
        WidenPavement.Format,
        AddBenches.Format,
        RemoveBenches.Format,
        MixedUse.Format,
        CarFree.Format,
        LowTraffic.Format,
        Woonerf.Format,
        Stomp.Format,
        StreetLighting.Format,
        GreenSpace.Format,
        DelftStoep.Format,
        RemoveBarrier.Format,
        AddCrossing.Format,
        NewPlace.Format,
        NewHousing.Format,
        PerceivedQuality.Format,
    ];

    public static IReadOnlyList<string> TypeNames { get; } = [.. Types.Select(t => t.Name)];

    public static FrozenDictionary<string, InterventionType> ByName { get; } = Types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
}
