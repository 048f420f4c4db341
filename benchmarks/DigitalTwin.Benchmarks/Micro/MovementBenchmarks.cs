using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using DigitalTwin.Engine.Mobility;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// Passage generation: routing and moving a whole day's trips of 10,000 residents (trees prepared) into a reused
/// trajectory buffer, and the merge of that buffer (the simulator's append of chunk buffers).
/// </summary>
[MemoryDiagnoser]
public class MovementBenchmarks
{
    private readonly TrajectoryBuffer _output = new();
    private readonly TrajectoryBuffer _merged = new();
    private MovementTally _tally = null!;
    private RoutingScratch _scratch = null!;
    private BenchWorld _world = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = BenchWorld.Instance;
        _tally = new MovementTally(_world.Day.Neighbourhood.Network.SegmentCount);
        _scratch = new RoutingScratch(_world.Day.Trees.Model);
        MoveDay();
    }

    [Benchmark(Baseline = true)]
    public int MoveDay()
    {
        _output.Clear();
        _tally.Clear();
        var trips = CollectionsMarshal.AsSpan(_world.Trips);
        int start = 0;
        while (start < trips.Length)
        {
            int stop = start + 1;
            while (stop < trips.Length && trips[stop].Resident == trips[start].Resident)
            {
                stop++;
            }
            _world.Day.Mover.Move(trips[start..stop], 0, _output, _tally, _scratch);
            start = stop;
        }
        return _output.PassageCount;
    }

    [Benchmark]
    public int MergeDay()
    {
        _merged.Clear();
        _merged.Append(_output);
        return _merged.PassageCount;
    }
}
