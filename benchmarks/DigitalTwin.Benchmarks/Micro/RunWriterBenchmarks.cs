using BenchmarkDotNet.Attributes;
using DigitalTwin.Benchmarks.Scale;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// Writing a run folder (summary.json, edges.geojson, places.geojson, run.msgpack and the CSV tables) for 1,000 residents over 7 days,
/// against the summary's outcome statistics alone. Output writing allocates its serialised text by nature; it runs
/// once per run.
/// </summary>
[MemoryDiagnoser]
public class RunWriterBenchmarks
{
    private Neighbourhood _neighbourhood = null!;
    private Residents _residents = null!;
    private RunResult _result = null!;
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        (_neighbourhood, _residents) = SyntheticCity.Build(1000, 1);
        _result = new Simulator(_neighbourhood, _residents, SimulationParameters.Default, new RunOptions(7) { Seed = 1 }).Run();
        _folder = Path.Combine(Path.GetTempPath(), "digitaltwin-bench-run");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public int WriteAll()
    {
        var metadata = new RunMetadata("bench", "bench.json", "0", "generated", 1, 7, 1, 0);
        return RunWriter.WriteAll(_folder, metadata, _neighbourhood, _residents, _result).Count;
    }

    [Benchmark]
    public double OutcomeSummary() =>
        DigitalTwin.Engine.Outcomes.OutcomeSummary.From(_result.Residents, _residents, 7).GetHashCode();
}
