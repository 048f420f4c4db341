using System.Collections.Frozen;

namespace DigitalTwin.Engine.Observations;

/// <summary>
/// What a resident marked on the map: the closed list an observations file may use (docs/observations.md). The list
/// follows step 2 of the TNO guide (PhotoVoice: positive and negative elements photographed with a caption; the
/// Leefplekmeter: places rated) and the features the start map names (meeting places, benches, barriers).
/// </summary>
public enum ObservationKind
{
    /// <summary>A photo with its caption (PhotoVoice): what the resident wants others to see, good or bad.</summary>
    Photo,

    /// <summary>A place residents value ("sociale parel"): worth keeping or strengthening.</summary>
    ValuedPlace,

    /// <summary>Where neighbours actually meet (a corner, a bench, a doorstep), mapped or not.</summary>
    MeetingSpot,

    /// <summary>A place or stretch that feels unsafe (dark, hidden, traffic).</summary>
    Unsafe,

    /// <summary>Something that keeps people apart or stops them walking on: a busy road, a fence, water without a bridge.</summary>
    Barrier,

    /// <summary>Where a bench is missing (older residents need a rest every 100-200 m).</summary>
    MissingBench,

    /// <summary>An idea or wish for the place, in the resident's own words.</summary>
    Idea,
}

/// <summary>The words observations files use for each <see cref="ObservationKind"/>, and their meanings.</summary>
public static class ObservationKinds
{
    /// <summary>Every kind with its file word (kebab-case) and a one-line meaning, in documentation order.</summary>
    public static IReadOnlyList<(ObservationKind Kind, string Word, string Meaning)> All { get; } =
    [
        (ObservationKind.Photo, "photo", "a photo with its caption (PhotoVoice), good or bad"),
        (ObservationKind.ValuedPlace, "valued-place", "a place residents value and want kept or strengthened"),
        (ObservationKind.MeetingSpot, "meeting-spot", "where neighbours actually meet, mapped or not"),
        (ObservationKind.Unsafe, "unsafe", "a place or stretch that feels unsafe"),
        (ObservationKind.Barrier, "barrier", "something that stops people walking on or crossing (busy road, fence, water)"),
        (ObservationKind.MissingBench, "missing-bench", "where a bench is missing"),
        (ObservationKind.Idea, "idea", "an idea or wish for the place"),
    ];

    private static readonly FrozenDictionary<string, ObservationKind> ByWord =
        All.ToFrozenDictionary(k => k.Word, k => k.Kind, StringComparer.Ordinal);

    /// <summary>The file words, in documentation order.</summary>
    public static IReadOnlyList<string> Words { get; } = [.. All.Select(k => k.Word)];

    public static string WordOf(ObservationKind kind) => All[(int)kind].Word;

    /// <summary>The kind a file word names (case and surrounding spaces ignored), or null.</summary>
    public static ObservationKind? Parse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return ByWord.TryGetValue(word.Trim().ToLowerInvariant(), out var kind) ? kind : null;
    }
}
