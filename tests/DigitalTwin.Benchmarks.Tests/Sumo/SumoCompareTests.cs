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
        Assert.True(File.Exists(Path.Combine(_folder, "net-step.net.xml")));
        Assert.True(File.Exists(Path.Combine(_folder, "net-walkingareas.net.xml")));

        Assert.True(result.WalkingTrips > 100, $"only {result.WalkingTrips} walking trips");
        foreach (var sumo in new[] { result.Stepping, result.WalkingAreas })
        {
            // The fcd is deleted after reading unless --keep-fcd.
            Assert.False(File.Exists(Path.Combine(_folder, $"fcd-{(sumo.Junctions == SumoJunctionModel.Step ? "step" : "walkingareas")}.xml")));
            Assert.Equal(result.WalkingTrips, sumo.PersonsInserted); // SUMO accepted every exported walker
            Assert.Equal(result.WalkingTrips, sumo.PersonsSeen);
            // The same demand: SUMO's walkers cover the same segments as the engine's.
            Assert.True(sumo.PedestriansPerSegment.Pearson > 0.99, $"{sumo.Junctions}: pedestrians per segment r = {sumo.PedestriansPerSegment.Pearson}");
            Assert.InRange(sumo.MeanTripSeconds / result.EngineMeanTripSeconds, 0.9, 1.3);
            // Encounters of the same order (the agreement itself is a measured figure, reported, not asserted).
            Assert.True(result.EngineEncounters > 0 && sumo.Encounters > 0);
            Assert.InRange(result.EngineEncounters / (double)sumo.Encounters, 0.5, 2.0);
            Assert.True(sumo.SumoSeconds > 0 && sumo.SumoFcdSeconds > 0);
        }
        Assert.Equal(SumoJunctionModel.Step, written.Stepping.Junctions);
        // Stepping walks exactly the engine's routes; walking areas add the junctions' width to every walk.
        Assert.InRange(result.Stepping.MeanRouteMetres / result.EngineMeanTripMetres, 0.98, 1.02);
        Assert.True(result.WalkingAreas.MeanRouteMetres > result.Stepping.MeanRouteMetres);
        // The engine's phases were run and timed (sane figures, not speeds); a generated city has no twin run to time.
        Assert.True(result.Engine.Walks > 0);
        Assert.True(result.Engine.TreesSeconds > 0 && result.Engine.MoveSeconds > 0 && result.Engine.DetectOneThreadSeconds > 0 && result.Engine.DetectTwoThreadsSeconds > 0);
        Assert.Empty(result.TwinRuns);
        Assert.Contains("sumo without trajectory output", File.ReadAllText(Path.Combine(_folder, SumoCompare.MarkdownFile)), StringComparison.Ordinal);
    }
}
