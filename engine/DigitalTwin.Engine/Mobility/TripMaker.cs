using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Turns a day plan into trips: home-based tours, one mode per tour (you come back on the bike you left on), a mode
/// drawn from the logit of <see cref="ModeChoiceParameters"/>, and the cost profile each trip is routed with
/// (after dark or not, sensitivity to darkness, limited mobility, a personal route variant).
/// </summary>
internal sealed class TripMaker
{
    private readonly Neighbourhood _neighbourhood;
    private readonly Residents _residents;
    private readonly DayPlanner _planner;
    private readonly ModeChoiceParameters _modes;
    private readonly ulong _seed;
    private readonly int _routeVariants;
    private readonly RouteCostParameters _routing;
    private readonly RouteCostModel _routeCosts;
    private readonly CostDistinctions _distinctions;
    private readonly float[] _walkSpeed;
    private readonly bool[] _householdCar;
    private readonly int[] _nearestStopOfHome;
    private readonly VehicleAccess _bike;
    private readonly VehicleAccess _car;

    /// <summary>
    /// How far from a door the bike or car may be: homes and shops sit on footways that cars and often bikes may
    /// not use, so a bike or car trip starts and ends on the nearest street that allows it (parking, bike racks).
    /// </summary>
    public const double MaxVehicleAccessMetres = 400;

    /// <summary>Walk, bike, car, public transport: each mode's own key in the mode race (RandomStream.NextRaced).</summary>
    private static readonly ulong[] ModeKeys = [1, 2, 3, 4];

    public TripMaker(Neighbourhood neighbourhood, Residents residents, DayPlanner planner, ModeChoiceParameters modes,
        WalkingSpeedParameters walking, RouteCostModel routeCosts, ulong seed, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(routeCosts);
        var routing = routeCosts.Parameters;
        _neighbourhood = neighbourhood;
        _residents = residents;
        _planner = planner;
        _modes = modes;
        _seed = seed;
        _routing = routing;
        _routeCosts = routeCosts;
        _routeVariants = Math.Max(1, routing.RouteVariants);
        _distinctions = new CostDistinctions(neighbourhood.Network, routing);
        _walkSpeed = new float[residents.Count];
        for (int r = 0; r < residents.Count; r++)
        {
            _walkSpeed[r] = (float)walking.SpeedOf(seed, r, residents.AgeBand[r], residents.Gender[r], residents.Health[r]);
        }
        _householdCar = new bool[residents.HouseholdCount];
        for (int h = 0; h < residents.HouseholdCount; h++)
        {
            var members = residents.MembersOf(h);
            var income = members.End.Value > members.Start.Value ? residents.Income[members.Start.Value] : IncomeGroup.Middle;
            double share = income switch
            {
                IncomeGroup.Low => modes.CarAvailabilityLow,
                IncomeGroup.High => modes.CarAvailabilityHigh,
                _ => modes.CarAvailabilityMiddle,
            };
            _householdCar[h] = new RandomStream(seed, StreamPurpose.Household, (ulong)h, 2).NextBool(share);
        }
        // Three independent lookups over every home (a city has a hundred thousand): side by side.
        int[]? nearestStops = null;
        VehicleAccess? bike = null, car = null;
        Parallel.Invoke(
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            () => nearestStops = NearestStops(neighbourhood, modes.TransitStopMaxWalkMetres),
            () => bike = new VehicleAccess(neighbourhood, planner.Gateways, TravelModes.Bike),
            () => car = new VehicleAccess(neighbourhood, planner.Gateways, TravelModes.Car));
        (_nearestStopOfHome, _bike, _car) = (nearestStops!, bike!, car!);
    }

    public float WalkSpeed(int resident) => _walkSpeed[resident];

    /// <summary>The home a resident lives in.</summary>
    public int HomeOf(int resident) => _residents.Home[resident];

    /// <summary>The resident's age in years.</summary>
    public int AgeOf(int resident) => _residents.AgeYears[resident];

    /// <summary>Is the resident 65 or over?</summary>
    public bool IsOlder(int resident) => _residents.AgeBand[resident] == AgeBand.Older;

    public ModeChoiceParameters Modes => _modes;

    /// <summary>
    /// Where a trip by <paramref name="mode"/> starts or ends for an anchor: the anchor itself on foot, the nearest
    /// street the bike or car may use otherwise (Segment -1 when there is none within reach).
    /// </summary>
    public NetworkPosition PositionOf(Anchor anchor, int resident, TravelModes mode) => mode switch
    {
        TravelModes.Bike => _bike.Of(anchor, IndexOf(anchor, resident), _residents.Home[resident]),
        TravelModes.Car => _car.Of(anchor, IndexOf(anchor, resident), _residents.Home[resident]),
        _ => PositionOf(anchor, resident),
    };

    /// <summary>Whether a trip by bike or car can go between two anchors (on foot always).</summary>
    public bool Connects(Anchor from, Anchor to, int resident, TravelModes mode) => mode switch
    {
        TravelModes.Bike => _bike.Connects(from, IndexOf(from, resident), to, IndexOf(to, resident), _residents.Home[resident]),
        TravelModes.Car => _car.Connects(from, IndexOf(from, resident), to, IndexOf(to, resident), _residents.Home[resident]),
        _ => true,
    };

    private int IndexOf(Anchor anchor, int resident) => anchor.Kind == AnchorKind.Home ? _residents.Home[resident] : anchor.Index;

    /// <summary>Where an anchor is on the walking network, for a resident (whose home is the Home anchor).</summary>
    public NetworkPosition PositionOf(Anchor anchor, int resident)
    {
        switch (anchor.Kind)
        {
            case AnchorKind.Place:
                return new NetworkPosition(_neighbourhood.Places.Segment[anchor.Index], _neighbourhood.Places.OffsetMetres[anchor.Index]);
            case AnchorKind.Gateway:
                return _planner.Gateways[anchor.Index];
            default:
                int home = anchor.Kind == AnchorKind.Home ? _residents.Home[resident] : anchor.Index;
                return new NetworkPosition(_neighbourhood.Homes.Segment[home], _neighbourhood.Homes.OffsetMetres[home]);
        }
    }

    /// <summary>
    /// The cached tree a trip is routed with: from its origin when it goes home, else towards its destination; null for
    /// trips between two homes (visits), which are searched one-off because no two visitors share a host's tree.
    /// Going home by a mode whose routes cost the same both ways (<see cref="RouteCostModel.Reversible"/>: on foot,
    /// nearly always) reads the place's ToRoot tree backwards: the best way home is the best way there, reversed
    /// (<see cref="RoutesReversed"/>), so one tree serves the trips to a place and back, and the mode needs no FromRoot
    /// trees. A mode that meets one-way streets keeps both.
    /// </summary>
    public TreeKey? TreeOf(in Trip trip)
    {
        if (trip.Origin.Kind == AnchorKind.OtherHome || trip.Destination.Kind == AnchorKind.OtherHome || IsStayOnly(trip))
        {
            return null;
        }
        if (trip.Destination.Kind != AnchorKind.Home && trip.Origin.Kind != AnchorKind.Gateway)
        {
            return new TreeKey(PositionOf(trip.Destination, trip.Resident, trip.Mode), TreeDirection.ToRoot, trip.Profile);
        }
        // Home, or in from a gateway: the origin's tree. A place's tree would otherwise have to reach the edge of the
        // map for the few who come straight from work, while the gateway's tree reaches across the map anyway.
        var origin = PositionOf(trip.Origin, trip.Resident, trip.Mode);
        return new TreeKey(origin, RoutesReversed(trip) ? TreeDirection.ToRoot : TreeDirection.FromRoot, trip.Profile);
    }

    /// <summary>
    /// The trip's tree and the segment it reads a route for: the origin of a trip towards the root, the destination of
    /// a trip away from it (and of a walk home, routed from home to the root and reversed). Null as for <see cref="TreeOf"/>.
    /// </summary>
    public TreeRequest? TreeRequestOf(in Trip trip)
    {
        if (TreeOf(trip) is not { } key)
        {
            return null;
        }
        bool fromOrigin = key.Direction == TreeDirection.ToRoot && !RoutesReversed(trip);
        var position = fromOrigin ? PositionOf(trip.Origin, trip.Resident, trip.Mode) : PositionOf(trip.Destination, trip.Resident, trip.Mode);
        return new TreeRequest(key, position.Segment);
    }

    /// <summary>A "trip" that goes nowhere: a stay at home in view of the street (the stoep).</summary>
    public static bool IsStayOnly(in Trip trip) => trip.Origin.Kind == AnchorKind.Home && trip.Destination.Kind == AnchorKind.Home;

    /// <summary>
    /// True when the trip is routed from its destination to its origin and then reversed: going home, or in from a
    /// gateway, by a mode whose routes cost the same both ways (<see cref="RouteCostModel.Reversible"/>).
    /// </summary>
    public bool RoutesReversed(in Trip trip) =>
        (trip.Destination.Kind == AnchorKind.Home || trip.Origin.Kind == AnchorKind.Gateway) && _routeCosts.Reversible(trip.Mode);

    /// <summary>The route model trips are routed with.</summary>
    public RouteCostModel RouteCosts => _routeCosts;

    /// <summary>The one-off search of a visit: rooted at the destination, pointing to it.</summary>
    public TreeKey VisitSearchOf(in Trip trip) =>
        new(PositionOf(trip.Destination, trip.Resident, trip.Mode), TreeDirection.ToRoot, trip.Profile);

    /// <summary>Writes the trips of one resident's day plan into <paramref name="trips"/> (appending).</summary>
    public void Make(int resident, int day, List<PlannedActivity> plan, List<Trip> trips)
    {
        if (plan.Count == 0)
        {
            return;
        }
        var random = new RandomStream(_seed, StreamPurpose.Mode, (ulong)resident, (ulong)day);
        double gapSeconds = _planner.Parameters.ReturnHomeGapMinutes * 60;
        var current = Anchor.Home;
        var tourMode = TravelModes.Walk;
        bool transitTour = false;
        double previousEnd = 0;
        var lastKind = ActivityKind.Visit; // what a trip home comes back from
        for (int index = 0; index < plan.Count; index++)
        {
            var activity = plan[index];
            // A long gap, or a dog walk (the dog is at home), sends the resident home in between; so does going beyond
            // the map from a walk (nobody walks on to town: home first, for the bike, the car or the stop).
            bool onFootOutOfMap = activity.Destination.Kind == AnchorKind.Gateway && tourMode == TravelModes.Walk && !transitTour;
            if (current.Kind != AnchorKind.Home && (activity.StartSeconds - previousEnd >= gapSeconds || activity.Kind == ActivityKind.DogWalk || onFootOutOfMap))
            {
                AddTrip(current, Anchor.Home, transitTour ? TravelModes.Walk : tourMode, previousEnd, 0, StayKind.Unobserved, false, lastKind);
                current = Anchor.Home;
            }
            var destination = activity.Destination;
            if (destination.Kind == AnchorKind.Home)
            {
                // An activity at home in view of the street (the stoep): go home first if out, then stay there.
                if (current.Kind != AnchorKind.Home)
                {
                    AddTrip(current, Anchor.Home, transitTour ? TravelModes.Walk : tourMode, previousEnd, 0, StayKind.Unobserved, false, lastKind);
                    current = Anchor.Home;
                }
                AddTrip(Anchor.Home, Anchor.Home, TravelModes.Walk, activity.StartSeconds, activity.DurationSeconds, activity.Stay, false, activity.Kind);
                previousEnd = activity.StartSeconds + activity.DurationSeconds;
                lastKind = activity.Kind;
                continue;
            }
            bool leaves = destination.Kind == AnchorKind.Gateway;
            double stay = activity.DurationSeconds;
            var stayKind = activity.Stay;
            if (current.Kind == AnchorKind.Home)
            {
                (tourMode, transitTour) = ChooseMode(resident, day, plan[MainActivityOfTour(resident, plan, index, gapSeconds)], ref random);
            }
            var mode = tourMode;
            if (transitTour)
            {
                mode = TravelModes.Walk;
                if (leaves)
                {
                    // Out by public transport: walk to the stop, wait there in view of others, then leave the map.
                    destination = new Anchor(AnchorKind.Place, _nearestStopOfHome[_residents.Home[resident]]);
                    stay = _modes.TransitWaitMinutes * 60;
                    stayKind = StayKind.AtPlace;
                }
            }
            double travel = EstimateTravelSeconds(current, destination, resident, mode);
            AddTrip(current, destination, mode, Math.Max(previousEnd, activity.StartSeconds - travel), stay, stayKind, leaves, activity.Kind);
            current = destination;
            previousEnd = activity.StartSeconds + activity.DurationSeconds;
            lastKind = activity.Kind;
        }
        if (current.Kind != AnchorKind.Home && previousEnd < DayPeriods.SecondsPerDay)
        {
            AddTrip(current, Anchor.Home, transitTour ? TravelModes.Walk : tourMode, previousEnd, 0, StayKind.Unobserved, false, plan[^1].Kind);
        }

        void AddTrip(Anchor from, Anchor to, TravelModes mode, double departure, double stay, StayKind stayKind, bool leavesMap, ActivityKind purpose)
        {
            if (!Connects(from, to, resident, mode))
            {
                mode = TravelModes.Walk; // no street for the vehicle near one end of a chained trip, or none between them: walk
            }
            trips.Add(new Trip(resident, purpose, from, to, mode, ProfileFor(resident, day, mode, departure), departure, stay, stayKind, leavesMap));
        }
    }

    private CostProfile ProfileFor(int resident, int day, TravelModes mode, double departureSeconds)
    {
        bool dark = _planner.Calendar.IsDark(day, departureSeconds);
        byte variant = (byte)(new RandomStream(_seed, StreamPurpose.Route, (ulong)resident, 0).NextInt(_routeVariants));
        return _distinctions.Canonical(mode switch
        {
            TravelModes.Car => new CostProfile(TravelModes.Car, false, false, false, 0),
            // Cyclists get no perception variants: their routes matter less for meeting (cyclistAttention) and each
            // variant doubles the bike trees, which need both directions (one-way streets).
            TravelModes.Bike => new CostProfile(TravelModes.Bike, dark, false, false, 0),
            _ => WalkProfile(resident, dark, variant),
        });
    }

    /// <summary>
    /// Walkers' profiles. Route variety (the perception variant) is kept for the common profiles only: people who avoid
    /// dark streets or uneven surfaces are steered by those costs already, and each extra profile costs a set of trees.
    /// </summary>
    private CostProfile WalkProfile(int resident, bool dark, byte variant)
    {
        bool sensitive = dark && (_residents.Gender[resident] == Gender.Woman || _residents.AgeBand[resident] == AgeBand.Older);
        bool limited = _residents.Health[resident] == Health.LimitedMobility;
        return new CostProfile(TravelModes.Walk, dark, sensitive, limited, sensitive || limited ? (byte)0 : variant);
    }

    /// <summary>
    /// The activity a tour's mode is chosen for: the farthest from home of those from <paramref name="first"/> until the
    /// resident is next home (a long gap, a dog walk or a stay at home ends a tour, as in <see cref="Make"/>). A tour's
    /// mode is the one its longest leg asks for, as tour-based mode choice models it (the primary destination): a walk
    /// to the baker's that goes on to work 3 km away is a bike or car tour, not a 3 km walk. A dog walk is its own tour.
    /// </summary>
    private int MainActivityOfTour(int resident, List<PlannedActivity> plan, int first, double gapSeconds)
    {
        if (plan[first].Kind == ActivityKind.DogWalk)
        {
            return first;
        }
        int main = first;
        double farthest = ChoiceKilometres(resident, plan[first]);
        double end = plan[first].StartSeconds + plan[first].DurationSeconds;
        for (int next = first + 1; next < plan.Count; next++)
        {
            var activity = plan[next];
            if (activity.Destination.Kind == AnchorKind.Home || activity.Kind == ActivityKind.DogWalk || activity.StartSeconds - end >= gapSeconds)
            {
                break;
            }
            double kilometres = ChoiceKilometres(resident, activity);
            if (kilometres > farthest)
            {
                (main, farthest) = (next, kilometres);
            }
            end = activity.StartSeconds + activity.DurationSeconds;
        }
        return main;
    }

    /// <summary>The distance from home the mode choice weighs for an activity: beyond the map, the resident's distance for its purpose.</summary>
    private double ChoiceKilometres(int resident, in PlannedActivity activity) =>
        activity.Destination.Kind == AnchorKind.Gateway
            ? ExternalKilometres(resident, activity.Kind)
            : StraightMetres(Anchor.Home, activity.Destination, resident) * _planner.Parameters.DetourFactor / 1000;

    /// <summary>The tour's mode by the logit; the bool is true for a public-transport tour (walk to a stop).</summary>
    private (TravelModes Mode, bool Transit) ChooseMode(int resident, int day, in PlannedActivity activity, ref RandomStream random)
    {
        if (activity.Kind == ActivityKind.DogWalk)
        {
            return (TravelModes.Walk, false);
        }
        var m = _modes;
        int age = _residents.AgeYears[resident];
        bool limited = _residents.Health[resident] == Health.LimitedMobility;
        bool older = _residents.AgeBand[resident] == AgeBand.Older;
        bool external = activity.Destination.Kind == AnchorKind.Gateway;
        double kilometres = ChoiceKilometres(resident, activity);
        double walkDistance = m.WalkPerKilometre * (older ? m.OlderWalkDistanceMultiplier : 1) * (limited ? m.LimitedMobilityWalkDistanceMultiplier : 1);
        // A mode's generalised cost factor (STOMP; 1 = the street as it is) scales its distance term and shifts its
        // constant by its logarithm, so that a factor also moves a mode whose utility does not grow with distance.
        var r = _routing;
        // After dark fewer walk and cycle (Uttley & Fotios 2017), more so from an unlit home street.
        double dark = 0;
        if (_planner.Calendar.IsDark(day, activity.StartSeconds))
        {
            int homeSegment = _neighbourhood.Homes.Segment[_residents.Home[resident]];
            dark = _neighbourhood.Network.Lighting[homeSegment] == Lighting.Unlit ? _planner.Parameters.UnlitStreetDarknessMultiplier : 1;
        }
        Span<double> weights = stackalloc double[4];
        weights[0] = Math.Exp(m.WalkConstant + (dark * m.DarkWalkUtility) - (walkDistance * kilometres * r.WalkCostFactor) - Math.Log(r.WalkCostFactor));
        bool bike = age >= m.MinimumCyclingAge && !limited && Connects(Anchor.Home, activity.Destination, resident, TravelModes.Bike);
        weights[1] = bike
            ? Math.Exp(m.BikeConstant + (dark * m.DarkBikeUtility) - (m.BikePerKilometre * kilometres * r.BikeCostFactor) - Math.Log(r.BikeCostFactor))
            : 0;
        bool car = _householdCar[_residents.Household[resident]] && Connects(Anchor.Home, activity.Destination, resident, TravelModes.Car);
        double parkingWalk = 2 * m.WalkPerKilometre * m.CarParkingWalkMetres / 1000; // there and back to the car
        weights[2] = car
            ? Math.Exp(m.CarConstant - (m.CarPerKilometre * kilometres * r.CarCostFactor) - Math.Log(r.CarCostFactor) - parkingWalk
                - (age < 18 ? m.CarPassengerConstantPenalty : 0))
            : 0;
        weights[3] = external && _nearestStopOfHome[_residents.Home[resident]] >= 0
            ? Math.Exp(m.TransitConstant - (m.TransitPerKilometre * kilometres))
            : 0;
        return random.NextRaced(weights, ModeKeys) switch
        {
            1 => (TravelModes.Bike, false),
            2 => (TravelModes.Car, false),
            3 => (TravelModes.Walk, true),
            _ => (TravelModes.Walk, false),
        };
    }

    /// <summary>How far beyond the map a resident's outside trips of a purpose go (<see cref="DayPlanner.ExternalKilometres"/>).</summary>
    internal double ExternalKilometres(int resident, ActivityKind purpose) => _planner.ExternalKilometres(resident, purpose);

    private double EstimateTravelSeconds(Anchor from, Anchor to, int resident, TravelModes mode)
    {
        double metres = StraightMetres(from, to, resident) * _planner.Parameters.DetourFactor;
        double speed = mode switch
        {
            TravelModes.Bike => _modes.BikeSpeedMetresPerSecond,
            TravelModes.Car => 8,
            _ => _walkSpeed[resident],
        };
        return metres / speed;
    }

    private double StraightMetres(Anchor from, Anchor to, int resident)
    {
        var (ax, ay) = XY(from, resident);
        var (bx, by) = XY(to, resident);
        return Math.Sqrt(((ax - bx) * (ax - bx)) + ((ay - by) * (ay - by)));
    }

    private (double X, double Y) XY(Anchor anchor, int resident)
    {
        switch (anchor.Kind)
        {
            case AnchorKind.Place:
                var place = _neighbourhood.Places[anchor.Index];
                return (place.X, place.Y);
            case AnchorKind.Gateway:
                var position = _planner.Gateways[anchor.Index];
                var network = _neighbourhood.Network;
                int node = position.OffsetMetres > 0 ? network.SegmentTo[position.Segment] : network.SegmentFrom[position.Segment];
                return (network.NodeX[node], network.NodeY[node]);
            default:
                var home = _neighbourhood.Homes[anchor.Kind == AnchorKind.Home ? _residents.Home[resident] : anchor.Index];
                return (home.X, home.Y);
        }
    }

    /// <summary>
    /// The nearest transit stop within <paramref name="maxMetres"/> of every home (-1: none), the last listed of equally
    /// near ones. Stops are sorted by x, so a home looks only at those within reach east and west: a city has a
    /// thousand stops and a hundred thousand homes.
    /// </summary>
    private static int[] NearestStops(Neighbourhood neighbourhood, double maxMetres)
    {
        var places = neighbourhood.Places;
        var stops = Enumerable.Range(0, places.Count).Where(p => places.Kind[p] == PlaceKind.TransitStop).ToArray();
        var stopX = stops.Select(s => places[s].X).ToArray();
        Array.Sort(stopX, stops);
        var stopY = stops.Select(s => places[s].Y).ToArray();
        var result = new int[neighbourhood.Homes.Count];
        for (int h = 0; h < result.Length; h++)
        {
            var home = neighbourhood.Homes[h];
            int best = -1;
            double bestDistance = maxMetres * maxMetres;
            // A metre beyond reach on either side, so rounding at the edge never leaves out a stop the distance admits.
            int first = LowerBound(stopX, home.X - maxMetres - 1);
            for (int i = first; i < stops.Length && stopX[i] <= home.X + maxMetres + 1; i++)
            {
                double d = ((stopX[i] - home.X) * (stopX[i] - home.X)) + ((stopY[i] - home.Y) * (stopY[i] - home.Y));
                if (d < bestDistance || (d == bestDistance && stops[i] > best))
                {
                    bestDistance = d;
                    best = stops[i];
                }
            }
            result[h] = best;
        }
        return result;
    }

    /// <summary>The first index whose value is at least <paramref name="value"/> in an ascending array.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
