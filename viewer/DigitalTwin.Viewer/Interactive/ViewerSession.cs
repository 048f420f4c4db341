using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Engine.Places;
using DigitalTwin.Viewer.CoCreation;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Native;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Interactive;

/// <summary>What a window session did: frames drawn and the mean time per frame (drawing and swapping).</summary>
public sealed record ViewerReport(int Frames, double MeanFrameMilliseconds, string? ScreenshotPath)
{
    /// <summary>Co-creation: seconds from each edit's key press to the first frame showing its result.</summary>
    public IReadOnlyList<double> EditSeconds { get; init; } = [];

    /// <summary>Frames drawn while a background run was under way, their mean and longest time.</summary>
    public int FramesDuringRuns { get; init; }

    public double MeanFrameMillisecondsDuringRuns { get; init; }

    public double LongestFrameMillisecondsDuringRuns { get; init; }

    /// <summary>Why a scripted session stopped early (a refused step or a failed run); null when it ran through.</summary>
    public string? ScriptFailure { get; init; }
}

/// <summary>Options for a window session; the frame limit and screenshot serve tests and measurements.</summary>
public sealed record ViewerOptions
{
    /// <summary>Stop after this many frames (null: until the window is closed).</summary>
    public int? Frames { get; init; }

    /// <summary>Write the last frame to this PNG before stopping.</summary>
    public string? ScreenshotPath { get; init; }

    /// <summary>Draw every frame even when nothing changes (to measure frame time).</summary>
    public bool Continuous { get; init; }

    /// <summary>Co-creation: steps to run as if typed (see <see cref="CoCreation.CoCreationScript"/>); the window closes after the last.</summary>
    public IReadOnlyList<CoCreation.ScriptStep>? Script { get; init; }

    /// <summary>Where to write a line for people when a run finishes (the command line's output).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Residents' observations drawn over the map (null: none).</summary>
    public Maps.ObservationLayer? Observations { get; init; }

    /// <summary>Co-creation: the scenario file key S writes the session's edits to; null: saving is refused.</summary>
    public string? SavePath { get; init; }

    /// <summary>Co-creation: the observations file pins are appended to (key O, then a click); null: pins are refused.</summary>
    public string? ObservationsFile { get; init; }
}

/// <summary>
/// The interactive map: drag to pan, wheel to zoom, click a street or place to read its name and numbers; keys
/// switch measure (M), period (P), group (G), difference (D), replay (R, space to pause, + and - for speed), F to fit, Esc to quit.
/// With a <see cref="CoCreationSession"/> it also edits: see ViewerSession.CoCreation.cs.
/// </summary>
public sealed partial class ViewerSession
{
    /// <summary>A click selects a street or place within this many pixels of the cursor.</summary>
    private const double PickRadiusPixels = 12;

    /// <summary>A press and release closer than this many pixels is a click, not a drag.</summary>
    private const double ClickTolerancePixels = 4;

    /// <summary>Zoom factor per wheel notch.</summary>
    private const double WheelZoom = 1.25;

    /// <summary>Wait for input this long between frames when nothing moves (saves the CPU for a background run).</summary>
    private const double IdleWaitSeconds = 0.1;

    /// <summary>While a background run is under way, look at it this often: a finished map shows within a frame at 30 Hz.</summary>
    private const double BusyWaitSeconds = 1.0 / 30;

    private const int KeyG = 71;
    private const int KeyEscape = 256, KeyM = 77, KeyP = 80, KeyD = 68, KeyR = 82, KeyF = 70, KeySpace = 32;
    private const int KeyEqual = 61, KeyMinus = 45, KeyPadAdd = 334, KeyPadSubtract = 333;

    private readonly GlfwWindow _window;
    private readonly MapCamera _camera = new();
    private MapScene _scene;
    private ReplayAnimation _replay;
    private readonly MarkerMesh _overlay = new();
    private readonly MarkerMesh _dots = new();
    private readonly List<string> _notes = [];
    private bool _replaying;
    private bool _dragging;
    private (double X, double Y) _pressedAt;
    private (double X, double Y) _lastCursor;
    private int _selectedSegment = -1;
    private int _selectedPlace = -1;
    private bool _fitted;

    public ViewerSession(GlfwWindow window, MapScene scene)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(scene);
        _window = window;
        _scene = scene;
        _replay = new ReplayAnimation(scene);
    }

    /// <summary>A co-creation window: the map is drawn at once and the baseline run starts in the background.</summary>
    public ViewerSession(GlfwWindow window, CoCreationSession session)
        : this(window, (session ?? throw new ArgumentNullException(nameof(session))).MapOnlyScene)
    {
        _session = session;
        // The panel's headline is about encounters: the map starts on the same measure (N changes it).
        _scene.Measure = Measure.Encounters;
        session.StartBaseline();
    }

    public ViewerReport Run(ViewerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _log = options.Log;
        _observations = options.Observations;
        _observationsFile = options.ObservationsFile;
        _savePath = options.SavePath;
        if (_observationsFile is not null && _observations is null)
        {
            _observations = new Maps.ObservationLayer([], Maps.ObservationLayer.GeoReferenceOf(_scene.Run));
        }
        if (options.Script is not null)
        {
            _script = new Queue<ScriptStep>(options.Script);
        }
        var renderer = new MapRenderer(_window.Gl, _scene, cacheOverview: true);
        try
        {
            return Loop(options, ref renderer);
        }
        finally
        {
            renderer.Dispose();
        }
    }

    private ViewerReport Loop(ViewerOptions options, ref MapRenderer renderer)
    {
        var frameClock = new Stopwatch();
        var wall = Stopwatch.StartNew();
        double last = 0;
        int frames = 0;
        double drawingSeconds = 0;
        int framesDuringRuns = 0;
        double secondsDuringRuns = 0, longestDuringRuns = 0;
        bool dirty = true;
        while (!_window.ShouldClose)
        {
            bool animating = _replaying && !_replay.Paused;
            bool busy = _session?.Busy ?? false;
            double wait = busy ? BusyWaitSeconds : IdleWaitSeconds;
            var events = _window.Events(options.Continuous || animating || dirty || options.Frames is not null ? 0 : wait);
            dirty |= Handle(events);
            if (PollSession() is { } next)
            {
                SwapScene(next, ref renderer);
                dirty = true;
            }
            dirty |= StepScript();
            dirty |= ProgressChanged();
            double now = wall.Elapsed.TotalSeconds;
            _replay.Advance(now - last);
            last = now;
            if (!(dirty || animating || options.Continuous || options.Frames is not null || _scriptFinished))
            {
                continue;
            }
            frameClock.Restart();
            var (width, height) = _window.FramebufferSize;
            if (width <= 0 || height <= 0)
            {
                continue;
            }
            var layout = new MapLayout(width, height);
            if (!_fitted || _camera.WidthPixels != width || _camera.HeightPixels != height)
            {
                Fit(layout, width, height);
            }
            _overlay.Clear();
            MapAnnotations.Build(_overlay, _scene, _camera, layout, Notes());
            _dots.Clear();
            if (_replaying)
            {
                _replay.Build(_dots);
            }
            HighlightSelection(_dots, layout.Scale);
            if (_observations is not null)
            {
                _observations.BuildMarkers(_dots, layout.Scale);
                if (_pendingPin is { } pending)
                {
                    _observations.BuildPending(_dots, layout.Scale, pending.Kind, pending.Longitude, pending.Latitude);
                }
                // While a comment is typed the notes panel says what to do; the key stays short so the two never overlap.
                _observations.BuildLegend(_overlay, layout, _pinning && !TypingComment ? PinStatus() : null);
            }
            renderer.Draw(_camera, layout, _overlay, _dots.Count > 0 ? _dots : null);
            frames++;
            bool lastFrame = (options.Frames is { } limit && frames >= limit) || _scriptFinished;
            if (lastFrame && options.ScreenshotPath is not null)
            {
                PngWriter.Write(options.ScreenshotPath, renderer.ReadPixels(width, height));
            }
            _window.Gl.Finish();
            _window.SwapBuffers();
            double frameSeconds = frameClock.Elapsed.TotalSeconds;
            drawingSeconds += frameSeconds;
            if (busy)
            {
                framesDuringRuns++;
                secondsDuringRuns += frameSeconds;
                longestDuringRuns = Math.Max(longestDuringRuns, frameSeconds);
            }
            FramePresented();
            dirty = false;
            if (lastFrame)
            {
                break;
            }
        }
        return new ViewerReport(frames, frames == 0 ? 0 : drawingSeconds * 1000 / frames, options.ScreenshotPath)
        {
            EditSeconds = [.. _editSeconds],
            FramesDuringRuns = framesDuringRuns,
            MeanFrameMillisecondsDuringRuns = framesDuringRuns == 0 ? 0 : secondsDuringRuns * 1000 / framesDuringRuns,
            LongestFrameMillisecondsDuringRuns = longestDuringRuns * 1000,
            ScriptFailure = _scriptFailure,
        };
    }

    /// <summary>Shows another scene (a finished run, or an undo), keeping the view, measure and period.</summary>
    private void SwapScene(MapScene next, ref MapRenderer renderer)
    {
        next.Measure = _scene.Measure;
        next.Period = _scene.Period;
        next.Group = _scene.Group;
        var replay = new ReplayAnimation(next) { TimeSeconds = _replay.TimeSeconds, Speed = _replay.Speed, Paused = _replay.Paused };
        // The renderer holds the old scene's geometry on the GPU (pavements and places change with edits): build it anew.
        renderer.Dispose();
        renderer = new MapRenderer(_window.Gl, next, cacheOverview: true);
        _scene = next;
        _replay = replay;
        _replaying &= replay.HasSample;
        _selectedSegment = Math.Min(_selectedSegment, next.Run.SegmentCount - 1);
        _selectedPlace = _selectedPlace < next.Run.PlaceCount ? _selectedPlace : -1;
    }

    private void Fit(MapLayout layout, int width, int height)
    {
        var area = layout.MapArea;
        if (_fitted)
        {
            // A resized window keeps its centre and zoom; only the picture size changes.
            _camera.WidthPixels = width;
            _camera.HeightPixels = height;
            return;
        }
        _camera.Fit(_scene.Geometry.Bounds, (area.X, area.Y, area.Width, area.Height), width, height);
        _fitted = true;
    }

    private bool Handle(IReadOnlyList<InputEvent> events)
    {
        bool changed = false;
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case InputEventKind.KeyPress:
                    changed |= Key(e.Code);
                    break;
                case InputEventKind.ButtonPress when e.Code == 0:
                    _dragging = true;
                    _pressedAt = (e.X, e.Y);
                    _lastCursor = (e.X, e.Y);
                    break;
                case InputEventKind.ButtonRelease when e.Code == 0:
                    _dragging = false;
                    if (Math.Abs(e.X - _pressedAt.X) + Math.Abs(e.Y - _pressedAt.Y) <= ClickTolerancePixels)
                    {
                        if (_pinning)
                        {
                            var (wx, wy) = _camera.PixelToWorld(e.X, e.Y);
                            StartPin(wx, wy);
                        }
                        else
                        {
                            Select(e.X, e.Y);
                            Clicked((e.Mods & InputEvent.ShiftMod) != 0);
                        }
                    }
                    changed = true;
                    break;
                case InputEventKind.CursorMove when _dragging:
                    _camera.Pan(e.X - _lastCursor.X, e.Y - _lastCursor.Y);
                    _lastCursor = (e.X, e.Y);
                    changed = true;
                    break;
                case InputEventKind.Character:
                    changed |= TypeCharacter(e.Code);
                    break;
                case InputEventKind.Scroll:
                    _camera.ZoomAt(e.X, e.Y, e.Code > 0 ? WheelZoom : 1 / WheelZoom);
                    changed = true;
                    break;
                default:
                    break;
            }
        }
        return changed;
    }

    private bool Key(int key)
    {
        // While a pin's comment is being typed, keys are text: B is a letter of a word, not benches.
        if (CommentKey(key) is { } typed)
        {
            return typed;
        }
        if (_session is not null && CoCreationKey(key) is { } handled)
        {
            return handled;
        }
        switch (key)
        {
            case KeyEscape:
                _window.Close();
                return false;
            case KeyM:
                _scene.Measure = (Measure)(((int)_scene.Measure + 1) % Enum.GetValues<Measure>().Length);
                return true;
            case KeyP:
                _scene.Period = (PeriodFilter)(((int)_scene.Period + 1) % Enum.GetValues<PeriodFilter>().Length);
                return true;
            case KeyD:
                _scene.ShowDifference = !_scene.ShowDifference;
                return true;
            case KeyG:
                _scene.Group = (GroupFilter)(((int)_scene.Group + 1) % Enum.GetValues<GroupFilter>().Length);
                return true;
            case KeyR:
                _replaying = !_replaying && _replay.HasSample;
                return true;
            case KeySpace:
                _replay.Paused = !_replay.Paused;
                return true;
            case KeyEqual or KeyPadAdd:
                _replay.Speed *= 2;
                return true;
            case KeyMinus or KeyPadSubtract:
                _replay.Speed = Math.Max(1, _replay.Speed / 2);
                return true;
            case KeyF:
                _fitted = false;
                return true;
            default:
                return false;
        }
    }

    private void Select(double px, double py)
    {
        var (wx, wy) = _camera.PixelToWorld(px, py);
        double radiusMetres = PickRadiusPixels / _camera.PixelsPerMetre;
        var run = _scene.Run;
        _selectedPlace = -1;
        double bestPlace = radiusMetres;
        for (int p = 0; p < run.PlaceCount; p++)
        {
            double d = Math.Sqrt(Math.Pow(run.PlaceX[p] - wx, 2) + Math.Pow(run.PlaceY[p] - wy, 2));
            if (d <= bestPlace)
            {
                bestPlace = d;
                _selectedPlace = p;
            }
        }
        var (segment, distance) = _scene.Geometry.NearestSegment(wx, wy);
        _selectedSegment = _selectedPlace < 0 && segment >= 0 && distance <= radiusMetres ? segment : -1;
    }

    private List<string> Notes()
    {
        var c = CultureInfo.InvariantCulture;
        _notes.Clear();
        var run = _scene.Run;
        if (_selectedSegment >= 0)
        {
            int s = _selectedSegment;
            int nameIndex = s < run.SegmentNameIndex.Length ? run.SegmentNameIndex[s] : -1;
            string name = nameIndex >= 0 && nameIndex < run.StreetNames.Length && run.StreetNames[nameIndex].Length > 0 ? run.StreetNames[nameIndex] : "(street without a name)";
            var (outer, carriageway) = StreetWidths.Of(run, s);
            _notes.Add(name);
            _notes.Add(string.Create(c, $"{run.SegmentLengthMetres[s]:0} m long, pavements {run.PavementWidthMetres[s]:0.0} m, carriageway {carriageway:0.0} m"));
            _notes.Add(string.Create(c, $"{MapVocabulary.Unit(_scene.Measure)}: {HeatScale.Format(_scene.Values[s])}"));
            double days = Math.Max(1, run.Days);
            _notes.Add(string.Create(c, $"per day: {(Sum(run.WalkPassages, s) + Sum(run.BikePassages, s)) / days:0} walking or cycling, {Sum(run.CarPassages, s) / days:0} cars"));
            _notes.Add(string.Create(c, $"per day: {Sum(run.Encounters, s) / days:0.#} encounters, {Sum(run.Nods, s) / days:0.#} nods, {Sum(run.NewFamiliarPairs, s) / days:0.##} new familiar pairs"));
        }
        else if (_selectedPlace >= 0)
        {
            int p = _selectedPlace;
            double days = Math.Max(1, run.Days);
            string name = run.PlaceName[p].Length > 0 ? run.PlaceName[p] : "(no name)";
            _notes.Add($"{name} ({((PlaceKind)run.PlaceKind[p]).ToString().ToLowerInvariant()})");
            _notes.Add(string.Create(c, $"per day: {Sum(run.PlaceStays, p) / days:0.#} visits, {Sum(run.PlaceEncounters, p) / days:0.#} encounters, {Sum(run.PlaceNods, p) / days:0.#} nods"));
        }
        if (_replaying)
        {
            var time = TimeSpan.FromSeconds(_replay.TimeSeconds);
            _notes.Add(string.Create(c, $"replay of day {run.ReplayDay + 1}: {time:hh\\:mm}, x{_replay.Speed:0}{(_replay.Paused ? ", paused" : string.Empty)}"));
            _notes.Add("dots by age: " + string.Join("  ", ReplayAnimation.AgeBandNames));
        }
        if (_session is not null)
        {
            CoCreationNotes(_notes);
            return _notes;
        }
        _notes.Add(_scene.Baseline is null
            ? "M measure  P period  G group  R replay  F fit  drag/wheel: move/zoom  click: details"
            : "M measure  P period  G group  D difference  R replay  F fit  click: details");
        return _notes;
    }

    private static long Sum(long[] counts, int entity)
    {
        long total = 0;
        for (int p = 0; p < 4 && (entity * 4) + p < counts.Length; p++)
        {
            total += counts[(entity * 4) + p];
        }
        return total;
    }
}
