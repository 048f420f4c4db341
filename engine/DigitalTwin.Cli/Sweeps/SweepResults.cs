using System.Globalization;
using System.Text.Json;
using DigitalTwin.Cli.Reports;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Cli.Sweeps;

/// <summary>
/// The result of one sweep run: <c>runs/ID.json</c> in the sweep folder, written atomically the moment the run ends
/// (a reader sees the whole file or none). It repeats the run's inputs (scenario contents, seed, days, drawn values)
/// and the engine build, so a rerun of the sweep keeps exactly the results that the same inputs on the same engine
/// would give again, and simulates the rest.
/// </summary>
internal static class SweepResults
{
    public static string PathOf(string folder, ManifestRun run) => Path.Combine(folder, SweepManifest.RunsFolder, run.Id + ".json");

    /// <summary>
    /// Every outcome of a run by name, in a fixed order: totals, travel as the survey counts it, the outcome measures
    /// overall (summary.json's names) and per group of each resident trait (<c>TRAIT.GROUP.MEASURE</c>).
    /// </summary>
    public static List<KeyValuePair<string, double>> Outcomes(RunResult result, Residents residents, int days)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Totals;
        var travel = TravelVolumes.Of(t);
        var summary = OutcomeSummary.From(result.Residents, residents, days);
        var outcomes = new List<KeyValuePair<string, double>>
        {
            new("residents", t.Residents),
            new("trips", t.Trips),
            new("passages", t.Passages),
            new("stays", t.Stays),
            new("encounters", t.Encounters),
            new("noticedEncounters", t.NoticedEncounters),
            new("nods", t.Nods),
            new("travel.tripsPerPersonPerDay", travel.TripsPerPersonPerDay),
            new("travel.walkShare", travel.WalkShare),
            new("travel.bikeShare", travel.BikeShare),
            new("travel.carShare", travel.CarShare),
            new("travel.transitShare", travel.TransitShare),
            new("travel.walkedKilometresPerPersonPerDay", travel.WalkedKilometresPerPersonPerDay),
        };
        outcomes.AddRange(summary.Overall.Values().Select(v => KeyValuePair.Create(v.Name, v.Value)));
        foreach (var breakdown in summary.ByGroup)
        {
            foreach (var (group, measures) in breakdown.Groups)
            {
                string prefix = $"{breakdown.Trait}.{group}.";
                outcomes.Add(new(prefix + "residents", measures.Residents));
                outcomes.AddRange(measures.Values().Select(v => KeyValuePair.Create(prefix + v.Name, v.Value)));
            }
        }
        return outcomes;
    }

    public static IReadOnlyList<InputProblem> Write(string folder, SweepManifest manifest, ManifestRun run, IReadOnlyList<KeyValuePair<string, double>> outcomes, double seconds,
        StreetOutcomes? streets = null)
    {
        string runs = Path.Combine(folder, SweepManifest.RunsFolder);
        try
        {
            Directory.CreateDirectory(runs);
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            return [new InputProblem(runs, string.Empty, $"cannot create the folder: {IoFailure.Cause(e)}", IoFailure.Suggestion(e))];
        }
        return AtomicFile.Write(PathOf(folder, run), stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            WriteKey(json, manifest, run);
            // Wall time is for people reading the file; the collected table leaves it out, so it stays the same on every machine.
            json.WriteNumber("wallSeconds", Math.Round(seconds, 3));
            json.WriteStartObject("outcomes");
            foreach (var (name, value) in outcomes)
            {
                if (double.IsFinite(value))
                {
                    json.WriteNumber(name, value);
                }
                else
                {
                    json.WriteNull(name);
                }
            }
            json.WriteEndObject();
            if (streets is not null && manifest.CountSegments.Count > 0)
            {
                WriteSegmentCounts(json, manifest.CountSegments, streets);
            }
            json.WriteEndObject();
        }).Problems;
    }

    /// <summary>
    /// Passages by hour of the day (0-23, summed over the run's days) and mode at each count segment:
    /// <c>"segmentCounts": {"SEGMENT": {"walk": [24], "bike": [24], "car": [24]}}</c>.
    /// </summary>
    private static void WriteSegmentCounts(Utf8JsonWriter json, IReadOnlyList<int> segments, StreetOutcomes streets)
    {
        json.WriteStartObject("segmentCounts");
        foreach (int segment in segments)
        {
            json.WriteStartObject(segment.ToString(CultureInfo.InvariantCulture));
            foreach (var (mode, byHour) in new[] { ("walk", streets.WalkPassagesByHour), ("bike", streets.BikePassagesByHour), ("car", streets.CarPassagesByHour) })
            {
                json.WriteStartArray(mode);
                for (int h = 0; h < StreetOutcomes.HoursPerDay; h++)
                {
                    json.WriteNumberValue(byHour[(segment * StreetOutcomes.HoursPerDay) + h]);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// The counts a finished run kept at the manifest's count segments, by segment, each [mode][hour] with modes walk,
    /// bike, car; null when the run has not finished (as <see cref="TryRead"/>) or kept none.
    /// </summary>
    public static Dictionary<int, int[][]>? TryReadCounts(string folder, SweepManifest manifest, ManifestRun run)
    {
        if (TryRead(folder, manifest, run) is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(PathOf(folder, run)));
            if (!document.RootElement.TryGetProperty("segmentCounts", out var counts))
            {
                return null;
            }
            var result = new Dictionary<int, int[][]>();
            foreach (var segment in counts.EnumerateObject())
            {
                result[int.Parse(segment.Name, CultureInfo.InvariantCulture)] =
                    [.. new[] { "walk", "bike", "car" }.Select(mode => segment.Value.GetProperty(mode).EnumerateArray().Select(v => v.GetInt32()).ToArray())];
            }
            return manifest.CountSegments.All(result.ContainsKey) ? result : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException || IoFailure.Find(e) is not null)
        {
            return null;
        }
    }

    /// <summary>
    /// The outcomes of a finished run, or null when it has not finished, its file is damaged, or it was made from other
    /// inputs or by another engine build (then it is simulated again and overwritten).
    /// </summary>
    public static List<KeyValuePair<string, double>>? TryRead(string folder, SweepManifest manifest, ManifestRun run)
    {
        string path = PathOf(folder, run);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            byte[] bytes = File.ReadAllBytes(path);
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (!SameKey(root, manifest, run))
            {
                return null;
            }
            return [.. root.GetProperty("outcomes").EnumerateObject().Select(p => KeyValuePair.Create(p.Name,
                p.Value.ValueKind == JsonValueKind.Null ? double.NaN : p.Value.GetDouble()))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException || IoFailure.Find(e) is not null)
        {
            return null;
        }
    }

    private static void WriteKey(Utf8JsonWriter json, SweepManifest manifest, ManifestRun run)
    {
        json.WriteString("id", run.Id);
        json.WriteString("engineVersion", EngineInfo.Version);
        json.WriteString("engineBuild", RunKey.CurrentEngineBuild);
        json.WriteString("scenarioHash", manifest.Scenarios[run.Scenario].ContentHash);
        json.WriteNumber("seed", run.Seed);
        json.WriteNumber("days", manifest.Days);
        json.WriteStartObject("parameters");
        foreach (var (name, value) in manifest.ValuesOf(run))
        {
            json.WriteNumber(name, value);
        }
        json.WriteEndObject();
    }

    private static bool SameKey(JsonElement root, SweepManifest manifest, ManifestRun run)
    {
        if (root.GetProperty("id").GetString() != run.Id
            || root.GetProperty("engineBuild").GetString() != RunKey.CurrentEngineBuild
            || root.GetProperty("scenarioHash").GetString() != manifest.Scenarios[run.Scenario].ContentHash
            || root.GetProperty("seed").GetUInt64() != run.Seed
            || root.GetProperty("days").GetInt32() != manifest.Days)
        {
            return false;
        }
        var parameters = root.GetProperty("parameters");
        return manifest.ValuesOf(run).All(p => parameters.TryGetProperty(p.Key, out var value) && value.GetDouble() == p.Value)
            && parameters.EnumerateObject().Count() == manifest.Parameters.Count;
    }

    /// <summary>"a, b, c and 4 more": the first few of a list, for one line of an error.</summary>
    public static string FirstFew(IEnumerable<string> items, int count = 3)
    {
        var list = items.ToList();
        string shown = string.Join(", ", list.Take(count));
        return list.Count > count ? string.Create(CultureInfo.InvariantCulture, $"{shown} and {list.Count - count} more") : shown;
    }
}
