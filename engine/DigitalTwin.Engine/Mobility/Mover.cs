using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Mobility;

/// <summary>What moving produced beyond the trajectories: counts the outcomes report.</summary>
internal sealed class MovementTally
{
    public MovementTally(int segmentCount, int profileCount = 0)
    {
        CarPassagesPerSegment = new int[segmentCount * DayPeriods.Count];
        StreetStopsPerSegment = new int[segmentCount * DayPeriods.Count];
        FrontOfHouseSecondsPerSegment = new long[segmentCount * DayPeriods.Count];
        CarPassagesPerSegmentHour = new int[segmentCount * Outcomes.StreetOutcomes.HoursPerDay];
        SettledByProfile = new long[profileCount];
    }

    /// <summary>Arcs settled by one-off visit searches, by <see cref="CostProfile.Index"/> (see <see cref="ArcHierarchyCache"/>).</summary>
    public long[] SettledByProfile { get; }

    /// <summary>
    /// Car passages per segment and period (index segment * 4 + period): cars are counted, not stored, because they never
    /// meet anyone.
    /// </summary>
    public int[] CarPassagesPerSegment { get; }

    /// <summary>Walkers' short stops and bench sits on the way, per segment and period (index segment * 4 + period).</summary>
    public int[] StreetStopsPerSegment { get; }

    /// <summary>Whole seconds residents spent in front of their homes (at the door, on the stoep, children playing), per segment and period.</summary>
    public long[] FrontOfHouseSecondsPerSegment { get; }
    /// <summary>Car passages per segment and clock hour of entry (index segment * 24 + hour), beside the periods above.</summary>
    public int[] CarPassagesPerSegmentHour { get; }

    public long Trips { get; set; }

    public long UnroutableTrips { get; set; }

    public long TripsByWalk { get; set; }

    public long TripsByBike { get; set; }

    public long TripsByCar { get; set; }

    /// <summary>
    /// Walks to or from a transit stop on a public-transport tour (also in <see cref="TripsByWalk"/>): each stands for one
    /// trip by public transport in a travel survey, whose main mode is the train, bus or tram.
    /// </summary>
    public long TripsByTransit { get; set; }

    /// <summary>
    /// Trips of residents aged 6 and over as the Dutch travel survey (ODiN) counts them: its population, and a round walk
    /// (the dog walk) as one trip, not two.
    /// </summary>
    public long TripsAgedSixPlus { get; set; }

    /// <summary>Walks home from a dog walk: the second half of a round walk, which a travel survey counts as one trip with the first.</summary>
    public long RoundWalkReturns { get; set; }

    /// <summary>Metres walked, kept in whole millimetres: integer sums are the same in any order (threads).</summary>
    public long WalkedMillimetres { get; set; }

    /// <summary>
    /// Trips of residents aged 6+ as a travel survey counts them, by <see cref="Outcomes.TravelByDistance"/>'s index
    /// (commute or not, distance class, main mode).
    /// </summary>
    public long[] SurveyedTrips { get; } = new long[Outcomes.TravelByDistance.Cells];

    /// <summary>The same trips by <see cref="Outcomes.SurveyMotive"/>.</summary>
    public long[] SurveyedTripsByMotive { get; } = new long[Outcomes.TravelByMotive.Count];

    public double WalkedMetres => WalkedMillimetres / 1000.0;

    public void Clear()
    {
        Array.Clear(CarPassagesPerSegment);
        Array.Clear(StreetStopsPerSegment);
        Array.Clear(FrontOfHouseSecondsPerSegment);
        Array.Clear(CarPassagesPerSegmentHour);
        Array.Clear(SettledByProfile);
        Array.Clear(SurveyedTrips);
        Array.Clear(SurveyedTripsByMotive);
        Trips = UnroutableTrips = TripsByWalk = TripsByBike = TripsByCar = TripsByTransit = TripsAgedSixPlus = RoundWalkReturns = 0;
        WalkedMillimetres = 0;
    }

    /// <summary>Adds another tally (integer counts, so the order of merging cannot change a result).</summary>
    public void Add(MovementTally other)
    {
        for (int s = 0; s < CarPassagesPerSegment.Length; s++)
        {
            CarPassagesPerSegment[s] += other.CarPassagesPerSegment[s];
            StreetStopsPerSegment[s] += other.StreetStopsPerSegment[s];
            FrontOfHouseSecondsPerSegment[s] += other.FrontOfHouseSecondsPerSegment[s];
        }
        for (int h = 0; h < CarPassagesPerSegmentHour.Length; h++)
        {
            CarPassagesPerSegmentHour[h] += other.CarPassagesPerSegmentHour[h];
        }
        for (int p = 0; p < SettledByProfile.Length; p++)
        {
            SettledByProfile[p] += other.SettledByProfile[p];
        }
        for (int c = 0; c < SurveyedTrips.Length; c++)
        {
            SurveyedTrips[c] += other.SurveyedTrips[c];
        }
        for (int m = 0; m < SurveyedTripsByMotive.Length; m++)
        {
            SurveyedTripsByMotive[m] += other.SurveyedTripsByMotive[m];
        }
        Trips += other.Trips;
        UnroutableTrips += other.UnroutableTrips;
        TripsByWalk += other.TripsByWalk;
        TripsByBike += other.TripsByBike;
        TripsByCar += other.TripsByCar;
        TripsByTransit += other.TripsByTransit;
        TripsAgedSixPlus += other.TripsAgedSixPlus;
        RoundWalkReturns += other.RoundWalkReturns;
        WalkedMillimetres += other.WalkedMillimetres;
    }
}

/// <summary>A chunk's own search state for one-off routes (no sharing between threads).</summary>
internal sealed class RoutingScratch(RouteCostModel model)
{
    public List<RouteLeg> Legs { get; } = [];

    public ArcHeap Heap { get; } = new();

    public ShortestPathTree Tree { get; } = ShortestPathTree.Scratch(model);

    public HierarchyScratch Hierarchy { get; } = new();

    /// <summary>The last walk to a visit, kept so the walk home can reuse it reversed (walking costs are symmetric).</summary>
    internal List<RouteLeg> LastVisitLegs { get; } = [];

    internal (int Resident, int Host, CostProfile Profile, float Length)? LastVisit { get; set; }
}

/// <summary>
/// Moves residents along their routes: every route leg becomes a <see cref="Passage"/> (a straight line in time and
/// position on one segment) and every visible stay a <see cref="Stay"/>. A resident's trips run in order; a trip
/// departs at its planned time or when the previous stay ends, whichever is later. Each passage and street stay gets
/// a lateral offset (<see cref="LateralPlacement"/>). A walker leaves from the pavement on their home's (or place's) side
/// of the street and arrives on the destination's side, crossing, where the two differ, at the junction before the
/// last segment; a trip between two points without a side takes a side drawn from a stream keyed by resident, day and
/// trip number (independent of threads and other residents). On the way a walker may stop a moment (more in front of
/// active frontage, on wide pavements) or sit on a bench passed, and walks slower along active frontage
/// (<see cref="StreetLifeParameters"/>): these stops are street stays where people meet.
/// </summary>
internal sealed class Mover
{
    private readonly Neighbourhood _neighbourhood;
    private readonly TripMaker _trips;
    private readonly RoutePlanner _planner;
    private readonly ulong _seed;
    private readonly StreetCrossSectionParameters _crossSection;
    private readonly StreetLifeParameters _life;
    private readonly bool[] _homeLeft;
    private readonly bool[] _placeLeft;
    private readonly int[] _benchOfSegment;
    private readonly float[] _crossingWait;
    private readonly double[] _stopsPerMetre;
    private readonly double[] _stopChanceWholeSegment;

    public Mover(Neighbourhood neighbourhood, TripMaker trips, RoutePlanner planner, ulong seed, StreetCrossSectionParameters? crossSection = null,
        StreetLifeParameters? streetLife = null)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        _neighbourhood = neighbourhood;
        _trips = trips;
        _planner = planner;
        _seed = seed;
        _crossSection = crossSection ?? StreetCrossSectionParameters.Default;
        _life = streetLife ?? StreetLifeParameters.Default;
        var network = neighbourhood.Network;
        _homeLeft = LateralPlacement.HomesLeftOfSegment(neighbourhood);
        var routing = trips?.RouteCosts.Parameters ?? new RouteCostParameters();
        _crossingWait = new float[network.SegmentCount];
        _stopsPerMetre = new double[network.SegmentCount];
        _stopChanceWholeSegment = new double[network.SegmentCount];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            // Most legs run a whole segment: their chance of a stop is worked out once.
            _stopsPerMetre[s] = _life.StopsPerMetre(network.Frontage[s], network.PavementWidthMetres[s]);
            _stopChanceWholeSegment[s] = 1 - Math.Exp(-_stopsPerMetre[s] * network.LengthMetres[s]);
            _crossingWait[s] = (float)RouteCostModel.CrossingWaitSeconds(network.CarVehiclesPerDay[s], LateralPlacement.CarriagewayMetres(network, s, _crossSection), routing);
        }
        var places = neighbourhood.Places;
        _placeLeft = new bool[places.Count];
        _benchOfSegment = places.FirstBenchOfSegment(network.SegmentCount);
        for (int p = 0; p < places.Count; p++)
        {
            var place = places[p];
            int segment = places.Segment[p];
            _placeLeft[p] = segment >= 0 && (LateralPlacement.SideOf(network, segment, places.OffsetMetres[p], place.X, place.Y) ?? (p % 2 == 0));
        }
    }

    /// <summary>Places with a street presence: a bench or playground is seen from the pavement beside it.</summary>
    public static bool IsOnStreet(PlaceKind kind) => kind is PlaceKind.Bench or PlaceKind.Playground or PlaceKind.TransitStop or PlaceKind.Market;

    /// <summary>True when the home stands left of its segment's drawn line (start to end node).</summary>
    public bool HomeIsLeftOfSegment(int home) => _homeLeft[home];

    /// <summary>
    /// Waits at the kerb where a leg starts for a gap to cross its carriageway (the mean gap-acceptance wait,
    /// <see cref="RouteCostModel.CrossingWaitSeconds"/>, cut at a zebra or signals there): a stay on the street, on the side
    /// the walker stands, where people waiting together meet. Returns when the walker goes on.
    /// </summary>
    private double WaitToCross(int resident, RouteLeg leg, sbyte direction, bool standingLeftOfSegment, double time, TrajectoryBuffer output)
    {
        var network = _neighbourhood.Network;
        int node = direction > 0 ? network.SegmentFrom[leg.Segment] : network.SegmentTo[leg.Segment];
        var routing = _trips.RouteCosts.Parameters;
        double share = routing.CrossingShare(network.NodeCrossing[node], TravelModes.Walk);
        double wait = _crossingWait[leg.Segment] * share;
        if (wait < MinimumKerbWaitSeconds || time + wait >= DayPeriods.SecondsPerDay)
        {
            return time;
        }
        float edge = LateralPlacement.StreetStay(network, leg.Segment, standingLeftOfSegment, _crossSection);
        output.AddStay(Stay.OnStreet(resident, leg.Segment, leg.FromOffsetMetres, time, time + wait, edge));
        return time + wait;
    }

    /// <summary>Waits shorter than this (a quiet street) are walked through, not stood: a second is no stay.</summary>
    private const double MinimumKerbWaitSeconds = 1;

    /// <summary>The chance that time in front of the home is spent across the street (<see cref="StreetLifeParameters.AcrossStreetShare"/>).</summary>
    private double AcrossChance(int segment) =>
        _life.AcrossStreetShare * Math.Pow(0.5, _crossingWait[segment] / _life.AcrossStreetHalfWaitSeconds);

    /// <summary>A walk to a stop to leave the map by public transport, or back home from the stop.</summary>
    /// <summary>
    /// One trip in the survey's table by distance and main mode. Its distance is the whole trip's: the route inside the
    /// map, or, for a trip to or from beyond the map (a walk to a stop on a transit tour included), the distance the
    /// mode choice weighed for it (<see cref="TripMaker.ExternalKilometres"/>); a round walk counts once, at twice its
    /// way out.
    /// </summary>
    private void CountSurveyed(in Trip trip, float routedMetres, MovementTally tally)
    {
        bool transit = IsTransitWalk(trip);
        bool external = transit || trip.LeavesMap || trip.Origin.Kind == AnchorKind.Gateway;
        double kilometres = external
            ? _trips.ExternalKilometres(trip.Resident, trip.Purpose)
            : routedMetres / 1000.0 * (trip.Purpose == ActivityKind.DogWalk ? 2 : 1);
        var mode = transit ? Outcomes.SurveyMode.Transit : trip.Mode switch
        {
            TravelModes.Car => Outcomes.SurveyMode.Car,
            TravelModes.Bike => Outcomes.SurveyMode.Bike,
            _ => Outcomes.SurveyMode.Walk,
        };
        bool commute = trip.Purpose is ActivityKind.Work or ActivityKind.School or ActivityKind.Study;
        tally.SurveyedTrips[Outcomes.TravelByDistance.IndexOf(commute, kilometres, mode)]++;
        tally.SurveyedTripsByMotive[(int)Outcomes.TravelByMotive.Of(trip.Purpose)]++;
    }

    private bool IsTransitWalk(in Trip trip)
    {
        var places = _neighbourhood.Places;
        return (trip.LeavesMap && trip.Destination.Kind == AnchorKind.Place && places.Kind[trip.Destination.Index] == PlaceKind.TransitStop)
            || (trip.Origin.Kind == AnchorKind.Place && places.Kind[trip.Origin.Index] == PlaceKind.TransitStop);
    }

    /// <summary>The side of the street an anchor stands on (left of its segment), or null for a gateway.</summary>
    private bool? SideOf(Anchor anchor, int resident) => anchor.Kind switch
    {
        AnchorKind.Place => _placeLeft[anchor.Index],
        AnchorKind.Home => _homeLeft[_neighbourhood.Homes.Count > 0 ? ResidentHome(resident) : 0],
        AnchorKind.OtherHome => _homeLeft[anchor.Index],
        _ => null,
    };

    private int ResidentHome(int resident) => _trips.HomeOf(resident);

    /// <summary>Moves one resident's trips (all of the same resident, in order) into <paramref name="output"/>.</summary>
    public void Move(ReadOnlySpan<Trip> residentTrips, int day, TrajectoryBuffer output, MovementTally tally, RoutingScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(scratch);
        var legs = scratch.Legs;
        var network = _neighbourhood.Network;
        var places = _neighbourhood.Places;
        var life = _life;
        double available = 0;
        int visit = 0;
        int tripOfDay = 0;
        foreach (ref readonly var trip in residentTrips)
        {
            var lateral = new RandomStream(_seed, StreamPurpose.Lateral, (ulong)(uint)trip.Resident, ((ulong)(uint)day << 16) ^ (uint)tripOfDay++);
            bool drawnLeft = lateral.NextBool(0.5);
            double outward = lateral.NextDouble();
            double departure = Math.Max(trip.DepartureSeconds, available);
            if (departure >= DayPeriods.SecondsPerDay)
            {
                break;
            }
            bool goes = !TripMaker.IsStayOnly(trip);
            tally.Trips += goes ? 1 : 0;
            bool roundWalkReturn = goes && trip.Purpose == ActivityKind.DogWalk && trip.Destination.Kind == AnchorKind.Home;
            tally.RoundWalkReturns += roundWalkReturn ? 1 : 0;
            bool surveyed = goes && !roundWalkReturn && _trips.AgeOf(trip.Resident) >= 6;
            tally.TripsAgedSixPlus += surveyed ? 1 : 0;
            float routed = Route(trip, scratch, tally);
            if (routed < 0)
            {
                tally.UnroutableTrips++;
                available = departure;
                continue;
            }
            if (surveyed)
            {
                CountSurveyed(trip, routed, tally);
            }
            double time = departure;
            float walkSpeed = _trips.WalkSpeed(trip.Resident);
            bool walking = trip.Mode == TravelModes.Walk;
            switch (trip.Mode)
            {
                case TravelModes.Car: tally.TripsByCar++; break;
                case TravelModes.Bike: tally.TripsByBike++; break;
                default:
                    tally.TripsByWalk += TripMaker.IsStayOnly(trip) ? 0 : 1;
                    tally.TripsByTransit += IsTransitWalk(trip) ? 1 : 0;
                    tally.WalkedMillimetres += (long)Math.Round(routed * 1000.0);
                    break;
            }
            // Which pavement: the origin's side from the start, the destination's on the last segment (crossing at the
            // junction before it); a home end wins a one-segment trip. Without a side at either end: the drawn side.
            bool? fromSide = walking ? SideOf(trip.Origin, trip.Resident) : null;
            bool? toSide = walking ? SideOf(trip.Destination, trip.Resident) : null;
            bool older = _trips.IsOlder(trip.Resident);
            bool satOnBench = false; // one sit a trip: someone who has just rested walks on past the next bench
            sbyte lastDirection = 1;
            bool leftOfTravel = drawnLeft;
            for (int l = 0; l < legs.Count; l++)
            {
                var leg = legs[l];
                sbyte direction = (sbyte)(leg.Forward ? 1 : -1);
                bool last = l == legs.Count - 1;
                bool? side = last && toSide is not null && (l > 0 || fromSide is null || trip.Destination.Kind == AnchorKind.Home) ? toSide : fromSide ?? toSide;
                bool wasLeftOfTravel = leftOfTravel;
                leftOfTravel = side is { } left ? left == (direction > 0) : drawnLeft;
                if (walking && l > 0 && leftOfTravel != wasLeftOfTravel)
                {
                    // Over to the destination's side at the junction before the last segment: wait at the kerb for a gap.
                    time = WaitToCross(trip.Resident, leg, direction, wasLeftOfTravel == (direction > 0), time, output);
                }
                float speed = trip.Mode switch
                {
                    TravelModes.Walk => walkSpeed,
                    TravelModes.Bike => (float)_trips.Modes.BikeSpeedMetresPerSecond,
                    _ => (float)Math.Max(2, network.SpeedLimitKmh[leg.Segment] / 3.6 * _trips.Modes.CarSpeedShareOfLimit),
                };
                if (trip.Mode == TravelModes.Car)
                {
                    tally.CarPassagesPerSegment[(leg.Segment * DayPeriods.Count) + (int)DayPeriods.Of(time)]++;
                    tally.CarPassagesPerSegmentHour[Outcomes.StreetOutcomes.HourIndex(leg.Segment, time)]++;
                    time += leg.LengthMetres / speed;
                    continue;
                }
                float across = trip.Mode == TravelModes.Bike
                    ? LateralPlacement.Cyclist(network, leg.Segment, direction, _crossSection)
                    : LateralPlacement.Walker(network, leg.Segment, direction, leftOfTravel, outward, _crossSection);
                lastDirection = direction;
                if (!walking)
                {
                    double ride = leg.LengthMetres / speed;
                    output.AddPassage(new Passage(trip.Resident, leg.Segment, direction, time, time + ride, speed, trip.Mode, leg.FromOffsetMetres, across));
                    time += ride;
                    continue;
                }
                if (network.Frontage[leg.Segment] == Frontage.Active)
                {
                    speed = (float)(speed * life.ActiveFrontagePace);
                }
                time = Walk(trip, leg, direction, speed, across, time, leftOfTravel, older, day, ref visit, ref satOnBench, ref lateral, output, tally);
            }
            double stayEnd = Math.Min(time + trip.StaySeconds, DayPeriods.SecondsPerDay);
            if (trip.Stay != StayKind.Unobserved && stayEnd > time)
            {
                var position = _trips.PositionOf(trip.Destination, trip.Resident);
                if (legs.Count == 0)
                {
                    // A stay at home (in front of it): on the home's side, or across the street for a chat with the neighbour
                    // opposite, the less likely the longer the wait to cross.
                    leftOfTravel = SideOf(trip.Destination, trip.Resident) ?? drawnLeft;
                    if (trip.Stay == StayKind.OnStreet && position.Segment >= 0 && lateral.NextBool(AcrossChance(position.Segment)))
                    {
                        leftOfTravel = !leftOfTravel;
                    }
                }
                // The stay is on the side the resident arrived on.
                float edge = position.Segment >= 0
                    ? LateralPlacement.StreetStay(network, position.Segment, leftOfTravel == (lastDirection > 0), _crossSection)
                    : 0f;
                if (trip.Stay == StayKind.AtPlace && trip.Destination.Kind == AnchorKind.Place)
                {
                    int place = trip.Destination.Index;
                    int zone = PlaceZones.Choose(_seed, trip.Resident, place, day, visit++, places.ZoneCount(place));
                    bool street = IsOnStreet(places.Kind[place]);
                    output.AddStay(new Stay(trip.Resident, place, zone, street ? position.Segment : -1, position.OffsetMetres, time, stayEnd, street ? edge : 0f));
                }
                else
                {
                    // Children at play in a calm street are on the carriageway, where they meet children from both sides.
                    output.AddStay(Stay.OnStreet(trip.Resident, position.Segment, position.OffsetMetres, time, stayEnd, trip.Stay == StayKind.InStreet ? 0f : edge));
                    if (trip.Purpose is ActivityKind.Stoep or ActivityKind.StreetPlay && position.Segment >= 0)
                    {
                        tally.FrontOfHouseSecondsPerSegment[(position.Segment * DayPeriods.Count) + (int)DayPeriods.Of(time)] += (long)(stayEnd - time);
                    }
                }
            }
            available = stayEnd;
        }
    }

    /// <summary>
    /// Walks one leg from <paramref name="time"/> and returns when it ends: one passage, or two with a short stop or a
    /// bench sit between them (at most one a leg). Draws from the trip's lateral stream.
    /// </summary>
    private double Walk(in Trip trip, RouteLeg leg, sbyte direction, float speed, float across, double time, bool leftOfTravel, bool older, int day,
        ref int visit, ref bool satOnBench, ref RandomStream random, TrajectoryBuffer output, MovementTally tally)
    {
        var network = _neighbourhood.Network;
        var life = _life;
        int segment = leg.Segment;
        double length = leg.LengthMetres;
        double duration = length / speed;
        int bench = _benchOfSegment[segment];
        double stopAt = -1, stopSeconds = 0;
        int place = -1;
        if (bench >= 0 && !satOnBench)
        {
            double benchOffset = _neighbourhood.Places.OffsetMetres[bench];
            double from = Math.Min(leg.FromOffsetMetres, leg.ToOffsetMetres), to = Math.Max(leg.FromOffsetMetres, leg.ToOffsetMetres);
            double sit = older ? life.BenchSitProbabilityOlder : life.BenchSitProbabilityOlder / 4;
            if (benchOffset > from && benchOffset < to && random.NextBool(sit))
            {
                stopAt = Math.Abs(benchOffset - leg.FromOffsetMetres);
                stopSeconds = life.BenchSitMinutes * 60;
                place = bench;
                satOnBench = true;
            }
        }
        if (place < 0 && length > 0)
        {
            double chance = length == network.LengthMetres[segment] ? _stopChanceWholeSegment[segment] : 1 - Math.Exp(-_stopsPerMetre[segment] * length);
            if (random.NextBool(chance))
            {
                stopAt = random.NextDouble() * length;
                stopSeconds = life.StopSeconds;
            }
        }
        if (stopAt < 0 || time + (stopAt / speed) + stopSeconds > DayPeriods.SecondsPerDay)
        {
            output.AddPassage(new Passage(trip.Resident, segment, direction, time, time + duration, speed, trip.Mode, leg.FromOffsetMetres, across));
            return time + duration;
        }
        double arrive = time + (stopAt / speed);
        float stopOffset = (float)(leg.FromOffsetMetres + (direction * stopAt));
        output.AddPassage(new Passage(trip.Resident, segment, direction, time, arrive, speed, trip.Mode, leg.FromOffsetMetres, across));
        double leave = arrive + stopSeconds;
        float edge = LateralPlacement.StreetStay(network, segment, leftOfTravel == (direction > 0), _crossSection);
        if (place >= 0)
        {
            var places = _neighbourhood.Places;
            int zone = PlaceZones.Choose(_seed, trip.Resident, place, day, visit++, places.ZoneCount(place));
            output.AddStay(new Stay(trip.Resident, place, zone, segment, places.OffsetMetres[place], arrive, leave, edge));
        }
        else
        {
            output.AddStay(Stay.OnStreet(trip.Resident, segment, stopOffset, arrive, leave, edge));
        }
        tally.StreetStopsPerSegment[(segment * DayPeriods.Count) + (int)DayPeriods.Of(arrive)]++;
        double rest = (length - stopAt) / speed;
        output.AddPassage(new Passage(trip.Resident, segment, direction, leave, leave + rest, speed, trip.Mode, stopOffset, across, ResumesAfterStop: true));
        return leave + rest;
    }

    /// <summary>
    /// Routes one trip into <c>scratch.Legs</c> (cleared first) and returns its length in metres, or -1 when its mode
    /// cannot reach the destination. The trees it reads must have been prepared (see <see cref="TripMaker.TreeOf"/>).
    /// </summary>
    public float Route(in Trip trip, RoutingScratch scratch, MovementTally? tally = null)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var legs = scratch.Legs;
        legs.Clear();
        var trips = _trips;
        var planner = _planner;
        var origin = trips.PositionOf(trip.Origin, trip.Resident, trip.Mode);
        float routed;
        if (TripMaker.IsStayOnly(trip))
        {
            routed = 0;
        }
        else if (trips.TreeOf(trip) is { } key)
        {
            var destination = trips.PositionOf(trip.Destination, trip.Resident, trip.Mode);
            if (trips.RoutesReversed(trip))
            {
                routed = planner.RouteTo(destination, key, legs);
                RouteLeg.Reverse(legs);
            }
            else
            {
                routed = key.Direction == TreeDirection.FromRoot ? planner.RouteFrom(key, destination, legs) : planner.RouteTo(origin, key, legs);
            }
        }
        else if (trips.RouteCosts.Reversible(trip.Mode) && trip.Origin.Kind == AnchorKind.OtherHome && trip.Destination.Kind == AnchorKind.Home
            && scratch.LastVisit is { } visit && visit.Resident == trip.Resident && visit.Host == trip.Origin.Index && visit.Profile == trip.Profile)
        {
            // Home from a visit by a reversible mode (on foot, nearly always) with the profile of the way there: the best way
            // back is that way reversed.
            legs.AddRange(scratch.LastVisitLegs);
            RouteLeg.Reverse(legs);
            routed = visit.Length;
        }
        else
        {
            var search = trips.VisitSearchOf(trip);
            if (origin.Segment == search.Root.Segment)
            {
                routed = planner.RouteTo(origin, search, legs);
            }
            else if (planner.Hierarchies?.Get(search.Profile) is { } hierarchy)
            {
                routed = planner.RouteTo(origin, search.Root, hierarchy, scratch.Hierarchy, legs);
            }
            else
            {
                var model = planner.Cache.Model;
                routed = planner.RouteTo(origin, scratch.Tree.SearchUntil(model, search, origin.Segment, scratch.Heap), legs);
                if (tally is { SettledByProfile.Length: > 0 })
                {
                    tally.SettledByProfile[search.Profile.Index(model.Parameters.RouteVariants)] += scratch.Tree.LastSettled;
                }
            }
            // Only a trip from home to the host can be taken back home reversed (a chained visit started elsewhere).
            scratch.LastVisit = null;
            if (trips.RouteCosts.Reversible(trip.Mode) && trip.Origin.Kind == AnchorKind.Home && trip.Destination.Kind == AnchorKind.OtherHome && routed >= 0)
            {
                scratch.LastVisitLegs.Clear();
                scratch.LastVisitLegs.AddRange(legs);
                scratch.LastVisit = (trip.Resident, trip.Destination.Index, trip.Profile, routed);
            }
        }
        return routed;
    }
}
