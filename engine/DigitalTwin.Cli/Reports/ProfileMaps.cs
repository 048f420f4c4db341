using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Profile;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Cli.Reports;

/// <summary>
/// The start map's layers drawn by the viewer offscreen (EGL) into PNGs for the report: walking width, lighting,
/// frontage, busy roads and walking distance to third places. Without offscreen OpenGL there are no maps, and the
/// reason goes into the report instead.
/// </summary>
internal static class ProfileMaps
{
    public const int WidthPixels = 1600;
    public const int HeightPixels = 1000;

    private static readonly Rgba Grey = new(95, 100, 112);
    private static readonly Rgba Red = new(230, 75, 60);
    private static readonly Rgba Orange = new(240, 170, 50);
    private static readonly Rgba Green = new(60, 190, 110);
    private static readonly Rgba Blue = new(80, 160, 240);
    private static readonly Rgba Dark = new(55, 58, 66);

    /// <summary>The maps of <paramref name="scenario"/>, or none with the reason.</summary>
    public static IReadOnlyList<Chart> Draw(ProfiledScenario scenario, out string? reason, IReadOnlyList<Observation>? observations = null, RunFile? run = null)
    {
        using var renderer = OffscreenMapRenderer.TryCreate(out string why);
        if (renderer is null)
        {
            reason = $"the maps are left out because this machine cannot draw offscreen ({why}); on Debian install libegl1 libegl-mesa0 libgl1-mesa-dri and run the command again";
            return [];
        }
        reason = null;
        var map = RunWriter.ToMapFile(new RunMetadata(scenario.Name, scenario.File, string.Empty, string.Empty, 0, 0, 0, 0), scenario.Neighbourhood);
        var network = scenario.Neighbourhood.Network;
        var start = scenario.StartMap;
        var segments = start.Segments;
        var p = start.Parameters;
        var charts = new List<Chart>();
        void Add(string file, string caption, CategoryLayer? layer, MapScene? scene = null, ObservationLayer? marks = null, MarkerMesh? dots = null, IReadOnlyList<string>? notes = null)
        {
            var picture = renderer.Render(scene ?? new MapScene(map, layer!), WidthPixels, HeightPixels, notes: notes, dots: dots, observations: marks);
            using var png = new MemoryStream();
            PngWriter.Write(png, picture.Image);
            charts.Add(new Chart(file, caption, png.ToArray()));
        }
        int count = network.SegmentCount;
        int[] Categories(Func<int, int> of) => [.. Enumerable.Range(0, count).Select(of)];

        Add("map-walking-width.png", $"Pavement width per side; narrow is below {p.NarrowPavementMetres:0.0} m ({StartMapParameters.NarrowPavementSource})",
            new CategoryLayer("Pavement width per side", $"narrow: below {p.NarrowPavementMetres:0.0} m (TNO: min. 2 m)",
                [("not walkable", Dark), ("narrow", Red), ("2-3 m", Orange), ("3 m or more", Green)],
                Categories(s => !segments.Walkable[s] ? 0 : segments.Narrow[s] ? 1 : segments.WalkingWidthPerSideMetres[s] < 3 ? 2 : 3)));
        Add("map-walking-lighting.png", "Street lighting as mapped in OpenStreetMap (lit=*)",
            new CategoryLayer("Street lighting", "as mapped in OpenStreetMap (lit=*)",
                [("not walkable", Dark), ("unknown", Grey), ("unlit", Red), ("lit", Green)],
                Categories(s => !segments.Walkable[s] ? 0 : network.Lighting[s] switch { Lighting.Lit => 3, Lighting.Unlit => 2, _ => 1 })));
        Add("map-walking-frontage.png", "Ground-floor frontage along the streets (Gehl, Kaefer & Reigstad 2006)",
            new CategoryLayer("Frontage", "what the ground floors offer a passer-by",
                [("not walkable", Dark), ("unknown", Grey), ("blank", Red), ("residential", Blue), ("active", Green)],
                Categories(s => !segments.Walkable[s] ? 0 : network.Frontage[s] switch { Frontage.Active => 4, Frontage.Residential => 3, Frontage.Passive => 2, _ => 1 })));
        Add("map-barriers.png", $"Barriers: busy roads ({p.BusySpeedKmh:0} km/h or more, or {p.BusyVehiclesPerDay:N0} or more vehicles a day), "
            + $"water and rail, with the crossings of water and rail (crossings within {p.CrossingMergeMetres:0} m of one another along a barrier count once)",
            new CategoryLayer("Barriers", $"busy roads: {p.BusySpeedKmh:0} km/h or more, or {p.BusyVehiclesPerDay:N0}+ vehicles a day",
                [("other street or path", Grey), ("busy road", Red)],
                Categories(s => segments.Busy[s] ? 1 : 0)),
            dots: BarrierMarks(scenario), notes: BarrierKey(start));
        Add("map-meeting-places.png", $"Walking distance along the streets to the nearest third place (café, shop, community centre, playground, park …)",
            new CategoryLayer("Walk to the nearest third place", "network distance from the middle of each street",
                [("farther than " + p.FarMetres.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " m", Red),
                 ($"{p.NearMetres:0}-{p.FarMetres:0} m", Orange), ($"within {p.NearMetres:0} m", Green)],
                Categories(s => segments.NearestThirdPlaceMetres[s] <= p.NearMetres ? 2 : segments.NearestThirdPlaceMetres[s] <= p.FarMetres ? 1 : 0)));
        if (observations is not null)
        {
            var marks = new ObservationLayer(observations, ObservationLayer.GeoReferenceOf(map));
            if (run is not null)
            {
                // Residents' marks over where the simulation has people meet: the comparison's two sides on one map.
                Add(ProfileReport.ObservationsMapFile, $"Residents' observations over the simulated nods per 100 m of street per day ({run.Days} days simulated)", null,
                    new MapScene(run) { Measure = Measure.Nods }, marks);
            }
            else
            {
                Add(ProfileReport.ObservationsMapFile, "Residents' observations over the start map's busy roads", new CategoryLayer("Busy roads", "residents' observations by kind",
                    [("other street or path", Grey), ("busy road", Red)], Categories(s => segments.Busy[s] ? 1 : 0)), marks: marks);
            }
        }
        return charts;
    }

    private static readonly Rgba WaterLine = new(40, 200, 255);
    private static readonly Rgba RailLine = new(200, 120, 255);
    private static readonly Rgba Crossing = new(90, 235, 120);
    private static readonly Rgba LevelCrossing = new(255, 220, 60);
    private static readonly Rgba Rim = new(15, 16, 20);

    /// <summary>
    /// Water and rail barrier lines as close-set dots (parallel tracks too: they are there) and a disc at each crossing;
    /// radii in pixels at scale 1 (the renderer scales world-anchored dots by the layout's scale), green rather than the
    /// places' white.
    /// </summary>
    private static MarkerMesh BarrierMarks(ProfiledScenario scenario)
    {
        const double dotSpacingMetres = 3;
        var lines = scenario.Neighbourhood.Barriers;
        var dots = new MarkerMesh();
        for (int l = 0; l < lines.Count; l++)
        {
            var colour = lines.Kind[l] == Engine.Surroundings.BarrierKind.Rail ? RailLine : WaterLine;
            for (int k = lines.LineStart[l]; k + 1 < lines.LineStart[l + 1]; k++)
            {
                float ax = lines.X[k], ay = lines.Y[k], bx = lines.X[k + 1], by = lines.Y[k + 1];
                int steps = Math.Max(1, (int)(Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay))) / dotSpacingMetres));
                for (int i = 0; i <= steps; i++)
                {
                    dots.Disc(ax + ((bx - ax) * i / steps), ay + ((by - ay) * i / steps), 0, 0, 1.2f, colour);
                }
            }
        }
        foreach (var crossing in scenario.StartMap.Barriers.Crossings)
        {
            dots.Disc((float)crossing.X, (float)crossing.Y, 0, 0, 5.5f, Rim);
            dots.Disc((float)crossing.X, (float)crossing.Y, 0, 0, 4f, crossing.Level ? LevelCrossing : Crossing);
        }
        return dots;
    }

    /// <summary>The key to the dots and discs (the category legend covers only the streets).</summary>
    private static List<string> BarrierKey(StartMap start)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        string Figure(string key) => start.Find(key) is { } i ? ProfileReport.Figure(i.Value, i.Unit, "not assessed") : "-";
        return
        [
            "water and rail",
            $"light blue dots: water, {Figure("waterBarrierKm")}, {Figure("waterCrossings")} crossings",
            $"purple dots: rail, {Figure("railBarrierKm")}, {Figure("railCrossings")} crossings",
            "green disc: a crossing (bridge, underpass)",
            "yellow disc: at grade (a level crossing, a dam)",
            string.Create(c, $"longest uncrossed: water {Figure("waterLongestUncrossedMetres")}, rail {Figure("railLongestUncrossedMetres")}"),
        ];
    }
}
