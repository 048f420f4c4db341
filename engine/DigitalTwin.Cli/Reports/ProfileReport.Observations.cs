using System.Globalization;
using System.Text.Json;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Observations;

namespace DigitalTwin.Cli.Reports;

/// <summary>The run a profile sets observations against: where it came from and its counts.</summary>
internal sealed record ProfileRun(string Display, string ScenarioName, int Days, SimulatedMeetings Meetings);

/// <summary>Residents' observations in a profile: the file, each observation placed on the map, and the comparison.</summary>
internal sealed record ProfileObservations(string Display, IReadOnlyList<LocatedObservation> Located, ObservationComparison Comparison, ProfileRun? Run);

/// <summary>The profile's section on residents' observations (step 2 of the method) and their layers.</summary>
internal sealed partial record ProfileReport
{
    public const string ObservationsFile = "profile-observations.geojson";
    public const string BusyUnvaluedFile = "profile-busy-unvalued.geojson";
    public const string ObservationsMapFile = "map-observations.png";

    /// <summary>Rows of the observations table; more belong in the layer, not in a report people read.</summary>
    private const int MaxListedObservations = 100;

    /// <summary>Rows of the busy-but-unvalued table: the busiest first, the rest in the layer.</summary>
    private const int MaxListedBusySpots = 15;

    /// <summary>A caption is shortened to this in the tables (the layer keeps it whole).</summary>
    private const int CaptionLength = 120;

    /// <summary>Residents' observations and the comparison with a simulation; null when the profile has none.</summary>
    public ProfileObservations? Observations { get; init; }

    private IEnumerable<ReportBlock> ObservationBlocks(IReadOnlyList<Chart> maps)
    {
        if (Observations is not { } o)
        {
            yield break;
        }
        var c = CultureInfo.InvariantCulture;
        var located = o.Located;
        int lines = located.Count(l => l.Observation.IsLine);
        yield return new Heading(2, "Residents' observations");
        yield return new Paragraph($"{located.Count:N0} observations from {o.Display} ({located.Count - lines:N0} points, {lines:N0} lines): step 2 of the method, "
            + "what residents see themselves beside the start map. Each point is placed on its nearest street and on a place within "
            + string.Create(c, $"{ObservationLocator.PlaceMetres:0} m; ratings are 1 (very poor) to 5 (very good), 3 neutral (docs/observations.md)."));
        yield return new Table(["kind", "observations", "rated", .. AspectRatings.Words.Select(w => "mean " + w), "mean rating"],
            [.. ObservationKinds.All.Select(k => located.Where(l => l.Observation.Kind == k.Kind).Select(l => l.Observation).ToList())
                .Select((list, i) => (IReadOnlyList<string>)[ObservationKinds.All[i].Word, list.Count.ToString("N0", c), list.Count(x => x.Ratings.Any).ToString("N0", c),
                    .. Enum.GetValues<ObservationAspect>().Select(a => Mean(list.Where(x => x.Ratings[a] > 0).Select(x => (double)x.Ratings[a]))),
                    Mean(list.Select(x => x.Ratings.Mean()).OfType<double>())])
                .Where(row => row[1] != "0")]);
        yield return new Table(["line", "kind", "where", "caption", "rating", "group", "date"],
            [.. located.Take(MaxListedObservations).Select(l => (IReadOnlyList<string>)[
                l.Observation.SourceNumber.ToString(c), ObservationKinds.WordOf(l.Observation.Kind), Where(l), Shorten(l.Observation.Caption),
                l.Observation.Ratings.Mean() is double r ? r.ToString("0.0", c) : "-", l.Observation.Group ?? "-", l.Observation.Date?.ToString("yyyy-MM-dd", c) ?? "-"])], NumberColumns: 0);
        if (located.Count > MaxListedObservations)
        {
            yield return new Paragraph($"The first {MaxListedObservations} of {located.Count:N0} are listed; {ObservationsFile} holds them all.");
        }
        foreach (var map in maps.Where(m => m.FileName == ObservationsMapFile))
        {
            yield return map;
        }

        var comparison = o.Comparison;
        var p = comparison.Parameters;
        yield return new Heading(3, "Observations against the simulation");
        if (o.Run is not { } run)
        {
            yield return new Paragraph("No simulation was given, so only the barrier rule (which needs the start map alone) is applied. Give `--run DIR`, a "
                + "`twin run` of this scenario, to find valued places where few meet and busy meeting places nobody values.");
        }
        else
        {
            yield return new Paragraph($"Set against {run.Display}: a run of {run.ScenarioName} over {run.Days} days. Meeting is counted as nods (two residents "
                + "who notice and acknowledge each other), summed over the run. Percentiles are nearest-rank over the neighbourhood's walkable street "
                + "segments, or over its places for a spot at a place. "
                + string.Create(c, $"An observation counts as valued when it is a valued-place or meeting-spot (unless its ratings average below neutral, 3), or another kind rated {p.ValuedRating:0} or more on average ({comparison.ValuedCount} here)."));
            yield return new Paragraph(string.Create(c,
                $"**Valued places where few meet**: a valued observation whose place (or street segment; for a line, its busiest segment) has simulated nods at or below the {p.FewMeetPercentile:0}th percentile "
                + $"(the lower quartile: {Threshold(comparison.SegmentFewMeetThreshold)} nods for a segment, {Threshold(comparison.PlaceFewMeetThreshold)} for a place). "
                + $"{comparison.QuietValuedSpots.Count} of {comparison.ValuedCount} valued observations found."));
            if (comparison.QuietValuedSpots.Count > 0)
            {
                yield return new Table(["line", "kind", "where", "caption", "simulated nods", "per day"],
                    [.. comparison.QuietValuedSpots.Select(q => (IReadOnlyList<string>)[located[q.Observation].Observation.SourceNumber.ToString(c),
                        ObservationKinds.WordOf(located[q.Observation].Observation.Kind), Where(located[q.Observation]), Shorten(located[q.Observation].Observation.Caption),
                        q.Nods.ToString("N0", c), PerDay(q.Nods, run.Days)])], NumberColumns: 0);
            }
            int busyShown = Math.Min(MaxListedBusySpots, comparison.UnvaluedBusySpots.Count);
            yield return new Paragraph(string.Create(c,
                $"**Busy meeting places nobody values**: street segments and places at or above the {p.BusyPercentile:0}th percentile of simulated nods "
                + $"({Threshold(comparison.SegmentBusyThreshold)} nods for a segment, {Threshold(comparison.PlaceBusyThreshold)} for a place) with no valued observation within {p.ValuedRadiusMetres:0} m. "
                + $"{comparison.UnvaluedBusySpots.Count} found")
                + (busyShown < comparison.UnvaluedBusySpots.Count ? string.Create(c, $"; the {busyShown} busiest are listed, {BusyUnvaluedFile} holds them all.") : "."));
            if (busyShown > 0)
            {
                yield return new Table(["street or place", "simulated nods", "per day", "nearest valued observation"],
                    [.. comparison.UnvaluedBusySpots.Take(busyShown).Select(u => (IReadOnlyList<string>)[SpotName(u.IsPlace, u.Index), u.Nods.ToString("N0", c),
                        PerDay(u.Nods, run.Days), double.IsFinite(u.NearestValuedMetres) ? u.NearestValuedMetres.ToString("N0", c) + " m" : "none"])], NumberColumns: 1);
            }
        }
        yield return new Paragraph(string.Create(c,
            $"**Barriers residents name that the map does not have**: a barrier observation with none of the start map's barriers within {p.BarrierOnMapMetres:0} m: "
            + $"no busy road, rail or watercourse line, nor the edge of a water area (a fence, a blind wall, a car park is one). {comparison.UnmappedBarriers.Count} of {comparison.BarrierCount} barrier observations found."));
        if (comparison.UnmappedBarriers.Count > 0)
        {
            yield return new Table(["line", "where", "caption", "nearest barrier on the map"],
                [.. comparison.UnmappedBarriers.Select(b => (IReadOnlyList<string>)[located[b.Observation].Observation.SourceNumber.ToString(c), Where(located[b.Observation]),
                    Shorten(located[b.Observation].Observation.Caption), double.IsFinite(b.NearestMappedBarrierMetres) ? $"{b.NearestMappedBarrierMetres.ToString("N0", c)} m ({NearestName(b.Nearest)})" : "none on the map"])], NumberColumns: 0);
        }
    }

    private static string NearestName(MappedBarrier nearest) => nearest switch
    {
        MappedBarrier.BusyRoad => "busy road",
        MappedBarrier.Rail => "rail",
        MappedBarrier.Water => "water",
        _ => "none",
    };

    private static string Threshold(double? value) => value is double v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";

    private static string PerDay(long count, int days) => days > 0 ? ((double)count / days).ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "-" : list.Average().ToString("0.0", CultureInfo.InvariantCulture);
    }

    private static string Shorten(string caption) =>
        caption.Length <= CaptionLength ? caption : caption[..(CaptionLength - 1)].TrimEnd() + "…";

    /// <summary>Where an observation is, in words: the place it is at, else its street.</summary>
    private string Where(LocatedObservation l) => l.Place >= 0 ? SpotName(true, l.Place) : SpotName(false, l.Segments[0].Value);

    private string SpotName(bool isPlace, int index)
    {
        var neighbourhood = Baseline.Neighbourhood;
        if (isPlace)
        {
            var place = neighbourhood.Places[index];
            string kind = place.Kind.ToString().ToLowerInvariant();
            return string.IsNullOrWhiteSpace(place.Name) ? kind : $"{place.Name} ({kind})";
        }
        string name = neighbourhood.Network.NameOf(new SegmentId(index));
        return string.IsNullOrWhiteSpace(name) ? $"unnamed {neighbourhood.Network.Highway[index].ToString().ToLowerInvariant()} (segment {index})" : name;
    }

    /// <summary>The observation layers: every observation with what the rules found, and the busy spots nobody values.</summary>
    private IEnumerable<(string File, FeatureLayer Layer)> ObservationLayers()
    {
        if (Observations is not { } o)
        {
            yield break;
        }
        var comparison = o.Comparison;
        var quiet = comparison.QuietValuedSpots.ToDictionary(q => q.Observation);
        var barriers = comparison.UnmappedBarriers.ToDictionary(b => b.Observation);
        var places = Baseline.Neighbourhood.Places;
        var fields = new List<LayerField>
        {
            new("line", FieldType.Integer), new("kind", FieldType.Text), new("caption", FieldType.Text), new("photo", FieldType.Text),
        };
        fields.AddRange(AspectRatings.Words.Select(w => new LayerField(w, FieldType.Integer)));
        fields.AddRange(
        [
            new("rating", FieldType.Real), new("group", FieldType.Text), new("date", FieldType.Text), new("segment", FieldType.Integer), new("place", FieldType.Text),
            new("valued", FieldType.Boolean), new("simulated_nods", FieldType.Integer), new("valued_but_quiet", FieldType.Boolean),
            new("barrier_not_on_map", FieldType.Boolean), new("nearest_mapped_barrier_m", FieldType.Real), new("nearest_mapped_barrier", FieldType.Text),
        ]);
        var features = new List<LayerFeature>(o.Located.Count);
        for (int i = 0; i < o.Located.Count; i++)
        {
            var l = o.Located[i];
            var x = l.Observation;
            long? nods = o.Run is not { } run ? null
                : l.Place >= 0 ? run.Meetings.PlaceNods[l.Place]
                : l.Segments.Max(s => run.Meetings.SegmentNods[s.Value]);
            var values = new List<object?> { (long)x.SourceNumber, ObservationKinds.WordOf(x.Kind), x.Caption, x.Photo };
            values.AddRange(Enum.GetValues<ObservationAspect>().Select(a => x.Ratings[a] > 0 ? (object?)(long)x.Ratings[a] : null));
            values.AddRange(
            [
                x.Ratings.Mean() is double r ? Math.Round(r, 2) : null, x.Group, x.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                (long)l.Segments[0].Value, l.Place >= 0 ? places[l.Place].Name : null,
                ObservationComparison.IsValued(x, comparison.Parameters), nods, o.Run is null ? null : quiet.ContainsKey(i),
                x.Kind == ObservationKind.Barrier ? barriers.ContainsKey(i) : null,
                x.Kind == ObservationKind.Barrier ? Rounded(comparison.BarrierDistanceMetres[i], 1) : null,
                x.Kind == ObservationKind.Barrier ? NearestName(comparison.BarrierNearest[i]) : null,
            ]);
            features.Add(new LayerFeature([.. x.Positions.Select(q => (q.Longitude, q.Latitude))], values));
        }
        yield return (ObservationsFile, new FeatureLayer("observations", $"Residents' observations from {o.Display}", LayerGeometry.Geometry, fields, features));

        if (o.Run is { } r2)
        {
            var network = Baseline.Neighbourhood.Network;
            var geo = network.GeoReference;
            var busy = comparison.UnvaluedBusySpots.Select(u =>
            {
                IReadOnlyList<(double, double)> positions = u.IsPlace
                    ? [Unproject(geo, places[u.Index].X, places[u.Index].Y)]
                    : SegmentPositions(network, u.Index);
                return new LayerFeature(positions,
                [
                    u.IsPlace ? "place" : "segment", (long)u.Index, SpotName(u.IsPlace, u.Index), u.Nods, Math.Round((double)u.Nods / Math.Max(1, r2.Days), 2),
                    Rounded(u.NearestValuedMetres, 1),
                ]);
            }).ToList();
            yield return (BusyUnvaluedFile, new FeatureLayer("busy_unvalued", "The busiest simulated meeting spots with no valued observation near",
                LayerGeometry.Geometry,
                [new("spot", FieldType.Text), new("index", FieldType.Integer), new("name", FieldType.Text), new("simulated_nods", FieldType.Integer),
                 new("nods_per_day", FieldType.Real), new("nearest_valued_m", FieldType.Real)], busy));
        }
    }

    private static (double, double) Unproject(GeoReference geo, double x, double y)
    {
        var (lon, lat) = geo.Unproject(x, y);
        return (Math.Round(lon, 7), Math.Round(lat, 7));
    }

    /// <summary>The observations in profile.json: counts by kind, the rules with their thresholds and what each found.</summary>
    private void WriteObservationsJson(Utf8JsonWriter json)
    {
        if (Observations is not { } o)
        {
            json.WriteNull("observations");
            return;
        }
        var comparison = o.Comparison;
        var p = comparison.Parameters;
        json.WriteStartObject("observations");
        json.WriteString("file", o.Display);
        json.WriteNumber("count", o.Located.Count);
        json.WriteStartObject("byKind");
        foreach (var (kind, word, _) in ObservationKinds.All)
        {
            json.WriteNumber(word, o.Located.Count(l => l.Observation.Kind == kind));
        }
        json.WriteEndObject();
        json.WriteStartObject("meanRatings");
        foreach (var aspect in Enum.GetValues<ObservationAspect>())
        {
            var rated = o.Located.Select(l => l.Observation.Ratings[aspect]).Where(r => r > 0).ToList();
            Number(json, AspectRatings.Words[(int)aspect], rated.Count > 0 ? rated.Average(r => (double)r) : null);
        }
        json.WriteEndObject();
        if (o.Run is { } run)
        {
            json.WriteStartObject("run");
            json.WriteString("file", run.Display);
            json.WriteString("scenario", run.ScenarioName);
            json.WriteNumber("days", run.Days);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("run");
        }
        json.WriteStartObject("rules");
        json.WriteStartObject("valuedButQuiet");
        json.WriteNumber("percentile", p.FewMeetPercentile);
        Number(json, "segmentNodsThreshold", comparison.SegmentFewMeetThreshold);
        Number(json, "placeNodsThreshold", comparison.PlaceFewMeetThreshold);
        json.WriteNumber("valuedRating", p.ValuedRating);
        json.WriteNumber("valued", comparison.ValuedCount);
        if (o.Run is null)
        {
            json.WriteNull("found");
        }
        else
        {
            json.WriteStartArray("found");
            foreach (var q in comparison.QuietValuedSpots)
            {
                json.WriteStartObject();
                json.WriteNumber("line", o.Located[q.Observation].Observation.SourceNumber);
                json.WriteString("where", Where(o.Located[q.Observation]));
                json.WriteNumber("nods", q.Nods);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartObject("busyButUnvalued");
        json.WriteNumber("percentile", p.BusyPercentile);
        json.WriteNumber("radiusMetres", p.ValuedRadiusMetres);
        Number(json, "segmentNodsThreshold", comparison.SegmentBusyThreshold);
        Number(json, "placeNodsThreshold", comparison.PlaceBusyThreshold);
        if (o.Run is null)
        {
            json.WriteNull("found");
        }
        else
        {
            json.WriteStartArray("found");
            foreach (var u in comparison.UnvaluedBusySpots)
            {
                json.WriteStartObject();
                json.WriteString("spot", u.IsPlace ? "place" : "segment");
                json.WriteNumber("index", u.Index);
                json.WriteString("name", SpotName(u.IsPlace, u.Index));
                json.WriteNumber("nods", u.Nods);
                Number(json, "nearestValuedMetres", u.NearestValuedMetres);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartObject("barrierNotOnMap");
        json.WriteNumber("radiusMetres", p.BarrierOnMapMetres);
        json.WriteNumber("barriers", comparison.BarrierCount);
        json.WriteStartArray("found");
        foreach (var b in comparison.UnmappedBarriers)
        {
            json.WriteStartObject();
            json.WriteNumber("line", o.Located[b.Observation].Observation.SourceNumber);
            json.WriteString("where", Where(o.Located[b.Observation]));
            Number(json, "nearestMappedBarrierMetres", b.NearestMappedBarrierMetres);
            json.WriteString("nearestMappedBarrier", NearestName(b.Nearest));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
