using BenchmarkDotNet.Attributes;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Planning;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// Day planning for one simulator chunk (256 residents): the day plans alone, and plans plus trips (mode choice),
/// per resident, into reused lists as the simulator does.
/// </summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private const int Residents = 256;
    private readonly PlanScratch _scratch = new();
    private readonly List<PlannedActivity> _plan = [];
    private readonly List<Trip> _trips = [];
    private EngineDay _day = null!;
    private const int Day = 0; // the benchmark world's trip maker covers one day

    [GlobalSetup]
    public void Setup() => _day = BenchWorld.Instance.Day;

    [Benchmark(Baseline = true, OperationsPerInvoke = Residents)]
    public int Plan()
    {
        int activities = 0;
        for (int r = 0; r < Residents; r++)
        {
            _day.Planner.Plan(r, Day, _scratch, _plan);
            activities += _plan.Count;
        }
        return activities;
    }

    [Benchmark(OperationsPerInvoke = Residents)]
    public int PlanAndMakeTrips()
    {
        _trips.Clear();
        for (int r = 0; r < Residents; r++)
        {
            _day.Planner.Plan(r, Day, _scratch, _plan);
            _day.TripMaker.Make(r, Day, _plan, _trips);
        }
        return _trips.Count;
    }
}
