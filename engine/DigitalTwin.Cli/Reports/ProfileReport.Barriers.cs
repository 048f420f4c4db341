using DigitalTwin.Cli.Outputs;
using DigitalTwin.Engine.Surroundings;

namespace DigitalTwin.Cli.Reports;

/// <summary>The start map's water and rail barriers as GIS layers: the barrier lines, and the crossings on them.</summary>
internal sealed partial record ProfileReport
{
    public const string BarriersFile = "profile-barriers.geojson";
    public const string BarrierCrossingsFile = "profile-barrier-crossings.geojson";

    public static string BarriersFileOf(ProfiledScenario scenario, bool isBaseline) => isBaseline ? BarriersFile : $"profile-barriers-{scenario.Slug}.geojson";

    public static string BarrierCrossingsFileOf(ProfiledScenario scenario, bool isBaseline) =>
        isBaseline ? BarrierCrossingsFile : $"profile-barrier-crossings-{scenario.Slug}.geojson";

    /// <summary>One LineString per barrier line: rail or water, whether it counts (a parallel track does not), its length, crossings and longest stretch.</summary>
    public static FeatureLayer BarriersLayer(ProfiledScenario scenario, string name)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var lines = scenario.Neighbourhood.Barriers;
        var found = scenario.StartMap.Barriers;
        var geo = scenario.Neighbourhood.Network.GeoReference;
        var fields = new LayerField[]
        {
            new("line", FieldType.Integer), new("kind", FieldType.Text), new("counted", FieldType.Boolean), new("length_m", FieldType.Real),
            new("crossings", FieldType.Integer), new("longest_stretch_m", FieldType.Real),
        };
        var crossingsPerLine = new int[lines.Count];
        foreach (var crossing in found.Crossings)
        {
            crossingsPerLine[crossing.Line]++;
        }
        var features = new List<LayerFeature>(lines.Count);
        for (int l = 0; l < lines.Count; l++)
        {
            var positions = new List<(double, double)>();
            for (int k = lines.LineStart[l]; k < lines.LineStart[l + 1]; k++)
            {
                var (lon, lat) = geo.Unproject(lines.X[k], lines.Y[k]);
                positions.Add((Math.Round(lon, 7), Math.Round(lat, 7)));
            }
            bool counted = found.Counted.Length > l && found.Counted[l];
            features.Add(new LayerFeature(positions,
            [
                (long)l, KindName(lines.Kind[l]), counted, Math.Round(lines.LengthMetres(l), 2), (long)crossingsPerLine[l],
                counted && crossingsPerLine[l] >= 2 ? Math.Round(found.LongestStretchMetres[l], 2) : null,
            ]));
        }
        return new FeatureLayer(name, $"Water and rail barriers: {scenario.Name}", LayerGeometry.LineString, fields, features);
    }

    /// <summary>One Point per crossing of a counted barrier line: where walkable streets cross it, level or not.</summary>
    public static FeatureLayer BarrierCrossingsLayer(ProfiledScenario scenario, string name)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var geo = scenario.Neighbourhood.Network.GeoReference;
        var fields = new LayerField[]
        {
            new("line", FieldType.Integer), new("kind", FieldType.Text), new("along_m", FieldType.Real), new("level", FieldType.Boolean), new("segments", FieldType.Integer),
        };
        var features = new List<LayerFeature>();
        foreach (var c in scenario.StartMap.Barriers.Crossings)
        {
            var (lon, lat) = geo.Unproject(c.X, c.Y);
            features.Add(new LayerFeature([(Math.Round(lon, 7), Math.Round(lat, 7))],
                [(long)c.Line, KindName(c.Kind), Math.Round(c.AlongMetres, 2), c.Level, (long)c.Segments]));
        }
        return new FeatureLayer(name, $"Crossings of water and rail barriers: {scenario.Name}", LayerGeometry.Point, fields, features);
    }

    private static string KindName(BarrierKind kind) => kind == BarrierKind.Rail ? "rail" : "water";
}
