using BenchmarkDotNet.Attributes;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// Network import: the Delft-Wippolder map from OSM PBF and from OSM XML (the bundled extract), against generating a
/// grid of similar size. Import allocates its whole output (network, places, homes) by nature: it runs once per run.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    [Benchmark(Baseline = true)]
    public Neighbourhood DelftPbf() => MapLoader.Load(RepositoryFiles.DelftPbf).Unwrap().Neighbourhood;

    [Benchmark]
    public Neighbourhood DelftOsmXml() => MapLoader.Load(RepositoryFiles.DelftXml).Unwrap().Neighbourhood;

    [Benchmark]
    public Neighbourhood GeneratedGrid40() => NetworkGenerator.Grid(40, 40);
}
