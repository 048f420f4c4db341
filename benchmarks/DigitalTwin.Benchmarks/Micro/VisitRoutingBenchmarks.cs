using BenchmarkDotNet.Attributes;
using DigitalTwin.Benchmarks.Scale;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Randomness;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// One-off routes between two homes (visits) on Delft's walking network, 1,000 pairs within 800 m (the visiting
/// radius): a guided search each (A* with landmarks) against a contraction hierarchy, and what building the hierarchy
/// costs (with its own order, and with the order of another profile of the mode, as the simulator builds the rest).
/// A generated grid has no hierarchy worth building (the build gives up), so this class runs on the real map.
/// </summary>
[MemoryDiagnoser]
public class VisitRoutingBenchmarks
{
    private const int Visits = 1000;
    private RouteCostModel _model = null!;
    private RoutePlanner _planner = null!;
    private CostProfile _profile;
    private CostProfile _otherProfile;
    private ArcHierarchy _hierarchy = null!;
    private ShortestPathTree _scratchTree = null!;
    private readonly ArcHeap _heap = new();
    private readonly HierarchyScratch _hierarchyScratch = new();
    private readonly List<RouteLeg> _legs = [];
    private (NetworkPosition Origin, NetworkPosition Host)[] _visits = [];

    [GlobalSetup]
    public void Setup()
    {
        ulong seed = 1;
        var (neighbourhood, _) = ScalePointRunner.LoadDelft(ref seed);
        var network = neighbourhood.Network;
        _model = new RouteCostModel(network, SimulationParameters.Default.Routing, seed);
        _planner = new RoutePlanner(new ShortestPathTreeCache(_model));
        _profile = new CostProfile(TravelModes.Walk, false, false, false, 0);
        _otherProfile = new CostProfile(TravelModes.Walk, true, false, false, 1);
        _hierarchy = ArcHierarchy.Build(_model, _profile) ?? throw new InvalidOperationException("Delft's walking graph was refused a hierarchy.");
        _scratchTree = ShortestPathTree.Scratch(_model);
        var random = new RandomStream(seed, StreamPurpose.Test, 0);
        var visits = new List<(NetworkPosition, NetworkPosition)>();
        while (visits.Count < Visits)
        {
            int a = random.NextInt(network.SegmentCount), b = random.NextInt(network.SegmentCount);
            var (ax, ay, _) = _model.Midpoint(a);
            var (bx, by, _) = _model.Midpoint(b);
            if (a != b && (((ax - bx) * (ax - bx)) + ((ay - by) * (ay - by))) < 800 * 800)
            {
                visits.Add((new NetworkPosition(a, network.LengthMetres[a] / 2), new NetworkPosition(b, network.LengthMetres[b] / 3)));
            }
        }
        _visits = [.. visits];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Visits)]
    public float VisitByGuidedSearch()
    {
        float total = 0;
        foreach (var (origin, host) in _visits)
        {
            _legs.Clear();
            var key = new TreeKey(host, TreeDirection.ToRoot, _profile);
            total += _planner.RouteTo(origin, _scratchTree.SearchUntil(_model, key, origin.Segment, _heap), _legs);
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Visits)]
    public float VisitByHierarchy()
    {
        float total = 0;
        foreach (var (origin, host) in _visits)
        {
            _legs.Clear();
            total += _planner.RouteTo(origin, host, _hierarchy, _hierarchyScratch, _legs);
        }
        return total;
    }

    [Benchmark]
    public object? BuildHierarchyWithItsOwnOrder() => ArcHierarchy.Build(_model, _profile);

    [Benchmark]
    public object? BuildHierarchyInAnotherProfilesOrder() => ArcHierarchy.Build(_model, _otherProfile, _hierarchy.Order);
}
