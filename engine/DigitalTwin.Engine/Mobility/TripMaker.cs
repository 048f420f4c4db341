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
public sealed class TripMaker
{
    private readonly Neighbourhood _neighbourhood;
    private readonly Residents _residents;
    private readonly DayPlanner _planner;
    private readonly ModeChoiceParameters _modes;
    private readonly ulong _seed;
    private readonly int _routeVariants;
    private readonly float[] _walkSpeed;
    private readonly bool[] _householdCar;
    private readonly int[] _nearestStopOfHome;
    private readonly (double Sunrise, double Sunset)[] _sunTimes;

    public TripMaker(Neighbourhood neighbourhood, Residents residents, DayPlanner planner, ModeChoiceParameters modes,
        WalkingSpeedParameters walking, int routeVariants, int days, ulong seed)
    {
        _neighbourhood = neighbourhood;
        _residents = residents;
        _planner = planner;
        _modes = modes;
        _seed = seed;
        _routeVariants = Math.Max(1, routeVariants);
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
        _nearestStopOfHome = NearestStops(neighbourhood, modes.TransitStopMaxWalkMetres);
        var centre = neighbourhood.Network.GeoReference;
        _sunTimes = new (double, double)[Math.Max(1, days)];
        for (int d = 0; d < _sunTimes.Length; d++)
        {
            int dayOfYear = ((planner.Parameters.FirstDayOfYear - 1 + d) % 365) + 1;
            _sunTimes[d] = Daylight.SunTimes(centre.CentreLatitude, centre.CentreLongitude, dayOfYear);
        }
    }

    public float WalkSpeed(int resident) => _walkSpeed[resident];

    public ModeChoiceParameters Modes => _modes;

    /// <summary>Sunrise and sunset of a day of the run, seconds after midnight.</summary>
    public (double Sunrise, double Sunset) SunTimes(int day) => _sunTimes[Math.Min(day, _sunTimes.Length - 1)];

    /// <summary>Where an anchor is on the network, for a resident (whose home is the Home anchor).</summary>
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

    /// <summary>The tree a trip is routed with: from its origin when it goes home, else towards its destination.</summary>
    public TreeKey TreeOf(in Trip trip) =>
        trip.Destination.Kind == AnchorKind.Home
            ? new TreeKey(PositionOf(trip.Origin, trip.Resident), TreeDirection.FromRoot, trip.Profile)
            : new TreeKey(PositionOf(trip.Destination, trip.Resident), TreeDirection.ToRoot, trip.Profile);

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
        foreach (var activity in plan)
        {
            if (current.Kind != AnchorKind.Home && activity.StartSeconds - previousEnd >= gapSeconds)
            {
                AddTrip(current, Anchor.Home, transitTour ? TravelModes.Walk : tourMode, previousEnd, 0, StayKind.Unobserved, false, ActivityKind.Visit);
                current = Anchor.Home;
            }
            var destination = activity.Destination;
            bool leaves = destination.Kind == AnchorKind.Gateway;
            double stay = activity.DurationSeconds;
            var stayKind = activity.Stay;
            if (current.Kind == AnchorKind.Home)
            {
                (tourMode, transitTour) = ChooseMode(resident, activity, ref random);
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
        }
        if (current.Kind != AnchorKind.Home && previousEnd < DayPeriods.SecondsPerDay)
        {
            AddTrip(current, Anchor.Home, transitTour ? TravelModes.Walk : tourMode, previousEnd, 0, StayKind.Unobserved, false, plan[^1].Kind);
        }

        void AddTrip(Anchor from, Anchor to, TravelModes mode, double departure, double stay, StayKind stayKind, bool leavesMap, ActivityKind purpose)
        {
            trips.Add(new Trip(resident, purpose, from, to, mode, ProfileFor(resident, day, mode, departure), departure, stay, stayKind, leavesMap));
        }
    }

    private CostProfile ProfileFor(int resident, int day, TravelModes mode, double departureSeconds)
    {
        var (sunrise, sunset) = SunTimes(day);
        bool dark = departureSeconds < sunrise || departureSeconds > sunset;
        byte variant = (byte)(new RandomStream(_seed, StreamPurpose.Route, (ulong)resident, 0).NextInt(_routeVariants));
        return mode switch
        {
            TravelModes.Car => new CostProfile(TravelModes.Car, false, false, false, 0),
            TravelModes.Bike => new CostProfile(TravelModes.Bike, dark, false, false, variant),
            _ => new CostProfile(
                TravelModes.Walk,
                dark,
                dark && (_residents.Gender[resident] == Gender.Woman || _residents.AgeBand[resident] == AgeBand.Older),
                _residents.Health[resident] == Health.LimitedMobility,
                variant),
        };
    }

    /// <summary>The tour's mode by the logit; the bool is true for a public-transport tour (walk to a stop).</summary>
    private (TravelModes Mode, bool Transit) ChooseMode(int resident, in PlannedActivity activity, ref RandomStream random)
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
        double kilometres = external
            ? ExternalKilometres(resident)
            : StraightMetres(Anchor.Home, activity.Destination, resident) * _planner.Parameters.DetourFactor / 1000;
        double walkDistance = m.WalkPerKilometre * (older ? m.OlderWalkDistanceMultiplier : 1) * (limited ? m.LimitedMobilityWalkDistanceMultiplier : 1);
        Span<double> weights = stackalloc double[4];
        weights[0] = Math.Exp(m.WalkConstant - (walkDistance * kilometres));
        weights[1] = age >= m.MinimumCyclingAge && !limited ? Math.Exp(m.BikeConstant - (m.BikePerKilometre * kilometres)) : 0;
        bool car = _householdCar[_residents.Household[resident]];
        weights[2] = car ? Math.Exp(m.CarConstant - (m.CarPerKilometre * kilometres) - (age < 18 ? m.CarPassengerConstantPenalty : 0)) : 0;
        weights[3] = external && _nearestStopOfHome[_residents.Home[resident]] >= 0
            ? Math.Exp(m.TransitConstant - (m.TransitPerKilometre * kilometres))
            : 0;
        return random.NextWeighted(weights) switch
        {
            1 => (TravelModes.Bike, false),
            2 => (TravelModes.Car, false),
            3 => (TravelModes.Walk, true),
            _ => (TravelModes.Walk, false),
        };
    }

    /// <summary>How far beyond the map a resident's outside trips go (fixed per resident, like a commute).</summary>
    private double ExternalKilometres(int resident)
    {
        var stream = new RandomStream(_seed, StreamPurpose.Placement, (ulong)resident, 3);
        var p = _planner.Parameters;
        return p.ExternalTripMedianKilometres * Math.Exp(p.ExternalTripSigma * stream.NextGaussian());
    }

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

    private static int[] NearestStops(Neighbourhood neighbourhood, double maxMetres)
    {
        var places = neighbourhood.Places;
        var stops = Enumerable.Range(0, places.Count).Where(p => places.Kind[p] == PlaceKind.TransitStop).ToArray();
        var result = new int[neighbourhood.Homes.Count];
        for (int h = 0; h < result.Length; h++)
        {
            var home = neighbourhood.Homes[h];
            int best = -1;
            double bestDistance = maxMetres * maxMetres;
            foreach (int s in stops)
            {
                double d = ((places[s].X - home.X) * (places[s].X - home.X)) + ((places[s].Y - home.Y) * (places[s].Y - home.Y));
                if (d <= bestDistance)
                {
                    bestDistance = d;
                    best = s;
                }
            }
            result[h] = best;
        }
        return result;
    }
}
