using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Interventions.Types;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;
using static DigitalTwin.Engine.Tests.Interventions.InterventionWorld;

namespace DigitalTwin.Engine.Tests.Interventions;

/// <summary>
/// Each intervention changes exactly the data it addresses, as specified, and nothing else. Every test
/// compares every segment attribute, node crossing, place, home and named parameter before and after.
/// </summary>
public class InterventionDataTests
{
    private static readonly Neighbourhood World = Grid();
    private static readonly DataSnapshot Before = DataSnapshot.Of(World, SimulationParameters.Default);

    /// <summary>Asserts that only <paramref name="segments"/> changed, and each only in what <paramref name="undo"/> puts back.</summary>
    private static void AssertOnlySegments(DataSnapshot after, int[] segments, Func<SegmentAttributes, SegmentAttributes, SegmentAttributes> undo)
    {
        Assert.Equal(segments.Order(), after.SegmentsChangedSince(Before));
        foreach (int s in segments)
        {
            Assert.Equal(Before.Segments[s], undo(after.Segments[s], Before.Segments[s]));
        }
    }

    private static void AssertSameCrossings(DataSnapshot after) => Assert.Empty(after.CrossingsChangedSince(Before));

    private static void AssertSamePlaces(DataSnapshot after) => Assert.Equal(Before.Places, after.Places);

    private static void AssertSameHomes(DataSnapshot after) => Assert.Equal(Before.Homes, after.Homes);

    private static void AssertSameParameters(DataSnapshot after) => Assert.Empty(after.ParametersChangedSince(Before));

    /// <summary>The places after are the ones before followed by the added ones, which are returned.</summary>
    private static PlaceRecord[] AddedPlaces(DataSnapshot after)
    {
        Assert.Equal(Before.Places, after.Places.Take(Before.Places.Length));
        return after.Places[Before.Places.Length..];
    }

    [Fact]
    public void Widen_pavement_sets_the_width_on_the_named_street_only()
    {
        int[] street = SegmentsOf(World, "Row Street 2");
        var after = DataSnapshot.Of(Apply(World, new WidenPavement(Named("Row Street 2"), 4.5, null) { Origin = Here }));

        AssertOnlySegments(after, street, (a, b) => a with { PavementWidthMetres = b.PavementWidthMetres });
        Assert.All(street, s => Assert.Equal(4.5f, after.Segments[s].PavementWidthMetres));
        AssertSameCrossings(after);
        AssertSamePlaces(after);
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void Widen_pavement_by_metres_adds_to_each_segments_own_width()
    {
        int[] street = SegmentsOf(World, "Main Street 3");
        var after = DataSnapshot.Of(Apply(World, new WidenPavement(Named("Main Street 3"), null, 1.5) { Origin = Here }));

        AssertOnlySegments(after, street, (a, b) => a with { PavementWidthMetres = b.PavementWidthMetres });
        Assert.All(street, s => Assert.Equal(Before.Segments[s].PavementWidthMetres + 1.5f, after.Segments[s].PavementWidthMetres));
    }

    [Fact]
    public void Add_benches_along_a_street_adds_benches_at_the_spacing_and_nothing_else()
    {
        int[] street = SegmentsOf(World, "Row Street 2");
        var after = DataSnapshot.Of(Apply(World, new AddBenches(Named("Row Street 2"), 50, null, 4) { Origin = Here }));

        var added = AddedPlaces(after);
        // Five 100 m segments with a bench 25 m and 75 m along each.
        Assert.Equal(10, added.Length);
        Assert.All(added, p =>
        {
            Assert.Equal(PlaceKind.Bench, p.Kind);
            Assert.Equal(4, p.Capacity);
            Assert.Contains(p.Segment.Value, street);
            Assert.Contains(p.OffsetMetres, new[] { 25f, 75f });
        });
        Assert.Empty(after.SegmentsChangedSince(Before));
        AssertSameCrossings(after);
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void Add_benches_at_points_puts_one_bench_at_each_point()
    {
        var after = DataSnapshot.Of(Apply(World, new AddBenches(null, null, [At(World, 0, -150), At(World, -150, 20)], 2) { Origin = Here }));

        var added = AddedPlaces(after);
        Assert.Equal([MiddleOfRowStreet2, 30 + 5 + 2], added.Select(p => p.Segment.Value));
        Assert.All(added, p => Assert.Equal((PlaceKind.Bench, 2), (p.Kind, p.Capacity)));
        Assert.Empty(after.SegmentsChangedSince(Before));
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void Remove_benches_removes_the_benches_on_the_street_and_keeps_every_other_place()
    {
        int[] street = SegmentsOf(World, "Main Street 3");
        var after = DataSnapshot.Of(Apply(World, new RemoveBenches(Named("Main Street 3")) { Origin = Here }));

        var expected = Before.Places.Where(p => !(p.Kind == PlaceKind.Bench && street.Contains(p.Segment.Value))).ToArray();
        Assert.True(expected.Length < Before.Places.Length, "the generated main street has benches to remove");
        Assert.Equal(expected, after.Places);
        Assert.Empty(after.SegmentsChangedSince(Before));
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void Mixed_use_makes_ground_floors_active_and_adds_its_places_along_the_street()
    {
        int[] street = SegmentsOf(World, "Row Street 2");
        PlaceSpec[] places = [new(PlaceKind.Cafe, "Café De Hoek", 30, "Mo-Su 08:00-22:00"), new(PlaceKind.Barber, "Kapper", null, null)];
        var after = DataSnapshot.Of(Apply(World, new MixedUse(Named("Row Street 2"), true, places) { Origin = Here }));

        AssertOnlySegments(after, street, (a, b) => a with { Frontage = b.Frontage });
        Assert.All(street, s => Assert.Equal(Frontage.Active, after.Segments[s].Frontage));
        var added = AddedPlaces(after);
        Assert.Equal([(PlaceKind.Cafe, "Café De Hoek", 30, "Mo-Su 08:00-22:00"), (PlaceKind.Barber, "Kapper", OsmPlaceInterpretation.DefaultCapacity(PlaceKind.Barber), "")],
            added.Select(p => (p.Kind, p.Name, p.Capacity, p.OpeningHours)));
        // Spread evenly along the 500 m street: at 125 m and 375 m, i.e. 25 m into its second and 75 m into its fourth segment.
        Assert.Equal([(street[1], 25f), (street[3], 75f)], added.Select(p => (p.Segment.Value, p.OffsetMetres)));
        AssertSameCrossings(after);
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void Mixed_use_without_active_frontage_only_adds_places()
    {
        var after = DataSnapshot.Of(Apply(World, new MixedUse(Named("Row Street 2"), false, [new(PlaceKind.Shop, "Bakker", null, null)]) { Origin = Here }));

        Assert.Empty(after.SegmentsChangedSince(Before));
        Assert.Single(AddedPlaces(after));
    }

    /// <summary>The segments changed besides the addressed one: they must form one route between its two ends.</summary>
    /// <summary>The world with one segment's attributes changed.</summary>
    private static Neighbourhood WithSegment(Neighbourhood world, int segment, Func<SegmentAttributes, SegmentAttributes> change)
    {
        var builder = world.Network.ToBuilder();
        builder.SetAttributes(new SegmentId(segment), change(builder.GetAttributes(new SegmentId(segment))));
        return world with { Network = builder.Build() };
    }

    private static void AssertDetourBetweenEnds(Neighbourhood world, int[] detour, int closed)
    {
        var network = world.Network;
        var degree = new Dictionary<int, int>();
        foreach (int s in detour)
        {
            foreach (int node in new[] { network.SegmentFrom[s], network.SegmentTo[s] })
            {
                degree[node] = degree.GetValueOrDefault(node) + 1;
            }
        }
        // A simple path: its two ends appear once, every node in between twice.
        Assert.Equal(new[] { network.SegmentFrom[closed], network.SegmentTo[closed] }.Order(), degree.Where(d => d.Value == 1).Select(d => d.Key).Order());
        Assert.All(degree.Values, d => Assert.InRange(d, 1, 2));
    }

    [Fact]
    public void Car_free_closes_the_street_to_cars_and_moves_its_traffic_onto_the_detour_less_the_evaporating_share()
    {
        const int closed = MiddleOfRowStreet2;
        var applied = Apply(World, new CarFree(Near(World, 0, -150, 5), AllowBikes: true) { Origin = Here });
        var after = DataSnapshot.Of(applied);

        var street = after.Segments[closed];
        Assert.Equal(0, street.CarVehiclesPerDay);
        Assert.Equal(Before.Segments[closed].ModesForward & ~TravelModes.Car, street.ModesForward);
        Assert.Equal(Before.Segments[closed].ModesBackward & ~TravelModes.Car, street.ModesBackward);
        Assert.True((street.ModesForward & TravelModes.Bike) != 0, "bikes stay when allowBikes is true");
        Assert.Equal(Before.Segments[closed], street with
        {
            ModesForward = Before.Segments[closed].ModesForward,
            ModesBackward = Before.Segments[closed].ModesBackward,
            CarVehiclesPerDay = Before.Segments[closed].CarVehiclesPerDay,
        });

        int[] detour = [.. after.SegmentsChangedSince(Before).Where(s => s != closed)];
        // The shortest way round a 100 m block is the three other sides.
        Assert.Equal(3, detour.Length);
        AssertDetourBetweenEnds(World, detour, closed);
        double moved = Before.Segments[closed].CarVehiclesPerDay * (1 - SimulationParameters.Default.Interventions.TrafficEvaporationShare);
        Assert.All(detour, s =>
        {
            Assert.Equal(Before.Segments[s].CarVehiclesPerDay + moved, after.Segments[s].CarVehiclesPerDay, 3);
            Assert.Equal(Before.Segments[s], after.Segments[s] with { CarVehiclesPerDay = Before.Segments[s].CarVehiclesPerDay });
        });
        AssertSameCrossings(after);
        AssertSamePlaces(after);
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void Car_free_moves_less_traffic_when_more_of_it_evaporates()
    {
        const int closed = MiddleOfRowStreet2;
        var parameters = ParameterRegistry.With(SimulationParameters.Default, [new("interventions.trafficEvaporationShare", 0.4)]);
        var after = DataSnapshot.Of(InterventionApplier.Apply(World, parameters, [new CarFree(Near(World, 0, -150, 5), AllowBikes: false) { Origin = Here }]));

        Assert.Equal(TravelModes.None, after.Segments[closed].ModesForward & (TravelModes.Car | TravelModes.Bike));
        int[] detour = [.. after.SegmentsChangedSince(Before).Where(s => s != closed)];
        Assert.All(detour, s => Assert.Equal(Before.Segments[s].CarVehiclesPerDay + (500 * 0.6), after.Segments[s].CarVehiclesPerDay, 3));
    }

    [Fact]
    public void Low_traffic_scales_vehicles_and_caps_the_speed_and_moves_the_rest_onto_the_detour()
    {
        const int calmed = MiddleOfRowStreet2;
        var after = DataSnapshot.Of(Apply(World, new LowTraffic(Near(World, 0, -150, 5), 15, 0.4) { Origin = Here }));

        Assert.Equal(Before.Segments[calmed] with { CarVehiclesPerDay = 200, SpeedLimitKmh = 15 }, after.Segments[calmed]);
        int[] detour = [.. after.SegmentsChangedSince(Before).Where(s => s != calmed)];
        Assert.Equal(3, detour.Length);
        AssertDetourBetweenEnds(World, detour, calmed);
        Assert.All(detour, s => Assert.Equal(Before.Segments[s] with { CarVehiclesPerDay = Before.Segments[s].CarVehiclesPerDay + (300 * 0.85f) }, after.Segments[s]));
        AssertSamePlaces(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void Low_traffic_never_raises_a_lower_speed_limit_and_without_a_traffic_factor_moves_no_traffic()
    {
        int[] street = SegmentsOf(World, "Row Street 2");
        var after = DataSnapshot.Of(Apply(World, new LowTraffic(Named("Row Street 2"), 50, null) { Origin = Here }));

        // 50 km/h is above the street's 30: nothing to change, and no traffic is displaced.
        Assert.Empty(after.SegmentsChangedSince(Before));
        Assert.Equal(5, street.Length);
    }

    [Fact]
    public void Woonerf_makes_the_street_a_living_street_walkable_over_its_whole_width_at_walking_pace_and_keeps_its_traffic()
    {
        // Row Street 2: residential, 3 m of pavement beside a 5.5 m carriageway (crossSection.residentialCarriagewayMetres), 30 km/h.
        int[] street = SegmentsOf(World, "Row Street 2");
        var applied = Apply(World, new Woonerf(Named("Row Street 2"), 15, null) { Origin = Here });
        var after = DataSnapshot.Of(applied);

        AssertOnlySegments(after, street, (a, b) => a with { Highway = b.Highway, PavementWidthMetres = b.PavementWidthMetres, SpeedLimitKmh = b.SpeedLimitKmh });
        var crossSection = SimulationParameters.Default.CrossSection;
        var routing = SimulationParameters.Default.Routing;
        Assert.All(street, s =>
        {
            Assert.Equal(HighwayKind.LivingStreet, after.Segments[s].Highway);
            Assert.Equal(3 + 5.5f, after.Segments[s].PavementWidthMetres);
            Assert.Equal(15, after.Segments[s].SpeedLimitKmh);
            Assert.Equal(Before.Segments[s].CarVehiclesPerDay, after.Segments[s].CarVehiclesPerDay);
            // No carriageway left, so no wait to cross it, though its 500 vehicles a day still drive there.
            Assert.True(RouteCostModel.CrossingWaitSeconds(500, LateralPlacement.CarriagewayMetres(World.Network, s, crossSection), routing) > 0);
            Assert.Equal(0, LateralPlacement.CarriagewayMetres(applied.Neighbourhood.Network, s, crossSection));
        });
        AssertSameCrossings(after);
        AssertSamePlaces(after);
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void Woonerf_with_a_traffic_factor_moves_the_through_traffic_onto_the_detour_and_never_raises_a_lower_speed_limit()
    {
        // The middle of Row Street 2, already limited to 10 km/h: the woonerf's 15 km/h leaves that as it is.
        const int street = MiddleOfRowStreet2;
        var world = WithSegment(World, street, a => a with { SpeedLimitKmh = 10 });
        var before = DataSnapshot.Of(world, SimulationParameters.Default);
        var after = DataSnapshot.Of(Apply(world, new Woonerf(Near(world, 0, -150, 5), 15, 0.2) { Origin = Here }));

        Assert.Equal(before.Segments[street] with { Highway = HighwayKind.LivingStreet, PavementWidthMetres = 8.5f, CarVehiclesPerDay = 100 }, after.Segments[street]);
        int[] detour = [.. after.SegmentsChangedSince(before).Where(s => s != street)];
        Assert.Equal(3, detour.Length);
        AssertDetourBetweenEnds(world, detour, street);
        double moved = 400 * (1 - SimulationParameters.Default.Interventions.TrafficEvaporationShare);
        Assert.All(detour, s =>
        {
            Assert.Equal(before.Segments[s].CarVehiclesPerDay + moved, after.Segments[s].CarVehiclesPerDay, 3);
            Assert.Equal(before.Segments[s], after.Segments[s] with { CarVehiclesPerDay = before.Segments[s].CarVehiclesPerDay });
        });
    }

    [Fact]
    public void Woonerf_leaves_footways_and_paths_in_its_address_as_they_are()
    {
        // The same segment made a footway first: the woonerf changes only streets that cars may use.
        const int path = MiddleOfRowStreet2;
        var world = WithSegment(World, path, a => a with
        {
            Highway = HighwayKind.Footway, ModesForward = TravelModes.Walk, ModesBackward = TravelModes.Walk, CarVehiclesPerDay = 0, SpeedLimitKmh = 0,
        });
        var before = DataSnapshot.Of(world, SimulationParameters.Default);
        var applied = Apply(world, new Woonerf(Near(world, 0, -150, 5), 15, null) { Origin = Here });

        Assert.Empty(DataSnapshot.Of(applied).SegmentsChangedSince(before));
        Assert.Equal(0, Assert.Single(applied.Effects).SegmentsChanged);
    }

    [Fact]
    public void Stomp_changes_route_cost_parameters_parking_and_car_traffic_everywhere()
    {
        var applied = Apply(World, new Stomp(null, 0.9, 0.8, 1.3, 0.5, 0.75, ParkingAtEdge: true) { Origin = Here });
        var after = DataSnapshot.Of(applied);

        Assert.Equal(["modeChoice.carParkingWalkMetres", "routing.bikeCostFactor", "routing.carCostFactor", "routing.crossingWaitMetresPerSecond", "routing.walkCostFactor"],
            after.ParametersChangedSince(Before));
        var routing = SimulationParameters.Default.Routing;
        Assert.Equal(routing.WalkCostFactor * 0.9, applied.Parameters.Routing.WalkCostFactor, 12);
        Assert.Equal(routing.BikeCostFactor * 0.8, applied.Parameters.Routing.BikeCostFactor, 12);
        Assert.Equal(routing.CarCostFactor * 1.3, applied.Parameters.Routing.CarCostFactor, 12);
        Assert.Equal(routing.CrossingWaitMetresPerSecond * 0.5, applied.Parameters.Routing.CrossingWaitMetresPerSecond, 12);
        Assert.Equal(SimulationParameters.Default.ModeChoice.EdgeParkingWalkMetres, applied.Parameters.ModeChoice.CarParkingWalkMetres);
        AssertOnlySegments(after, [.. Enumerable.Range(0, World.Network.SegmentCount)], (a, b) => a with { CarVehiclesPerDay = b.CarVehiclesPerDay });
        Assert.All(Enumerable.Range(0, World.Network.SegmentCount), s => Assert.Equal(Before.Segments[s].CarVehiclesPerDay * 0.75f, after.Segments[s].CarVehiclesPerDay));
        AssertSameCrossings(after);
        AssertSamePlaces(after);
        AssertSameHomes(after);
    }

    [Fact]
    public void Stomp_on_addressed_streets_lowers_traffic_there_only_and_keeps_parking_without_parking_at_edge()
    {
        int[] street = SegmentsOf(World, "Main Avenue 3");
        var after = DataSnapshot.Of(Apply(World, new Stomp(Named("Main Avenue 3"), 1, 1, 1, 1, 0.5, ParkingAtEdge: false) { Origin = Here }));

        AssertOnlySegments(after, street, (a, b) => a with { CarVehiclesPerDay = b.CarVehiclesPerDay });
        // Factors of 1 leave every parameter as it was.
        AssertSameParameters(after);
    }

    [Fact]
    public void Lighting_lights_the_addressed_unlit_streets_only()
    {
        var unlit = Grid(new GeneratorOptions { Street = GeneratorOptions.ResidentialStreet with { Lighting = Lighting.Unlit } });
        var before = DataSnapshot.Of(unlit, SimulationParameters.Default);
        int[] street = SegmentsOf(unlit, "Column Avenue 2");
        var after = DataSnapshot.Of(Apply(unlit, new StreetLighting(Named("Column Avenue 2"), 10) { Origin = Here }));

        Assert.Equal(street, after.SegmentsChangedSince(before));
        Assert.All(street, s => Assert.Equal(before.Segments[s] with { Lighting = Lighting.Lit }, after.Segments[s]));
        Assert.Equal(before.Places, after.Places);
        Assert.Empty(after.ParametersChangedSince(before));
    }

    [Fact]
    public void Green_space_adds_a_park_and_benches_and_greens_the_streets_along_its_edge()
    {
        // A 60 m square inside the block between rows 1-2 and columns 1-2: its sides lie 20 m from the four streets
        // around the block (within greenAdjacencyMetres, 25 m) and more than 25 m from any other street.
        LonLat[] area = [At(World, -130, -130), At(World, -70, -130), At(World, -70, -70), At(World, -130, -70)];
        var after = DataSnapshot.Of(Apply(World, new GreenSpace(area, "Buurtpark", 4, 3) { Origin = Here }));

        int[] blockSides = [5 + 1, 10 + 1, 30 + 5 + 1, 30 + 10 + 1];
        AssertOnlySegments(after, blockSides, (a, b) => a with { GreenOrWaterAdjacent = b.GreenOrWaterAdjacent });
        Assert.All(blockSides, s => Assert.True(after.Segments[s].GreenOrWaterAdjacent));
        var added = AddedPlaces(after);
        Assert.Equal([PlaceKind.Park, PlaceKind.Bench, PlaceKind.Bench, PlaceKind.Bench, PlaceKind.Bench], added.Select(p => p.Kind));
        Assert.Equal("Buurtpark", added[0].Name);
        Assert.Equal(3600, added[0].AreaSquareMetres, 0);
        Assert.All(added, p => Assert.Contains(p.Segment.Value, blockSides));
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void Delft_stoep_sets_front_zones_on_the_street_and_the_participation_parameter()
    {
        int[] street = SegmentsOf(World, "Row Street 5");
        var applied = Apply(World, new DelftStoep(Named("Row Street 5"), 1.2, 0.7) { Origin = Here });
        var after = DataSnapshot.Of(applied);

        AssertOnlySegments(after, street, (a, b) => a with { FrontZoneDepthMetres = b.FrontZoneDepthMetres });
        Assert.All(street, s => Assert.Equal(1.2f, after.Segments[s].FrontZoneDepthMetres));
        Assert.Equal(["planning.stoepParticipationShare"], after.ParametersChangedSince(Before));
        Assert.Equal(0.7, applied.Parameters.Planning.StoepParticipationShare);
        AssertSamePlaces(after);
        AssertSameHomes(after);
    }

    [Fact]
    public void Remove_barrier_opens_the_closed_link_to_the_given_modes_only()
    {
        // A fenced-off link: segment 7 closed to everyone.
        var fenced = World with
        {
            Network = WithSegment(World.Network, MiddleOfRowStreet2, a => a with { ModesForward = TravelModes.None, ModesBackward = TravelModes.None }),
        };
        var before = DataSnapshot.Of(fenced, SimulationParameters.Default);
        var after = DataSnapshot.Of(Apply(fenced, new RemoveBarrier(Near(fenced, 0, -150, 5), TravelModes.Walk | TravelModes.Bike) { Origin = Here }));

        Assert.Equal([MiddleOfRowStreet2], after.SegmentsChangedSince(before));
        Assert.Equal(before.Segments[MiddleOfRowStreet2] with { ModesForward = TravelModes.Walk | TravelModes.Bike, ModesBackward = TravelModes.Walk | TravelModes.Bike },
            after.Segments[MiddleOfRowStreet2]);
        Assert.Equal(before.Places, after.Places);
        Assert.Empty(after.ParametersChangedSince(before));
    }

    [Fact]
    public void Add_crossing_controls_the_junctions_at_both_ends_of_the_addressed_segment_only()
    {
        const int road = 10 + 2; // Main Street 3 between columns 2 and 3
        var after = DataSnapshot.Of(Apply(World, new AddCrossing(Near(World, 0, -50, 5), CrossingKind.Zebra) { Origin = Here }));

        int[] ends = [World.Network.SegmentFrom[road], World.Network.SegmentTo[road]];
        Assert.Equal(ends.Order(), after.CrossingsChangedSince(Before));
        Assert.All(ends, n => Assert.Equal(CrossingControl.Zebra, after.Crossings[n]));
        Assert.Empty(after.SegmentsChangedSince(Before));
        AssertSamePlaces(after);
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void New_place_adds_one_place_of_its_kind_on_the_nearest_street()
    {
        var after = DataSnapshot.Of(Apply(World, new NewPlace(new PlaceSpec(PlaceKind.Cafe, "Buurtcafé", 40, "Mo-Su 09:00-23:00"), At(World, 0, -148)) { Origin = Here }));

        var added = Assert.Single(AddedPlaces(after));
        Assert.Equal((PlaceKind.Cafe, "Buurtcafé", 40, "Mo-Su 09:00-23:00", MiddleOfRowStreet2), (added.Kind, added.Name, added.Capacity, added.OpeningHours, added.Segment.Value));
        Assert.Equal(50, added.OffsetMetres, 2);
        Assert.Empty(after.SegmentsChangedSince(Before));
        AssertSameCrossings(after);
        AssertSameHomes(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void New_housing_adds_a_home_with_its_dwellings_and_residents()
    {
        var applied = Apply(World, new NewHousing(At(World, 0, -148), 40, 2.1) { Origin = Here });
        var after = DataSnapshot.Of(applied);

        Assert.Equal(Before.Homes, after.Homes.Take(Before.Homes.Length));
        var home = Assert.Single(after.Homes[Before.Homes.Length..]);
        Assert.Equal((40, MiddleOfRowStreet2), (home.Dwellings, home.Segment.Value));
        Assert.Equal(84, applied.ExtraResidents);
        Assert.Equal(World.Homes.TotalDwellings + 40, applied.Neighbourhood.Homes.TotalDwellings);
        Assert.Empty(after.SegmentsChangedSince(Before));
        AssertSamePlaces(after);
        AssertSameParameters(after);
    }

    [Fact]
    public void New_housing_beyond_one_building_is_spread_over_the_streets_of_its_area()
    {
        // 1,800 dwellings: four buildings of 450 over the 18 ha they cover at 100 a hectare (a 239 m radius).
        var applied = Apply(World, new NewHousing(At(World, 0, -148), 1_800, 2) { Origin = Here });
        var after = DataSnapshot.Of(applied);

        Assert.Equal(Before.Homes, after.Homes.Take(Before.Homes.Length));
        var added = after.Homes[Before.Homes.Length..];
        Assert.Equal([450, 450, 450, 450], added.Select(h => h.Dwellings));
        Assert.Equal(MiddleOfRowStreet2, added[0].Segment.Value); // the first stands at the point, as a single building does
        Assert.Equal(4, added.Select(h => h.Segment).Distinct().Count());
        Assert.All(added, h => Assert.InRange(Math.Sqrt((h.X * h.X) + ((h.Y + 148) * (h.Y + 148))), 0, 239 + 10));
        Assert.Contains(added, h => Math.Sqrt((h.X * h.X) + ((h.Y + 148) * (h.Y + 148))) > 150); // spread out, not the nearest four
        Assert.Equal(3600, applied.ExtraResidents);
        Assert.Equal(World.Homes.TotalDwellings + 1_800, applied.Neighbourhood.Homes.TotalDwellings);
        Assert.Contains("in 4 buildings on the streets within 239 m of the point", applied.Effects[0].Summary, StringComparison.Ordinal);
        Assert.Empty(after.SegmentsChangedSince(Before));
        AssertSamePlaces(after);
    }

    [Fact]
    public void Interventions_apply_in_order_so_a_later_one_sees_an_earlier_ones_result()
    {
        int[] street = SegmentsOf(World, "Row Street 2");
        var applied = Apply(World,
            new WidenPavement(Named("Row Street 2"), 2, null) { Origin = Here },
            new WidenPavement(Named("Row Street 2"), null, 1) { Origin = Here },
            new AddBenches(Named("Row Street 2"), 50, null, 3) { Origin = Here },
            new RemoveBenches(Named("Row Street 2")) { Origin = Here });
        var after = DataSnapshot.Of(applied);

        // Set to 2 m, then 1 m added to that (not to the original 3 m).
        Assert.All(street, s => Assert.Equal(3f, after.Segments[s].PavementWidthMetres));
        // The benches added by the third entry are the ones the fourth removes.
        Assert.Equal(10, applied.Effects[2].PlacesAdded);
        Assert.Equal(10, applied.Effects[3].PlacesRemoved);
        AssertSamePlaces(after);
    }

    [Fact]
    public void A_street_closed_earlier_is_not_a_detour_for_a_street_closed_later()
    {
        // Close segment 7, then its northern neighbour across the block (Main Street 3 between columns 2 and 3):
        // the second closure's traffic must go round without using the first closed street.
        var applied = Apply(World,
            new CarFree(Near(World, 0, -150, 5), true) { Origin = Here },
            new CarFree(Near(World, 0, -50, 5), true) { Origin = Here });
        var after = DataSnapshot.Of(applied);

        Assert.Equal(0, after.Segments[MiddleOfRowStreet2].CarVehiclesPerDay);
        Assert.Equal(0, after.Segments[12].CarVehiclesPerDay);
        Assert.Equal(2, applied.Effects.Count);
    }

    private static StreetNetwork WithSegment(StreetNetwork network, int segment, Func<SegmentAttributes, SegmentAttributes> change)
    {
        var builder = network.ToBuilder();
        builder.SetAttributes(new SegmentId(segment), change(builder.GetAttributes(new SegmentId(segment))));
        return builder.Build();
    }
    /// <summary>
    /// Quiet Lane runs in three segments (1,000 vehicles a day each) between two junctions, Back Road around it in three
    /// more. Halving the lane's traffic moves its 500 cars (less 15 % that evaporate: 425) once onto Back Road: the three
    /// segments carry the same cars one after another, and a segment in the middle has no way round but the lane.
    /// </summary>
    [Fact]
    public void Traffic_taken_off_a_street_of_several_segments_is_moved_once_round_it_between_its_junctions()
    {
        var builder = new StreetNetworkBuilder(TinyWorlds.Origin);
        NodeId west = builder.AddNode(0, 0), a = builder.AddNode(100, 0), b = builder.AddNode(200, 0), east = builder.AddNode(300, 0);
        NodeId northWest = builder.AddNode(0, 100), northEast = builder.AddNode(300, 100);
        var lane = TinyWorlds.Street("Quiet Lane") with { CarVehiclesPerDay = 1000 };
        var back = TinyWorlds.Street("Back Road") with { CarVehiclesPerDay = 200 };
        builder.AddSegment(west, a, lane);
        builder.AddSegment(a, b, lane);
        builder.AddSegment(b, east, lane);
        builder.AddSegment(west, northWest, back);
        builder.AddSegment(northWest, northEast, back);
        builder.AddSegment(northEast, east, back);
        var world = new Neighbourhood(builder.Build(), PlaceSet.Empty, HomeSet.Empty);

        var applied = Apply(world, new LowTraffic(Named("Quiet Lane"), null, 0.5) { Origin = Here });

        var cars = applied.Neighbourhood.Network.CarVehiclesPerDay;
        Assert.Equal([500f, 500f, 500f, 625f, 625f, 625f], cars.ToArray());
        Assert.Contains("425 vehicles a day moved to other streets", applied.Effects[0].Summary, StringComparison.Ordinal);
    }
}
