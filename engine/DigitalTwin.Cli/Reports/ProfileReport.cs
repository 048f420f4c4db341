using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Profile;

namespace DigitalTwin.Cli.Reports;

/// <summary>One scenario of a profile: its name, file, slug, residents, neighbourhood and start map.</summary>
internal sealed record ProfiledScenario(string Name, string File, string Slug, int Residents, Neighbourhood Neighbourhood, StartMap StartMap);

/// <summary>
/// The neighbourhood profile as people read it (profile.md, profile.html) and as data (profile.json and GeoJSON
/// layers): who lives there beside the municipality and the country, then the start map, and with variants every
/// start-map figure before and after.
/// </summary>
internal sealed partial record ProfileReport(ProfiledScenario Baseline, IReadOnlyList<ProfiledScenario> Variants, PopulationProfile Population, string EngineVersion)
{
    public const string MarkdownFile = "profile.md";
    public const string HtmlFile = "profile.html";
    public const string JsonFile = "profile.json";
    public const string StreetsFile = "profile-streets.geojson";
    public const string HomesFile = "profile-homes.geojson";
    public const string GeoPackageFile = "profile.gpkg";
    public const string NotBundled = "not bundled";
    public const string NotAvailable = "not available";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Whether a file name is one the profile command writes (its output folder is replaced whole).</summary>
    public static bool IsProfileOutput(string name) =>
        name is MarkdownFile or HtmlFile or JsonFile or GeoPackageFile
        || (name.StartsWith("profile-", StringComparison.Ordinal) && name.EndsWith(".geojson", StringComparison.Ordinal))
        || (name.StartsWith("map-", StringComparison.Ordinal) && name.EndsWith(".png", StringComparison.Ordinal))
        || (name.StartsWith("chart-", StringComparison.Ordinal) && name.EndsWith(".svg", StringComparison.Ordinal));

    public static string StreetsFileOf(ProfiledScenario scenario, bool isBaseline) => isBaseline ? StreetsFile : $"profile-streets-{scenario.Slug}.geojson";

    public static string HomesFileOf(ProfiledScenario scenario, bool isBaseline) => isBaseline ? HomesFile : $"profile-homes-{scenario.Slug}.geojson";

    /// <summary>The report's blocks; <paramref name="maps"/> are PNGs by file name, <paramref name="mapNote"/> says why there are none.</summary>
    public ReportDocument Build(IReadOnlyList<Chart> maps, string? mapNote)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Scenario **{Baseline.Name}** ({Baseline.File}), {Baseline.Residents:N0} residents, {Baseline.Neighbourhood.Homes.Count:N0} homes, "
                + $"{Baseline.Neighbourhood.Places.Count:N0} places on the map."
                + (Variants.Count > 0 ? $" Variants: {string.Join(", ", Variants.Select(v => $"**{v.Name}**"))}." : string.Empty)),
            new Paragraph("This is step 1 of TNO's method (Ruimtelijk ontwerp voor sociale cohesie): a profile of who lives in the neighbourhood and an "
                + "objective start map of the features of the streets that help or hinder meeting neighbours, to discuss with residents before anything "
                + "is simulated or designed. Every figure says what it counts and where its threshold or definition comes from."),
            new Heading(2, "Who lives here"),
            new Paragraph(Population.SourceNote + $" National figures: {NationalFigures.PopulationSource}; {NationalFigures.HouseholdSource}; "
                + $"\"{NotBundled}\" where no national figure with a source is bundled, \"{NotAvailable}\" where the CBS row has none (\".\")."),
            new Table(["", Population.Area.Name, Population.Municipality?.Name ?? "municipality", "Nederland"],
                [.. Population.Figures.Select(f => (IReadOnlyList<string>)[f.Label,
                    Figure(f.Area, f.Unit, NotAvailable),
                    Population.Municipality is null ? "no CBS row" : Figure(f.Municipality, f.Unit, NotAvailable),
                    Figure(f.National, f.Unit, NotBundled)])]),
        };
        blocks.AddRange(PopulationCharts());
        blocks.Add(new Heading(2, "Start map"));
        if (mapNote is not null)
        {
            blocks.Add(new Paragraph($"Note: {mapNote}"));
        }
        foreach (var theme in Baseline.StartMap.Indicators.Select(i => i.Theme).Distinct())
        {
            blocks.Add(new Heading(3, Capitalise(theme)));
            var indicators = Baseline.StartMap.Indicators.Where(i => i.Theme == theme).ToList();
            blocks.Add(new Table(["indicator", "value", "what it counts", "source of definition or threshold"],
                [.. indicators.Select(i => (IReadOnlyList<string>)[i.Label, Figure(i.Value, i.Unit, "not assessed"), i.Definition, i.Source])], NumberColumns: 1));
            if (theme == StartMap.MeetingPlacesTheme)
            {
                blocks.Add(ReachChart());
            }
            blocks.AddRange(maps.Where(m => m.FileName.Contains(Slugify(theme), StringComparison.Ordinal)));
        }
        foreach (var variant in Variants)
        {
            blocks.Add(new Heading(2, $"{variant.Name}: before and after"));
            blocks.Add(new Paragraph($"Every start-map figure for the baseline and for {variant.Name} ({variant.File}); change is variant minus baseline."));
            blocks.Add(new Table(["indicator", "baseline", "variant", "change"],
                [.. Baseline.StartMap.Indicators.Select(i =>
                {
                    var after = variant.StartMap.Find(i.Key);
                    return (IReadOnlyList<string>)[i.Label, Figure(i.Value, i.Unit, "not assessed"), Figure(after?.Value, i.Unit, "not assessed"), Change(i.Value, after?.Value, i.Unit)];
                })]));
        }
        blocks.AddRange(ObservationBlocks(maps));
        blocks.Add(new Heading(2, "Files"));
        blocks.Add(new Paragraph($"{JsonFile} holds every figure above with its definition and source; {StreetsFile} has per street segment the walking width per side, "
            + $"narrow, lit, frontage, busy road, carriageway and walking distance to the nearest third place; {HomesFile} has per home that distance and whether "
            + $"a third place is within {Baseline.StartMap.Parameters.NearMetres:0} and {Baseline.StartMap.Parameters.FarMetres:0} m; {BarriersFile} has the water and rail "
            + $"barrier lines (kind, whether counted, length, crossings, longest stretch between two) and {BarrierCrossingsFile} their crossings (level or not; all open in QGIS)"
            + (Variants.Count > 0 ? "; the same layers per variant carry its name" : string.Empty)
            + (Observations is null ? string.Empty : $"; {ObservationsFile} has residents' observations with what the comparison found for each"
                + (Observations.Run is null ? string.Empty : $", {BusyUnvaluedFile} the busiest meeting spots no valued observation is near"))
            + $". {GeoPackageFile} holds the same layers in one GeoPackage. Engine {EngineVersion}."));
        return new ReportDocument($"Neighbourhood profile: {Baseline.Name}", blocks);
    }

    private IEnumerable<ReportBlock> PopulationCharts()
    {
        var series = new List<(string Name, Func<PopulationFigure, double?> Of)>
        {
            (Population.Area.Name, f => f.Area),
        };
        if (Population.Municipality is not null)
        {
            series.Add((Population.Municipality.Name, f => f.Municipality));
        }
        series.Add(("Nederland", f => f.National));
        foreach (var (file, caption, keys) in new (string, string, string[])[]
        {
            ("chart-age.svg", "Inhabitants by age band, % of inhabitants", ["age0to14Share", "age15to24Share", "age25to44Share", "age45to64Share", "age65PlusShare"]),
            ("chart-households.svg", "Households by type, % of households", ["onePersonHouseholdShare", "householdsWithoutChildrenShare", "householdsWithChildrenShare"]),
            ("chart-tenure-background.svg", "Tenure (% of dwellings) and origin (% of inhabitants)", ["ownerOccupiedShare", "rentedShare", "dutchBackgroundShare", "europeanBackgroundShare", "nonEuropeanBackgroundShare"]),
        })
        {
            var figures = keys.Select(k => Population.Figures.First(f => f.Key == k)).ToList();
            yield return new SvgChart(file, caption, SvgCharts.PercentBars([.. figures.Select(f => f.Label)],
                [.. series.Select(s => (s.Name, (IReadOnlyList<double?>)[.. figures.Select(s.Of)]))]));
        }
    }

    private SvgChart ReachChart()
    {
        var map = Baseline.StartMap;
        var groups = StartMap.ThirdPlaceGroups;
        string near = map.Parameters.NearMetres.ToString("0", C), far = map.Parameters.FarMetres.ToString("0", C);
        double? Of(string distance, string key) => map.Find($"homesWithin{distance}m{char.ToUpperInvariant(key[0])}{key[1..]}")?.Value;
        return new SvgChart("chart-reach.svg", $"Homes with a third place within {near} m and {far} m walk along the streets, % of homes",
            SvgCharts.PercentBars([.. groups.Select(g => g.Label)],
                [($"within {near} m", [.. groups.Select(g => Of(near, g.Key))]), ($"within {far} m", [.. groups.Select(g => Of(far, g.Key))])]));
    }

    /// <summary>profile.json: every figure with its definition and source; the start map per scenario and the changes.</summary>
    public void WriteJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("engineVersion", EngineVersion);
        json.WriteString("scenario", Baseline.Name);
        json.WriteString("scenarioFile", Baseline.File);
        json.WriteNumber("residents", Baseline.Residents);
        json.WriteStartObject("population");
        json.WriteString("source", Population.SourceNote);
        json.WriteString("area", Population.Area.Name);
        json.WriteString("areaCode", Population.Area.Code);
        if (Population.Municipality is not null)
        {
            json.WriteString("municipality", Population.Municipality.Name);
            json.WriteString("municipalityCode", Population.Municipality.Code);
        }
        else
        {
            json.WriteNull("municipality");
            json.WriteNull("municipalityCode");
        }
        json.WriteString("nationalSource", $"{NationalFigures.PopulationSource}; {NationalFigures.HouseholdSource}");
        json.WriteStartObject("figures");
        foreach (var f in Population.Figures)
        {
            json.WriteStartObject(f.Key);
            Number(json, "area", f.Area);
            Number(json, "municipality", f.Municipality);
            Number(json, "national", f.National);
            json.WriteString("unit", f.Unit);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("startMap");
        WriteStartMap(json, Baseline.StartMap);
        json.WriteEndObject();
        json.WriteStartArray("variants");
        foreach (var variant in Variants)
        {
            json.WriteStartObject();
            json.WriteString("scenario", variant.Name);
            json.WriteString("scenarioFile", variant.File);
            json.WriteNumber("residents", variant.Residents);
            json.WriteStartObject("startMap");
            WriteStartMap(json, variant.StartMap);
            json.WriteEndObject();
            json.WriteStartObject("change");
            foreach (var i in Baseline.StartMap.Indicators)
            {
                double? after = variant.StartMap.Find(i.Key)?.Value;
                Number(json, i.Key, i.Value is double b && after is double a ? a - b : null);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteObservationsJson(json);
        json.WriteStartObject("definitions");
        foreach (var f in Population.Figures)
        {
            json.WriteString($"population.figures.{f.Key}", f.Definition);
        }
        foreach (var i in Baseline.StartMap.Indicators)
        {
            json.WriteString($"startMap.{i.Key}", $"{i.Definition} Source: {i.Source}.");
        }
        json.WriteString("variants.change", "Variant minus baseline, per start-map figure; null where either is not assessed.");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteStartMap(Utf8JsonWriter json, StartMap map)
    {
        foreach (var i in map.Indicators)
        {
            Number(json, i.Key, i.Value);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>A street layer: one LineString per segment, the same fields with the same types on every feature.</summary>
    public static FeatureLayer StreetsLayer(ProfiledScenario scenario, string name)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var network = scenario.Neighbourhood.Network;
        var segments = scenario.StartMap.Segments;
        var fields = new LayerField[]
        {
            new("segment", FieldType.Integer), new("osm_way_id", FieldType.Integer), new("name", FieldType.Text), new("highway", FieldType.Text),
            new("length_m", FieldType.Real), new("walkable", FieldType.Boolean), new("pavement_width_per_side_m", FieldType.Real), new("narrow", FieldType.Boolean),
            new("lit", FieldType.Text), new("frontage", FieldType.Text), new("busy_road", FieldType.Boolean), new("cars_per_day", FieldType.Real),
            new("speed_kmh", FieldType.Real), new("carriageway_m", FieldType.Real), new("green_or_water", FieldType.Boolean), new("third_place_m", FieldType.Real),
        };
        var features = new List<LayerFeature>(network.SegmentCount);
        for (int s = 0; s < network.SegmentCount; s++)
        {
            features.Add(new LayerFeature(SegmentPositions(network, s),
            [
                (long)s, network.OsmWayId[s], network.NameOf(new SegmentId(s)), network.Highway[s].ToString().ToLowerInvariant(),
                Math.Round(network.LengthMetres[s], 2), segments.Walkable[s], Math.Round(segments.WalkingWidthPerSideMetres[s], 2), segments.Narrow[s],
                network.Lighting[s].ToString().ToLowerInvariant(), network.Frontage[s].ToString().ToLowerInvariant(), segments.Busy[s], Math.Round(network.CarVehiclesPerDay[s]),
                Math.Round(network.SpeedLimitKmh[s]), Math.Round(segments.CarriagewayMetres[s], 2), network.GreenOrWaterAdjacent[s], Rounded(segments.NearestThirdPlaceMetres[s]),
            ]));
        }
        return new FeatureLayer(name, $"Start map per street segment: {scenario.Name}", LayerGeometry.LineString, fields, features);
    }

    /// <summary>A home layer: one Point per home with its walking distance to the nearest third place and the reach flags.</summary>
    public static FeatureLayer HomesLayer(ProfiledScenario scenario, string name)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var homes = scenario.Neighbourhood.Homes;
        var reach = scenario.StartMap.Homes;
        var geo = scenario.Neighbourhood.Network.GeoReference;
        var fields = new LayerField[]
        {
            new("home", FieldType.Integer), new("segment", FieldType.Integer), new("dwellings", FieldType.Integer), new("third_place_m", FieldType.Real),
            new(string.Create(C, $"within_{scenario.StartMap.Parameters.NearMetres:0}m"), FieldType.Boolean),
            new(string.Create(C, $"within_{scenario.StartMap.Parameters.FarMetres:0}m"), FieldType.Boolean),
        };
        var features = new List<LayerFeature>(homes.Count);
        for (int h = 0; h < homes.Count; h++)
        {
            var (lon, lat) = geo.Unproject(homes[h].X, homes[h].Y);
            features.Add(new LayerFeature([(Math.Round(lon, 7), Math.Round(lat, 7))],
                [(long)h, (long)homes.Segment[h], (long)homes.Dwellings[h], Rounded(reach.NearestThirdPlaceMetres[h]), reach.WithinNear[h], reach.WithinFar[h]]));
        }
        return new FeatureLayer(name, $"Homes and their walk to a third place: {scenario.Name}", LayerGeometry.Point, fields, features);
    }

    internal static IReadOnlyList<(double Longitude, double Latitude)> SegmentPositions(StreetNetwork network, int segment)
    {
        var (xs, ys) = network.Geometry(new SegmentId(segment));
        var positions = new (double, double)[xs.Length];
        for (int k = 0; k < xs.Length; k++)
        {
            var (lon, lat) = network.GeoReference.Unproject(xs.Span[k], ys.Span[k]);
            positions[k] = (Math.Round(lon, 7), Math.Round(lat, 7));
        }
        return positions;
    }

    /// <summary>A measure rounded as the layers show it, or null when it is not a number (unreachable, not assessed).</summary>
    internal static double? Rounded(double value, int digits = 6) => double.IsFinite(value) ? Math.Round(value, digits) : null;

    /// <summary>Writes every file into <paramref name="folder"/> (a staging folder); the first problem, if any.</summary>
    public IReadOnlyList<InputProblem> WriteAll(string folder, IReadOnlyList<Chart> maps, string? mapNote)
    {
        var document = Build(maps, mapNote);
        var writes = new List<(string File, Action<Stream> Write)>
        {
            (MarkdownFile, s => Text(s, document.ToMarkdown())),
            (HtmlFile, s => Text(s, document.ToHtml())),
            (JsonFile, WriteJson),
        };
        var layers = new List<(string File, FeatureLayer Layer)>();
        foreach (var (scenario, index) in new[] { Baseline }.Concat(Variants).Select((s, i) => (s, i)))
        {
            layers.Add((StreetsFileOf(scenario, index == 0), StreetsLayer(scenario, LayerName("streets", scenario, index))));
            layers.Add((HomesFileOf(scenario, index == 0), HomesLayer(scenario, LayerName("homes", scenario, index))));
            layers.Add((BarriersFileOf(scenario, index == 0), BarriersLayer(scenario, LayerName("barriers", scenario, index))));
            layers.Add((BarrierCrossingsFileOf(scenario, index == 0), BarrierCrossingsLayer(scenario, LayerName("barrier_crossings", scenario, index))));
        }
        layers.AddRange(ObservationLayers());
        foreach (var (file, layer) in layers)
        {
            writes.Add((file, layer.WriteGeoJson));
        }
        foreach (var block in document.Blocks)
        {
            if (block is Chart chart)
            {
                writes.Add((chart.FileName, s => s.Write(chart.Png)));
            }
            else if (block is SvgChart svg)
            {
                writes.Add((svg.FileName, s => Text(s, svg.StandaloneFile())));
            }
        }
        foreach (var (file, write) in writes)
        {
            var written = AtomicFile.Write(Path.Combine(folder, file), write);
            if (!written.Succeeded)
            {
                return written.Problems;
            }
        }
        return GeoPackageWriter.Write(Path.Combine(folder, GeoPackageFile), [.. layers.Select(l => l.Layer)]);
    }

    /// <summary>
    /// A GeoPackage layer name: the kind of layer, and for a variant its slug. GeoPackage (SQLite) table names are kept
    /// to 63 characters, so a long variant name is cut and given its position among the scenarios, which keeps it unique.
    /// </summary>
    internal static string LayerName(string prefix, ProfiledScenario scenario, int index)
    {
        const int maximumLength = 63;
        string name = index == 0 ? prefix : $"{prefix}_{scenario.Slug.Replace('-', '_')}";
        if (name.Length <= maximumLength)
        {
            return name;
        }
        string position = string.Create(C, $"_{index}");
        return name[..(maximumLength - position.Length)].TrimEnd('_') + position;
    }

    private static void Text(Stream stream, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }

    /// <summary>A figure as shown: counts with thousands separators, shares and measures with sensible decimals.</summary>
    public static string Figure(double? value, string unit, string missing)
    {
        if (value is not double v || !double.IsFinite(v))
        {
            return missing;
        }
        return unit switch
        {
            "" => Math.Abs(v - Math.Round(v)) < 1e-9 ? v.ToString("N0", C) : v.ToString("N1", C),
            "%" => v.ToString("0.0", C) + " %",
            _ => v.ToString(Math.Abs(v) >= 100 ? "N0" : "0.0#", C) + " " + unit,
        };
    }

    private static string Change(double? before, double? after, string unit)
    {
        if (before is not double b || after is not double a)
        {
            return "-";
        }
        double d = a - b;
        if (Math.Abs(d) < 1e-9)
        {
            return "no change";
        }
        // A small change keeps its significant digits, so it does not read "+0.0 m".
        string shown = Math.Abs(d) < 0.05
            ? Math.Abs(d).ToString("0.####", C) + (unit.Length == 0 ? string.Empty : " " + (unit == "%" ? "percentage points" : unit))
            : Figure(Math.Abs(d), unit == "%" ? "percentage points" : unit, "-");
        return (d > 0 ? "+" : "-") + shown;
    }

    internal static string Slugify(string theme) => theme.Replace(' ', '-');

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
