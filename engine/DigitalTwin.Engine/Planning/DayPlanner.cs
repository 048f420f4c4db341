using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Planning;

/// <summary>Reusable lists for one planning thread, so planning a day allocates nothing.</summary>
public sealed class PlanScratch
{
    internal List<double> Weights { get; } = [];

    internal List<int> Candidates { get; } = [];
}

/// <summary>
/// Gives each resident a day plan that depends on who they are (occupation, work pattern, age, health, household),
/// the day of the week and the places nearby (MODEL.md step 1). A plan is a pure function of (seed, resident, day):
/// each resident and day draws from its own random stream, so plans do not depend on thread count or order.
/// Habitual destinations (a resident's supermarket, school, park) are drawn from a stream that does not depend on
/// the day, which is what makes the same people meet again.
/// </summary>
public sealed class DayPlanner
{
    private readonly Neighbourhood _neighbourhood;
    private readonly Residents _residents;
    private readonly DestinationIndex _destinations;
    private readonly Gateways _gateways;
    private readonly ulong _seed;
    private readonly int[] _dogWalker;
    private readonly int[] _schoolRunEscort;
    private readonly int[] _primaryPupil;
    private readonly bool[] _usesStoep;
    private readonly bool[] _benchOnSegment;
    private readonly bool[] _calmForPlay;

    public DayPlanner(Neighbourhood neighbourhood, Residents residents, PlanningParameters parameters, ulong seed, Calendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        ArgumentNullException.ThrowIfNull(parameters);
        Calendar = calendar ?? new Calendar(neighbourhood.Network.GeoReference, parameters.FirstDayOfYear, parameters.FirstWeekday,
            Encounters.NodParameters.Default.CivilTwilightSeconds);
        _neighbourhood = neighbourhood;
        _residents = residents;
        Parameters = parameters;
        _seed = seed;
        _destinations = new DestinationIndex(neighbourhood.Places);
        _gateways = new Gateways(neighbourhood.Network);
        _dogWalker = new int[residents.HouseholdCount];
        _schoolRunEscort = new int[residents.HouseholdCount];
        _primaryPupil = new int[residents.HouseholdCount];
        _usesStoep = new bool[residents.HouseholdCount];
        var network = neighbourhood.Network;
        _benchOnSegment = Array.ConvertAll(neighbourhood.Places.FirstBenchOfSegment(network.SegmentCount), bench => bench >= 0);
        _calmForPlay = new bool[network.SegmentCount];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            _calmForPlay[s] = network.CarVehiclesPerDay[s] <= parameters.StreetPlayMaximumVehiclesPerDay && network.SpeedLimitKmh[s] <= 30;
        }
        for (int h = 0; h < residents.HouseholdCount; h++)
        {
            var household = new RandomStream(seed, StreamPurpose.Household, (ulong)h, 1);
            var members = residents.MembersOf(h);
            _dogWalker[h] = -1;
            _schoolRunEscort[h] = -1;
            bool hasDog = household.NextBool(parameters.DogHouseholdShare);
            bool bringsChildren = household.NextBool(parameters.SchoolRunShare);
            bool stoepParticipant = household.NextBool(parameters.StoepParticipationShare);
            int homeSegment = neighbourhood.Homes.Segment[residents.HouseholdHome[h]];
            _usesStoep[h] = stoepParticipant && neighbourhood.Network.FrontZoneDepthMetres[homeSegment] > 0;
            int firstAdult = -1, homeAdult = -1;
            _primaryPupil[h] = -1;
            for (int r = members.Start.Value; r < members.End.Value; r++)
            {
                bool adult = residents.AgeYears[r] >= 18;
                if (adult && firstAdult < 0)
                {
                    firstAdult = r;
                }
                if (adult && homeAdult < 0 && !(residents.Occupation[r] == Occupation.Worker && residents.WorkPattern[r] == WorkPattern.Day))
                {
                    homeAdult = r;
                }
                if (_primaryPupil[h] < 0 && residents.Occupation[r] == Occupation.Pupil && residents.AgeYears[r] <= parameters.PrimarySchoolMaxAge)
                {
                    _primaryPupil[h] = r;
                }
            }
            if (hasDog && firstAdult >= 0)
            {
                _dogWalker[h] = firstAdult;
            }
            if (_primaryPupil[h] >= 0 && bringsChildren && firstAdult >= 0)
            {
                _schoolRunEscort[h] = homeAdult >= 0 ? homeAdult : firstAdult;
            }
        }
    }

    public PlanningParameters Parameters { get; }

    /// <summary>The run's dates and daylight.</summary>
    public Calendar Calendar { get; }

    public Gateways Gateways => _gateways;

    public DestinationIndex Destinations => _destinations;

    public bool IsDogWalker(int resident) => _dogWalker[_residents.Household[resident]] == resident;

    /// <summary>Is the day a weekend day (Saturday or Sunday)?</summary>
    public bool IsWeekend(int day) => Weekday(day) >= 5;

    public int Weekday(int day) => Calendar.Weekday(day);

    /// <summary>Writes the resident's activities for the day into <paramref name="plan"/>, in time order.</summary>
    public void Plan(int resident, int day, PlanScratch scratch, List<PlannedActivity> plan)
    {
        plan.Clear();
        var p = Parameters;
        var random = new RandomStream(_seed, StreamPurpose.Plan, (ulong)resident, (ulong)day);
        var r = _residents;
        int age = r.AgeYears[resident];
        bool older = r.AgeBand[resident] == AgeBand.Older;
        bool weekend = IsWeekend(day);
        bool sunday = Weekday(day) == 6;
        int household = r.Household[resident];
        var occupation = r.Occupation[resident];

        switch (occupation)
        {
            case Occupation.Infant:
                break; // goes where a parent goes; the parent's park and playground outings stand for both
            case Occupation.Pupil:
                if (!weekend)
                {
                    bool primary = age <= p.PrimarySchoolMaxAge;
                    var school = primary || random.NextBool(p.SecondarySchoolInAreaShare)
                        ? Habitual(resident, ActivityKind.School, scratch)
                        : ExternalAnchor(resident);
                    Add(plan, ActivityKind.School, school, Routine(resident, 8.4, ref random, 8), Hours(primary ? 6.5 : 7), StayKind.Unobserved);
                    if (primary && random.NextBool(p.PlaygroundProbabilityChild))
                    {
                        AddAt(plan, ActivityKind.Playground, resident, day, Routine(resident, 15.5, ref random), Hours(1), StayKind.AtPlace, scratch, ref random);
                    }
                    else if (!primary && random.NextBool(p.SportsProbability * 2))
                    {
                        AddAt(plan, ActivityKind.Sports, resident, day, Routine(resident, 16.5, ref random), Hours(1.5), StayKind.AtPlace, scratch, ref random);
                    }
                }
                else
                {
                    Leisure(plan, resident, day, age, weekend, scratch, ref random);
                }
                break;
            case Occupation.Student:
                if (!weekend && random.NextBool(0.8))
                {
                    var campus = random.NextBool(p.StudyInAreaShare) ? Habitual(resident, ActivityKind.Study, scratch) : ExternalAnchor(resident);
                    Add(plan, ActivityKind.Study, campus, Routine(resident, 9, ref random), Hours(6.5), StayKind.Unobserved);
                }
                Errands(plan, resident, day, working: true, weekend, scratch, ref random);
                Leisure(plan, resident, day, age, weekend, scratch, ref random);
                break;
            case Occupation.Worker:
                Work(plan, resident, weekend, scratch, ref random);
                Errands(plan, resident, day, working: true, weekend, scratch, ref random);
                Leisure(plan, resident, day, age, weekend, scratch, ref random);
                break;
            default: // retired or not working
                Errands(plan, resident, day, working: false, weekend, scratch, ref random);
                Leisure(plan, resident, day, age, weekend, scratch, ref random);
                if (random.NextBool(older ? p.CommunityProbabilityOlder : p.CommunityProbability))
                {
                    AddAt(plan, ActivityKind.Community, resident, day, Routine(resident, 10, ref random), Hours(1.5), StayKind.AtPlace, scratch, ref random);
                }
                if (random.NextBool(older ? p.HealthcareProbabilityOlder : p.HealthcareProbability))
                {
                    AddAt(plan, ActivityKind.Healthcare, resident, day, Routine(resident, 9.5, ref random), Hours(0.5), StayKind.Unobserved, scratch, ref random);
                }
                break;
        }

        if (sunday && age >= 12 && random.NextBool(p.WorshipProbabilitySunday))
        {
            AddAt(plan, ActivityKind.Worship, resident, day, Routine(resident, 10, ref random, 5), Hours(1.25), StayKind.AtPlace, scratch, ref random);
        }
        if (!weekend && _schoolRunEscort[household] == resident)
        {
            // The school of the household's primary pupil; the gate wait is where parents get to know each other.
            var school = Habitual(_primaryPupil[household], ActivityKind.School, scratch);
            if (school.Index >= 0)
            {
                Add(plan, ActivityKind.SchoolRun, school, Routine(resident, 8.25, ref random, 5), Minutes(p.SchoolGateMinutes), StayKind.OnStreet);
                Add(plan, ActivityKind.SchoolRun, school, Routine(resident, 14.75, ref random, 5), Minutes(p.SchoolGateMinutes), StayKind.OnStreet);
            }
        }
        if (_dogWalker[household] == resident)
        {
            ReadOnlySpan<double> walkHours = [7.25, 12.5, 21.5, 17.5];
            for (int w = 0; w < Math.Min(p.DogWalksPerDay, walkHours.Length); w++)
            {
                // A short pause where dogs sniff and owners chat: 3 minutes on the pavement at the turning point.
                AddAt(plan, ActivityKind.DogWalk, resident, day, Routine(resident, walkHours[w], ref random, 15), Minutes(3), StayKind.OnStreet, scratch, ref random);
            }
        }

        FrontOfHouse(plan, resident, day, age, weekend, ref random);

        Order(plan);
    }

    /// <summary>
    /// Life in front of the home (MODEL.md, "Life in front of the home"): time at the door, in the front garden or on the
    /// stoep, and children playing in the street. How likely it is on a day is <see cref="FrontOfHouseWeight"/> of the
    /// home's street; a household that uses its front zone sits out longer. Dark evenings keep people in.
    /// </summary>
    private void FrontOfHouse(List<PlannedActivity> plan, int resident, int day, int age, bool weekend, ref RandomStream random)
    {
        var p = Parameters;
        int household = _residents.Household[resident];
        int homeSegment = _neighbourhood.Homes.Segment[_residents.HouseholdHome[household]];
        double weight = FrontOfHouseWeight(homeSegment);
        if (age >= p.StreetPlayMinimumAge && age <= p.PrimarySchoolMaxAge)
        {
            // Children play in the street after school (at weekends late morning), on the carriageway where it is calm.
            double start = Routine(resident, weekend ? 11 : 16, ref random, 60);
            if (random.NextBool(Math.Min(1, p.StreetPlayProbability * Math.Pow(weight, p.StreetPlayTrafficSensitivity))) && !Calendar.IsDark(day, start))
            {
                var where = _calmForPlay[homeSegment] ? StayKind.InStreet : StayKind.OnStreet;
                Add(plan, ActivityKind.StreetPlay, Anchor.Home, start, Minutes(p.StreetPlayMinutes), where);
            }
            return;
        }
        if (age < 12)
        {
            return;
        }
        bool stoep = _usesStoep[household];
        double chance = p.FrontOfHouseProbability * weight * (stoep ? p.StoepFrontOfHouseMultiplier : 1);
        double startAt = Routine(resident, weekend ? 14 : 17.5, ref random, 90);
        if (random.NextBool(Math.Min(1, chance)) && KeptAfterDark(resident, day, startAt, ref random))
        {
            Add(plan, ActivityKind.Stoep, Anchor.Home, startAt, Minutes(stoep ? p.StoepMinutes : p.FrontOfHouseMinutes), StayKind.OnStreet);
        }
    }

    /// <summary>
    /// How a street invites time in front of the home, relative to a quiet residential street without extras (1):
    /// less with motor traffic, e^(−k × vehicles/1000) (<see cref="PlanningParameters.FrontOfHouseTrafficDecayPerThousandVehicles"/>,
    /// from Appleyard), and with speed above 30 km/h; more with a bench or green along the street.
    /// </summary>
    public double FrontOfHouseWeight(int segment) => FrontOfHouseWeightOf(_neighbourhood.Network, segment, _benchOnSegment[segment], Parameters);

    /// <summary>As <see cref="FrontOfHouseWeight(int)"/> for any network, given whether the segment has a bench.</summary>
    public static double FrontOfHouseWeightOf(Network.StreetNetwork network, int segment, bool bench, PlanningParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        double traffic = Math.Exp(-p.FrontOfHouseTrafficDecayPerThousandVehicles * network.CarVehiclesPerDay[segment] / 1000);
        bool cars = ((network.ModesForward[segment] | network.ModesBackward[segment]) & Network.TravelModes.Car) != 0;
        double speed = cars ? Math.Exp(-p.FrontOfHouseSpeedDecayPer10Kmh * Math.Max(0, network.SpeedLimitKmh[segment] - 30) / 10) : 1;
        double seat = bench ? p.BenchFrontOfHouseMultiplier : 1;
        double green = network.GreenOrWaterAdjacent[segment] ? p.GreenFrontOfHouseMultiplier : 1;
        return traffic * speed * seat * green;
    }

    private void Work(List<PlannedActivity> plan, int resident, bool weekend, PlanScratch scratch, ref RandomStream random)
    {
        var p = Parameters;
        var pattern = _residents.WorkPattern[resident];
        var job = JobAnchor(resident, scratch);
        switch (pattern)
        {
            case WorkPattern.Day when !weekend && !random.NextBool(p.HomeWorkingShare):
                Add(plan, ActivityKind.Work, job, Routine(resident, 8, ref random), Hours(8.5), StayKind.Unobserved);
                break;
            case WorkPattern.Shift when random.NextBool(5.0 / 7):
                Add(plan, ActivityKind.Work, job, Routine(resident, 14, ref random, 10), Hours(8), StayKind.Unobserved);
                break;
            case WorkPattern.Night when random.NextBool(5.0 / 7):
                // The night shift runs past midnight; the day model ends at midnight, so the return is not simulated.
                Add(plan, ActivityKind.Work, job, Routine(resident, 21.5, ref random, 10), Hours(2.4), StayKind.Unobserved);
                break;
        }
    }

    private void Errands(List<PlannedActivity> plan, int resident, int day, bool working, bool weekend, PlanScratch scratch, ref RandomStream random)
    {
        var p = Parameters;
        double groceries = working && !weekend ? p.GroceriesProbabilityWorking : p.GroceriesProbabilityNotWorking;
        if (random.NextBool(groceries))
        {
            double hour = working && !weekend ? 17.75 : 10.5;
            AddAt(plan, ActivityKind.Groceries, resident, day, Routine(resident, hour, ref random, 45), Minutes(20), StayKind.AtPlace, scratch, ref random);
        }
        if (random.NextBool(weekend ? p.ShoppingProbabilityWeekend : p.ShoppingProbability))
        {
            AddAt(plan, ActivityKind.Shopping, resident, day, Routine(resident, weekend ? 13 : 11, ref random, 60), Minutes(30), StayKind.AtPlace, scratch, ref random);
        }
    }

    private void Leisure(List<PlannedActivity> plan, int resident, int day, int age, bool weekend, PlanScratch scratch, ref RandomStream random)
    {
        var p = Parameters;
        bool older = age >= 65;
        bool young = age is >= 16 and < 30;
        double thirdPlace = young ? p.ThirdPlaceProbabilityYoung : older ? p.ThirdPlaceProbabilityOlder : p.ThirdPlaceProbabilityAdult;
        if (age >= 16 && random.NextBool(weekend ? thirdPlace * 1.5 : thirdPlace))
        {
            // The young go out in the evening; older people meet for coffee in the morning.
            double hour = older ? 10.5 : young ? 20.5 : 19;
            AddAt(plan, ActivityKind.ThirdPlace, resident, day, Routine(resident, hour, ref random, 40), Hours(older ? 1 : 1.75), StayKind.AtPlace, scratch, ref random);
        }
        double park = older ? p.ParkProbabilityOlder : weekend ? p.ParkProbabilityWeekend : p.ParkProbabilityWeekday;
        if (random.NextBool(park))
        {
            AddAt(plan, ActivityKind.Park, resident, day, Routine(resident, weekend ? 14 : 15, ref random, 60), Hours(1), StayKind.AtPlace, scratch, ref random);
        }
        if (age < 12 && weekend && random.NextBool(p.PlaygroundProbabilityChild))
        {
            AddAt(plan, ActivityKind.Playground, resident, day, Routine(resident, 11, ref random, 60), Hours(1), StayKind.AtPlace, scratch, ref random);
        }
        if (random.NextBool(older ? p.BenchProbabilityOlder : p.BenchProbabilityOther) && age >= 12)
        {
            AddAt(plan, ActivityKind.Bench, resident, day, Routine(resident, 15.5, ref random, 60), Minutes(30), StayKind.AtPlace, scratch, ref random);
        }
        if (age >= 12 && random.NextBool(weekend ? p.VisitProbability * 1.5 : p.VisitProbability))
        {
            var host = VisitHost(resident, ref random);
            double start = Routine(resident, weekend ? 15 : 19.5, ref random, 60);
            if (host.Index >= 0 && KeptAfterDark(resident, day, start, ref random))
            {
                Add(plan, ActivityKind.Visit, host, start, Hours(2), StayKind.Unobserved);
            }
        }
        if (age is >= 12 and < 75 && random.NextBool(p.SportsProbability))
        {
            AddAt(plan, ActivityKind.Sports, resident, day, Routine(resident, weekend ? 10 : 19.5, ref random, 45), Hours(1.5), StayKind.AtPlace, scratch, ref random);
        }
    }

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

    /// <summary>A friend's home within visiting distance, drawn from the homes of the map.</summary>
    private Anchor VisitHost(int resident, ref RandomStream random)
    {
        var homes = _neighbourhood.Homes;
        if (homes.Count < 2)
        {
            return new Anchor(AnchorKind.OtherHome, -1);
        }
        var own = homes[_residents.Home[resident]];
        // A few tries for a home within the visiting radius; friends are mostly near (Fischer 1982), and
        // repeated tries keep the draw cheap without an index of homes.
        for (int attempt = 0; attempt < 8; attempt++)
        {
            int candidate = random.NextInt(homes.Count);
            var host = homes[candidate];
            double dx = host.X - own.X, dy = host.Y - own.Y;
            if (candidate != _residents.Home[resident] && (dx * dx) + (dy * dy) <= Parameters.VisitRadiusMetres * Parameters.VisitRadiusMetres)
            {
                return new Anchor(AnchorKind.OtherHome, candidate);
            }
        }
        return new Anchor(AnchorKind.OtherHome, -1);
    }

    private static void Add(List<PlannedActivity> plan, ActivityKind kind, Anchor destination, double start, double duration, StayKind stay)
    {
        if (destination.Index >= 0 || destination.Kind == AnchorKind.Home)
        {
            plan.Add(new PlannedActivity(kind, destination, start, duration, stay));
        }
    }

    /// <summary>Sorts by start and pushes overlapping activities later; drops what no longer fits before midnight.</summary>
    private static void Order(List<PlannedActivity> plan)
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
        const double MinimumGapSeconds = 600;
        const double LastStartSeconds = 23.5 * 3600;
        double free = 0;
        int kept = 0;
        for (int i = 0; i < plan.Count; i++)
        {
            var item = plan[i];
            double start = Math.Max(item.StartSeconds, free);
            if (start > LastStartSeconds)
            {
                continue;
            }
            plan[kept++] = item with { StartSeconds = start };
            free = start + item.DurationSeconds + MinimumGapSeconds;
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
        return Math.Clamp((hour * 3600) + (minutes * 60), 0, 23.9 * 3600);
    }

    private static double Hours(double hours) => hours * 3600;

    private static double Minutes(double minutes) => minutes * 60;
}
