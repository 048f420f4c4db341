using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Viewer.Tests;

/// <summary>
/// A small run file made by hand: three parallel 200 m footpaths 100 m apart (no carriageway, so the whole width
/// shows the heat colour). Path 0 is busy, path 1 quiet, path 2 empty.
/// </summary>
internal static class SyntheticRuns
{
    public const int Busy = 0;
    public const int Quiet = 1;
    public const int Empty = 2;

    public static RunFile ThreePaths(long busyEncounters = 400, long quietEncounters = 4)
    {
        const int segments = 3;
        var run = new RunFile
        {
            ScenarioName = "three paths",
            Days = 1,
            SegmentGeometryStart = [0, 2, 4, 6],
            GeometryX = [0, 200, 0, 200, 0, 200],
            GeometryY = [0, 0, 100, 100, 200, 200],
            SegmentLengthMetres = [200, 200, 200],
            PavementWidthMetres = [3, 3, 3],
            Highway = [(byte)HighwayKind.Footway, (byte)HighwayKind.Footway, (byte)HighwayKind.Footway],
            StreetNames = ["Busy Path", "Quiet Path", "Empty Path"],
            SegmentNameIndex = [0, 1, 2],
            WalkPassages = new long[segments * 4],
            BikePassages = new long[segments * 4],
            CarPassages = new long[segments * 4],
            Encounters = new long[segments * 4],
            Nods = new long[segments * 4],
            NewFamiliarPairs = new long[segments * 4],
        };
        run.Encounters[(Busy * 4) + 1] = busyEncounters;
        run.Encounters[(Quiet * 4) + 1] = quietEncounters;
        run.WalkPassages[(Busy * 4) + 1] = 1000;
        run.WalkPassages[(Quiet * 4) + 1] = 10;
        return run;
    }

    /// <summary>Writes the run into a fresh folder as run.msgpack and returns the folder.</summary>
    public static string WriteToFolder(RunFile run)
    {
        string folder = Path.Combine(Path.GetTempPath(), "twin-viewer-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var file = File.Create(Path.Combine(folder, RunWriter.RunFileName));
        run.Write(file);
        return folder;
    }
}
