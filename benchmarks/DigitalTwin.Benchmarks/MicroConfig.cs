using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DigitalTwin.Benchmarks;

/// <summary>
/// The micro-benchmark configuration. In-process (emit) toolchain: the benchmarks share the repository's build
/// (artifacts output, central package versions) instead of BenchmarkDotNet generating and building a project of
/// its own, which also keeps a CI run short. <c>--quick</c> is BenchmarkDotNet's Dry job (one launch, one
/// iteration: proves the code runs and reports allocations, not a timing); without it, the ShortRun job.
/// </summary>
public static class MicroConfig
{
    public static IConfig Create(bool quick)
    {
        var job = (quick ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(MarkdownExporter.GitHub)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
    }
}
