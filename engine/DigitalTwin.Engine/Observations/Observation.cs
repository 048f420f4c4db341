using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Observations;

/// <summary>
/// One thing a resident marked: a point (one position) or a line (two or more, in order), what kind of thing it is,
/// their words, an optional photo, ratings and who they are. Positions are WGS84 [longitude, latitude].
/// </summary>
public sealed record Observation
{
    public required ObservationKind Kind { get; init; }

    /// <summary>One position for a point; two or more, in order, for a line.</summary>
    public required IReadOnlyList<LonLat> Positions { get; init; }

    /// <summary>The caption or comment, in the resident's words; empty when none.</summary>
    public string Caption { get; init; } = string.Empty;

    /// <summary>File name of the photo (relative to the observations file), or null.</summary>
    public string? Photo { get; init; }

    public AspectRatings Ratings { get; init; }

    /// <summary>The resident's group as the session recorded it (an age band, "parents", ...), or null.</summary>
    public string? Group { get; init; }

    /// <summary>The day it was observed, or null.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Where it came from: the CSV line number or the GeoJSON feature number (1-based), for messages.</summary>
    public int SourceNumber { get; init; }

    public bool IsLine => Positions.Count > 1;

    /// <summary>
    /// The rating that enters the model: the mean of the aspects rated; without ratings, what the kind says by itself
    /// (an 'unsafe' mark is a judgement one step below neutral, a 'valued-place' or 'meeting-spot' one step above);
    /// null when neither (a photo, a missing bench or an idea without ratings only informs the conversation).
    /// </summary>
    public double? OverallRating => Ratings.Mean() ?? Kind switch
    {
        ObservationKind.Unsafe => AspectRatings.Neutral - 1,
        ObservationKind.ValuedPlace or ObservationKind.MeetingSpot => AspectRatings.Neutral + 1,
        _ => null,
    };
}

/// <summary>The observations of one file, in file order.</summary>
public sealed record ObservationSet(string SourceFile, IReadOnlyList<Observation> Observations)
{
    public static ObservationSet Empty { get; } = new(string.Empty, []);

    public int Count => Observations.Count;
}
