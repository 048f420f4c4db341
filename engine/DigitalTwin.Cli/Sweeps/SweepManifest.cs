using System.Globalization;
using System.Text.Json;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Sweeps;

namespace DigitalTwin.Cli.Sweeps;

/// <summary>A base scenario as the manifest records it: enough for any machine with the same files to run it.</summary>
internal sealed record ManifestScenario(string Variant, string File, string Path, string Name, string ContentHash)
{
    /// <summary>
    /// The data root its files were read under where that is not the default for <see cref="Path"/> (a sweep made with
    /// <c>--data-root</c>), so every worker reads under the same; null for the default, which the manifest leaves out.
    /// </summary>
    public string? DataRoot { get; init; }
}

/// <summary>A swept parameter as the manifest records it.</summary>
internal sealed record ManifestParameter(string Name, double Min, double Max, string Scale, bool Integer, double Default, string Unit);

/// <summary>One run of the manifest: its id, base scenario, draw, seed and the drawn value of every swept parameter.</summary>
internal sealed record ManifestRun(string Id, int Scenario, string Variant, int Draw, ulong Seed, IReadOnlyList<double> Values);

/// <summary>
/// <c>manifest.json</c> of a sweep folder: every run of the sweep with its inputs, written once by <c>twin sweep</c>
/// and read by every worker (local or a Slurm task) and by <c>collect</c>. It is a function of the sweep file and the
/// scenario files alone, so the same sweep gives the same manifest on any machine and with any number of workers;
/// workers run from it, not from the sweep file, so editing the sweep file does not change a sweep under way.
/// </summary>
internal sealed record SweepManifest(
    string Name,
    string SweepFile,
    string EngineVersion,
    int Days,
    string Method,
    int Draws,
    ulong DesignSeed,
    IReadOnlyList<ulong> Seeds,
    IReadOnlyList<ManifestScenario> Scenarios,
    IReadOnlyList<ManifestParameter> Parameters,
    IReadOnlyList<ManifestRun> Runs)
{
    public const int FormatVersion = 1;

    /// <summary>
    /// Segments whose passages by hour and mode each run keeps in its result (<c>twin calibrate</c>'s count sites):
    /// only these, so a result stays a few kilobytes however large the map. Empty for a plain sweep, whose manifest
    /// then has no such field and reads as before.
    /// </summary>
    public IReadOnlyList<int> CountSegments { get; init; } = [];
    public const string FileName = "manifest.json";
    public const string RunsFolder = "runs";

    public static SweepManifest From(SweepDefinition sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new SweepManifest(
            sweep.Name,
            sweep.SourceFile,
            EngineInfo.Version,
            sweep.Days,
            sweep.Design.MethodName,
            sweep.Design.Draws,
            sweep.Design.Seed,
            sweep.Seeds,
            [.. sweep.Scenarios.Select(s => new ManifestScenario(s.Variant, s.File, s.Scenario.SourceFile, s.Scenario.Name, PreparedScenario.ContentHash(s.Scenario))
            {
                DataRoot = s.Scenario.Inputs.DataRoot == Engine.IO.DataRoot.Of(s.Scenario.SourceFile) ? null : s.Scenario.Inputs.DataRoot,
            })],
            [.. sweep.Ranges.Select(r => new ManifestParameter(r.Name, r.Min, r.Max, r.Scale == RangeScale.Log ? "log" : "linear", r.IsInteger, r.Default, r.Unit))],
            [.. sweep.Runs().Select(r => new ManifestRun(r.Id, r.Scenario, r.Variant, r.Draw, r.Seed, r.Values))]);
    }

    /// <summary>The manifest's bytes: indented UTF-8 JSON, numbers in their shortest round-trip form.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("format", FormatVersion);
            json.WriteString("name", Name);
            json.WriteString("sweepFile", SweepFile);
            json.WriteString("engineVersion", EngineVersion);
            json.WriteNumber("days", Days);
            json.WriteStartObject("design");
            json.WriteString("method", Method);
            json.WriteNumber("draws", Draws);
            json.WriteNumber("seed", DesignSeed);
            json.WriteEndObject();
            json.WriteStartArray("seeds");
            foreach (ulong seed in Seeds)
            {
                json.WriteNumberValue(seed);
            }
            json.WriteEndArray();
            json.WriteStartArray("scenarios");
            foreach (var s in Scenarios)
            {
                json.WriteStartObject();
                json.WriteString("variant", s.Variant);
                json.WriteString("file", s.File);
                json.WriteString("path", s.Path);
                json.WriteString("name", s.Name);
                json.WriteString("contentHash", s.ContentHash);
                if (s.DataRoot is not null)
                {
                    json.WriteString("dataRoot", s.DataRoot);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("parameters");
            foreach (var p in Parameters)
            {
                json.WriteStartObject();
                json.WriteString("name", p.Name);
                json.WriteNumber("min", p.Min);
                json.WriteNumber("max", p.Max);
                json.WriteString("scale", p.Scale);
                json.WriteBoolean("integer", p.Integer);
                json.WriteNumber("default", p.Default);
                json.WriteString("unit", p.Unit);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (CountSegments.Count > 0)
            {
                json.WriteStartArray("countSegments");
                foreach (int segment in CountSegments)
                {
                    json.WriteNumberValue(segment);
                }
                json.WriteEndArray();
            }
            json.WriteStartArray("runs");
            foreach (var run in Runs)
            {
                json.WriteStartObject();
                json.WriteString("id", run.Id);
                json.WriteNumber("scenario", run.Scenario);
                json.WriteString("variant", run.Variant);
                json.WriteNumber("draw", run.Draw);
                json.WriteNumber("seed", run.Seed);
                json.WriteStartObject("parameters");
                for (int p = 0; p < Parameters.Count; p++)
                {
                    json.WriteNumber(Parameters[p].Name, run.Values[p]);
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static string PathIn(string folder) => System.IO.Path.Combine(folder, FileName);

    /// <summary>The manifest of a sweep folder, or the problem that stops it being read.</summary>
    public static InputResult<SweepManifest> Read(string folder)
    {
        string path = PathIn(folder);
        if (!File.Exists(path))
        {
            return InputResult<SweepManifest>.Failure(new InputProblem(path, string.Empty,
                "no sweep manifest here", "a sweep folder is made by 'twin sweep SWEEP.json --out FOLDER'"));
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            int format = root.GetProperty("format").GetInt32();
            if (format != FormatVersion)
            {
                return InputResult<SweepManifest>.Failure(new InputProblem(path, "$.format",
                    string.Create(CultureInfo.InvariantCulture, $"is format {format}; this twin reads format {FormatVersion}"), "make the sweep again with this twin"));
            }
            var design = root.GetProperty("design");
            var parameters = root.GetProperty("parameters").EnumerateArray().Select(p => new ManifestParameter(
                p.GetProperty("name").GetString()!, p.GetProperty("min").GetDouble(), p.GetProperty("max").GetDouble(),
                p.GetProperty("scale").GetString()!, p.GetProperty("integer").GetBoolean(), p.GetProperty("default").GetDouble(),
                p.GetProperty("unit").GetString()!)).ToList();
            return InputResult<SweepManifest>.Success(new SweepManifest(
                root.GetProperty("name").GetString()!,
                root.GetProperty("sweepFile").GetString()!,
                root.GetProperty("engineVersion").GetString()!,
                root.GetProperty("days").GetInt32(),
                design.GetProperty("method").GetString()!,
                design.GetProperty("draws").GetInt32(),
                design.GetProperty("seed").GetUInt64(),
                [.. root.GetProperty("seeds").EnumerateArray().Select(s => s.GetUInt64())],
                [.. root.GetProperty("scenarios").EnumerateArray().Select(s => new ManifestScenario(
                    s.GetProperty("variant").GetString()!, s.GetProperty("file").GetString()!, s.GetProperty("path").GetString()!,
                    s.GetProperty("name").GetString()!, s.GetProperty("contentHash").GetString()!)
                {
                    DataRoot = s.TryGetProperty("dataRoot", out var root) ? root.GetString() : null,
                })],
                parameters,
                [.. root.GetProperty("runs").EnumerateArray().Select(r => new ManifestRun(
                    r.GetProperty("id").GetString()!, r.GetProperty("scenario").GetInt32(), r.GetProperty("variant").GetString()!,
                    r.GetProperty("draw").GetInt32(), r.GetProperty("seed").GetUInt64(),
                    [.. parameters.Select(p => r.GetProperty("parameters").GetProperty(p.Name).GetDouble())]))])
            {
                CountSegments = root.TryGetProperty("countSegments", out var segments) ? [.. segments.EnumerateArray().Select(s => s.GetInt32())] : [],
            });
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return InputResult<SweepManifest>.Failure(new InputProblem(path, string.Empty, "is not a sweep manifest this twin can read: " + e.Message,
                "make the sweep again with 'twin sweep SWEEP.json --out FOLDER'"));
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            return InputResult<SweepManifest>.Failure(new InputProblem(path, string.Empty, "cannot be read: " + IoFailure.Cause(e)));
        }
    }

    /// <summary>The drawn values of a run, by parameter name, in the manifest's order.</summary>
    public IEnumerable<KeyValuePair<string, double>> ValuesOf(ManifestRun run) =>
        Parameters.Select((p, i) => KeyValuePair.Create(p.Name, run.Values[i]));
}
