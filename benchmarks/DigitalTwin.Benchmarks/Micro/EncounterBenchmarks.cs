using BenchmarkDotNet.Attributes;
using DigitalTwin.Benchmarks.Scale;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// The exact encounter sweep: a whole simulated day of 10,000 residents (the engine's own passages and stays), the
/// Delft baseline's first day (7,140 residents on 3,025 short OSM segments: many node pieces), and one busy segment (2,000 synthetic walkers, cyclists and sitters on a single 200 m street in one hour), on one
/// thread, with the detector's and output's buffers reused across calls as the simulator reuses them across days.
/// </summary>
[MemoryDiagnoser]
public class EncounterBenchmarks
{
    private readonly EncounterBuffer _found = new();
    private readonly TrajectoryBuffer _busy = new();
    private ExactEncounterDetector _detector = null!;
    private StreetNetwork _street = null!;
    private BenchWorld _world = null!;
    private StreetNetwork _delft = null!;
    private int _delftPlaces;
    private TrajectoryBuffer _delftDay = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = BenchWorld.Instance;
        _detector = new ExactEncounterDetector(EncounterParameters.Default with { MaxThreads = 1 });
        var builder = new StreetNetworkBuilder(TinyWorlds.Origin);
        var a = builder.AddNode(0, 0);
        var b = builder.AddNode(200, 0);
        builder.AddSegment(a, b, GeneratorOptions.ResidentialStreet);
        _street = builder.Build();
        SyntheticDays.Fill(_busy, _street, 7, 2000, 1, 3600, maxLegs: 1, carShare: 0);
        ulong seed = 1;
        var (neighbourhood, residents) = ScalePointRunner.LoadDelft(ref seed);
        _delft = neighbourhood.Network;
        _delftPlaces = neighbourhood.Places.Count;
        _delftDay = new EngineDay(neighbourhood, residents, seed).Simulate(0);
        WholeDay();
        DelftDay();
        BusySegment();
    }

    [Benchmark(Baseline = true)]
    public int WholeDay()
    {
        var network = _world.Day.Neighbourhood.Network;
        _detector.Detect(network, _world.Day.Neighbourhood.Places.Count, _world.Trajectories, _found);
        return _found.Count;
    }

    [Benchmark]
    public int DelftDay()
    {
        _detector.Detect(_delft, _delftPlaces, _delftDay, _found);
        return _found.Count;
    }

    [Benchmark]
    public int BusySegment()
    {
        _detector.Detect(_street, 1, _busy, _found);
        return _found.Count;
    }
}
