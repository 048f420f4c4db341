using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Planning;

/// <summary>Reusable lists for one planning thread, so planning a day allocates nothing.</summary>
internal sealed class PlanScratch
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
internal sealed partial class DayPlanner
{
    /// <summary>Adults are 18 and over (the Dutch age of majority): only they walk the dog or bring children to school.</summary>
    private const int AdultAge = 18;

    /// <summary>"Older" is 65 and over, the CBS age band of <see cref="AgeBand.Older"/>.</summary>
    private const int OlderAge = 65;

    /// <summary>Weekdays in the <see cref="Calendar"/>'s numbering (0 is Monday).</summary>
    private const int Saturday = 5, Sunday = 6;

    private const double DaysPerWeek = 7;

    /// <summary>A drawn time stays inside the simulated day, which ends at midnight.</summary>
    private const double LatestDrawnSeconds = 23.9 * 3600;

    /// <summary>Tries to find a visit's host within the visiting radius: enough for all but the sparsest maps, and cheap.</summary>

    /// <summary>
    /// Placement-stream keys of a resident's outings beyond the map, plus the purpose: the gateway they leave by, and
    /// (drawn by <see cref="Mobility.TripMaker"/>) how far beyond it they go. Clear of 1–3 (the job, its gateway and
    /// distance) and 1000 + purpose (habitual places).
    /// </summary>
    internal const ulong ExternalPurposeKey = 2000, ExternalDistanceKey = 3000;

    private readonly Neighbourhood _neighbourhood;
    private readonly Residents _residents;
    private readonly DestinationIndex _destinations;
    private readonly Gateways _gateways;
    private readonly HomeIndex _homeIndex;
    private readonly double[] _beyondMapShare;
    private readonly ulong _seed;
    private readonly int[] _dogWalker;
    private readonly int[] _schoolRunEscort;
    private readonly int[] _primaryPupil;
    private readonly bool[] _usesStoep;
    private readonly int[] _adultsInHousehold;
    private readonly bool[] _benchOnSegment;
    private readonly bool[] _calmForPlay;
    private readonly double[] _dogWalkHours;
    private readonly double _activityGapSeconds;
    private readonly double _lastStartSeconds;

    public DayPlanner(Neighbourhood neighbourhood, Residents residents, PlanningParameters parameters, ActivityScheduleParameters schedule,
        ulong seed, Calendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(schedule);
        Calendar = calendar ?? new Calendar(neighbourhood.Network.GeoReference, parameters.FirstDayOfYear, parameters.FirstWeekday,
            Encounters.NodParameters.Default.CivilTwilightSeconds);
        _neighbourhood = neighbourhood;
        _residents = residents;
        Parameters = parameters;
        Schedule = schedule;
        _dogWalkHours = [schedule.DogWalkMorningHour, schedule.DogWalkMiddayHour, schedule.DogWalkLateHour, schedule.DogWalkAfternoonHour];
        _activityGapSeconds = Minutes(schedule.ActivityGapMinutes);
        _lastStartSeconds = Hours(schedule.LastStartHour);
        _seed = seed;
        _destinations = new DestinationIndex(neighbourhood.Places);
        _homeIndex = new HomeIndex(neighbourhood.Homes);
        _gateways = new Gateways(neighbourhood.Network);
        _beyondMapShare = BeyondMapShares.Compute(neighbourhood, _destinations, parameters, _gateways.Count);
        _dogWalker = new int[residents.HouseholdCount];
        _schoolRunEscort = new int[residents.HouseholdCount];
        _primaryPupil = new int[residents.HouseholdCount];
        _usesStoep = new bool[residents.HouseholdCount];
        _adultsInHousehold = new int[residents.HouseholdCount];
        var network = neighbourhood.Network;
        _benchOnSegment = Array.ConvertAll(neighbourhood.Places.FirstBenchOfSegment(network.SegmentCount), bench => bench >= 0);
        _calmForPlay = new bool[network.SegmentCount];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            _calmForPlay[s] = network.CarVehiclesPerDay[s] <= parameters.StreetPlayMaximumVehiclesPerDay && network.SpeedLimitKmh[s] <= parameters.StreetPlayMaximumSpeedKmh;
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
                bool adult = residents.AgeYears[r] >= AdultAge;
                _adultsInHousehold[h] += adult ? 1 : 0;
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

    public ActivityScheduleParameters Schedule { get; }

    /// <summary>The run's dates and daylight.</summary>
    public Calendar Calendar { get; }

    public Gateways Gateways => _gateways;

    public DestinationIndex Destinations => _destinations;

    /// <summary>The share of an activity's outings that go beyond the map (<see cref="BeyondMapShares"/>).</summary>
    public double BeyondMapShare(ActivityKind kind) => _beyondMapShare[(int)kind];

    public bool IsDogWalker(int resident) => _dogWalker[_residents.Household[resident]] == resident;

    /// <summary>Is the day a weekend day (Saturday or Sunday)?</summary>
    public bool IsWeekend(int day) => Weekday(day) >= Saturday;

    public int Weekday(int day) => Calendar.Weekday(day);

    /// <summary>Writes the resident's activities for the day into <paramref name="plan"/>, in time order.</summary>
    public void Plan(int resident, int day, PlanScratch scratch, List<PlannedActivity> plan)
    {
        plan.Clear();
        var p = Parameters;
        var s = Schedule;
        var random = new RandomStream(_seed, StreamPurpose.Plan, (ulong)resident, (ulong)day);
        var r = _residents;
        int age = r.AgeYears[resident];
        bool older = r.AgeBand[resident] == AgeBand.Older;
        bool weekend = IsWeekend(day);
        bool sunday = Weekday(day) == Sunday;
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
                    Add(plan, ActivityKind.School, school, Routine(resident, s.SchoolStartHour, ref random, s.SchoolSpreadMinutes),
                        Hours(primary ? s.PrimarySchoolDayHours : s.SecondarySchoolDayHours), StayKind.Unobserved);
                    if (primary && random.NextBool(p.PlaygroundProbabilityChild))
                    {
                        AddAt(plan, ActivityKind.Playground, resident, day, Routine(resident, s.AfterSchoolPlaygroundHour, ref random), Hours(s.PlaygroundHours),
                            StayKind.AtPlace, scratch, ref random);
                    }
                    else if (!primary && random.NextBool(p.SportsProbability * p.SportsSecondaryPupilMultiplier))
                    {
                        AddAt(plan, ActivityKind.Sports, resident, day, Routine(resident, s.AfterSchoolSportsHour, ref random), Hours(s.SportsHours),
                            StayKind.AtPlace, scratch, ref random);
                    }
                }
                else
                {
                    Leisure(plan, resident, day, age, weekend, scratch, ref random);
                }
                break;
            case Occupation.Student:
                if (!weekend && random.NextBool(p.StudyDayProbability))
                {
                    var campus = random.NextBool(p.StudyInAreaShare) ? Habitual(resident, ActivityKind.Study, scratch) : ExternalAnchor(resident);
                    Add(plan, ActivityKind.Study, campus, Routine(resident, s.StudyStartHour, ref random), Hours(s.StudyDayHours), StayKind.Unobserved);
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
                    AddAt(plan, ActivityKind.Community, resident, day, Routine(resident, s.CommunityHour, ref random), Hours(s.CommunityHours),
                        StayKind.AtPlace, scratch, ref random);
                }
                if (random.NextBool(older ? p.HealthcareProbabilityOlder : p.HealthcareProbability))
                {
                    AddAt(plan, ActivityKind.Healthcare, resident, day, Routine(resident, s.HealthcareHour, ref random), Hours(s.HealthcareHours),
                        StayKind.Unobserved, scratch, ref random);
                }
                break;
        }

        if (sunday && age >= p.IndependentOutingMinimumAge && random.NextBool(p.WorshipProbabilitySunday))
        {
            AddAt(plan, ActivityKind.Worship, resident, day, Routine(resident, s.WorshipHour, ref random, s.WorshipSpreadMinutes), Hours(s.WorshipHours),
                StayKind.AtPlace, scratch, ref random);
        }
        if (!weekend && _schoolRunEscort[household] == resident)
        {
            // The school of the household's primary pupil; the gate wait is where parents get to know each other.
            var school = Habitual(_primaryPupil[household], ActivityKind.School, scratch);
            if (school.Index >= 0)
            {
                Add(plan, ActivityKind.SchoolRun, school, Routine(resident, s.SchoolRunMorningHour, ref random, s.SchoolRunSpreadMinutes), Minutes(p.SchoolGateMinutes),
                    StayKind.OnStreet);
                Add(plan, ActivityKind.SchoolRun, school, Routine(resident, s.SchoolRunAfternoonHour, ref random, s.SchoolRunSpreadMinutes), Minutes(p.SchoolGateMinutes),
                    StayKind.OnStreet);
            }
        }
        if (_dogWalker[household] == resident)
        {
            var walkHours = _dogWalkHours;
            for (int w = 0; w < Math.Min(p.DogWalksPerDay, walkHours.Length); w++)
            {
                // The walk's stay is the pause on the pavement at the turning point, where dogs sniff and owners chat.
                AddAt(plan, ActivityKind.DogWalk, resident, day, Routine(resident, walkHours[w], ref random, s.DogWalkSpreadMinutes),
                    Minutes(s.DogWalkPauseMinutes), StayKind.OnStreet, scratch, ref random);
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
        var s = Schedule;
        int household = _residents.Household[resident];
        int homeSegment = _neighbourhood.Homes.Segment[_residents.HouseholdHome[household]];
        double weight = FrontOfHouseWeight(homeSegment);
        if (age >= p.StreetPlayMinimumAge && age <= p.PrimarySchoolMaxAge)
        {
            // Children play in the street after school (at weekends late morning), on the carriageway where it is calm.
            double start = Routine(resident, weekend ? s.StreetPlayWeekendHour : s.StreetPlayWeekdayHour, ref random, s.StreetPlaySpreadMinutes);
            if (random.NextBool(Math.Min(1, p.StreetPlayProbability * Math.Pow(weight, p.StreetPlayTrafficSensitivity))) && !Calendar.IsDark(day, start))
            {
                var where = _calmForPlay[homeSegment] ? StayKind.InStreet : StayKind.OnStreet;
                Add(plan, ActivityKind.StreetPlay, Anchor.Home, start, Minutes(p.StreetPlayMinutes), where);
            }
            return;
        }
        if (age < p.IndependentOutingMinimumAge)
        {
            return;
        }
        bool stoep = _usesStoep[household];
        double chance = p.FrontOfHouseProbability * weight * (stoep ? p.StoepFrontOfHouseMultiplier : 1);
        double startAt = Routine(resident, weekend ? s.FrontOfHouseWeekendHour : s.FrontOfHouseWeekdayHour, ref random, s.FrontOfHouseSpreadMinutes);
        if (random.NextBool(Math.Min(1, chance)) && KeptAfterDark(resident, day, startAt, ref random))
        {
            Add(plan, ActivityKind.Stoep, Anchor.Home, startAt, Minutes(stoep ? p.StoepMinutes : p.FrontOfHouseMinutes), StayKind.OnStreet);
        }
    }

    /// <summary>
    /// How a street invites time in front of the home, relative to a quiet residential street without extras (1):
    /// less with motor traffic, e^(−k × vehicles/1000) (<see cref="PlanningParameters.FrontOfHouseTrafficDecayPerThousandVehicles"/>,
    /// from Appleyard), and with a speed limit above <see cref="PlanningParameters.FrontOfHouseSpeedDecayAboveKmh"/>; more
    /// with a bench or green along the street.
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
        double speed = cars ? Math.Exp(-p.FrontOfHouseSpeedDecayPer10Kmh * Math.Max(0, network.SpeedLimitKmh[segment] - p.FrontOfHouseSpeedDecayAboveKmh) / 10) : 1;
        double seat = bench ? p.BenchFrontOfHouseMultiplier : 1;
        double green = network.GreenOrWaterAdjacent[segment] ? p.GreenFrontOfHouseMultiplier : 1;
        return traffic * speed * seat * green;
    }

    private void Work(List<PlannedActivity> plan, int resident, bool weekend, PlanScratch scratch, ref RandomStream random)
    {
        var p = Parameters;
        var s = Schedule;
        var pattern = _residents.WorkPattern[resident];
        var job = JobAnchor(resident, scratch);
        switch (pattern)
        {
            case WorkPattern.Day when !weekend && !random.NextBool(p.HomeWorkingShare):
                Add(plan, ActivityKind.Work, job, Routine(resident, s.DayWorkStartHour, ref random), Hours(s.DayWorkHours), StayKind.Unobserved);
                break;
            case WorkPattern.Shift when random.NextBool(p.ShiftWorkDaysPerWeek / DaysPerWeek):
                Add(plan, ActivityKind.Work, job, Routine(resident, s.LateShiftStartHour, ref random, s.ShiftSpreadMinutes), Hours(s.LateShiftHours),
                    StayKind.Unobserved);
                break;
            case WorkPattern.Night when random.NextBool(p.ShiftWorkDaysPerWeek / DaysPerWeek):
                // The night shift runs past midnight; the day model ends at midnight, so the return is not simulated.
                Add(plan, ActivityKind.Work, job, Routine(resident, s.NightShiftStartHour, ref random, s.ShiftSpreadMinutes), Hours(s.NightShiftHoursBeforeMidnight),
                    StayKind.Unobserved);
                break;
        }
    }

    private void Errands(List<PlannedActivity> plan, int resident, int day, bool working, bool weekend, PlanScratch scratch, ref RandomStream random)
    {
        var p = Parameters;
        var s = Schedule;
        // The grocery rate is a household's (GfK): its adults share the trips rather than each making them.
        double groceries = (working && !weekend ? p.GroceriesProbabilityWorking : p.GroceriesProbabilityNotWorking)
            / Math.Max(1, _adultsInHousehold[_residents.Household[resident]]);
        if (random.NextBool(groceries))
        {
            double hour = working && !weekend ? s.GroceriesAfterWorkHour : s.GroceriesDaytimeHour;
            AddAt(plan, ActivityKind.Groceries, resident, day, Routine(resident, hour, ref random, s.GroceriesSpreadMinutes), Minutes(s.GroceriesMinutes),
                StayKind.AtPlace, scratch, ref random);
        }
        if (random.NextBool(weekend ? p.ShoppingProbabilityWeekend : p.ShoppingProbability))
        {
            AddAt(plan, ActivityKind.Shopping, resident, day, Routine(resident, weekend ? s.ShoppingWeekendHour : s.ShoppingWeekdayHour, ref random, s.ShoppingSpreadMinutes),
                Minutes(s.ShoppingMinutes), StayKind.AtPlace, scratch, ref random);
        }
    }

    private void Leisure(List<PlannedActivity> plan, int resident, int day, int age, bool weekend, PlanScratch scratch, ref RandomStream random)
    {
        var p = Parameters;
        var s = Schedule;
        bool older = age >= OlderAge;
        bool young = age >= p.GoingOutMinimumAge && age < p.YoungAdultUntilAge;
        double thirdPlace = young ? p.ThirdPlaceProbabilityYoung : older ? p.ThirdPlaceProbabilityOlder : p.ThirdPlaceProbabilityAdult;
        if (age >= p.GoingOutMinimumAge && random.NextBool(weekend ? thirdPlace * p.ThirdPlaceWeekendMultiplier : thirdPlace))
        {
            // The young go out in the evening; older people meet for coffee in the morning.
            double hour = older ? s.ThirdPlaceOlderHour : young ? s.ThirdPlaceYoungHour : s.ThirdPlaceAdultHour;
            AddAt(plan, ActivityKind.ThirdPlace, resident, day, Routine(resident, hour, ref random, s.ThirdPlaceSpreadMinutes),
                Hours(older ? s.ThirdPlaceOlderHours : s.ThirdPlaceHours), StayKind.AtPlace, scratch, ref random);
        }
        double park = older ? p.ParkProbabilityOlder : weekend ? p.ParkProbabilityWeekend : p.ParkProbabilityWeekday;
        if (random.NextBool(park))
        {
            AddAt(plan, ActivityKind.Park, resident, day, Routine(resident, weekend ? s.ParkWeekendHour : s.ParkWeekdayHour, ref random, s.ParkSpreadMinutes),
                Hours(s.ParkHours), StayKind.AtPlace, scratch, ref random);
        }
        if (age < p.IndependentOutingMinimumAge && weekend && random.NextBool(p.PlaygroundProbabilityChild))
        {
            AddAt(plan, ActivityKind.Playground, resident, day, Routine(resident, s.WeekendPlaygroundHour, ref random, s.WeekendPlaygroundSpreadMinutes),
                Hours(s.PlaygroundHours), StayKind.AtPlace, scratch, ref random);
        }
        if (random.NextBool(older ? p.BenchProbabilityOlder : p.BenchProbabilityOther) && age >= p.IndependentOutingMinimumAge)
        {
            AddAt(plan, ActivityKind.Bench, resident, day, Routine(resident, s.BenchHour, ref random, s.BenchSpreadMinutes), Minutes(s.BenchMinutes),
                StayKind.AtPlace, scratch, ref random);
        }
        if (age >= p.IndependentOutingMinimumAge && random.NextBool(weekend ? p.VisitProbability * p.VisitWeekendMultiplier : p.VisitProbability))
        {
            var host = GoesBeyondMap(resident, ActivityKind.Visit, ref random) ? ExternalAnchor(resident, ActivityKind.Visit) : VisitHost(resident, ref random);
            double start = Routine(resident, weekend ? s.VisitWeekendHour : s.VisitWeekdayHour, ref random, s.VisitSpreadMinutes);
            if (host.Index >= 0 && KeptAfterDark(resident, day, start, ref random))
            {
                Add(plan, ActivityKind.Visit, host, start, Hours(s.VisitHours), StayKind.Unobserved);
            }
        }
        if (age >= p.IndependentOutingMinimumAge && age < p.SportsUntilAge && random.NextBool(p.SportsProbability))
        {
            AddAt(plan, ActivityKind.Sports, resident, day, Routine(resident, weekend ? s.SportsWeekendHour : s.SportsWeekdayHour, ref random, s.SportsSpreadMinutes),
                Hours(s.SportsHours), StayKind.AtPlace, scratch, ref random);
        }
    }
}
