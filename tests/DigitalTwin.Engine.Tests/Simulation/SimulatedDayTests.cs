using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Simulation;

/// <summary>
/// Plans, trips and movement are plausible on a generated neighbourhood (DayPlanner → TripMaker → RoutePlanner →
/// Mover): who goes where on which day, and routes that are walkable lines from door to door.
/// </summary>
public sealed class SimulatedDayTests
{
    private const int Monday = 0;
    private const int Saturday = 5;

    private static readonly Lazy<SimulationWorld> World = new(() => SimulationWorlds.Grid(residents: 600));
    private static readonly Lazy<SimulatedDay> Weekday = new(() => SimulationWorlds.SimulateDay(World.Value, Monday, seed: 3));
    private static readonly Lazy<SimulatedDay> Weekend = new(() => SimulationWorlds.SimulateDay(World.Value, Saturday, seed: 3));

    [Fact]
    public void Pupils_go_to_school_on_weekdays_and_not_at_weekends()
    {
        var residents = World.Value.Residents;
        var pupils = Enumerable.Range(0, residents.Count).Where(r => residents.Occupation[r] == Occupation.Pupil).ToArray();
        Assert.True(pupils.Length > 30, $"only {pupils.Length} pupils");
        Assert.False(Weekday.Value.Planner.IsWeekend(Monday));
        Assert.True(Weekend.Value.Planner.IsWeekend(Saturday));
        var places = World.Value.Neighbourhood.Places;

        foreach (int pupil in pupils)
        {
            var school = Assert.Single(Weekday.Value.Plans[pupil], a => a.Kind == ActivityKind.School);
            Assert.InRange(school.StartSeconds / 3600, 7, 10);
            // A school in the neighbourhood, or (secondary pupils) one beyond it, reached through a gateway.
            if (school.Destination.Kind == AnchorKind.Place)
            {
                Assert.Equal(PlaceKind.School, places.Kind[school.Destination.Index]);
            }
            else
            {
                Assert.Equal(AnchorKind.Gateway, school.Destination.Kind);
                Assert.True(residents.AgeYears[pupil] > Weekday.Value.Planner.Parameters.PrimarySchoolMaxAge, $"primary pupil {pupil} goes to school outside the map");
            }
            Assert.DoesNotContain(Weekend.Value.Plans[pupil], a => a.Kind == ActivityKind.School);
        }
        // Nobody but pupils goes to school (parents on the school run wait at the gate: SchoolRun, not School).
        Assert.All(Enumerable.Range(0, residents.Count).Except(pupils), r => Assert.DoesNotContain(Weekday.Value.Plans[r], a => a.Kind == ActivityKind.School));
    }

    [Fact]
    public void Dog_walkers_walk_their_dog_and_nobody_else_does()
    {
        var day = Weekday.Value;
        var residents = World.Value.Residents;
        var walkers = Enumerable.Range(0, residents.Count).Where(day.Planner.IsDogWalker).ToArray();
        Assert.True(walkers.Length > 10, $"only {walkers.Length} dog walkers");

        foreach (int r in walkers)
        {
            Assert.True(day.Plans[r].Count(a => a.Kind == ActivityKind.DogWalk) >= 2, $"resident {r} walks the dog fewer than twice");
            Assert.True(residents.AgeYears[r] >= 18, "the dog is walked by an adult of the household");
        }
        Assert.All(Enumerable.Range(0, residents.Count).Except(walkers), r => Assert.DoesNotContain(day.Plans[r], a => a.Kind == ActivityKind.DogWalk));
        var dogTrips = Enumerable.Range(0, day.Trips.Count).Where(t => day.Trips[t].Purpose == ActivityKind.DogWalk).ToArray();
        Assert.All(dogTrips, t => Assert.NotEmpty(day.Routes[t]));
        // A dog walk from home is always on foot; only one chained onto an outing (no time to go home first) may not be.
        double onFoot = dogTrips.Count(t => day.Trips[t].Mode == TravelModes.Walk) / (double)dogTrips.Length;
        Assert.True(onFoot > 0.9, $"{onFoot:P0} of dog-walk trips on foot");
        Assert.All(dogTrips.Where(t => day.Trips[t].Origin.Kind == AnchorKind.Home), t => Assert.Equal(TravelModes.Walk, day.Trips[t].Mode));
    }

    [Fact]
    public void Commuters_leave_the_map_through_gateways_or_transit_stops()
    {
        var day = Weekday.Value;
        var residents = World.Value.Residents;
        var places = World.Value.Neighbourhood.Places;
        Assert.True(day.Planner.Gateways.Count >= 4, $"{day.Planner.Gateways.Count} gateways");
        var work = Enumerable.Range(0, residents.Count)
            .Where(r => residents.Occupation[r] == Occupation.Worker && residents.WorkPattern[r] == WorkPattern.Day)
            .SelectMany(r => day.Plans[r].Where(a => a.Kind == ActivityKind.Work))
            .ToArray();
        Assert.True(work.Length > 50, $"only {work.Length} day workers go to work on a Monday");
        double outside = work.Count(a => a.Destination.Kind == AnchorKind.Gateway) / (double)work.Length;
        Assert.InRange(outside, 0.75, 0.99); // most jobs are beyond the neighbourhood (LocalJobShare 12%)

        var leaving = Enumerable.Range(0, day.Trips.Count).Where(t => day.Trips[t].LeavesMap).ToArray();
        Assert.True(leaving.Length > 50);
        foreach (int t in leaving)
        {
            var trip = day.Trips[t];
            bool toGateway = trip.Destination.Kind == AnchorKind.Gateway;
            bool toStop = trip.Destination.Kind == AnchorKind.Place && places.Kind[trip.Destination.Index] == PlaceKind.TransitStop;
            Assert.True(toGateway || toStop, $"trip {t} leaves the map from {trip.Destination}");
            if (toGateway)
            {
                var legs = day.Routes[t];
                Assert.NotEmpty(legs);
                var gate = day.TripMaker.PositionOf(trip.Destination, trip.Resident, trip.Mode);
                Assert.True(SamePoint(World.Value.Network, End(legs[^1]), gate), $"trip {t} ends at {End(legs[^1])}, not at its gateway {gate}");
            }
        }
    }

    [Fact]
    public void Every_route_is_one_connected_line_from_origin_to_destination_on_streets_its_mode_may_use()
    {
        var day = Weekday.Value;
        var network = World.Value.Network;
        Assert.True(day.Trips.Count > 1000);
        int routed = 0;
        for (int t = 0; t < day.Trips.Count; t++)
        {
            var trip = day.Trips[t];
            var legs = day.Routes[t];
            var from = day.TripMaker.PositionOf(trip.Origin, trip.Resident, trip.Mode);
            var to = day.TripMaker.PositionOf(trip.Destination, trip.Resident, trip.Mode);
            if (legs.Count == 0)
            {
                Assert.True(SamePoint(network, (from.Segment, from.OffsetMetres), (to.Segment, to.OffsetMetres)), $"trip {t} ({trip}) found no route");
                continue;
            }
            routed++;
            Assert.True(SamePoint(network, Start(legs[0]), (from.Segment, from.OffsetMetres)), $"trip {t} starts at {Start(legs[0])}, not at {from}");
            Assert.True(SamePoint(network, End(legs[^1]), (to.Segment, to.OffsetMetres)), $"trip {t} ends at {End(legs[^1])}, not at {to}");
            for (int i = 0; i < legs.Count; i++)
            {
                var leg = legs[i];
                var allowed = leg.Forward ? network.ModesForward[leg.Segment] : network.ModesBackward[leg.Segment];
                Assert.True((allowed & trip.Mode) != 0, $"trip {t} by {trip.Mode} uses segment {leg.Segment} the wrong way");
                Assert.InRange(leg.FromOffsetMetres, 0, network.LengthMetres[leg.Segment] + 0.01f);
                Assert.InRange(leg.ToOffsetMetres, 0, network.LengthMetres[leg.Segment] + 0.01f);
                if (i > 0)
                {
                    Assert.True(SamePoint(network, End(legs[i - 1]), Start(leg)), $"trip {t}: leg {i - 1} ends at {End(legs[i - 1])}, leg {i} starts at {Start(leg)}");
                }
            }
        }
        // Stays in front of the home are trips that go nowhere: they need no route.
        int going = day.Trips.Count(trip => !TripMaker.IsStayOnly(trip));
        Assert.True(routed > 0.95 * going, $"{routed} of {going} trips routed");
    }

    [Fact]
    public void Movement_follows_the_routes_in_time_order_and_cars_leave_no_passages()
    {
        var day = Weekday.Value;
        var t = day.Trajectories;
        Assert.True(t.PassageCount > 1000);
        Assert.DoesNotContain(TravelModes.Car, t.PassageMode.ToArray());
        var expected = new Dictionary<int, List<RouteLeg>>();
        for (int i = 0; i < day.Trips.Count; i++)
        {
            if (day.Trips[i].Mode != TravelModes.Car)
            {
                if (!expected.TryGetValue(day.Trips[i].Resident, out var list))
                {
                    expected[day.Trips[i].Resident] = list = [];
                }
                list.AddRange(day.Routes[i]);
            }
        }
        var seen = new Dictionary<int, int>();
        var lastExit = new Dictionary<int, double>();
        var reached = new Dictionary<int, double>();
        int pieces = 0;
        for (int i = 0; i < t.PassageCount; i++)
        {
            var p = t.GetPassage(i);
            int k = seen.GetValueOrDefault(p.Resident);
            // A resident's passages are the legs of their routes, in order (the day may end before the last trips). A leg
            // with a stop on it is two passages: the second goes on from where the first stopped.
            bool continues = k > 0 && reached.TryGetValue(p.Resident, out double at) && expected[p.Resident][k - 1] is var previous
                && previous.Segment == p.Segment && Math.Abs(at - previous.ToOffsetMetres) > 0.01 && Math.Abs(at - p.EntryOffsetMetres) < 0.01;
            var leg = continues ? expected[p.Resident][k - 1] : expected[p.Resident][k];
            if (continues)
            {
                pieces++;
            }
            else
            {
                seen[p.Resident] = k + 1;
                Assert.Equal(leg.FromOffsetMetres, p.EntryOffsetMetres);
            }
            Assert.Equal(leg.Segment, p.Segment);
            Assert.Equal(leg.Forward ? 1 : -1, p.Direction);
            Assert.InRange(p.ExitOffsetMetres, Math.Min(leg.FromOffsetMetres, leg.ToOffsetMetres) - 0.01, Math.Max(leg.FromOffsetMetres, leg.ToOffsetMetres) + 0.01);
            reached[p.Resident] = p.ExitOffsetMetres;
            Assert.True(p.ExitTimeSeconds >= p.EntryTimeSeconds);
            Assert.True(p.EntryTimeSeconds >= lastExit.GetValueOrDefault(p.Resident), $"resident {p.Resident} is in two places at once");
            lastExit[p.Resident] = p.ExitTimeSeconds;
        }
        Assert.True(pieces > 0, "some walkers stop on the way");
        foreach (var (resident, count) in seen)
        {
            // Every leg walked ended where its route says (or the walker is still on it at midnight).
            Assert.True(Math.Abs(reached[resident] - expected[resident][count - 1].ToOffsetMetres) < 0.01 || lastExit[resident] > 86_000,
                $"resident {resident} stopped short of the end of leg {count - 1}");
        }
    }

    private static (int Segment, float Offset) Start(RouteLeg leg) => (leg.Segment, leg.FromOffsetMetres);

    private static (int Segment, float Offset) End(RouteLeg leg) => (leg.Segment, leg.ToOffsetMetres);

    private static bool SamePoint(StreetNetwork network, (int Segment, float Offset) a, NetworkPosition b) => SamePoint(network, a, (b.Segment, b.OffsetMetres));

    /// <summary>The same point of the network: the same position on one segment, or the node two segments share.</summary>
    private static bool SamePoint(StreetNetwork network, (int Segment, float Offset) a, (int Segment, float Offset) b)
    {
        const float Tolerance = 0.01f;
        if (a.Segment == b.Segment && Math.Abs(a.Offset - b.Offset) < Tolerance)
        {
            return true;
        }
        int nodeA = NodeAt(network, a), nodeB = NodeAt(network, b);
        return nodeA >= 0 && nodeA == nodeB;

        static int NodeAt(StreetNetwork network, (int Segment, float Offset) p) =>
            p.Offset < Tolerance ? network.SegmentFrom[p.Segment]
            : p.Offset > network.LengthMetres[p.Segment] - Tolerance ? network.SegmentTo[p.Segment]
            : -1;
    }
}
