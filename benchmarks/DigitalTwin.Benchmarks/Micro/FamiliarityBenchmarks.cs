using BenchmarkDotNet.Attributes;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Familiarity;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// The familiarity update: recording one day's encounters of 10,000 residents in the ledger (after the first day
/// the pairs are known, so the steady state inserts nothing), and the nod decisions for the same encounters.
/// The day number advances every call, as it does in a run.
/// </summary>
[MemoryDiagnoser]
public class FamiliarityBenchmarks
{
    private Encounter[] _encounters = [];
    private bool[] _nods = [];
    private FamiliarityLedger _ledger = null!;
    private NodModel _nodModel = null!;
    private BenchWorld _world = null!;
    private int _day;

    [GlobalSetup]
    public void Setup()
    {
        _world = BenchWorld.Instance;
        var found = new EncounterBuffer();
        new ExactEncounterDetector(EncounterParameters.Default).Detect(_world.Day.Neighbourhood.Network, _world.Day.Neighbourhood.Places.Count, _world.Trajectories, found);
        _encounters = found.Items.ToArray();
        _nods = new bool[_encounters.Length];
        _ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        _nodModel = new NodModel(NodParameters.Default);
        Record();
    }

    [Benchmark(Baseline = true)]
    public int Record()
    {
        _ledger.Record(_day++, _encounters, _nods);
        return _ledger.PairCount;
    }

    [Benchmark]
    public int DecideNods()
    {
        _nodModel.Decide(_encounters, _world.Day.Neighbourhood.Network, _ledger, BenchWorld.Seed, _day, _nods);
        return _nods.Length;
    }
}
