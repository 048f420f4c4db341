using BenchmarkDotNet.Attributes;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// Routing: building one shortest-path tree (edge-based Dijkstra over the whole network; allocates the tree's two
/// arrays, which the cache keeps), against reading routes out of a built tree (path extraction into a reused leg
/// list: no allocation) for 1,000 origins.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private const int Origins = 1000;
    private RouteCostModel _model = null!;
    private RoutePlanner _planner = null!;
    private TreeKey _key;
    private ShortestPathTree _tree = null!;
    private readonly ArcHeap _heap = new();
    private readonly List<RouteLeg> _legs = [];
    private NetworkPosition[] _origins = [];

    [GlobalSetup]
    public void Setup()
    {
        var world = BenchWorld.Instance;
        _planner = new RoutePlanner(world.Day.Trees);
        _model = world.Day.Trees.Model;
        var walks = world.Trips.Where(t => t.Mode == TravelModes.Walk && world.Day.TripMaker.TreeOf(t) is { Direction: TreeDirection.ToRoot }).ToArray();
        _key = world.Day.TripMaker.TreeOf(walks[0])!.Value;
        _tree = world.Day.Trees.Get(_key);
        var network = world.Day.Neighbourhood.Network;
        _origins = Enumerable.Range(0, Origins).Select(i => new NetworkPosition(i * 7919 % network.SegmentCount, network.LengthMetres[i * 7919 % network.SegmentCount] / 2)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public object BuildTree() => ShortestPathTree.Build(_model, _key, _heap);

    [Benchmark(OperationsPerInvoke = Origins)]
    public float RouteToFromBuiltTree()
    {
        float total = 0;
        foreach (var origin in _origins)
        {
            _legs.Clear();
            total += _planner.RouteTo(origin, _tree, _legs);
        }
        return total;
    }
}
