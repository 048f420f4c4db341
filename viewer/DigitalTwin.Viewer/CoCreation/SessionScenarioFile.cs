using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Interventions.Types;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Viewer.CoCreation;

/// <summary>
/// A co-creation session written as a scenario file: <c>extends</c> the scenario the session started from and lists the
/// session's edits as its interventions, in the scenario format the engine reads (docs in scenarios/README.md). So a
/// session's work can be run, compared and reopened like any other variant.
/// </summary>
/// <remarks>
/// Only what the window makes can be written: the edit types of <see cref="EditKind"/> addressed by OSM way ids. An
/// intervention read from a hand-written file (a street name, a polygon) has no writer here; such a file opens with its
/// interventions as part of the baseline instead (<see cref="CanWrite"/>).
/// </remarks>
public static class SessionScenarioFile
{
    /// <summary>Whether <see cref="Write"/> can write this intervention so that it reads back the same.</summary>
    public static bool CanWrite(Intervention intervention) => intervention switch
    {
        AddBenches { Streets: null or StreetByOsmWayIds } => true,
        WidenPavement { Streets: StreetByOsmWayIds } => true,
        CarFree { Streets: StreetByOsmWayIds } => true,
        MixedUse { Streets: StreetByOsmWayIds } => true,
        StreetLighting { Streets: StreetByOsmWayIds } => true,
        _ => false,
    };

    /// <summary>
    /// Writes the file atomically (a temporary file beside it, then a rename), so an interrupted save never leaves half a
    /// scenario where a whole one was. <paramref name="baselineFile"/> is what the file extends (absolute).
    /// </summary>
    public static void Write(string path, string baselineFile, string name, string description, IReadOnlyList<Intervention> edits)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(baselineFile);
        ArgumentNullException.ThrowIfNull(edits);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        byte[] json = ToJson(fullPath, baselineFile, name, description, edits);
        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, json);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The file's bytes (UTF-8, indented, a newline at the end); <c>extends</c> is relative to the file's folder.</summary>
    public static byte[] ToJson(string fullPath, string baselineFile, string name, string description, IReadOnlyList<Intervention> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var unwritable = edits.FirstOrDefault(e => !CanWrite(e));
        if (unwritable is not null)
        {
            throw new ArgumentException($"a '{unwritable.TypeName}' intervention at {unwritable.Origin.Field} cannot be written into a session file", nameof(edits));
        }
        string extends = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(fullPath))!, Path.GetFullPath(baselineFile)).Replace('\\', '/');
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("extends", extends);
            json.WriteString("name", name);
            if (description.Length > 0)
            {
                json.WriteString("description", description);
            }
            json.WriteStartArray("interventions");
            foreach (var edit in edits)
            {
                WriteIntervention(json, edit);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.Write("\n"u8);
        return stream.ToArray();
    }

    private static void WriteIntervention(Utf8JsonWriter json, Intervention edit)
    {
        json.WriteStartObject();
        json.WriteString("type", edit.TypeName);
        if (edit.Note.Length > 0)
        {
            json.WriteString("note", edit.Note);
        }
        switch (edit)
        {
            case AddBenches benches:
                if (benches.Streets is { } streets)
                {
                    WriteStreets(json, streets);
                }
                if (benches.SpacingMetres is { } spacing)
                {
                    json.WriteNumber("spacingMetres", spacing);
                }
                if (benches.AtPoints is { } points)
                {
                    json.WriteStartArray("points");
                    foreach (var point in points)
                    {
                        json.WriteStartArray();
                        json.WriteNumberValue(point.Longitude);
                        json.WriteNumberValue(point.Latitude);
                        json.WriteEndArray();
                    }
                    json.WriteEndArray();
                }
                json.WriteNumber("seatsPerBench", benches.SeatsPerBench);
                break;
            case WidenPavement widen:
                WriteStreets(json, widen.Streets);
                if (widen.WidthMetres is { } width)
                {
                    json.WriteNumber("widthMetres", width);
                }
                if (widen.AddMetres is { } add)
                {
                    json.WriteNumber("addMetres", add);
                }
                break;
            case CarFree carFree:
                WriteStreets(json, carFree.Streets);
                json.WriteBoolean("allowBikes", carFree.AllowBikes);
                break;
            case MixedUse mixed:
                WriteStreets(json, mixed.Streets);
                json.WriteBoolean("activeFrontage", mixed.ActiveFrontage);
                json.WriteStartArray("places");
                foreach (var place in mixed.Places)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", Kebab(place.Kind.ToString()));
                    if (place.Name.Length > 0)
                    {
                        json.WriteString("name", place.Name);
                    }
                    if (place.Capacity is { } capacity)
                    {
                        json.WriteNumber("capacity", capacity);
                    }
                    if (place.OpeningHours is { } hours)
                    {
                        json.WriteString("openingHours", hours);
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            case StreetLighting lighting:
                WriteStreets(json, lighting.Streets);
                if (lighting.Lux is { } lux)
                {
                    json.WriteNumber("lux", lux);
                }
                break;
            default:
                throw new ArgumentException($"no writer for '{edit.TypeName}'", nameof(edit));
        }
        json.WriteEndObject();
    }

    private static void WriteStreets(Utf8JsonWriter json, StreetAddress address)
    {
        var ways = (StreetByOsmWayIds)address;
        json.WriteStartObject("streets");
        json.WriteStartArray("osmWayIds");
        foreach (long way in ways.OsmWayIds)
        {
            json.WriteNumberValue(way);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>PlaceKind's name as the scenario format spells it (SportsHall: sports-hall).</summary>
    private static string Kebab(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(pascal[i]));
        }
        return text.ToString();
    }
}
