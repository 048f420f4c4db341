using System.Text.Json;
using DigitalTwin.Benchmarks.Scale;
using DigitalTwin.Benchmarks.Sumo;

namespace DigitalTwin.Benchmarks.Tests.Sumo;

/// <summary>The SUMO comparison's quick mode end to end. Needs SUMO (`.ci/apt-packages` installs sumo and sumo-tools).</summary>
public sealed class SumoCompareTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dt-sumo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Quick_mode_runs_sumo_on_the_engines_walkers_and_reports_comparable_counts()
    {
        var result = SumoCompare.Run("synthetic", 1000, seed: 1, _folder, keepFcd: false, sumoDawdling: false, TextWriter.Null);

        var written = JsonSerializer.Deserialize<SumoComparison>(File.ReadAllText(Path.Combine(_folder, SumoCompare.JsonFile)), ScaleJson.Options)!;
        Assert.Equal(result.EngineEncounters, written.EngineEncounters);
        Assert.True(File.Exists(Path.Combine(_folder, SumoCompare.MarkdownFile)));
        Assert.True(File.Exists(Path.Combine(_folder, "net.net.xml")));
        Assert.False(File.Exists(Path.Combine(_folder, "fcd.xml"))); // deleted after reading unless --keep-fcd

        Assert.True(result.WalkingTrips > 100, $"only {result.WalkingTrips} walking trips");
        Assert.Equal(result.WalkingTrips, result.SumoPersonsInserted); // SUMO accepted every exported walker
        Assert.Equal(result.WalkingTrips, result.SumoPersonsSeen);
        // The same demand: SUMO's walkers cover the same segments as the engine's.
        Assert.True(result.PedestriansPerSegment.Pearson > 0.99, $"pedestrians per segment r = {result.PedestriansPerSegment.Pearson}");
        Assert.InRange(result.SumoMeanTripSeconds / result.EngineMeanTripSeconds, 0.9, 1.3);
        // Encounters of the same order (the agreement itself is a measured figure, reported, not asserted).
        Assert.True(result.EngineEncounters > 0 && result.SumoEncounters > 0);
        Assert.InRange(result.EngineEncounters / (double)result.SumoEncounters, 0.5, 2.0);
        Assert.True(result.SumoSeconds > 0 && result.SumoFcdSeconds > 0 && result.EngineDaySeconds > 0);
    }
}
