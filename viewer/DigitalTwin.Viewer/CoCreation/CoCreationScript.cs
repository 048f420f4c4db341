using System.Globalization;

namespace DigitalTwin.Viewer.CoCreation;

public enum ScriptVerb
{
    /// <summary>Toggles OSM ways in the selection, as clicks on their streets would.</summary>
    Select,

    /// <summary>Presses a key, as on the keyboard.</summary>
    Key,

    /// <summary>Waits for the run under way (every step waits for it anyway; this one only waits).</summary>
    Wait,

    /// <summary>Drops a residents' observation pin at a position, as key O and a click would (<see cref="ScriptStep.Pin"/>).</summary>
    Pin,

    /// <summary>Clicks the map at a position (<see cref="ScriptStep.Pin"/>'s longitude and latitude) while pinning: opens a pin's comment.</summary>
    Click,

    /// <summary>Types text (<see cref="ScriptStep.Text"/>) as the keyboard would, character by character.</summary>
    Type,

    /// <summary>Cancels the run the previous step started, as Esc does (the one step that does not wait for the run).</summary>
    Cancel,
}

/// <summary>A scripted pin: where (WGS84), which kind and the comment (empty: the window's default).</summary>
public sealed record PinRequest(double Longitude, double Latitude, Engine.Observations.ObservationKind Kind, string Comment);

/// <summary>One step of a scripted session; <see cref="WayIds"/> for Select, <see cref="Key"/> (a capital letter) for Key.</summary>
public sealed record ScriptStep(ScriptVerb Verb, IReadOnlyList<long> WayIds, char Key)
{
    public PinRequest? Pin { get; init; }

    public string Text { get; init; } = string.Empty;
}

/// <summary>
/// Scripted input for a co-creation window (tests, measurements, demonstrations): steps separated by ';', each
/// <c>select:WAYID[,WAYID...]</c>, <c>key:X</c> (a letter, or ENTER, ESC, BACKSPACE), <c>pin:LON,LAT[,KIND[,COMMENT]]</c>
/// (a comment may not hold ';'), <c>click:LON,LAT</c> (a click on the map while pinning), <c>type:TEXT</c> (typed
/// characters, no ';'), <c>wait</c> or <c>cancel</c>. The window runs a step only when no run is under way (except
/// cancel, which stops it),
/// and closes once the last step's run is on screen.
/// </summary>
public static class CoCreationScript
{
    /// <summary>Keys a script names by word, with their GLFW key codes.</summary>
    private static readonly Dictionary<string, int> NamedKeys = new(StringComparer.Ordinal) { ["ENTER"] = 257, ["ESC"] = 256, ["BACKSPACE"] = 259 };

    public static bool TryParse(string text, out IReadOnlyList<ScriptStep> steps, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = new List<ScriptStep>();
        steps = parsed;
        error = string.Empty;
        foreach (string raw in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = raw.IndexOf(':', StringComparison.Ordinal);
            string verb = (colon < 0 ? raw : raw[..colon]).ToLowerInvariant();
            string argument = colon < 0 ? string.Empty : raw[(colon + 1)..].Trim();
            switch (verb)
            {
                case "wait" when argument.Length == 0:
                    parsed.Add(new ScriptStep(ScriptVerb.Wait, [], '\0'));
                    break;
                case "cancel" when argument.Length == 0:
                    parsed.Add(new ScriptStep(ScriptVerb.Cancel, [], '\0'));
                    break;
                case "key" when argument.Length == 1 && char.IsAsciiLetter(argument[0]):
                    parsed.Add(new ScriptStep(ScriptVerb.Key, [], char.ToUpperInvariant(argument[0])));
                    break;
                case "key" when NamedKeys.TryGetValue(argument.ToUpperInvariant(), out int code):
                    parsed.Add(new ScriptStep(ScriptVerb.Key, [], (char)code));
                    break;
                case "type" when argument.Length > 0:
                    // The text as written, inner spaces kept (only the step's own ends are trimmed).
                    parsed.Add(new ScriptStep(ScriptVerb.Type, [], '\0') { Text = raw[(colon + 1)..] });
                    break;
                case "click":
                    if (ParsePin(argument) is not { } at || argument.Split(',').Length != 2)
                    {
                        error = $"'{raw}': a click is click:LON,LAT";
                        return false;
                    }
                    parsed.Add(new ScriptStep(ScriptVerb.Click, [], '\0') { Pin = at });
                    break;
                case "select":
                    var ids = new List<long>();
                    foreach (string id in argument.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out long way) || way == 0)
                        {
                            error = $"'{raw}': '{id}' is not an OSM way id";
                            return false;
                        }
                        ids.Add(way);
                    }
                    if (ids.Count == 0)
                    {
                        error = $"'{raw}': give one or more OSM way ids, e.g. select:4242,4243";
                        return false;
                    }
                    parsed.Add(new ScriptStep(ScriptVerb.Select, ids, '\0'));
                    break;
                case "pin":
                    if (ParsePin(argument) is not { } pin)
                    {
                        error = $"'{raw}': a pin is pin:LON,LAT[,KIND[,COMMENT]] with KIND one of {string.Join(", ", Engine.Observations.ObservationKinds.Words)}";
                        return false;
                    }
                    parsed.Add(new ScriptStep(ScriptVerb.Pin, [], '\0') { Pin = pin });
                    break;
                default:
                    error = $"'{raw}': a step is select:WAYID[,WAYID...], key:LETTER (or ENTER, ESC, BACKSPACE), pin:LON,LAT[,KIND[,COMMENT]], click:LON,LAT, type:TEXT, wait or cancel";
                    return false;
            }
        }
        return true;
    }

    private static PinRequest? ParsePin(string argument)
    {
        string[] parts = argument.Split(',', 4, StringSplitOptions.TrimEntries);
        if (parts.Length < 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double lon)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double lat))
        {
            return null;
        }
        var kind = Engine.Observations.ObservationKind.MeetingSpot;
        if (parts.Length > 2 && Engine.Observations.ObservationKinds.Parse(parts[2]) is not { } parsed)
        {
            return null;
        }
        else if (parts.Length > 2)
        {
            kind = Engine.Observations.ObservationKinds.Parse(parts[2])!.Value;
        }
        return new PinRequest(lon, lat, kind, parts.Length > 3 ? parts[3] : string.Empty);
    }
}
