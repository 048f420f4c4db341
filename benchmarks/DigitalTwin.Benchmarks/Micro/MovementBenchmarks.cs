using BenchmarkDotNet.Attributes;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// Passage generation: the day pipeline's moving phase on one thread, routing and moving a whole day's trips of
/// 10,000 residents (trees prepared) and merging the chunks' passages; and the merge alone (one append of a day).
/// </summary>
[MemoryDiagnoser]
public class MovementBenchmarks
{
    private readonly TrajectoryBuffer _merged = new();
    private DayTrips _trips = null!;
    private BenchWorld _world = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = BenchWorld.Instance;
        _trips = _world.Day.Pipeline.TripsOf(0, _world.Trips);
        MoveDay();
    }

    [Benchmark(Baseline = true)]
    public int MoveDay() => _world.Day.Pipeline.Move(_trips).PassageCount;

    [Benchmark]
    public int MergeDay()
    {
        _merged.Clear();
        _merged.Append(_world.Trajectories);
        return _merged.PassageCount;
    }
}
