using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Viewer.CoCreation;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Interactive;

/// <summary>
/// Co-creation in the window: click streets to select them (shift-click or Backspace clears), then B benches,
/// W wider pavements, C car-free, M mixed use, L lighting; U or Ctrl+Z undoes the last edit, Y or Ctrl+Y redoes it; Esc
/// cancels an edit's run under way (otherwise it closes the window); S saves the edits as a scenario file; N cycles the
/// measure (M is taken); O drops residents' pins (ViewerSession.Pins.cs).
/// Runs happen on the session's worker; this thread only polls it and swaps in the finished scene.
/// </summary>
public sealed partial class ViewerSession
{
    private const int KeyN = 78, KeyU = 85, KeyS = 83, KeyY = 89, KeyZ = 90, KeyBackspace = 259, KeyDelete = 261;

    /// <summary>Spacing of the dots that mark a selected street, in pixels at scale 1: a dotted line over the heat colour.</summary>
    private const float SelectionDotSpacingPixels = 7;

    private const float SelectionDotRadiusPixels = 2.5f;

    /// <summary>At most this many selection dots a frame: a whole town selected zoomed out would otherwise cost more than the map.</summary>
    private const int MaxSelectionDots = 20_000;

    /// <summary>Magenta: on neither colour map (viridis, blue-grey-orange) and unlike the white place symbols.</summary>
    private static readonly Rgba SelectionColour = new(255, 40, 200);
    private static readonly Rgba SelectionCore = new(20, 22, 26);

    private readonly CoCreationSession? _session;
    private readonly StreetSelection _selection = new();
    private readonly List<double> _editSeconds = [];
    private readonly Stopwatch _editClock = new();
    private Action<string>? _log;
    private Queue<ScriptStep>? _script;
    private bool _scriptFinished;
    private string? _scriptFailure;
    private bool _editOnScreenNextFrame;
    private string _message = string.Empty;
    private RunProgress _drawnProgress;
    private int[] _selectedSegments = [];
    private int _selectionVersion = -1;
    private MapScene? _selectionScene;
    private MapScene? _pendingUndo;
    private string? _savePath;
    private double? _lastKeyToMapSeconds;
    private bool _saveFailed;

    /// <summary>Takes a finished run from the session (or reports its failure); the scene to show, if any.</summary>
    private MapScene? PollSession()
    {
        if (_session is null)
        {
            return null;
        }
        if (_pendingUndo is { } undone)
        {
            _pendingUndo = null;
            return undone;
        }
        var step = _session.TakeFinished(out string? failure);
        if (failure == CoCreationSession.CancelledMessage)
        {
            _editClock.Reset();
            _message = _session.EditCount == 0 ? "run cancelled: the map shows the baseline" : "run cancelled: the map shows edit " + _session.EditCount.ToString(CultureInfo.InvariantCulture);
            _log?.Invoke(_message);
            return null;
        }
        if (failure is not null)
        {
            _message = "the run failed: " + failure;
            _editClock.Reset();
            _log?.Invoke(_message);
            FailScript(_message);
            return null;
        }
        if (step is null)
        {
            return null;
        }
        var c = CultureInfo.InvariantCulture;
        if (step.Edits.Count == 0)
        {
            _message = string.Empty;
            _log?.Invoke(string.Create(c,
                $"baseline: {_session.Days} days simulated in {step.SimulationSeconds:0.0} s; per resident per day: {step.Headline.EncountersPerResidentPerDay:0.00} encounters, {step.Headline.NodsPerResidentPerDay:0.000} nods"));
            return step.Scene;
        }
        _message = string.Empty;
        _editOnScreenNextFrame = _editClock.IsRunning;
        if (!_editClock.IsRunning)
        {
            // An edit read from a saved session, re-run on opening: no key was pressed for it.
            _log?.Invoke(string.Create(c,
                $"restored edit {step.Edits.Count}: {step.Description}; {step.Headline.ChangeFrom(_session.Baseline!.Headline)} (simulation {step.SimulationSeconds:0.00} s)"));
        }
        step.Scene.ShowDifference = true;
        return step.Scene;
    }

    /// <summary>After a frame is on screen: an edit's result just shown stops its clock.</summary>
    private void FramePresented()
    {
        if (!_editOnScreenNextFrame || _session?.Current is not { } current)
        {
            return;
        }
        _editOnScreenNextFrame = false;
        double seconds = _editClock.Elapsed.TotalSeconds;
        _editClock.Reset();
        _editSeconds.Add(seconds);
        _lastKeyToMapSeconds = seconds;
        _log?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"edit {current.Edits.Count}: {current.Description}; {current.Headline.ChangeFrom(_session.Baseline!.Headline)}; map updated {seconds:0.00} s after the key (simulation {current.SimulationSeconds:0.00} s)"));
    }

    private bool ProgressChanged()
    {
        if (_session is not { Busy: true })
        {
            return false;
        }
        var progress = _session.Progress;
        if (progress == _drawnProgress)
        {
            return false;
        }
        _drawnProgress = progress;
        return true;
    }

    /// <summary>Runs the next scripted step when no run is under way; true when something changed on screen.</summary>
    private bool StepScript()
    {
        if (_script is null || _session is null || _scriptFinished)
        {
            return false;
        }
        if (_session.Busy)
        {
            // Only a cancel step acts on a run under way; every other step waits for it.
            if (_script.Count > 0 && _script.Peek().Verb == ScriptVerb.Cancel)
            {
                _script.Dequeue();
                if (!CancelRun())
                {
                    FailScript("script: cancel: " + _message);
                }
                return true;
            }
            return false;
        }
        if (_script.Count == 0)
        {
            _scriptFinished = true;
            return true;
        }
        var step = _script.Dequeue();
        switch (step.Verb)
        {
            case ScriptVerb.Select:
                foreach (long way in step.WayIds)
                {
                    if (Array.IndexOf(_scene.Run.OsmWayId, way) < 0)
                    {
                        FailScript(string.Create(CultureInfo.InvariantCulture, $"script: no street of the map comes from OSM way {way}"));
                        return true;
                    }
                    _selection.Toggle(way);
                }
                return true;
            case ScriptVerb.Key:
                bool changed = Key(step.Key);
                if (_message.StartsWith("pin not saved", StringComparison.Ordinal))
                {
                    FailScript("script: key " + step.Key + ": " + _message);
                }
                if ((_message.Length > 0 && !_session.Busy && CoCreationEdits.FromKey(step.Key) is not null) || (step.Key == 'S' && _saveFailed))
                {
                    FailScript("script: key " + step.Key + ": " + _message);
                }
                return changed;
            case ScriptVerb.Pin:
                if (!DropPin(step.Pin!))
                {
                    FailScript("script: pin: " + _message);
                }
                return true;
            case ScriptVerb.Click:
                if (!_pinning || TypingComment)
                {
                    FailScript("script: click: only places a pin, so press O first (key:O) and finish the last comment (key:ENTER)");
                    return true;
                }
                var (x, y) = ObservationLayer.GeoReferenceOf(_scene.Run).Project(step.Pin!.Longitude, step.Pin.Latitude);
                StartPin(x, y);
                return true;
            case ScriptVerb.Type:
                if (!TypingComment)
                {
                    FailScript("script: type: no comment is open (click:LON,LAT while pinning opens one)");
                    return true;
                }
                foreach (var rune in step.Text.EnumerateRunes())
                {
                    TypeCharacter(rune.Value);
                }
                return true;
            case ScriptVerb.Cancel:
                FailScript("script: cancel: no run was under way (the previous step's run had already finished)");
                return true;
            default:
                return false;
        }
    }

    private void FailScript(string reason)
    {
        if (_script is not null && _scriptFailure is null)
        {
            _scriptFailure = reason;
            _script.Clear();
        }
    }

    /// <summary>A click (after <see cref="Select"/> found what is under the cursor) toggles that street's way in the selection.</summary>
    private void Clicked(bool shift)
    {
        if (_session is null)
        {
            return;
        }
        if (shift)
        {
            _selection.Clear();
            return;
        }
        if (_selectedSegment >= 0 && !_selection.Toggle(_scene.Run, _selectedSegment))
        {
            _message = "this street has no OSM way id, so an edit cannot address it";
        }
    }

    /// <summary>The co-creation meaning of a key; null when the key keeps its viewing meaning.</summary>
    private bool? CoCreationKey(int key)
    {
        var session = _session!;
        if (PinKey(key) is { } pinned)
        {
            return pinned;
        }
        if (CoCreationEdits.FromKey(key) is { } kind)
        {
            if (session.TryApply(kind, _selection, out string refusal))
            {
                _message = string.Empty;
                _editClock.Restart();
            }
            else
            {
                _message = refusal;
            }
            return true;
        }
        switch (key)
        {
            case KeyN:
                _scene.Measure = (Measure)(((int)_scene.Measure + 1) % Enum.GetValues<Measure>().Length);
                return true;
            case KeyEscape when session.Busy && session.Baseline is not null:
                CancelRun();
                return true;
            case KeyS:
                _saveFailed = !SaveSession();
                return true;
            case KeyY:
                if (session.Redo() is { } next)
                {
                    _pendingUndo = next.Scene;
                    _message = "redone: edit " + session.EditCount.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    _message = session.Busy ? "a run is in progress: redo when it has finished" : "nothing to redo";
                }
                return true;
            case KeyU or KeyZ:
                if (session.Undo() is { } previous)
                {
                    _pendingUndo = previous.Scene;
                    _message = session.EditCount == 0 ? "undone: back to the baseline" : "undone: back to edit " + session.EditCount.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    _message = session.Busy ? "a run is in progress: undo when it has finished" : "nothing to undo";
                }
                return true;
            case KeyBackspace or KeyDelete:
                _selection.Clear();
                return true;
            default:
                return null;
        }
    }

    /// <summary>Stops the edit's run under way (Esc); false with the reason in the message when there is none.</summary>
    private bool CancelRun()
    {
        if (_session!.Baseline is null || !_session.Cancel())
        {
            _message = _session.Baseline is null ? "the baseline cannot be cancelled: edits need it" : "no run to cancel";
            return false;
        }
        _message = "cancelling the run ...";
        return true;
    }

    /// <summary>Writes the edits to the session's file (key S); false with the reason in the message when it could not.</summary>
    private bool SaveSession()
    {
        var session = _session!;
        if (_savePath is null)
        {
            _message = "no file to save to";
            return false;
        }
        bool saved = false;
        try
        {
            saved = session.Save(_savePath, out _message);
        }
        catch (IOException e)
        {
            _message = "could not save: " + e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            _message = "could not save: " + e.Message;
        }
        _log?.Invoke(_message);
        return saved;
    }

    private void CoCreationNotes(List<string> notes)
    {
        var session = _session!;
        var c = CultureInfo.InvariantCulture;
        if (session.Busy)
        {
            var progress = session.Progress;
            string what = session.RunningEdit is { } kind ? CoCreationEdits.Describe(kind)
                : session.RestoringEdit ? string.Create(c, $"saved edit {session.EditCount + 1} of {session.EditCount + 1 + session.EditsToRestore}") : "the baseline";
            notes.Add((progress.Stage == "simulating"
                ? string.Create(c, $"simulating {what}: day {Math.Min(progress.Day + 1, progress.Days)} of {progress.Days}")
                : $"simulating {what}: {progress.Stage}") + (session.Baseline is null ? string.Empty : "  (Esc cancels)"));
        }
        if (session.Current is { } current && session.Baseline is { } baseline)
        {
            if (current.Edits.Count > 0)
            {
                notes.Add(string.Create(c, $"edit {current.Edits.Count}: {current.Description}"));
                notes.Add(current.Headline.ChangeFrom(baseline.Headline));
                if (_lastKeyToMapSeconds is { } seconds)
                {
                    notes.Add(string.Create(c, $"map updated {seconds:0.0} s after the key (simulating {current.SimulationSeconds:0.0} s of it)"));
                }
            }
            else
            {
                notes.Add(string.Create(c, $"baseline, per resident per day: {baseline.Headline.EncountersPerResidentPerDay:0.00} encounters, {baseline.Headline.NodsPerResidentPerDay:0.000} nods"));
            }
        }
        if (!_selection.IsEmpty)
        {
            var names = _selection.StreetNames(_scene.Run);
            notes.Add(string.Create(c, $"selected: {(names.Count == 0 ? "unnamed streets" : string.Join(", ", names.Take(3)))}{(names.Count > 3 ? " ..." : string.Empty)} ({SelectedSegments().Length} segments)"));
        }
        if (_message.Length > 0)
        {
            notes.Add(_message);
        }
        if (session.HasUnsavedEdits)
        {
            notes.Add("unsaved edits: S saves them to " + Path.GetFileName(_savePath ?? string.Empty));
        }
        notes.Add("click streets to select; B benches  W widen  C car-free  M mixed use  L light  O pin");
        notes.Add("U undo  Y redo  S save  Esc cancel a run");
        notes.Add(_scene.Baseline is null
            ? "N measure  P period  R replay  F fit  Backspace: clear selection"
            : "N measure  P period  D difference  R replay  F fit  Backspace: clear");
    }

    private int[] SelectedSegments()
    {
        if (_selectionVersion != _selection.Version || !ReferenceEquals(_selectionScene, _scene))
        {
            _selectedSegments = _selection.Segments(_scene.Run);
            _selectionVersion = _selection.Version;
            _selectionScene = _scene;
        }
        return _selectedSegments;
    }

    /// <summary>Marks the selected streets with a dotted line: magenta dots with a dark core, visible on every colour of both maps.</summary>
    private void HighlightSelection(MarkerMesh dots, int scale)
    {
        if (_selection.IsEmpty)
        {
            return;
        }
        var run = _scene.Run;
        double spacingMetres = SelectionDotSpacingPixels * scale / _camera.PixelsPerMetre;
        int placed = 0;
        foreach (int s in SelectedSegments())
        {
            double length = run.SegmentLengthMetres[s];
            for (double offset = 0; offset <= length && placed < MaxSelectionDots; offset += spacingMetres, placed++)
            {
                var (x, y) = _scene.Geometry.PointAlong(s, offset);
                dots.Disc(x, y, 0, 0, SelectionDotRadiusPixels * scale, SelectionColour);
                dots.Disc(x, y, 0, 0, SelectionDotRadiusPixels * scale * 0.45f, SelectionCore);
            }
        }
    }
}
