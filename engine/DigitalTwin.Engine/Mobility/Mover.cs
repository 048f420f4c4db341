using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Mobility;

/// <summary>What moving produced beyond the trajectories: counts the outcomes report.</summary>
public sealed class MovementTally
{
    public MovementTally(int segmentCount, int profileCount = 0)
    {
        CarPassagesPerSegment = new int[segmentCount * DayPeriods.Count];
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

    /// <summary>Car passages per segment and clock hour of entry (index segment * 24 + hour), beside the periods above.</summary>
    public int[] CarPassagesPerSegmentHour { get; }

    public long Trips { get; set; }

    public long UnroutableTrips { get; set; }

    public long TripsByWalk { get; set; }

    public long TripsByBike { get; set; }

    public long TripsByCar { get; set; }

    /// <summary>Metres walked, kept in whole millimetres: integer sums are the same in any order (threads).</summary>
    public long WalkedMillimetres { get; set; }

    public double WalkedMetres => WalkedMillimetres / 1000.0;

    public void Clear()
    {
        Array.Clear(CarPassagesPerSegment);
        Array.Clear(CarPassagesPerSegmentHour);
        Array.Clear(SettledByProfile);
        Trips = UnroutableTrips = TripsByWalk = TripsByBike = TripsByCar = 0;
        WalkedMillimetres = 0;
    }

    /// <summary>Adds another tally (integer counts, so the order of merging cannot change a result).</summary>
    public void Add(MovementTally other)
    {
        for (int s = 0; s < CarPassagesPerSegment.Length; s++)
        {
            CarPassagesPerSegment[s] += other.CarPassagesPerSegment[s];
        }
        for (int h = 0; h < CarPassagesPerSegmentHour.Length; h++)
        {
            CarPassagesPerSegmentHour[h] += other.CarPassagesPerSegmentHour[h];
        }
        for (int p = 0; p < SettledByProfile.Length; p++)
        {
            SettledByProfile[p] += other.SettledByProfile[p];
        }
        Trips += other.Trips;
        UnroutableTrips += other.UnroutableTrips;
        TripsByWalk += other.TripsByWalk;
        TripsByBike += other.TripsByBike;
        TripsByCar += other.TripsByCar;
        WalkedMillimetres += other.WalkedMillimetres;
    }
}

/// <summary>A chunk's own search state for one-off routes (no sharing between threads).</summary>
public sealed class RoutingScratch(RouteCostModel model)
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
/// a lateral offset (<see cref="LateralPlacement"/>): per trip a walker draws a side of the street and how far out on
/// the pavement, from a stream keyed by resident, day and trip number (independent of threads and other residents).
/// </summary>
public sealed class Mover(Neighbourhood neighbourhood, TripMaker trips, RoutePlanner planner, ulong seed, StreetCrossSectionParameters? crossSection = null)
{
    private readonly StreetCrossSectionParameters _crossSection = crossSection ?? StreetCrossSectionParameters.Default;

    /// <summary>Places with a street presence: a bench or playground is seen from the pavement beside it.</summary>
    public static bool IsOnStreet(PlaceKind kind) => kind is PlaceKind.Bench or PlaceKind.Playground or PlaceKind.TransitStop or PlaceKind.Market;

    /// <summary>Moves one resident's trips (all of the same resident, in order) into <paramref name="output"/>.</summary>
    public void Move(ReadOnlySpan<Trip> residentTrips, int day, TrajectoryBuffer output, MovementTally tally, RoutingScratch scratch)
    {
        var legs = scratch.Legs;
        var network = neighbourhood.Network;
        var places = neighbourhood.Places;
        double available = 0;
        int visit = 0;
        int tripOfDay = 0;
        foreach (ref readonly var trip in residentTrips)
        {
            var lateral = new RandomStream(seed, StreamPurpose.Lateral, (ulong)(uint)trip.Resident, ((ulong)(uint)day << 16) ^ (uint)tripOfDay++);
            bool leftOfTravel = lateral.NextBool(0.5);
            double outward = lateral.NextDouble();
            sbyte lastDirection = 1;
            double departure = Math.Max(trip.DepartureSeconds, available);
            if (departure >= DayPeriods.SecondsPerDay)
            {
                break;
            }
            tally.Trips += TripMaker.IsStayOnly(trip) ? 0 : 1;
            float routed = Route(trip, scratch, tally);
            if (routed < 0)
            {
                tally.UnroutableTrips++;
                available = departure;
                continue;
            }
            double time = departure;
            float walkSpeed = trips.WalkSpeed(trip.Resident);
            switch (trip.Mode)
            {
                case TravelModes.Car: tally.TripsByCar++; break;
                case TravelModes.Bike: tally.TripsByBike++; break;
                default:
                    tally.TripsByWalk += TripMaker.IsStayOnly(trip) ? 0 : 1;
                    tally.WalkedMillimetres += (long)Math.Round(routed * 1000.0);
                    break;
            }
            foreach (var leg in legs)
            {
                float speed = trip.Mode switch
                {
                    TravelModes.Walk => walkSpeed,
                    TravelModes.Bike => (float)trips.Modes.BikeSpeedMetresPerSecond,
                    _ => (float)Math.Max(2, network.SpeedLimitKmh[leg.Segment] / 3.6 * trips.Modes.CarSpeedShareOfLimit),
                };
                double duration = leg.LengthMetres / speed;
                if (trip.Mode == TravelModes.Car)
                {
                    tally.CarPassagesPerSegment[(leg.Segment * DayPeriods.Count) + (int)DayPeriods.Of(time)]++;
                    tally.CarPassagesPerSegmentHour[Outcomes.StreetOutcomes.HourIndex(leg.Segment, time)]++;
                }
                else
                {
                    sbyte direction = (sbyte)(leg.Forward ? 1 : -1);
                    float across = trip.Mode == TravelModes.Bike
                        ? LateralPlacement.Cyclist(network, leg.Segment, direction, _crossSection)
                        : LateralPlacement.Walker(network, leg.Segment, direction, leftOfTravel, outward, _crossSection);
                    output.AddPassage(new Passage(trip.Resident, leg.Segment, direction, time, time + duration, speed, trip.Mode, leg.FromOffsetMetres, across));
                    lastDirection = direction;
                }
                time += duration;
            }
            double stayEnd = Math.Min(time + trip.StaySeconds, DayPeriods.SecondsPerDay);
            if (trip.Stay != StayKind.Unobserved && stayEnd > time)
            {
                var position = trips.PositionOf(trip.Destination, trip.Resident);
                // The stay is on the side the resident arrived on (the drawn side when nothing was walked).
                float edge = position.Segment >= 0
                    ? LateralPlacement.StreetStay(network, position.Segment, leftOfTravel == (lastDirection > 0), _crossSection)
                    : 0f;
                if (trip.Stay == StayKind.AtPlace && trip.Destination.Kind == AnchorKind.Place)
                {
                    int place = trip.Destination.Index;
                    int zone = PlaceZones.Choose(seed, trip.Resident, place, day, visit++, PlaceZones.CountFor(places.AreaSquareMetres(place)));
                    bool street = IsOnStreet(places.Kind[place]);
                    output.AddStay(new Stay(trip.Resident, place, zone, street ? position.Segment : -1, position.OffsetMetres, time, stayEnd, street ? edge : 0f));
                }
                else
                {
                    output.AddStay(Stay.OnStreet(trip.Resident, position.Segment, position.OffsetMetres, time, stayEnd, edge));
                }
            }
            available = stayEnd;
        }
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
