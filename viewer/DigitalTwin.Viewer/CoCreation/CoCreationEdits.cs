using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Interventions.Types;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Viewer.CoCreation;

/// <summary>The changes a co-creation session can make to the selected streets, one key each.</summary>
public enum EditKind
{
    Benches,
    WidenPavement,
    CarFree,
    MixedUse,
    Lighting,
}

/// <summary>
/// Turns a key and a selection into an intervention record, the same records a scenario file holds, so an edit made
/// at the screen runs through exactly the engine's intervention code and could be written into a scenario.
/// </summary>
public static class CoCreationEdits
{
    /// <summary>
    /// Bench spacing for the B key. 25 m puts a seat within about 12 m of any point of the street: a street where
    /// someone who needs to rest often can always see the next seat, which is what a "bench street" proposal means.
    /// </summary>
    public const double BenchSpacingMetres = 25;

    /// <summary>
    /// Pavement width for the W key. A walking person takes about 0.75-1 m of width, so 3 m lets two people walk side by
    /// side and still pass a third, or stop to talk without blocking the way: room for the encounters the model counts.
    /// </summary>
    public const double WidenedPavementMetres = 3;

    /// <summary>The letter of each edit's key, as the help line shows it (GLFW's key code for a letter is its capital's ASCII code).</summary>
    public static char Letter(EditKind kind) => kind switch
    {
        EditKind.Benches => 'B',
        EditKind.WidenPavement => 'W',
        EditKind.CarFree => 'C',
        EditKind.MixedUse => 'M',
        EditKind.Lighting => 'L',
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The edit a key stands for, or null for any other key.</summary>
    public static EditKind? FromKey(int glfwKey)
    {
        foreach (var kind in Enum.GetValues<EditKind>())
        {
            if (glfwKey == Letter(kind))
            {
                return kind;
            }
        }
        return null;
    }

    /// <summary>A few words for the progress line and the help panel.</summary>
    public static string Describe(EditKind kind) => kind switch
    {
        EditKind.Benches => FormattableString.Invariant($"benches every {BenchSpacingMetres:0} m"),
        EditKind.WidenPavement => FormattableString.Invariant($"pavements widened to {WidenedPavementMetres:0} m"),
        EditKind.CarFree => "car-free",
        EditKind.MixedUse => "mixed use with a cafe",
        EditKind.Lighting => "street lighting",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The intervention for an edit on the addressed streets. <paramref name="editNumber"/> (1 for the session's first
    /// edit) names its source location, so problems and reports can tell edits apart; <paramref name="note"/> is shown in reports.
    /// </summary>
    public static Intervention Build(EditKind kind, StreetAddress streets, int editNumber, string note = "")
    {
        ArgumentNullException.ThrowIfNull(streets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(editNumber);
        var origin = new SourceLocation("(viewer)", FormattableString.Invariant($"$.edits[{editNumber - 1}]"), 0);
        note ??= string.Empty;
        return kind switch
        {
            EditKind.Benches => new AddBenches(streets, BenchSpacingMetres, null, AddBenches.DefaultSeatsPerBench) { Origin = origin, Note = note },
            EditKind.WidenPavement => new WidenPavement(streets, WidenedPavementMetres, null) { Origin = origin, Note = note },
            EditKind.CarFree => new CarFree(streets, AllowBikes: true) { Origin = origin, Note = note },
            EditKind.MixedUse => new MixedUse(streets, ActiveFrontage: true, [new PlaceSpec(PlaceKind.Cafe, "new cafe", null, null)]) { Origin = origin, Note = note },
            EditKind.Lighting => new StreetLighting(streets, null) { Origin = origin, Note = note },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
