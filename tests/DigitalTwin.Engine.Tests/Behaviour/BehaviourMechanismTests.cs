using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Behaviour;

/// <summary>The building blocks of the behaviour mechanisms, each against its formula or its direction.</summary>
public sealed class BehaviourMechanismTests
{
    private static readonly RouteCostParameters Routing = new();

    [Fact]
    public void The_crossing_wait_is_the_HCM_gap_acceptance_delay_and_grows_steeply_with_traffic()
    {
        Assert.Equal(0, RouteCostModel.CrossingWaitSeconds(5000, 0, Routing));
        Assert.Equal(0, RouteCostModel.CrossingWaitSeconds(0, 7, Routing));
        // HCM 2010 ch. 19 by hand: q = 8,000 / (16 h × 3,600 s), tc = 7 / 1.07 + 3; d = (e^(q tc) − q tc − 1) / q.
        double q = 8000 / (16 * 3600.0), tc = (7 / 1.07) + 3;
        double expected = (Math.Exp(q * tc) - (q * tc) - 1) / q;
        Assert.Equal(expected, RouteCostModel.CrossingWaitSeconds(8000, 7, Routing), 9);
        double quiet = RouteCostModel.CrossingWaitSeconds(500, 5.5, Routing);
        double light = RouteCostModel.CrossingWaitSeconds(2000, 5.5, Routing);
        double heavy = RouteCostModel.CrossingWaitSeconds(16000, 5.5, Routing);
        Assert.True(quiet < 0.5 && quiet < light && light < heavy, $"{quiet} {light} {heavy}");
        Assert.True(heavy / light > 8, "the wait grows faster than the traffic");
        Assert.Equal(Routing.MaximumCrossingWaitSeconds, RouteCostModel.CrossingWaitSeconds(200_000, 14, Routing));
        // Broach & Dill's 70 m for an unsignalised crossing of a busy road: 20,000 vehicles a day over 7 m.
        Assert.InRange(RouteCostModel.CrossingWaitSeconds(20_000, 7, Routing) * Routing.CrossingWaitMetresPerSecond, 50, 130);
    }

    [Fact]
    public void Turning_onto_a_busy_road_costs_a_walker_more_than_turning_onto_a_quiet_one()
    {
        // A T: a quiet side street meets a road at J; west arm quiet or busy.
        double Turn(float traffic)
        {
            var builder = new StreetNetworkBuilder(TinyWorlds.Origin);
            NodeId w = builder.AddNode(-100, 0), j = builder.AddNode(0, 0), e = builder.AddNode(100, 0), n = builder.AddNode(0, 100);
            var road = TinyWorlds.Street("Road") with { CarVehiclesPerDay = traffic, Highway = HighwayKind.Secondary };
            builder.AddSegment(w, j, road);
            builder.AddSegment(j, e, road);
            builder.AddSegment(n, j, TinyWorlds.Street("Side"));
            var model = new RouteCostModel(builder.Build(), Routing, seed: 1);
            return model.TransitionCost(incoming: 2 * 2, outgoing: 1, TravelModes.Walk); // N→J, then J→W (arc 1: segment 0 backwards)
        }
        Assert.True(Turn(20_000) > Turn(500) + 20, $"busy {Turn(20_000)} m, quiet {Turn(500)} m");
    }

    /// <summary>
    /// A main road kept as a carriageway for cars only (its pavements are ways of their own) is still in the walker's
    /// way: a footway crossing it at a node waits for a gap in its traffic, and a zebra there cuts the wait.
    /// </summary>
    [Fact]
    public void A_footway_crossing_a_carriageway_for_cars_only_waits_for_its_traffic_less_at_a_zebra()
    {
        var carriageway = TinyWorlds.Street("Main road") with
        {
            Highway = HighwayKind.Secondary, ModesForward = TravelModes.Car, ModesBackward = TravelModes.Car, PavementWidthMetres = 0, CarVehiclesPerDay = 16_000,
        };
        var footway = TinyWorlds.Street("Crossing") with { Highway = HighwayKind.Footway, ModesForward = TravelModes.Walk, ModesBackward = TravelModes.Walk, CarVehiclesPerDay = 0 };
        double Cross(CrossingControl control) =>
            CrossingJunction(carriageway, footway, control).TransitionCost(incoming: 2 * 2, outgoing: 2 * 3, TravelModes.Walk); // S→J, then J→N
        double open = Cross(CrossingControl.None), zebra = Cross(CrossingControl.Zebra);
        Assert.True(open > 20, $"{open} m");
        Assert.True(zebra < open / 2, $"zebra {zebra} m, unmarked {open} m");
    }

    /// <summary>
    /// Drivers give way to pedestrians on a zebra, not to cyclists (RVV 1990 art. 49): a cyclist crossing a busy road at
    /// a zebra waits for a gap as at an unmarked junction, while signals serve both.
    /// </summary>
    [Fact]
    public void A_zebra_cuts_the_wait_of_walkers_but_not_of_cyclists_and_signals_cut_both()
    {
        var main = TinyWorlds.Street("Main road") with { Highway = HighwayKind.Secondary, CarVehiclesPerDay = 16_000 };
        var side = TinyWorlds.Street("Side street") with { CarVehiclesPerDay = 300 };
        double Cross(CrossingControl control, TravelModes mode) =>
            CrossingJunction(main, side, control).TransitionCost(incoming: 2 * 2, outgoing: 2 * 3, mode); // S→J, then straight on J→N across the main road
        Assert.True(Cross(CrossingControl.Zebra, TravelModes.Walk) < Cross(CrossingControl.None, TravelModes.Walk) / 2);
        Assert.Equal(Cross(CrossingControl.None, TravelModes.Bike), Cross(CrossingControl.Zebra, TravelModes.Bike));
        Assert.True(Cross(CrossingControl.None, TravelModes.Bike) > 20, $"{Cross(CrossingControl.None, TravelModes.Bike)} m");
        Assert.True(Cross(CrossingControl.Signalised, TravelModes.Bike) < Cross(CrossingControl.None, TravelModes.Bike));
    }

    /// <summary>The searches read turn tables built once per mode: a cyclist's must hold the cyclist's crossing costs, not the walker's.</summary>
    [Fact]
    public void Route_searches_see_each_modes_own_crossing_costs()
    {
        var model = CrossingJunction(TinyWorlds.Street("Main road") with { Highway = HighwayKind.Secondary, CarVehiclesPerDay = 16_000 },
            TinyWorlds.Street("Side street"), CrossingControl.Zebra);
        int turns = 0;
        foreach (var mode in new[] { TravelModes.Walk, TravelModes.Bike, TravelModes.Car })
        {
            for (int arc = 0; arc < model.Network.SegmentCount * 2; arc++)
            {
                var (start, end) = model.Successors(arc);
                for (int k = start; k < end; k++)
                {
                    Assert.Equal(model.TransitionCost(arc, model.SuccessorArc(k), mode), model.SuccessorTurn(k, mode));
                    turns++;
                }
                (start, end) = model.Predecessors(arc);
                for (int k = start; k < end; k++)
                {
                    Assert.Equal(model.TransitionCost(model.PredecessorArc(k), arc, mode), model.PredecessorTurn(k, mode));
                }
            }
        }
        Assert.True(turns > 20, $"{turns} turns");
        Assert.NotEqual(model.TransitionCost(2 * 2, 2 * 3, TravelModes.Walk), model.TransitionCost(2 * 2, 2 * 3, TravelModes.Bike));
    }

    /// <summary>A main road west–east and a crossing street south–north meeting at J (segments W–J, J–E, S–J, J–N), with <paramref name="control"/> at J.</summary>
    private static RouteCostModel CrossingJunction(SegmentAttributes main, SegmentAttributes crossing, CrossingControl control)
    {
        var builder = new StreetNetworkBuilder(TinyWorlds.Origin);
        NodeId w = builder.AddNode(-100, 0), j = builder.AddNode(0, 0), e = builder.AddNode(100, 0), s = builder.AddNode(0, -100), n = builder.AddNode(0, 100);
        builder.AddSegment(w, j, main);
        builder.AddSegment(j, e, main);
        builder.AddSegment(s, j, crossing);
        builder.AddSegment(j, n, crossing);
        builder.SetCrossing(j, control);
        return new RouteCostModel(builder.Build(), Routing, seed: 1);
    }

    [Fact]
    public void A_walker_notices_more_in_a_longer_encounter_less_in_a_crowd_and_less_from_a_bike()
    {
        var model = new AttentionModel(AttentionParameters.Default);
        Encounter Pass(double seconds, int crowding = 2, float weight = 1) => new()
        {
            ResidentA = 0, ResidentB = 1, Kind = EncounterKind.PassingBy, DurationSeconds = seconds, Crowding = crowding, Weight = weight,
            Segment = 0, Place = -1, Node = -1,
        };
        Assert.True(model.Probability(Pass(1)) < model.Probability(Pass(3)));
        Assert.True(model.Probability(Pass(60)) > 0.99);
        Assert.Equal(model.Probability(Pass(3)) * 4 / 19, model.Probability(Pass(3, crowding: 20)), 12);
        Assert.Equal(model.Probability(Pass(3)) * 0.4, model.Probability(Pass(3, weight: 0.4f)), 6);
    }

    [Fact]
    public void A_building_north_of_a_street_drawn_west_to_east_stands_on_its_left()
    {
        var network = TinyWorlds.TwoSegments().Network; // segment 0 runs from (0,0) east to (100,0)
        Assert.True(LateralPlacement.SideOf(network, 0, 50, 50, 8));
        Assert.False(LateralPlacement.SideOf(network, 0, 50, 50, -8));
        Assert.Null(LateralPlacement.SideOf(network, 0, 50, 50, 0));
    }

    [Fact]
    public void Traffic_and_speed_keep_people_from_the_front_of_their_homes_and_a_bench_or_green_draws_them_out()
    {
        var p = new PlanningParameters();
        var network = TinyWorlds.TwoSegments().Network;
        double Weight(SegmentAttributes attributes, bool bench = false)
        {
            var builder = network.ToBuilder();
            builder.SetAttributes(new SegmentId(0), attributes);
            return DayPlanner.FrontOfHouseWeightOf(builder.Build(), 0, bench, p);
        }
        var street = TinyWorlds.Street("Long Street");
        double light = Weight(street with { CarVehiclesPerDay = 2000, SpeedLimitKmh = 30 });
        double heavy = Weight(street with { CarVehiclesPerDay = 16_000, SpeedLimitKmh = 30 });
        // Appleyard's light and heavy streets: 3.0 and 0.9 friends, the ratio the decay is set from.
        Assert.Equal(0.9 / 3.0, heavy / light, 2);
        Assert.True(Weight(street with { CarVehiclesPerDay = 2000, SpeedLimitKmh = 50 }) < light);
        Assert.True(Weight(street with { CarVehiclesPerDay = 2000, SpeedLimitKmh = 30 }, bench: true) > light);
        Assert.True(Weight(street with { CarVehiclesPerDay = 2000, SpeedLimitKmh = 30, GreenOrWaterAdjacent = true }) > light);
    }

    [Fact]
    public void Active_frontage_brings_seven_times_the_stops_of_a_blank_wall_and_narrow_pavements_fewer()
    {
        var life = StreetLifeParameters.Default;
        Assert.Equal(7, life.StopsPerMetre(Frontage.Active, 3) / life.StopsPerMetre(Frontage.Passive, 3), 9);
        Assert.Equal(0.5, life.StopsPerMetre(Frontage.Active, 0.9) / life.StopsPerMetre(Frontage.Active, 3), 9);
    }

    [Fact]
    public void The_calendar_is_dark_in_a_December_evening_when_a_June_evening_is_light()
    {
        var december = new Calendar(TinyWorlds.Origin, firstDayOfYear: 350, firstWeekday: 0, twilightSeconds: 2400);
        var june = new Calendar(TinyWorlds.Origin, firstDayOfYear: 172, firstWeekday: 0, twilightSeconds: 2400);
        Assert.True(december.IsDark(0, 18.5 * 3600));
        Assert.False(june.IsDark(0, 18.5 * 3600));
        Assert.True(june.IsDark(0, 3 * 3600));
        Assert.Equal(6, december.Weekday(6));
        Assert.Equal(1, december.DayOfYear(16)); // wraps into January
    }

    [Fact]
    public void A_routine_keeps_a_residents_work_start_close_from_day_to_day_while_people_differ()
    {
        var world = SimulationWorlds.Grid(residents: 600);
        var planner = new DayPlanner(world.Neighbourhood, world.Residents, new PlanningParameters(), new ActivityScheduleParameters(), seed: 5);
        var scratch = new PlanScratch();
        var plan = new List<PlannedActivity>();
        var starts = new Dictionary<int, List<double>>();
        for (int day = 0; day < 5; day++) // Monday to Friday
        {
            for (int r = 0; r < world.Residents.Count; r++)
            {
                planner.Plan(r, day, scratch, plan);
                foreach (var a in plan.Where(a => a.Kind == ActivityKind.Work && a.StartSeconds < 12 * 3600))
                {
                    (starts.TryGetValue(r, out var list) ? list : starts[r] = []).Add(a.StartSeconds / 60);
                }
            }
        }
        var repeated = starts.Values.Where(s => s.Count >= 3).ToList();
        Assert.True(repeated.Count > 20, $"{repeated.Count} day workers");
        double within = repeated.Average(s => StandardDeviation(s));
        double between = StandardDeviation(repeated.Select(s => s.Average()).ToList());
        Assert.InRange(within, 5, 15); // PlanningParameters.RoutineDayToDaySpreadMinutes = 10
        Assert.True(between > 1.5 * within, $"between people {between:0.0} min, day to day {within:0.0} min");
    }

    [Fact]
    public void Lowering_traffic_on_a_home_street_is_reported_through_the_crossing_and_front_of_house_mechanisms()
    {
        var before = TinyWorlds.TwoSegments();
        var builder = before.Network.ToBuilder();
        builder.SetAttributes(new SegmentId(0), builder.GetAttributes(new SegmentId(0)) with { CarVehiclesPerDay = 12_000, SpeedLimitKmh = 50 });
        var busy = before with { Network = builder.Build() };
        var calm = busy.Network.ToBuilder();
        calm.SetAttributes(new SegmentId(0), calm.GetAttributes(new SegmentId(0)) with { CarVehiclesPerDay = 1_000, SpeedLimitKmh = 30 });
        var lines = MechanismChanges.Between(busy, SimulationParameters.Default, busy with { Network = calm.Build() }, SimulationParameters.Default);
        Assert.Contains(lines, l => l.StartsWith("crossing: mean wait", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("life in front of the home: chance of time at the door ×", StringComparison.Ordinal));
        Assert.Empty(MechanismChanges.Between(busy, SimulationParameters.Default, busy, SimulationParameters.Default));
    }

    [Fact]
    public void Walkers_crossing_to_their_destinations_side_wait_at_the_kerb_on_busy_streets_and_walk_on_over_quiet_ones()
    {
        var quiet = SimulationWorlds.Grid(residents: 600).WithStreets((_, a) => a with { CarVehiclesPerDay = 500 });
        var busy = quiet.WithStreets((_, a) => a with { CarVehiclesPerDay = 12_000 });
        static List<double> KerbWaits(SimulationWorld world)
        {
            var day = SimulationWorlds.SimulateDay(world, 1, seed: 4);
            var t = day.Trajectories;
            var waits = new List<double>();
            for (int i = 0; i < t.StayCount; i++)
            {
                var stay = t.GetStay(i);
                double seconds = stay.EndTimeSeconds - stay.StartTimeSeconds;
                // Not a place, not a short stop (StreetLifeParameters.StopSeconds) and shorter than any planned street stay.
                if (stay.Place < 0 && seconds != StreetLifeParameters.Default.StopSeconds && seconds < 61)
                {
                    waits.Add(seconds);
                }
            }
            return waits;
        }
        var atBusy = KerbWaits(busy);
        Assert.Empty(KerbWaits(quiet)); // a fraction of a second: walked through
        Assert.True(atBusy.Count > 20, $"{atBusy.Count} waits");
        // The grid's streets differ in carriageway width, and some junctions have crossings: each wait is the HCM wait of
        // one of its widths at 12,000 vehicles a day, cut by at most a zebra's share.
        double widest = RouteCostModel.CrossingWaitSeconds(12_000, 8, Routing);
        Assert.All(atBusy, w => Assert.InRange(w, 1, widest));
        double residential = RouteCostModel.CrossingWaitSeconds(12_000, StreetCrossSectionParameters.Default.CarriagewayMetres(HighwayKind.Residential), Routing);
        Assert.Contains(atBusy, w => Math.Abs(w - residential) < 1e-6);
    }

    private static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
    }
}

/// <summary>Sightings across a street and their merge into the day's encounters.</summary>
public sealed class AcrossStreetSightingsTests
{
    private static StreetNetwork Street(float vehiclesPerDay)
    {
        var builder = TinyWorlds.TwoSegments().Network.ToBuilder();
        builder.SetAttributes(new SegmentId(0), builder.GetAttributes(new SegmentId(0)) with { CarVehiclesPerDay = vehiclesPerDay });
        return builder.Build();
    }

    private static List<Encounter> Find(StreetNetwork network, params Stay[] stays)
    {
        var day = new TrajectoryBuffer();
        foreach (var stay in stays)
        {
            day.AddStay(stay);
        }
        var found = new List<Encounter>();
        new AcrossStreetSightings(EncounterParameters.Default).Find(network, day, [0, 1, 2, 2], found);
        return found;
    }

    [Fact]
    public void Neighbours_at_their_doors_opposite_each_other_see_each_other_the_less_the_busier_the_street()
    {
        // Residents 0 and 1 in different households at doors 10 m apart on opposite pavements (±4.25 m), overlapping 10 minutes.
        Stay Door(int resident, float offset, float lateral, double from) => Stay.OnStreet(resident, 0, offset, from, from + 900, lateral);
        var quiet = Find(Street(500), Door(0, 40, 4.25f, 1000), Door(1, 50, -4.25f, 1300));
        var e = Assert.Single(quiet);
        Assert.Equal((0, 1, EncounterKind.AcrossStreet), (e.ResidentA, e.ResidentB, e.Kind));
        Assert.Equal((1300.0, 600.0), (e.StartTimeSeconds, e.DurationSeconds));
        Assert.Equal(Math.Exp(-0.086 * 0.5), e.Weight, 6);
        Assert.True(Assert.Single(Find(Street(16_000), Door(0, 40, 4.25f, 1000), Door(1, 50, -4.25f, 1300))).Weight < 0.3);
        Assert.Empty(Find(Street(500), Door(0, 40, 4.25f, 1000), Door(1, 50, 4.25f, 1300))); // same side: the detector's
        Assert.Empty(Find(Street(500), Door(0, 10, 4.25f, 1000), Door(1, 60, -4.25f, 1300))); // 50 m apart: out of sight
        Assert.Empty(Find(Street(500), Door(2, 40, 4.25f, 1000), Door(3, 50, -4.25f, 1300))); // one household
        Assert.Empty(Find(Street(500), Door(0, 40, 4.25f, 1000), Door(1, 50, -4.25f, 2000))); // not there at the same time
    }

    [Fact]
    public void Merging_keeps_the_days_encounters_sorted_by_pair_and_start()
    {
        static Encounter E(int a, int b, double start) => new() { ResidentA = a, ResidentB = b, StartTimeSeconds = start, DurationSeconds = 1, Segment = 0, Place = -1, Node = -1 };
        var buffer = new EncounterBuffer();
        foreach (var e in new[] { E(0, 1, 10), E(0, 1, 50), E(0, 3, 5), E(2, 3, 7) })
        {
            buffer.Add(e);
        }
        buffer.Merge([E(0, 1, 30), E(0, 2, 1), E(2, 3, 7), E(4, 5, 0)]);
        Assert.Equal(
            [(0, 1, 10.0), (0, 1, 30.0), (0, 1, 50.0), (0, 2, 1.0), (0, 3, 5.0), (2, 3, 7.0), (2, 3, 7.0), (4, 5, 0.0)],
            buffer.Items.ToArray().Select(e => (e.ResidentA, e.ResidentB, e.StartTimeSeconds)));
    }
}
