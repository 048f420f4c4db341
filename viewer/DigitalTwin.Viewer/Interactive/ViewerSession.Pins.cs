using System.Globalization;
using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Viewer.CoCreation;
using DigitalTwin.Viewer.Maps;

namespace DigitalTwin.Viewer.Interactive;

/// <summary>
/// Residents' pins in the co-creation window: O starts (and ends) pinning, K cycles the kind, a click drops a pin of
/// that kind with the default comment where it was clicked. Each pin is appended to the observations file at once
/// (written beside it and moved into place), so it is there for the next render or profile even if the window is
/// killed; the map shows it straight away. Typing a comment is left to the file: the window has no text field, and
/// a keyboard-only default keeps a session around a table moving.
/// </summary>
public sealed partial class ViewerSession
{
    private const int KeyO = 79, KeyK = 75;

    /// <summary>The comment a pin gets when none is typed: says where it came from, so it can be found and edited later.</summary>
    public const string DefaultPinComment = "pinned in the co-creation window";

    private ObservationLayer? _observations;
    private string? _observationsFile;
    private bool _pinning;
    private ObservationKind _pinKind = ObservationKind.MeetingSpot;

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

    /// <summary>Drops a pin at a point of the map (metres in the run's projection).</summary>
    private void DropPin(double x, double y)
    {
        var (lon, lat) = ObservationLayer.GeoReferenceOf(_scene.Run).Unproject(x, y);
        DropPin(new PinRequest(lon, lat, _pinKind, string.Empty));
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
