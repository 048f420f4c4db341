using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Places;
using DigitalTwin.Viewer.CoCreation;
using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Tests.CoCreation;

public sealed class CoCreationSessionTests : IDisposable
{
    private readonly TinyCoCreation _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Before_the_baseline_has_run_the_map_is_there_without_counts()
    {
        var session = _world.Open();

        var map = session.MapOnlyScene.Run;
        Assert.True(map.SegmentCount > 0);
        Assert.All(map.Encounters, count => Assert.Equal(0, count));
        Assert.True(session.MapOnlyScene.AwaitingResults);
        Assert.All(session.MapOnlyScene.SegmentColours, colour => Assert.Equal(MapScene.AwaitingColour, colour));
        Assert.Null(session.Baseline);
        Assert.False(session.Busy);
    }

    [Fact]
    public void The_baseline_runs_in_the_background_and_gives_a_run_file_and_a_plain_map()
    {
        var session = _world.Open();
        session.StartBaseline();
        Assert.True(session.Busy);

        var baseline = TinyCoCreation.Finish(session);

        Assert.False(session.Busy);
        Assert.Same(baseline, session.Baseline);
        Assert.Empty(baseline.Edits);
        Assert.Equal(TinyCoCreation.Days, baseline.Run.Days);
        Assert.True(baseline.Run.Encounters.Sum() > 0);
        Assert.True(baseline.Headline.EncountersPerResidentPerDay > 0);
        Assert.False(baseline.Scene.ShowDifference);
    }

    [Fact]
    public void An_edit_re_runs_with_the_same_seed_and_shows_the_difference_from_the_baseline()
    {
        var session = _world.OpenWithBaseline();
        var baseline = session.Baseline!;
        var selection = new StreetSelection();
        selection.Toggle(TinyCoCreation.BusiestWay(baseline.Run));

        Assert.True(session.TryApply(EditKind.Benches, selection, out string refusal), refusal);
        Assert.Equal(EditKind.Benches, session.RunningEdit);
        var step = TinyCoCreation.Finish(session);

        Assert.Equal(1, session.EditCount);
        Assert.Contains("benches", step.Description, StringComparison.Ordinal);
        Assert.Equal(baseline.Run.Seed, step.Run.Seed);
        Assert.Same(baseline.Run, step.Scene.Baseline);
        Assert.True(step.Scene.ShowDifference);
        int benchesBefore = baseline.Run.PlaceKind.Count(k => k == (byte)PlaceKind.Bench);
        int benchesAfter = step.Run.PlaceKind.Count(k => k == (byte)PlaceKind.Bench);
        Assert.True(benchesAfter > benchesBefore, $"{benchesBefore} benches before, {benchesAfter} after");
        Assert.Equal(SegmentValues.Difference(step.Run, baseline.Run, step.Scene.Measure, step.Scene.Period), step.Scene.Values);
    }

    /// <summary>
    /// With three replications every state runs three times (seeds seed + r) and the difference view gets a mask: the
    /// segments whose change stands out once all are tested together. With one there is nothing to test against.
    /// </summary>
    [Fact]
    public void With_replications_the_difference_view_greys_out_what_stays_within_the_noise()
    {
        var session = _world.OpenWithBaseline(replications: 3);
        var baseline = session.Baseline!;
        var selection = new StreetSelection();
        selection.Toggle(TinyCoCreation.BusiestWay(baseline.Run));

        Assert.True(session.TryApply(EditKind.CarFree, selection, out string refusal), refusal);
        var step = TinyCoCreation.Finish(session);

        Assert.Equal(3, baseline.SegmentEncountersByReplication.Count);
        Assert.Equal(3, step.SegmentEncountersByReplication.Count);
        Assert.NotEqual(baseline.SegmentEncountersByReplication[0], baseline.SegmentEncountersByReplication[1]);
        var mask = step.Scene.SignificantSegments;
        Assert.NotNull(mask);
        Assert.Equal(step.Run.SegmentCount, mask.Length);
        Assert.Equal(FalseDiscovery.PairedDiscoveries(baseline.SegmentEncountersByReplication, step.SegmentEncountersByReplication), mask);
        Assert.Equal(3, step.Scene.SignificanceReplications);

        var single = _world.OpenWithBaseline();
        Assert.True(single.TryApply(EditKind.CarFree, selection, out _));
        Assert.Null(TinyCoCreation.Finish(single).Scene.SignificantSegments);
    }

    [Fact]
    public void Edits_stack_undo_steps_back_and_the_same_edit_again_gives_the_same_run()
    {
        var session = _world.OpenWithBaseline();
        var selection = new StreetSelection();
        selection.Toggle(session.Baseline!.Run, 0);
        Assert.True(session.TryApply(EditKind.WidenPavement, selection, out string refusal), refusal);
        var widened = TinyCoCreation.Finish(session);
        Assert.True(session.TryApply(EditKind.CarFree, selection, out _));
        var carFree = TinyCoCreation.Finish(session);

        Assert.Equal(2, carFree.Edits.Count);
        Assert.Same(widened.Edits[0], carFree.Edits[0]);

        Assert.Same(widened, session.Undo());
        Assert.Equal(1, session.EditCount);
        Assert.True(session.TryApply(EditKind.CarFree, selection, out _));
        var again = TinyCoCreation.Finish(session);

        // Common random numbers: the same edits on the same seed are the same run, bit for bit.
        Assert.Equal(carFree.Run.Encounters, again.Run.Encounters);
        Assert.Equal(carFree.Run.Nods, again.Run.Nods);
        Assert.Same(widened, session.Undo());
        Assert.Same(session.Baseline, session.Undo());
        Assert.Null(session.Undo());
    }

    [Fact]
    public void An_edit_is_refused_without_a_selection_or_while_a_run_is_under_way()
    {
        var session = _world.Open();
        var selection = new StreetSelection();
        session.StartBaseline();
        selection.Toggle(1);

        Assert.False(session.TryApply(EditKind.Lighting, selection, out string busy));
        Assert.Contains("in progress", busy, StringComparison.Ordinal);
        Assert.Null(session.Undo());
        TinyCoCreation.Finish(session);

        Assert.False(session.TryApply(EditKind.Lighting, new StreetSelection(), out string empty));
        Assert.Contains("select streets first", empty, StringComparison.Ordinal);
        Assert.False(session.Busy);
    }

    [Fact]
    public void Widening_leaves_out_ways_whose_pavements_are_already_wide_enough()
    {
        var session = _world.OpenWithBaseline();
        var run = session.Baseline!.Run;
        var wide = new StreetSelection();
        var narrow = new StreetSelection();
        for (int s = 0; s < run.SegmentCount; s++)
        {
            (run.PavementWidthMetres[s] >= CoCreationEdits.WidenedPavementMetres ? wide : narrow).Toggle(run, s);
        }
        Assert.False(narrow.IsEmpty, "the grid needs a narrow pavement for this test");

        if (!wide.IsEmpty)
        {
            Assert.False(session.TryApply(EditKind.WidenPavement, wide, out string refusal));
            Assert.Contains("already 3 m or wider", refusal, StringComparison.Ordinal);
        }
        foreach (long way in wide.WayIds)
        {
            narrow.Toggle(way);
        }
        Assert.True(session.TryApply(EditKind.WidenPavement, narrow, out _));
        var step = TinyCoCreation.Finish(session);

        var address = Assert.IsType<Engine.Scenarios.StreetByOsmWayIds>(Assert.IsType<Engine.Interventions.Types.WidenPavement>(Assert.Single(step.Edits)).Streets);
        Assert.All(address.OsmWayIds, way => Assert.DoesNotContain(way, wide.WayIds));
        Assert.All(Enumerable.Range(0, run.SegmentCount), s => Assert.True(step.Run.PavementWidthMetres[s] >= run.PavementWidthMetres[s]));
    }

    [Fact]
    public void Redo_goes_forward_to_the_undone_state_and_a_new_edit_forgets_it()
    {
        var session = _world.OpenWithBaseline();
        var selection = new StreetSelection();
        selection.Toggle(session.Baseline!.Run, 0);
        Assert.True(session.TryApply(EditKind.Lighting, selection, out string refusal), refusal);
        var lit = TinyCoCreation.Finish(session);
        Assert.Null(session.Redo());

        Assert.Same(session.Baseline, session.Undo());
        Assert.True(session.CanRedo);
        Assert.Same(lit, session.Redo());
        Assert.Equal(1, session.EditCount);

        Assert.Same(session.Baseline, session.Undo());
        Assert.True(session.TryApply(EditKind.CarFree, selection, out _));
        TinyCoCreation.Finish(session);
        Assert.False(session.CanRedo);
        Assert.Null(session.Redo());
    }

    [Fact]
    public void A_cancelled_run_stops_between_days_and_leaves_the_state_before_it()
    {
        // A year of days: the run cannot finish before the cancel reaches it, so the test does not race the simulator.
        var session = CoCreationSession.Open(_world.Scenario, 365, TinyCoCreation.Threads).Unwrap();
        Assert.False(session.Cancel());
        session.StartBaseline();

        Assert.True(session.Cancel());
        Assert.True(session.WaitForRun(TimeSpan.FromSeconds(60)), "a cancelled run should stop within a day's simulation");
        Assert.Null(session.TakeFinished(out string? failure));

        Assert.Equal(CoCreationSession.CancelledMessage, failure);
        Assert.False(session.Busy);
        Assert.Null(session.Baseline);
        Assert.Empty(session.Steps);
    }
}
