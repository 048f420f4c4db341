using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.TestKit;
using DigitalTwin.Viewer.CoCreation;

namespace DigitalTwin.Viewer.Tests.CoCreation;

/// <summary>
/// A co-creation fixture: a scenario of 100 residents on a generated 4 x 4 street grid (written as GeoJSON, so every
/// street has a way id), simulated for two days: each run takes well under a second.
/// </summary>
internal sealed class TinyCoCreation : IDisposable
{
    public const int Days = 2;

    public const int Threads = 2;

    private readonly ScenarioBuilder _files = new();

    public TinyCoCreation()
    {
        string map = Path.Combine(_files.Directory, "map.geojson");
        Assert.True(GeoJsonExporter.WriteNeighbourhood(WithNarrowPavements(NetworkGenerator.Grid(4, 4)), map).Succeeded);
        ScenarioPath = _files.Set("map", "map.geojson").Write();
    }

    public string Directory => _files.Directory;

    public string ScenarioPath { get; }

    public Scenario Scenario => ScenarioLoader.Load(ScenarioPath).Unwrap();

    public CoCreationSession Open(int replications = 1) => CoCreationSession.Open(Scenario, Days, Threads, replications).Unwrap();

    /// <summary>Opens a session and simulates its baseline.</summary>
    public CoCreationSession OpenWithBaseline(int replications = 1)
    {
        var session = Open(replications);
        session.StartBaseline();
        Finish(session);
        return session;
    }

    /// <summary>Waits for the run under way and takes its result (failing the test on a failed run).</summary>
    public static CoCreationStep Finish(CoCreationSession session)
    {
        Assert.True(session.WaitForRun(TimeSpan.FromSeconds(60)), "the background run did not finish in a minute");
        var step = session.TakeFinished(out string? failure);
        Assert.True(failure is null, failure);
        return step!;
    }

    /// <summary>The way of the street walked most in the run: an edit there shows on the map.</summary>
    public static long BusiestWay(RunFile run)
    {
        int best = 0;
        long most = -1;
        for (int s = 0; s < run.SegmentCount; s++)
        {
            long walked = 0;
            for (int p = 0; p < 4; p++)
            {
                walked += run.WalkPassages[(s * 4) + p];
            }
            if (walked > most && run.OsmWayId[s] != 0)
            {
                most = walked;
                best = s;
            }
        }
        return run.OsmWayId[best];
    }

    public void Dispose() => _files.Dispose();

    /// <summary>Every other street gets 2 m pavements (the generator's are 3 m and wider), so there is something to widen.</summary>
    private static Neighbourhood WithNarrowPavements(Neighbourhood neighbourhood)
    {
        var builder = neighbourhood.Network.ToBuilder();
        for (int s = 0; s < neighbourhood.Network.SegmentCount; s += 2)
        {
            var segment = new SegmentId(s);
            builder.SetAttributes(segment, builder.GetAttributes(segment) with { PavementWidthMetres = 2f });
        }
        return new Neighbourhood(builder.Build(), neighbourhood.Places, neighbourhood.Homes);
    }
}
