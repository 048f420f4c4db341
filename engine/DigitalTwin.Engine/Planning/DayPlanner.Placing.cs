using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Planning;

/// <summary>Placing and timing a plan's activities: where each happens, when, and the order of the day.</summary>
internal sealed partial class DayPlanner
{
    private void AddAt(List<PlannedActivity> plan, ActivityKind kind, int resident, int day, double start, double duration, StayKind stay, PlanScratch scratch, ref RandomStream random)
    {
        if (!_destinations.Has(kind))
        {
            return; // the map has no place for it, so the outing does not happen here
        }
        if ((IsLeisure(kind) || kind == ActivityKind.Shopping) && !KeptAfterDark(resident, day, start, ref random))
        {
            return;
        }
        if (GoesBeyondMap(resident, kind, ref random))
        {
            Add(plan, kind, ExternalAnchor(resident, kind), start, duration, StayKind.Unobserved);
            return;
        }
        if (IsLeisure(kind))
        {
            // A park, bench or café nearby is used more than one far away: the outing happens at the stated rate when
            // one is close, less the further the nearest is. This is how a new bench or park creates use.
            var home = _neighbourhood.Homes[_residents.Home[resident]];
            var p = Parameters;
            double nearest = _destinations.NearestDistance(kind, home.X, home.Y, p.DestinationSearchRadiusMetres, scratch.Candidates, scratch.Weights);
            double accessibility = Math.Exp(-Math.Max(0, nearest - p.LeisureWithinMetres) / p.LeisureDistanceDecayMetres);
            if (!random.NextBool(accessibility))
            {
                return;
            }
        }
        var anchor = random.NextBool(Parameters.HabitualDestinationShare)
            ? Habitual(resident, kind, scratch)
            : new Anchor(AnchorKind.Place, ChooseNear(resident, kind, scratch, ref random));
        if (anchor.Index >= 0)
        {
            Add(plan, kind, anchor, start, duration, stay);
        }
    }

    /// <summary>
    /// Whether a discretionary outing that would start at <paramref name="start"/> still happens: always by day; after
    /// dark with <see cref="PlanningParameters.DarkOutingRetention"/>, lower still from an unlit home street
    /// (<see cref="PlanningParameters.UnlitStreetDarknessMultiplier"/> on the log of the retention).
    /// </summary>
    private bool KeptAfterDark(int resident, int day, double start, ref RandomStream random)
    {
        if (!Calendar.IsDark(day, start))
        {
            return true;
        }
        var p = Parameters;
        int homeSegment = _neighbourhood.Homes.Segment[_residents.Home[resident]];
        double multiplier = _neighbourhood.Network.Lighting[homeSegment] == Network.Lighting.Unlit ? p.UnlitStreetDarknessMultiplier : 1;
        return random.NextBool(Math.Pow(p.DarkOutingRetention, multiplier));
    }

    private static bool IsLeisure(ActivityKind kind) =>
        kind is ActivityKind.Park or ActivityKind.Playground or ActivityKind.Bench or ActivityKind.ThirdPlace
            or ActivityKind.Sports or ActivityKind.Community;

    /// <summary>The resident's usual place for an activity: the same draw every day (the stream ignores the day).</summary>
    private Anchor Habitual(int resident, ActivityKind kind, PlanScratch scratch)
    {
        var habit = new RandomStream(_seed, StreamPurpose.Placement, (ulong)resident, 1000 + (ulong)kind);
        return new Anchor(AnchorKind.Place, ChooseNear(resident, kind, scratch, ref habit));
    }

    private int ChooseNear(int resident, ActivityKind kind, PlanScratch scratch, ref RandomStream random)
    {
        var home = _neighbourhood.Homes[_residents.Home[resident]];
        double decay = _residents.AgeBand[resident] == AgeBand.Older ? Parameters.OlderDestinationDecayMetres : Parameters.DestinationDecayMetres;
        return _destinations.Choose(kind, home.X, home.Y, decay, Parameters.DestinationSearchRadiusMetres, ref random, scratch.Weights, scratch.Candidates);
    }

    /// <summary>Where a worker's job is: a local place for some, a gateway out of the map for most (fixed per resident).</summary>
    private Anchor JobAnchor(int resident, PlanScratch scratch)
    {
        var job = new RandomStream(_seed, StreamPurpose.Placement, (ulong)resident, 1);
        if (job.NextBool(Parameters.LocalJobShare) && _destinations.Has(ActivityKind.Work))
        {
            return new Anchor(AnchorKind.Place, ChooseNear(resident, ActivityKind.Work, scratch, ref job));
        }
        return ExternalAnchor(resident);
    }

    /// <summary>The gateway a resident uses to leave the map (fixed per resident, like a commute).</summary>
    private Anchor ExternalAnchor(int resident)
    {
        if (_gateways.Count == 0)
        {
            return new Anchor(AnchorKind.Gateway, -1);
        }
        var stream = new RandomStream(_seed, StreamPurpose.Placement, (ulong)resident, 2);
        return new Anchor(AnchorKind.Gateway, stream.NextInt(_gateways.Count));
    }

    /// <summary>
    /// Whether this outing goes beyond the map: drawn with <see cref="BeyondMapShares"/> (no draw for purposes that never
    /// do), and only if the resident's distance for the purpose (<see cref="ExternalKilometres"/>) reaches past their
    /// way out. In a map as large as a city the way out can be farther than the trip is long; such a trip ends inside
    /// the map, at a destination chosen there, instead of crossing the city to its edge. In a neighbourhood (ways out
    /// within 1-2 km, trips beyond of 8 km at the median) nearly every drawn outing still leaves.
    /// </summary>
    private bool GoesBeyondMap(int resident, ActivityKind kind, ref RandomStream random)
    {
        double share = _beyondMapShare[(int)kind];
        return share > 0 && random.NextBool(share) && ReachesBeyondMap(resident, kind);
    }

    private bool ReachesBeyondMap(int resident, ActivityKind purpose)
    {
        var gateway = ExternalAnchor(resident, purpose);
        if (gateway.Index < 0)
        {
            return false;
        }
        var network = _neighbourhood.Network;
        var position = _gateways[gateway.Index];
        int node = position.OffsetMetres > 0 ? network.SegmentTo[position.Segment] : network.SegmentFrom[position.Segment];
        var home = _neighbourhood.Homes[_residents.Home[resident]];
        double dx = network.NodeX[node] - home.X, dy = network.NodeY[node] - home.Y;
        return Math.Sqrt((dx * dx) + (dy * dy)) * Parameters.DetourFactor / 1000 < ExternalKilometres(resident, purpose);
    }

    /// <summary>
    /// How far beyond the map a resident's outside trips of a purpose go: the commute (work, school, study) is one
    /// distance per resident, every other purpose its own (the same shop or club in town each time).
    /// </summary>
    internal double ExternalKilometres(int resident, ActivityKind purpose)
    {
        ulong key = purpose is ActivityKind.Work or ActivityKind.School or ActivityKind.Study ? 3 : ExternalDistanceKey + (ulong)purpose;
        var stream = new RandomStream(_seed, StreamPurpose.Placement, (ulong)resident, key);
        var p = Parameters;
        return p.ExternalTripMedianKilometres * Math.Exp(p.ExternalTripSigma * stream.NextGaussian());
    }

    /// <summary>
    /// The gateway a resident's outings of one purpose leave the map by: fixed per resident and purpose, like the shop
    /// or club in town they keep going to.
    /// </summary>
    private Anchor ExternalAnchor(int resident, ActivityKind purpose)
    {
        if (_gateways.Count == 0)
        {
            return new Anchor(AnchorKind.Gateway, -1);
        }
        var stream = new RandomStream(_seed, StreamPurpose.Placement, (ulong)resident, ExternalPurposeKey + (ulong)purpose);
        return new Anchor(AnchorKind.Gateway, stream.NextInt(_gateways.Count));
    }

    /// <summary>
    /// A friend's home within visiting distance, every home there equally likely (friends are mostly near: Fischer
    /// 1982), chosen by a race over the homes (<see cref="HomeIndex"/>) with one number of the resident's stream.
    /// </summary>
    private Anchor VisitHost(int resident, ref RandomStream random) =>
        new(AnchorKind.OtherHome, _homeIndex.Choose(_residents.Home[resident], Parameters.VisitRadiusMetres, random.NextUInt64()));

    private static void Add(List<PlannedActivity> plan, ActivityKind kind, Anchor destination, double start, double duration, StayKind stay)
    {
        if (destination.Index >= 0 || destination.Kind == AnchorKind.Home)
        {
            plan.Add(new PlannedActivity(kind, destination, start, duration, stay));
        }
    }

    /// <summary>Sorts by start and pushes overlapping activities later; drops what no longer fits before midnight.</summary>
    private void Order(List<PlannedActivity> plan)
    {
        // Insertion sort: plans are short, and it is stable, so equal start times keep their order.
        for (int i = 1; i < plan.Count; i++)
        {
            var item = plan[i];
            int j = i - 1;
            while (j >= 0 && plan[j].StartSeconds > item.StartSeconds)
            {
                plan[j + 1] = plan[j];
                j--;
            }
            plan[j + 1] = item;
        }
        double free = 0;
        int kept = 0;
        for (int i = 0; i < plan.Count; i++)
        {
            var item = plan[i];
            double start = Math.Max(item.StartSeconds, free);
            if (start > _lastStartSeconds)
            {
                continue;
            }
            plan[kept++] = item with { StartSeconds = start };
            free = start + item.DurationSeconds + _activityGapSeconds;
        }
        plan.RemoveRange(kept, plan.Count - kept);
    }

    /// <summary>
    /// When a resident does something whose typical time is <paramref name="hour"/>: their own habitual time for it plus
    /// today's variation. The spread between people stays <paramref name="spreadMinutes"/> (the variance is split, not
    /// added): the habitual part, √(spread² − dayToDay²), is drawn once per resident and typical hour from a stream
    /// that ignores the day, and only <see cref="PlanningParameters.RoutineDayToDaySpreadMinutes"/> is drawn each day.
    /// So the same people pass the same corner at nearly the same time every day (Milgram's familiar strangers).
    /// </summary>
    private double Routine(int resident, double hour, ref RandomStream random, double spreadMinutes = double.NaN)
    {
        double spread = double.IsNaN(spreadMinutes) ? Parameters.DepartureSpreadMinutes : spreadMinutes;
        double daily = Math.Min(spread, Parameters.RoutineDayToDaySpreadMinutes);
        double habitual = Math.Sqrt((spread * spread) - (daily * daily));
        var habit = new RandomStream(_seed, StreamPurpose.Routine, (ulong)resident, (ulong)Math.Round(hour * 60));
        double minutes = (habit.NextGaussian() * habitual) + (random.NextGaussian() * daily);
        return Math.Clamp((hour * 3600) + (minutes * 60), 0, LatestDrawnSeconds);
    }

    private static double Hours(double hours) => hours * 3600;

    private static double Minutes(double minutes) => minutes * 60;
}
