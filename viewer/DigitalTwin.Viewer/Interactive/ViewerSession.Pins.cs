using System.Globalization;
using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Viewer.CoCreation;
using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Interactive;

/// <summary>
/// Residents' pins in the co-creation window: O starts (and ends) pinning, K cycles the kind, a click puts a pin of
/// that kind where it was clicked and opens its comment: the participant types it (shown in the notes panel as it is
/// typed), Enter saves it (with the default comment when nothing was typed) and Esc drops the pin. Each saved pin is
/// appended to the observations file at once (written beside it and moved into place), so it is there for the next
/// render or profile even if the window is killed; the map shows it straight away.
/// </summary>
public sealed partial class ViewerSession
{
    private const int KeyO = 79, KeyK = 75, KeyEnter = 257, KeyPadEnter = 335;

    /// <summary>The comment a pin gets when none is typed: says where it came from, so it can be found and edited later.</summary>
    public const string DefaultPinComment = "pinned in the co-creation window";

    private ObservationLayer? _observations;
    private string? _observationsFile;
    private bool _pinning;
    private ObservationKind _pinKind = ObservationKind.MeetingSpot;

    /// <summary>The pin whose comment is being typed (position and kind), or null.</summary>
    private PinRequest? _pendingPin;

    private readonly System.Text.StringBuilder _comment = new();

    /// <summary>Characters of the comment the notes panel shows while typing: its end, where the typing is, within one line.</summary>
    private const int ShownCommentCharacters = 40;

    /// <summary>The comment as typed so far (its end, when long), with a cursor mark; what the notes panel shows while typing.</summary>
    private string CommentStatus()
    {
        string typed = _comment.Length <= ShownCommentCharacters ? _comment.ToString() : "..." + _comment.ToString(_comment.Length - ShownCommentCharacters, ShownCommentCharacters);
        return $"comment for the {ObservationKinds.WordOf(_pendingPin!.Kind)} pin: {typed}_  (Enter saves, Esc cancels)";
    }

    /// <summary>Whether a pin's comment is being typed.</summary>
    public bool TypingComment => _pendingPin is not null;

    /// <summary>A click while pinning: the pin is placed and its comment opened for typing.</summary>
    private void StartPin(double x, double y)
    {
        var (lon, lat) = ObservationLayer.GeoReferenceOf(_scene.Run).Unproject(x, y);
        _pendingPin = new PinRequest(lon, lat, _pinKind, string.Empty);
        _comment.Clear();
        _message = CommentStatus();
    }

    /// <summary>A typed character: added to the comment being typed; ignored otherwise (keys do the rest).</summary>
    private bool TypeCharacter(int codePoint)
    {
        if (_pendingPin is null || codePoint < 32 || codePoint is >= 0x7F and < 0xA0 || codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }
        string text = char.ConvertFromUtf32(codePoint);
        if (_comment.Length + text.Length > ObservationLoader.MaxCaptionLength)
        {
            _message = $"{CommentStatus()} - at most {ObservationLoader.MaxCaptionLength} characters";
            return true;
        }
        _comment.Append(text);
        _message = CommentStatus();
        return true;
    }

    /// <summary>Keys while a comment is typed: Enter saves, Esc cancels, Backspace deletes; other keys are text (null: not typing).</summary>
    private bool? CommentKey(int key)
    {
        if (_pendingPin is not { } pin)
        {
            return null;
        }
        switch (key)
        {
            case KeyEnter or KeyPadEnter:
                _pendingPin = null;
                DropPin(pin with { Comment = _comment.ToString().Trim() });
                _comment.Clear();
                return true;
            case KeyEscape:
                _pendingPin = null;
                _comment.Clear();
                _message = "pin cancelled: nothing saved; " + PinStatus();
                return true;
            case KeyBackspace:
                if (_comment.Length > 0)
                {
                    // One typed character, which may be two UTF-16 units (a surrogate pair).
                    int remove = _comment.Length >= 2 && char.IsLowSurrogate(_comment[^1]) && char.IsHighSurrogate(_comment[^2]) ? 2 : 1;
                    _comment.Length -= remove;
                }
                _message = CommentStatus();
                return true;
            default:
                // Letters arrive as characters too; as keys they must not also work as commands.
                return false;
        }
    }

    private string PinStatus() => $"pinning: click to drop a {ObservationKinds.WordOf(_pinKind)}; K kind, O done";

    /// <summary>O and K in a co-creation window; null for other keys.</summary>
    private bool? PinKey(int key)
    {
        switch (key)
        {
            case KeyO:
                if (_observationsFile is null)
                {
                    _message = "no observations file to save pins to: start with --observations FILE (created if missing)";
                    return true;
                }
                _pinning = !_pinning;
                _message = _pinning ? PinStatus() : string.Empty;
                return true;
            case KeyK when _pinning:
                _pinKind = (ObservationKind)(((int)_pinKind + 1) % ObservationKinds.All.Count);
                _message = PinStatus();
                return true;
            default:
                return null;
        }
    }

    private bool DropPin(PinRequest pin)
    {
        if (_observationsFile is null || _observations is null)
        {
            _message = "no observations file to save pins to: start with --observations FILE";
            return false;
        }
        var observation = new Observation
        {
            Kind = pin.Kind,
            Positions = [new LonLat(Math.Round(pin.Longitude, 7), Math.Round(pin.Latitude, 7))],
            Caption = pin.Comment.Length == 0 ? DefaultPinComment : pin.Comment,
            // The day of the session: the wall clock is the viewer's to read (the engine never does).
            Date = DateOnly.FromDateTime(DateTime.Today),
        };
        var written = ObservationWriter.Append(_observationsFile, observation);
        if (!written.Succeeded)
        {
            _message = "pin not saved: " + written.Problems[0];
            _log?.Invoke(_message);
            return false;
        }
        _observations.Add(observation);
        _message = string.Create(CultureInfo.InvariantCulture,
            $"pinned a {ObservationKinds.WordOf(pin.Kind)} at {observation.Positions[0].Longitude:0.00000}, {observation.Positions[0].Latitude:0.00000}; saved to {Path.GetFileName(_observationsFile)}");
        _log?.Invoke(_message);
        return true;
    }
}
