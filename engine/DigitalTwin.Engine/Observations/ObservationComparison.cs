using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Observations;

/// <summary>
/// What a simulation says about meeting, per street segment and per place, summed over its days: nods (two residents
/// who noticed and acknowledged each other, the model's unit of a meeting) and encounters (came within social distance).
/// </summary>
public sealed record SimulatedMeetings(long[] SegmentNods, long[] SegmentEncounters, long[] PlaceNods, long[] PlaceEncounters, int Days)
{
    /// <summary>A run file's counts, the day periods added together.</summary>
    public static SimulatedMeetings FromRun(RunFile run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new SimulatedMeetings(
            SumPeriods(run.Nods, run.SegmentCount), SumPeriods(run.Encounters, run.SegmentCount),
            SumPeriods(run.PlaceNods, run.PlaceCount), SumPeriods(run.PlaceEncounters, run.PlaceCount), run.Days);
    }

    private static long[] SumPeriods(long[] byPeriod, int count)
    {
        var total = new long[count];
        int periods = count == 0 ? 0 : byPeriod.Length / count;
        for (int i = 0; i < count; i++)
        {
            for (int p = 0; p < periods; p++)
            {
                total[i] += byPeriod[(i * periods) + p];
            }
        }
        return total;
    }
}

/// <summary>The thresholds of the three rules that set residents' observations against a simulation.</summary>
public sealed record ObservationComparisonParameters
{
    /// <summary>
    /// A valued spot is "where few meet" when the simulated nods there are at or below this percentile of the
    /// neighbourhood's walkable segments (or, for a spot at a place, of its places): the lower quartile, the usual
    /// boundary of "low" in a descriptive distribution. A spot residents value in the quietest quarter of the
    /// neighbourhood is a mismatch worth discussing: the model may miss why people go there, or the place may need help.
    /// </summary>
    public double FewMeetPercentile { get; init; } = 25;

    /// <summary>
    /// A segment or place is a "busy meeting place" at or above this percentile of simulated nods (and with at least
    /// one): the top twentieth, so the list stays short enough to walk through in a session (about 150 of Delft's
    /// 3,000 segments) while every spot on it is clearly among the busiest.
    /// </summary>
    public double BusyPercentile { get; init; } = 95;

    /// <summary>
    /// A busy place is "valued" when a valued observation lies this close: about a Dutch street block's length, the
    /// distance within which a resident pointing at "the corner by the shop" places a pin (ObservationLocator snaps
    /// a pin to a place within 30 m; 100 m also forgives a pin dropped on the wrong side of the block).
    /// </summary>
    public double ValuedRadiusMetres { get; init; } = 100;

    /// <summary>
    /// An observed barrier is "on the map" when one of the start map's barriers lies this close: a busy road, a rail or
    /// watercourse barrier line, or the edge of a water area. Half a block, so a pin dropped beside a crossing, on the
    /// pavement or on the quay counts for the road or the canal, while a fence a block away from any of them does not.
    /// </summary>
    public double BarrierOnMapMetres { get; init; } = 50;

    /// <summary>
    /// Observations of other kinds than valued-place and meeting-spot count as valued when rated this high or more
    /// (the mean of their aspects): 4 is "good" on the 1-5 scale, one step above neutral.
    /// </summary>
    public double ValuedRating { get; init; } = 4;
}

/// <summary>A valued observation whose spot the simulation finds quiet.</summary>
/// <param name="Observation">Index into the located observations.</param>
/// <param name="Place">The place it is about, or -1: then <paramref name="Segment"/> is the segment whose nods count.</param>
/// <param name="Segment">Its busiest segment (for a point, its own), or -1 when at a place.</param>
/// <param name="Nods">Simulated nods there over the run.</param>
/// <param name="Threshold">The percentile value it fell at or below.</param>
public sealed record QuietValuedSpot(int Observation, int Place, int Segment, long Nods, double Threshold);

/// <summary>A segment or place among the busiest by simulated nods with no valued observation near.</summary>
/// <param name="NearestValuedMetres">Distance to the nearest valued observation, or infinity when there is none.</param>
public sealed record UnvaluedBusySpot(bool IsPlace, int Index, long Nods, double NearestValuedMetres);

/// <summary>Which of the start map's barriers is nearest an observed barrier.</summary>
public enum MappedBarrier : byte
{
    /// <summary>The map has no barrier at all.</summary>
    None = 0,
    BusyRoad = 1,
    Rail = 2,
    Water = 3,
}

/// <summary>A barrier residents name with none of the start map's barriers (busy road, rail, water) near it.</summary>
/// <param name="NearestMappedBarrierMetres">Distance to the nearest of them, or infinity when the map has none.</param>
/// <param name="Nearest">Which one that is.</param>
public sealed record UnmappedBarrier(int Observation, double NearestMappedBarrierMetres, MappedBarrier Nearest);

/// <summary>
/// Sets residents' observations against a simulation, by three documented rules (docs/observations.md): valued
/// places where few meet, busy meeting places nobody values, and barriers residents name that the map does not have.
/// The first two need a simulation; the third needs only the start map's barriers (busy roads, and the neighbourhood's
/// rail and water). Pure and deterministic.
/// </summary>
/// <param name="BarrierDistanceMetres">For every barrier observation (by index), the distance to the nearest barrier of the start map.</param>
/// <param name="BarrierNearest">For every barrier observation (by index), which barrier of the start map that is.</param>
public sealed record ObservationComparison(
    ObservationComparisonParameters Parameters,
    int ValuedCount,
    int BarrierCount,
    double? SegmentFewMeetThreshold,
    double? PlaceFewMeetThreshold,
    double? SegmentBusyThreshold,
    double? PlaceBusyThreshold,
    IReadOnlyList<QuietValuedSpot> QuietValuedSpots,
    IReadOnlyList<UnvaluedBusySpot> UnvaluedBusySpots,
    IReadOnlyList<UnmappedBarrier> UnmappedBarriers,
    IReadOnlyDictionary<int, double> BarrierDistanceMetres,
    IReadOnlyDictionary<int, MappedBarrier> BarrierNearest)
{
    /// <summary>
    /// Whether an observation counts as valued: a valued-place or meeting-spot (the resident says so by its kind),
    /// unless its own ratings average below neutral; or any other kind rated <see cref="ObservationComparisonParameters.ValuedRating"/>
    /// or more on average (a photo of a street "where people say hello", rated 4).
    /// </summary>
    public static bool IsValued(Observation observation, ObservationComparisonParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(parameters);
        double? rated = observation.Ratings.Mean();
        if (observation.Kind is ObservationKind.ValuedPlace or ObservationKind.MeetingSpot)
        {
            return rated is not double r || r >= AspectRatings.Neutral;
        }
        return rated >= parameters.ValuedRating;
    }

    /// <summary>
    /// Compares <paramref name="located"/> observations on <paramref name="neighbourhood"/> with a simulation of it
    /// (null: only the barrier rule, which needs none). <paramref name="busyRoad"/> and <paramref name="walkable"/> are
    /// the start map's per-segment flags; rail and water come from the neighbourhood's barrier lines and water areas.
    /// </summary>
    public static ObservationComparison Compute(IReadOnlyList<LocatedObservation> located, Neighbourhood neighbourhood,
        IReadOnlyList<bool> walkable, IReadOnlyList<bool> busyRoad, SimulatedMeetings? simulated, ObservationComparisonParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(located);
        ArgumentNullException.ThrowIfNull(neighbourhood);
        ArgumentNullException.ThrowIfNull(walkable);
        ArgumentNullException.ThrowIfNull(busyRoad);
        var p = parameters ?? new ObservationComparisonParameters();
        var network = neighbourhood.Network;
        var places = neighbourhood.Places;
        if (simulated is not null && (simulated.SegmentNods.Length != network.SegmentCount || simulated.PlaceNods.Length != places.Count))
        {
            throw new ArgumentException("the simulation's segments and places are not the neighbourhood's", nameof(simulated));
        }
        var projected = located.Select(l => l.Observation.Positions.Select(q => network.GeoReference.Project(q.Longitude, q.Latitude)).ToArray()).ToArray();
        var valued = Enumerable.Range(0, located.Count).Where(i => IsValued(located[i].Observation, p)).ToList();
        var barriers = Enumerable.Range(0, located.Count).Where(i => located[i].Observation.Kind == ObservationKind.Barrier).ToList();

        // Barriers: the distance from each barrier observation to the nearest barrier of the start map, walking its line
        // if it is one: busy roads, rail and watercourse lines (every track: a pin by the second track is by the railway),
        // and the edges of water areas (a canal mapped only as an area is still a canal).
        var unmapped = new List<UnmappedBarrier>();
        var barrierDistance = new Dictionary<int, double>();
        var barrierNearest = new Dictionary<int, MappedBarrier>();
        var busySegments = Enumerable.Range(0, network.SegmentCount).Where(s => busyRoad[s]).ToList();
        var lines = neighbourhood.Barriers;
        var background = neighbourhood.Background;
        foreach (int i in barriers)
        {
            double nearest = double.PositiveInfinity;
            var kind = MappedBarrier.None;
            void Consider(double distance, MappedBarrier of)
            {
                if (distance < nearest)
                {
                    nearest = distance;
                    kind = of;
                }
            }
            foreach (int s in busySegments)
            {
                Consider(Distance(projected[i], network, s), MappedBarrier.BusyRoad);
            }
            for (int l = 0; l < lines.Count; l++)
            {
                Consider(Distance(projected[i], lines.X, lines.Y, lines.LineStart[l], lines.LineStart[l + 1], closed: false),
                    lines.Kind[l] == Surroundings.BarrierKind.Rail ? MappedBarrier.Rail : MappedBarrier.Water);
            }
            for (int a = 0; a < background.Count; a++)
            {
                if (background.Kind[a] == Surroundings.BackgroundKind.Water)
                {
                    Consider(Distance(projected[i], background.X, background.Y, background.RingStart[a], background.RingStart[a + 1], closed: true), MappedBarrier.Water);
                }
            }
            barrierDistance[i] = nearest;
            barrierNearest[i] = kind;
            if (nearest > p.BarrierOnMapMetres)
            {
                unmapped.Add(new UnmappedBarrier(i, nearest, kind));
            }
        }

        if (simulated is null)
        {
            return new ObservationComparison(p, valued.Count, barriers.Count, null, null, null, null, [], [], unmapped, barrierDistance, barrierNearest);
        }

        var walkableNods = Enumerable.Range(0, network.SegmentCount).Where(s => walkable[s]).Select(s => simulated.SegmentNods[s]).ToArray();
        double? segmentFew = Percentile(walkableNods, p.FewMeetPercentile);
        double? placeFew = Percentile(simulated.PlaceNods, p.FewMeetPercentile);
        double? segmentBusy = Percentile(walkableNods, p.BusyPercentile);
        double? placeBusy = Percentile(simulated.PlaceNods, p.BusyPercentile);

        var quiet = new List<QuietValuedSpot>();
        foreach (int i in valued)
        {
            var l = located[i];
            if (l.Place >= 0)
            {
                long nods = simulated.PlaceNods[l.Place];
                if (placeFew is double t && nods <= t)
                {
                    quiet.Add(new QuietValuedSpot(i, l.Place, -1, nods, t));
                }
                continue;
            }
            // A line is about its whole stretch: it is quiet only if even its busiest segment is.
            int busiest = l.Segments.Select(s => s.Value).OrderByDescending(s => simulated.SegmentNods[s]).ThenBy(s => s).First();
            long segmentNods = simulated.SegmentNods[busiest];
            if (segmentFew is double few && segmentNods <= few)
            {
                quiet.Add(new QuietValuedSpot(i, -1, busiest, segmentNods, few));
            }
        }

        var unvalued = new List<UnvaluedBusySpot>();
        for (int s = 0; s < network.SegmentCount; s++)
        {
            long nods = simulated.SegmentNods[s];
            if (walkable[s] && nods > 0 && segmentBusy is double t && nods >= t)
            {
                double nearest = valued.Count == 0 ? double.PositiveInfinity : valued.Min(i => Distance(projected[i], network, s));
                if (nearest > p.ValuedRadiusMetres)
                {
                    unvalued.Add(new UnvaluedBusySpot(false, s, nods, nearest));
                }
            }
        }
        for (int q = 0; q < places.Count; q++)
        {
            long nods = simulated.PlaceNods[q];
            if (nods > 0 && placeBusy is double t && nods >= t)
            {
                double nearest = valued.Count == 0 ? double.PositiveInfinity : valued.Min(i => DistanceToPoint(projected[i], places[q].X, places[q].Y));
                if (nearest > p.ValuedRadiusMetres)
                {
                    unvalued.Add(new UnvaluedBusySpot(true, q, nods, nearest));
                }
            }
        }
        // Busiest first; ties by kind and index, so the order never depends on anything but the inputs.
        var ordered = unvalued.OrderByDescending(u => u.Nods).ThenBy(u => u.IsPlace).ThenBy(u => u.Index).ToList();
        return new ObservationComparison(p, valued.Count, barriers.Count, segmentFew, placeFew, segmentBusy, placeBusy, quiet, ordered, unmapped, barrierDistance, barrierNearest);
    }

    /// <summary>
    /// The nearest-rank percentile (the smallest value with at least <paramref name="percentile"/> % of the values at or
    /// below it): always one of the values, so a reader can find the spot that sets it; null for no values.
    /// </summary>
    public static double? Percentile(IReadOnlyCollection<long> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToArray();
        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>Shortest distance from an observation (a point, or a line's every 5 m) to a segment's polyline, in metres.</summary>
    private static double Distance((double X, double Y)[] observation, StreetNetwork network, int segment)
    {
        var (xs, ys) = network.Geometry(new SegmentId(segment));
        double best = double.PositiveInfinity;
        foreach (var (x, y) in Samples(observation))
        {
            for (int k = 0; k + 1 < xs.Length; k++)
            {
                best = Math.Min(best, PointToPiece(x, y, xs.Span[k], ys.Span[k], xs.Span[k + 1], ys.Span[k + 1]));
            }
        }
        return best;
    }

    /// <summary>Shortest distance from an observation to a polyline of float points (a ring when <paramref name="closed"/>), in metres.</summary>
    private static double Distance((double X, double Y)[] observation, float[] xs, float[] ys, int first, int end, bool closed)
    {
        double best = double.PositiveInfinity;
        foreach (var (x, y) in Samples(observation))
        {
            for (int k = first; k + 1 < end; k++)
            {
                best = Math.Min(best, PointToPiece(x, y, xs[k], ys[k], xs[k + 1], ys[k + 1]));
            }
            if (closed && end - first >= 2)
            {
                best = Math.Min(best, PointToPiece(x, y, xs[end - 1], ys[end - 1], xs[first], ys[first]));
            }
        }
        return best;
    }

    private static double DistanceToPoint((double X, double Y)[] observation, double px, double py) =>
        Samples(observation).Min(q => Math.Sqrt(((q.X - px) * (q.X - px)) + ((q.Y - py) * (q.Y - py))));

    private static IEnumerable<(double X, double Y)> Samples((double X, double Y)[] line)
    {
        const double stepMetres = 5;
        if (line.Length == 1)
        {
            yield return line[0];
            yield break;
        }
        for (int i = 0; i + 1 < line.Length; i++)
        {
            var (ax, ay) = line[i];
            var (bx, by) = line[i + 1];
            int steps = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay))) / stepMetres));
            for (int k = 0; k < steps; k++)
            {
                double t = (double)k / steps;
                yield return (ax + ((bx - ax) * t), ay + ((by - ay) * t));
            }
        }
        yield return line[^1];
    }

    private static double PointToPiece(double x, double y, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        double squared = (dx * dx) + (dy * dy);
        double t = squared == 0 ? 0 : Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / squared, 0, 1);
        double cx = ax + (t * dx) - x, cy = ay + (t * dy) - y;
        return Math.Sqrt((cx * cx) + (cy * cy));
    }
}
