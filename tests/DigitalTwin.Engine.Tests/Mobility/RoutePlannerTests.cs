using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Randomness;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Mobility;

public class RoutePlannerTests
{
    private static readonly RouteCostParameters Neutral = new()
    {
        TurnPenaltyMetres = 0,
        CrossingWaitMetresPerSecond = 0,
        BusyRoadFactor = 1,
        ActiveFrontageFactor = 1,
        NarrowPavementFactorPerMetre = 0,
        UnlitAfterDarkFactor = 1,
        PerceptionNoiseSigma = 0,
        RouteVariants = 1,
    };

    /// <summary>A jittered grid with random lengths, some one-way car streets and a few walk-only paths.</summary>
    private static StreetNetwork RandomGrid(ulong seed, int size = 7)
    {
        var random = new RandomStream(seed, StreamPurpose.Test, 0);
        var builder = new StreetNetworkBuilder(new GeoReference(4.37, 52.0));
        var nodes = new NodeId[size, size];
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                nodes[i, j] = builder.AddNode((i * 100) + (random.NextDouble() * 40), (j * 100) + (random.NextDouble() * 40));
            }
        }
        void Join(NodeId from, NodeId to)
        {
            double r = random.NextDouble();
            var attributes = new SegmentAttributes
            {
                Highway = HighwayKind.Residential,
                ModesForward = TravelModes.All,
                ModesBackward = r < 0.3 ? TravelModes.Walk | TravelModes.Bike : TravelModes.All,
                PavementWidthMetres = 2,
                Name = "Street",
            };
            if (r > 0.85)
            {
                return; // a missing link makes routes detour
            }
            builder.AddSegment(from, to, attributes);
        }
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                if (i + 1 < size)
                {
                    Join(nodes[i, j], nodes[i + 1, j]);
                }
                if (j + 1 < size)
                {
                    Join(nodes[i, j], nodes[i, j + 1]);
                }
            }
        }
        return builder.Build();
    }

    /// <summary>Routes towards the destination's tree, or away from the origin's tree.</summary>
    private static float Route(RoutePlanner planner, NetworkPosition origin, NetworkPosition destination, CostProfile profile, TreeDirection direction, List<RouteLeg> legs)
    {
        var key = direction == TreeDirection.ToRoot
            ? new TreeKey(destination, TreeDirection.ToRoot, profile)
            : new TreeKey(origin, TreeDirection.FromRoot, profile);
        planner.Cache.Prepare([key], maxThreads: 2);
        return direction == TreeDirection.ToRoot ? planner.RouteTo(origin, key, legs) : planner.RouteFrom(key, destination, legs);
    }

    private static (RoutePlanner Planner, ShortestPathTreeCache Cache) PlannerFor(StreetNetwork network, RouteCostParameters parameters)
    {
        var cache = new ShortestPathTreeCache(new RouteCostModel(network, parameters, seed: 1));
        return (new RoutePlanner(cache), cache);
    }

    [Theory]
    [InlineData(TravelModes.Walk, TreeDirection.ToRoot)]
    [InlineData(TravelModes.Walk, TreeDirection.FromRoot)]
    [InlineData(TravelModes.Car, TreeDirection.ToRoot)]
    [InlineData(TravelModes.Car, TreeDirection.FromRoot)]
    public void With_neutral_costs_routes_are_as_short_as_plain_dijkstra(TravelModes mode, TreeDirection direction)
    {
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var network = RandomGrid(seed);
            var (planner, _) = PlannerFor(network, Neutral);
            var random = new RandomStream(seed, StreamPurpose.Test, 1);
            var profile = new CostProfile(mode, false, false, false, 0);
            for (int trip = 0; trip < 20; trip++)
            {
                int a = random.NextInt(network.SegmentCount);
                int b = random.NextInt(network.SegmentCount);
                var origin = new NetworkPosition(a, (float)(random.NextDouble() * network.LengthMetres[a]));
                var destination = new NetworkPosition(b, (float)(random.NextDouble() * network.LengthMetres[b]));
                var legs = new List<RouteLeg>();
                float length = Route(planner, origin, destination, profile, direction, legs);
                double reference = ReferenceDijkstra.Distance(network, origin, destination, mode);
                if (double.IsPositiveInfinity(reference) || (a == b && length < 0))
                {
                    // Unreachable, or a one-way the wrong way round on the same segment (left out by design).
                    Assert.Equal(-1, length);
                    continue;
                }
                Assert.Equal(reference, length, 0.05);
                AssertLegsConnect(network, legs, origin, destination);
                Assert.Equal(length, legs.Sum(l => l.LengthMetres), 0.05);
            }
        }
    }

    [Fact]
    public void One_off_searches_find_the_same_least_cost_as_full_trees()
    {
        var parameters = new RouteCostParameters { RouteVariants = 2 };
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var network = RandomGrid(seed, size: 9);
            var (planner, cache) = PlannerFor(network, parameters);
            var scratch = ShortestPathTree.Scratch(cache.Model);
            var heap = new ArcHeap();
            var random = new RandomStream(seed, StreamPurpose.Test, 2);
            for (int trip = 0; trip < 30; trip++)
            {
                var profile = new CostProfile(TravelModes.Walk, random.NextBool(0.5), random.NextBool(0.5), random.NextBool(0.3), (byte)random.NextInt(2));
                int a = random.NextInt(network.SegmentCount);
                int b = random.NextInt(network.SegmentCount);
                if (a == b)
                {
                    continue;
                }
                var origin = new NetworkPosition(a, (float)(random.NextDouble() * network.LengthMetres[a]));
                var key = new TreeKey(new NetworkPosition(b, (float)(random.NextDouble() * network.LengthMetres[b])), TreeDirection.ToRoot, profile);
                cache.Prepare([key], 1);
                var full = new List<RouteLeg>();
                var oneOff = new List<RouteLeg>();
                float fullLength = planner.RouteTo(origin, key, full);
                float oneOffLength = planner.RouteTo(origin, scratch.SearchUntil(cache.Model, key, a, heap), oneOff);
                Assert.Equal(fullLength, oneOffLength, 0.01);
                Assert.Equal(full.Count, oneOff.Count);
            }
        }
    }

    [Theory]
    [InlineData(TravelModes.Walk)]
    [InlineData(TravelModes.Bike)]
    [InlineData(TravelModes.Car)]
    public void Hierarchies_find_the_routes_of_full_trees(TravelModes mode)
    {
        // Jittered lengths and perception noise leave no two routes equally cheap, so the routes themselves must match.
        var parameters = new RouteCostParameters { RouteVariants = 2 };
        int compared = 0, unreachable = 0;
        for (ulong seed = 1; seed <= 8; seed++)
        {
            var network = RandomGrid(seed, size: 9);
            var (planner, cache) = PlannerFor(network, parameters);
            var scratch = new HierarchyScratch();
            var random = new RandomStream(seed, StreamPurpose.Test, 5);
            var hierarchies = new Dictionary<CostProfile, ArcHierarchy>();
            for (int trip = 0; trip < 40; trip++)
            {
                var profile = new CostProfile(mode, random.NextBool(0.5), random.NextBool(0.5), random.NextBool(0.3), (byte)random.NextInt(2));
                if (!hierarchies.TryGetValue(profile, out var hierarchy))
                {
                    hierarchies[profile] = hierarchy = ArcHierarchy.Build(cache.Model, profile) ?? throw new Xunit.Sdk.XunitException("the hierarchy was refused");
                }
                int a = random.NextInt(network.SegmentCount);
                int b = random.NextInt(network.SegmentCount);
                var origin = new NetworkPosition(a, (float)(random.NextDouble() * network.LengthMetres[a]));
                var destination = new NetworkPosition(b, (float)(random.NextDouble() * network.LengthMetres[b]));
                var key = new TreeKey(destination, TreeDirection.ToRoot, profile);
                cache.Prepare([key], 1);
                var full = new List<RouteLeg>();
                var viaHierarchy = new List<RouteLeg>();
                float fullLength = planner.RouteTo(origin, key, full);
                float hierarchyLength = planner.RouteTo(origin, destination, hierarchy, scratch, viaHierarchy);
                Assert.Equal(fullLength, hierarchyLength, 0.01);
                Assert.Equal(full, viaHierarchy);
                unreachable += fullLength < 0 ? 1 : 0;
                compared++;
            }
        }
        Assert.True(compared - unreachable > 250, $"only {compared - unreachable} reachable routes compared");
    }

    [Fact]
    public void Hierarchies_are_refused_on_a_regular_grid()
    {
        // Every street of a regular grid is as important as the next: contracting it needs shortcuts without end.
        var grid = NetworkGenerator.Grid(20, 20).Network;
        var model = new RouteCostModel(grid, new RouteCostParameters(), seed: 1);
        var profile = new CostProfile(TravelModes.Walk, false, false, false, 0);

        Assert.Null(ArcHierarchy.Build(model, profile));
    }

    [Theory]
    [InlineData(TravelModes.Walk, TreeDirection.ToRoot)]
    [InlineData(TravelModes.Bike, TreeDirection.ToRoot)]
    [InlineData(TravelModes.Bike, TreeDirection.FromRoot)]
    [InlineData(TravelModes.Car, TreeDirection.FromRoot)]
    public void Pruned_trees_give_the_same_routes_as_full_trees(TravelModes mode, TreeDirection direction)
    {
        var parameters = new RouteCostParameters { RouteVariants = 2 };
        for (ulong seed = 1; seed <= 8; seed++)
        {
            var network = RandomGrid(seed, size: 9);
            var (fullPlanner, fullCache) = PlannerFor(network, parameters);
            var (prunedPlanner, prunedCache) = PlannerFor(network, parameters with { TreeCacheBytes = 0 });
            var random = new RandomStream(seed, StreamPurpose.Test, 4);
            var profile = new CostProfile(mode, random.NextBool(0.5), random.NextBool(0.5), false, (byte)random.NextInt(2));
            int rootSegment = random.NextInt(network.SegmentCount);
            var key = new TreeKey(new NetworkPosition(rootSegment, (float)(random.NextDouble() * network.LengthMetres[rootSegment])), direction, profile);
            var ends = Enumerable.Range(0, 6).Select(_ =>
            {
                int s = random.NextInt(network.SegmentCount);
                return new NetworkPosition(s, (float)(random.NextDouble() * network.LengthMetres[s]));
            }).ToList();
            fullCache.Prepare([key], 1);
            prunedCache.PrepareDay([.. ends.Select(end => new TreeRequest(key, end.Segment))], 1);
            Assert.True(prunedCache.Get(key).ArcCount < fullCache.Get(key).ArcCount, "a pruned tree keeps only the routes asked for");
            foreach (var end in ends)
            {
                var full = new List<RouteLeg>();
                var pruned = new List<RouteLeg>();
                float fullLength = direction == TreeDirection.ToRoot ? fullPlanner.RouteTo(end, key, full) : fullPlanner.RouteFrom(key, end, full);
                float prunedLength = direction == TreeDirection.ToRoot ? prunedPlanner.RouteTo(end, key, pruned) : prunedPlanner.RouteFrom(key, end, pruned);
                Assert.Equal(fullLength, prunedLength);
                Assert.Equal(full, pruned);
            }
        }
    }

    [Theory]
    [InlineData(TravelModes.Walk)]
    [InlineData(TravelModes.Bike)]
    public void Costs_of_a_reversible_mode_are_symmetric_so_the_way_back_is_the_way_there_reversed(TravelModes mode)
    {
        // Trips home and back from a visit by a reversible mode reuse the other direction's route; that is exact only
        // if the least cost from a to b equals the least cost from b to a, turns and crossings included.
        var parameters = new RouteCostParameters { RouteVariants = 2 };
        for (ulong seed = 1; seed <= 8; seed++)
        {
            var network = RandomGrid(seed, size: 8);
            var (planner, cache) = PlannerFor(network, parameters);
            Assert.True(cache.Model.Reversible(mode));
            var random = new RandomStream(seed, StreamPurpose.Test, 3);
            for (int trip = 0; trip < 25; trip++)
            {
                var profile = new CostProfile(mode, random.NextBool(0.5), random.NextBool(0.5), random.NextBool(0.3), (byte)random.NextInt(2));
                int a = random.NextInt(network.SegmentCount), b = random.NextInt(network.SegmentCount);
                if (a == b)
                {
                    continue;
                }
                var pa = new NetworkPosition(a, (float)(random.NextDouble() * network.LengthMetres[a]));
                var pb = new NetworkPosition(b, (float)(random.NextDouble() * network.LengthMetres[b]));
                var toB = new TreeKey(pb, TreeDirection.ToRoot, profile);
                var toA = new TreeKey(pa, TreeDirection.ToRoot, profile);
                cache.Prepare([toA, toB], 1);
                var there = new List<RouteLeg>();
                var back = new List<RouteLeg>();
                planner.RouteTo(pa, toB, there);
                planner.RouteTo(pb, toA, back);
                Assert.Equal(Cost(cache.Model, there, profile), Cost(cache.Model, back, profile), 0.5);
            }
        }
    }

    [Fact]
    public void A_mode_is_reversible_only_where_every_segment_allows_it_both_ways_or_neither()
    {
        var parameters = new RouteCostParameters();
        var grid = new RouteCostModel(NetworkGenerator.Grid(6, 6).Network, parameters, seed: 1);
        Assert.True(grid.Reversible(TravelModes.Walk) && grid.Reversible(TravelModes.Bike) && grid.Reversible(TravelModes.Car));

        // RandomGrid has one-way streets for cars (walking and cycling both ways) and missing links.
        var oneWayForCars = new RouteCostModel(RandomGrid(3), parameters, seed: 1);
        Assert.True(oneWayForCars.Reversible(TravelModes.Walk));
        Assert.True(oneWayForCars.Reversible(TravelModes.Bike));
        Assert.False(oneWayForCars.Reversible(TravelModes.Car));
        Assert.False(oneWayForCars.Reversible(TravelModes.None));

        // One cycle path one way only: bikes lose it, walkers and drivers keep it.
        var builder = new StreetNetworkBuilder(new GeoReference(4.37, 52.0));
        var a = builder.AddNode(0, 0);
        var b = builder.AddNode(100, 0);
        var c = builder.AddNode(100, 100);
        var street = GeneratorOptions.ResidentialStreet;
        builder.AddSegment(a, b, street);
        builder.AddSegment(b, c, street with { ModesBackward = TravelModes.Walk | TravelModes.Car });
        var oneWayForBikes = new RouteCostModel(builder.Build(), parameters, seed: 1);
        Assert.True(oneWayForBikes.Reversible(TravelModes.Walk));
        Assert.False(oneWayForBikes.Reversible(TravelModes.Bike));
        Assert.True(oneWayForBikes.Reversible(TravelModes.Car));
    }

    /// <summary>A route's perceived cost: its legs' arc costs pro rata plus the transition at every junction.</summary>
    private static double Cost(RouteCostModel model, List<RouteLeg> legs, CostProfile profile)
    {
        var costs = model.ArcCosts(profile);
        double total = 0;
        for (int i = 0; i < legs.Count; i++)
        {
            int arc = (legs[i].Segment * 2) + (legs[i].Forward ? 0 : 1);
            total += costs[arc] * legs[i].LengthMetres / model.Network.LengthMetres[legs[i].Segment];
            if (i > 0)
            {
                int previous = (legs[i - 1].Segment * 2) + (legs[i - 1].Forward ? 0 : 1);
                total += model.TransitionCost(previous, arc, profile.Mode);
            }
        }
        return total;
    }

    [Fact]
    public void A_turn_penalty_prefers_the_straight_route_of_equal_length()
    {
        // A 3x3 block grid: from the middle of the bottom-left street to the top-right corner every
        // monotone route has the same length; the penalised planner takes the one with one turn.
        var builder = new StreetNetworkBuilder(new GeoReference(4.37, 52.0));
        var n = new NodeId[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                n[i, j] = builder.AddNode(i * 100, j * 100);
            }
        }
        var street = new SegmentAttributes { ModesForward = TravelModes.All, ModesBackward = TravelModes.All, PavementWidthMetres = 2 };
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                if (i < 2)
                {
                    builder.AddSegment(n[i, j], n[i + 1, j], street);
                }
                if (j < 2)
                {
                    builder.AddSegment(n[i, j], n[i, j + 1], street);
                }
            }
        }
        var network = builder.Build();
        var parameters = Neutral with { TurnPenaltyMetres = 50 };
        var (planner, _) = PlannerFor(network, parameters);
        var profile = new CostProfile(TravelModes.Walk, false, false, false, 0);
        int first = Enumerable.Range(0, network.SegmentCount).First(s => network.SegmentFrom[s] == n[0, 0].Value && network.SegmentTo[s] == n[1, 0].Value);
        int last = Enumerable.Range(0, network.SegmentCount).First(s => network.SegmentFrom[s] == n[2, 1].Value && network.SegmentTo[s] == n[2, 2].Value);
        var origin = new NetworkPosition(first, 10);
        var destination = new NetworkPosition(last, 90);
        var legs = new List<RouteLeg>();
        Route(planner, origin, destination, profile, TreeDirection.ToRoot, legs);
        int turns = 0;
        for (int i = 1; i < legs.Count; i++)
        {
            bool wasEastward = network.NodeY[network.SegmentFrom[legs[i - 1].Segment]] == network.NodeY[network.SegmentTo[legs[i - 1].Segment]];
            bool isEastward = network.NodeY[network.SegmentFrom[legs[i].Segment]] == network.NodeY[network.SegmentTo[legs[i].Segment]];
            turns += wasEastward != isEastward ? 1 : 0;
        }
        Assert.Equal(1, turns);
    }

    [Fact]
    public void Unlit_streets_are_avoided_after_dark_more_by_darkness_sensitive_walkers()
    {
        // Two routes from a to d: 360 m with 300 m unlit, or 450 m all lit (25% longer).
        var builder = new StreetNetworkBuilder(new GeoReference(4.37, 52.0));
        var a = builder.AddNode(0, 0);
        var b = builder.AddNode(300, 0);
        var c = builder.AddNode(0, 60);
        var d = builder.AddNode(300, 60);
        var lit = new SegmentAttributes { ModesForward = TravelModes.All, ModesBackward = TravelModes.All, PavementWidthMetres = 2, Lighting = Lighting.Lit };
        var unlit = lit with { Lighting = Lighting.Unlit };
        int start = builder.AddSegment(a, c, lit).Value;
        builder.AddSegment(a, b, unlit);
        builder.AddSegment(c, d, lit, [0, 150, 300], [60, 184.6, 60]);
        builder.AddSegment(b, d, lit);
        int end = builder.AddSegment(d, builder.AddNode(400, 60), lit).Value;
        var network = builder.Build();
        var parameters = Neutral with { UnlitAfterDarkFactor = 1.25 };
        var (planner, _) = PlannerFor(network, parameters);
        var origin = new NetworkPosition(start, 0);
        var destination = new NetworkPosition(end, 50);

        bool UsesUnlit(CostProfile profile)
        {
            var legs = new List<RouteLeg>();
            Route(planner, origin, destination, profile, TreeDirection.FromRoot, legs);
            return legs.Any(l => network.Lighting[l.Segment] == Lighting.Unlit);
        }

        // Unlit after dark: 300 x 1.25 + 60 = 435 < 450 for most; 300 x 1.5 + 60 = 510 > 450 for the sensitive.
        Assert.True(UsesUnlit(new CostProfile(TravelModes.Walk, false, true, false, 0)));
        Assert.True(UsesUnlit(new CostProfile(TravelModes.Walk, true, false, false, 0)));
        Assert.False(UsesUnlit(new CostProfile(TravelModes.Walk, true, true, false, 0)));
    }

    private static void AssertLegsConnect(StreetNetwork network, List<RouteLeg> legs, NetworkPosition origin, NetworkPosition destination)
    {
        Assert.NotEmpty(legs);
        Assert.Equal(origin.Segment, legs[0].Segment);
        Assert.Equal(origin.OffsetMetres, legs[0].FromOffsetMetres, 0.01);
        Assert.Equal(destination.Segment, legs[^1].Segment);
        Assert.Equal(destination.OffsetMetres, legs[^1].ToOffsetMetres, 0.01);
        for (int i = 1; i < legs.Count; i++)
        {
            int previousEnd = legs[i - 1].Forward ? network.SegmentTo[legs[i - 1].Segment] : network.SegmentFrom[legs[i - 1].Segment];
            int start = legs[i].Forward ? network.SegmentFrom[legs[i].Segment] : network.SegmentTo[legs[i].Segment];
            Assert.Equal(previousEnd, start);
        }
    }
}
