using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Cli.Reports;

/// <summary>
/// Per variant, a map of where its change stands out from the noise: segments whose encounters rose or fell beyond the
/// noise once every segment is tested together (Benjamini–Hochberg, <see cref="FalseDiscovery"/>), the rest grey, so a
/// designer does not read a pattern into noise. Drawn by the viewer offscreen; none where this machine cannot draw.
/// </summary>
internal static class ComparisonMaps
{
    private const int WidthPixels = 1600;
    private const int HeightPixels = 1000;

    // Okabe-Ito bluish green and vermillion, told apart by colour-blind readers and unlike the light-blue bench marks.
    private static readonly Rgba NoOne = new(55, 58, 66);
    private static readonly Rgba WithinNoise = new(110, 115, 128);
    private static readonly Rgba Fewer = new(213, 94, 0);
    private static readonly Rgba More = new(0, 158, 115);

    public static string FileOf(VariantReport variant) => $"beyond-noise-{variant.Scenario.Slug}.png";

    /// <summary>The maps by file name, for the variants that have per-segment changes and a neighbourhood.</summary>
    public static Dictionary<string, byte[]> Draw(ComparisonReport report, IReadOnlyDictionary<string, Neighbourhood> neighbourhoods)
    {
        var maps = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var drawn = report.Variants.Where(v => v.Comparison.Segments is not null && neighbourhoods.ContainsKey(v.Scenario.Slug)).ToArray();
        if (drawn.Length == 0)
        {
            return maps;
        }
        using var renderer = OffscreenMapRenderer.TryCreate(out _);
        if (renderer is null)
        {
            return maps; // the report says the maps need offscreen OpenGL where it would show them
        }
        foreach (var variant in drawn)
        {
            var neighbourhood = neighbourhoods[variant.Scenario.Slug];
            var map = RunWriter.ToMapFile(new RunMetadata(variant.Scenario.Name, variant.Scenario.File, string.Empty, string.Empty, 0, 0, 0, 0), neighbourhood);
            var picture = renderer.Render(new MapScene(map, Layer(variant.Comparison.Segments!)), WidthPixels, HeightPixels);
            using var png = new MemoryStream();
            PngWriter.Write(png, picture.Image);
            maps[FileOf(variant)] = png.ToArray();
        }
        return maps;
    }

    /// <summary>Each segment's category: no one passes, within the noise, fewer or more encounters beyond it.</summary>
    public static CategoryLayer Layer(SegmentChanges segments)
    {
        var category = new int[segments.Encounters.Length];
        for (int s = 0; s < category.Length; s++)
        {
            var d = segments.Encounters[s];
            category[s] = d.BaselineMean == 0 && d.VariantMean == 0 ? 0
                : !segments.EncountersResolved[s] ? 1
                : d.MeanDifference < 0 ? 2 : 3;
        }
        return new CategoryLayer("Where encounters change beyond the noise",
            $"all segments tested together (Benjamini-Hochberg, {FalseDiscovery.Rate * 100:0} % false discoveries)",
            [("no one passes", NoOne), ("unchanged or within the noise", WithinNoise), ("fewer, beyond the noise", Fewer), ("more, beyond the noise", More)],
            category);
    }
}
