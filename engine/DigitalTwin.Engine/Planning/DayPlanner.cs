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

    public DayPlanner(Neighbourhood neighbourhood, Residents residents, PlanningParameters parameters, ulong seed)
    {
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

    public Gateways Gateways => _gateways;

    public DestinationIndex Destinations => _destinations;

    public bool IsDogWalker(int resident) => _dogWalker[_residents.Household[resident]] == resident;

    /// <summary>Is the day a weekend day (Saturday or Sunday)?</summary>
    public bool IsWeekend(int day) => Weekday(day) >= 5;

    public int Weekday(int day) => (Parameters.FirstWeekday + day) % 7;

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
                    Add(plan, ActivityKind.School, school, Hours(8.4, ref random, 8), Hours(primary ? 6.5 : 7), StayKind.Unobserved);
                    if (primary && random.NextBool(p.PlaygroundProbabilityChild))
                    {
                        AddAt(plan, ActivityKind.Playground, resident, Hours(15.5, ref random), Hours(1), StayKind.AtPlace, scratch, ref random);
                    }
                    else if (!primary && random.NextBool(p.SportsProbability * 2))
                    {
                        AddAt(plan, ActivityKind.Sports, resident, Hours(16.5, ref random), Hours(1.5), StayKind.AtPlace, scratch, ref random);
                    }
                }
                else
                {
                    Leisure(plan, resident, age, weekend, scratch, ref random);
                }
                break;
            case Occupation.Student:
                if (!weekend && random.NextBool(0.8))
                {
                    var campus = random.NextBool(p.StudyInAreaShare) ? Habitual(resident, ActivityKind.Study, scratch) : ExternalAnchor(resident);
                    Add(plan, ActivityKind.Study, campus, Hours(9, ref random), Hours(6.5), StayKind.Unobserved);
                }
                Errands(plan, resident, working: true, weekend, scratch, ref random);
                Leisure(plan, resident, age, weekend, scratch, ref random);
                break;
            case Occupation.Worker:
                Work(plan, resident, weekend, scratch, ref random);
                Errands(plan, resident, working: true, weekend, scratch, ref random);
                Leisure(plan, resident, age, weekend, scratch, ref random);
                break;
            default: // retired or not working
                Errands(plan, resident, working: false, weekend, scratch, ref random);
                Leisure(plan, resident, age, weekend, scratch, ref random);
                if (random.NextBool(older ? p.CommunityProbabilityOlder : p.CommunityProbability))
                {
                    AddAt(plan, ActivityKind.Community, resident, Hours(10, ref random), Hours(1.5), StayKind.AtPlace, scratch, ref random);
                }
                if (random.NextBool(older ? p.HealthcareProbabilityOlder : p.HealthcareProbability))
                {
                    AddAt(plan, ActivityKind.Healthcare, resident, Hours(9.5, ref random), Hours(0.5), StayKind.Unobserved, scratch, ref random);
                }
                break;
        }

        if (sunday && age >= 12 && random.NextBool(p.WorshipProbabilitySunday))
        {
            AddAt(plan, ActivityKind.Worship, resident, Hours(10, ref random, 5), Hours(1.25), StayKind.AtPlace, scratch, ref random);
        }
        if (!weekend && _schoolRunEscort[household] == resident)
        {
            // The school of the household's primary pupil; the gate wait is where parents get to know each other.
            var school = Habitual(_primaryPupil[household], ActivityKind.School, scratch);
            if (school.Index >= 0)
            {
                Add(plan, ActivityKind.SchoolRun, school, Hours(8.25, ref random, 5), Minutes(p.SchoolGateMinutes), StayKind.OnStreet);
                Add(plan, ActivityKind.SchoolRun, school, Hours(14.75, ref random, 5), Minutes(p.SchoolGateMinutes), StayKind.OnStreet);
            }
        }
        if (_dogWalker[household] == resident)
        {
            ReadOnlySpan<double> walkHours = [7.25, 12.5, 21.5, 17.5];
            for (int w = 0; w < Math.Min(p.DogWalksPerDay, walkHours.Length); w++)
            {
                // A short pause where dogs sniff and owners chat: 3 minutes on the pavement at the turning point.
                AddAt(plan, ActivityKind.DogWalk, resident, Hours(walkHours[w], ref random, 15), Minutes(3), StayKind.OnStreet, scratch, ref random);
            }
        }

        if (_usesStoep[household] && age >= 12 && random.NextBool(p.StoepSittingProbability))
        {
            Add(plan, ActivityKind.Stoep, Anchor.Home, Hours(17.5, ref random, 90), Minutes(p.StoepMinutes), StayKind.OnStreet);
        }

        Order(plan);
    }

    private void Work(List<PlannedActivity> plan, int resident, bool weekend, PlanScratch scratch, ref RandomStream random)
    {
        var p = Parameters;
        var pattern = _residents.WorkPattern[resident];
        var job = JobAnchor(resident, scratch);
        switch (pattern)
        {
            case WorkPattern.Day when !weekend && !random.NextBool(p.HomeWorkingShare):
                Add(plan, ActivityKind.Work, job, Hours(8, ref random), Hours(8.5), StayKind.Unobserved);
                break;
            case WorkPattern.Shift when random.NextBool(5.0 / 7):
                Add(plan, ActivityKind.Work, job, Hours(14, ref random, 10), Hours(8), StayKind.Unobserved);
                break;
            case WorkPattern.Night when random.NextBool(5.0 / 7):
                // The night shift runs past midnight; the day model ends at midnight, so the return is not simulated.
                Add(plan, ActivityKind.Work, job, Hours(21.5, ref random, 10), Hours(2.4), StayKind.Unobserved);
                break;
        }
    }

    private void Errands(List<PlannedActivity> plan, int resident, bool working, bool weekend, PlanScratch scratch, ref RandomStream random)
    {
        var p = Parameters;
        double groceries = working && !weekend ? p.GroceriesProbabilityWorking : p.GroceriesProbabilityNotWorking;
        if (random.NextBool(groceries))
        {
            double hour = working && !weekend ? 17.75 : 10.5;
            AddAt(plan, ActivityKind.Groceries, resident, Hours(hour, ref random, 45), Minutes(20), StayKind.AtPlace, scratch, ref random);
        }
        if (random.NextBool(weekend ? p.ShoppingProbabilityWeekend : p.ShoppingProbability))
        {
            AddAt(plan, ActivityKind.Shopping, resident, Hours(weekend ? 13 : 11, ref random, 60), Minutes(30), StayKind.AtPlace, scratch, ref random);
        }
    }

    private void Leisure(List<PlannedActivity> plan, int resident, int age, bool weekend, PlanScratch scratch, ref RandomStream random)
    {
        var p = Parameters;
        bool older = age >= 65;
        bool young = age is >= 16 and < 30;
        double thirdPlace = young ? p.ThirdPlaceProbabilityYoung : older ? p.ThirdPlaceProbabilityOlder : p.ThirdPlaceProbabilityAdult;
        if (age >= 16 && random.NextBool(weekend ? thirdPlace * 1.5 : thirdPlace))
        {
            // The young go out in the evening; older people meet for coffee in the morning.
            double hour = older ? 10.5 : young ? 20.5 : 19;
            AddAt(plan, ActivityKind.ThirdPlace, resident, Hours(hour, ref random, 40), Hours(older ? 1 : 1.75), StayKind.AtPlace, scratch, ref random);
        }
        double park = older ? p.ParkProbabilityOlder : weekend ? p.ParkProbabilityWeekend : p.ParkProbabilityWeekday;
        if (random.NextBool(park))
        {
            AddAt(plan, ActivityKind.Park, resident, Hours(weekend ? 14 : 15, ref random, 60), Hours(1), StayKind.AtPlace, scratch, ref random);
        }
        if (age < 12 && weekend && random.NextBool(p.PlaygroundProbabilityChild))
        {
            AddAt(plan, ActivityKind.Playground, resident, Hours(11, ref random, 60), Hours(1), StayKind.AtPlace, scratch, ref random);
        }
        if (random.NextBool(older ? p.BenchProbabilityOlder : p.BenchProbabilityOther) && age >= 12)
        {
            AddAt(plan, ActivityKind.Bench, resident, Hours(15.5, ref random, 60), Minutes(30), StayKind.AtPlace, scratch, ref random);
        }
        if (age >= 12 && random.NextBool(weekend ? p.VisitProbability * 1.5 : p.VisitProbability))
        {
            var host = VisitHost(resident, ref random);
            if (host.Index >= 0)
            {
                Add(plan, ActivityKind.Visit, host, Hours(weekend ? 15 : 19.5, ref random, 60), Hours(2), StayKind.Unobserved);
            }
        }
        if (age is >= 12 and < 75 && random.NextBool(p.SportsProbability))
        {
            AddAt(plan, ActivityKind.Sports, resident, Hours(weekend ? 10 : 19.5, ref random, 45), Hours(1.5), StayKind.AtPlace, scratch, ref random);
        }
    }

    private void AddAt(List<PlannedActivity> plan, ActivityKind kind, int resident, double start, double duration, StayKind stay, PlanScratch scratch, ref RandomStream random)
    {
        if (!_destinations.Has(kind))
        {
            return; // the map has no place for it, so the outing does not happen here
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

    private double Hours(double hour, ref RandomStream random, double spreadMinutes = double.NaN)
    {
        double spread = double.IsNaN(spreadMinutes) ? Parameters.DepartureSpreadMinutes : spreadMinutes;
        return Math.Clamp((hour * 3600) + (random.NextGaussian() * spread * 60), 0, 23.9 * 3600);
    }

    private static double Hours(double hours) => hours * 3600;

    private static double Minutes(double minutes) => minutes * 60;
}
