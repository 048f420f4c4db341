using DigitalTwin.Viewer.Interactive;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests.Interactive;

public class ReplayAnimationTests
{
    [Fact]
    public void An_encounter_flashes_while_it_lasts_and_not_before()
    {
        var run = SyntheticRuns.ThreePaths();
        run.ReplayEncounterSegment = [0];
        run.ReplayEncounterPositionMetres = [100];
        run.ReplayEncounterPlace = [-1];
        run.ReplayEncounterStartSeconds = [8 * 3600];
        run.ReplayEncounterDurationSeconds = [20];
        var replay = new ReplayAnimation(new MapScene(run));
        var mesh = new MarkerMesh();

        replay.TimeSeconds = (8 * 3600) - 10;
        replay.Build(mesh);
        int before = mesh.Count;
        replay.TimeSeconds = (8 * 3600) + 5;
        replay.Build(mesh);
        int during = mesh.Count;
        replay.TimeSeconds = (8 * 3600) + ReplayAnimation.FlashReplaySeconds + 30;
        replay.Build(mesh);
        int after = mesh.Count;

        Assert.Equal(0, before);
        Assert.True(during > 0, "the ring of the encounter is drawn");
        Assert.Equal(0, after);
    }
}
