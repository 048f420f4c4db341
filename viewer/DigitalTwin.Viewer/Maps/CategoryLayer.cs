namespace DigitalTwin.Viewer.Maps;

/// <summary>
/// A map of categories instead of a heat measure: each street gets one of a few classes (narrow pavement, lit,
/// busy road …) with its own colour and a legend entry, for maps that describe the streets rather than a run.
/// </summary>
/// <param name="Title">The picture's title.</param>
/// <param name="Subtitle">What it shows and where the threshold comes from, in a line.</param>
/// <param name="Categories">Legend entries in drawing order: later categories are drawn on top.</param>
/// <param name="SegmentCategory">Each segment's index into <paramref name="Categories"/>.</param>
public sealed record CategoryLayer(string Title, string Subtitle, IReadOnlyList<(string Label, Rgba Colour)> Categories, int[] SegmentCategory);
