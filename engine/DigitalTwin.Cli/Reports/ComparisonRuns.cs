using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Outcomes;

namespace DigitalTwin.Cli.Reports;

/// <summary>What makes two runs the same: the same inputs (scenario, its parents and map, by content), seed and days, on the same engine build.</summary>
internal sealed record RunKey(string EngineVersion, string EngineBuild, string ScenarioHash, ulong Seed, int Days)
{
    /// <summary>
    /// The engine assembly's module version id: builds are deterministic, so it changes exactly when the engine's
    /// code does, even when <see cref="EngineInfo.Version"/> was not raised.
    /// </summary>
    public static string CurrentEngineBuild { get; } = typeof(EngineInfo).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}

/// <summary>
/// The finished replications of a comparison: each written, as soon as it ends, to <c>runs/SLUG-seedN.json</c> in the
/// report folder (atomically, one file per run), so a stopped or failed comparison keeps them and the same
/// comparison run again reuses every one whose <see cref="RunKey"/> matches instead of simulating it again.
/// </summary>
internal sealed class ComparisonRuns(string reportFolder)
{
    public const string FolderName = "runs";

    // Doubles are written in their shortest round-trip form, so a reused run gives the very same report; tuples
    // (the groups of a breakdown) are fields, hence IncludeFields.
    private static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Folder { get; } = Path.Combine(reportFolder, FolderName);

    public static string FileName(string slug, ulong seed) => string.Create(CultureInfo.InvariantCulture, $"{slug}-seed{seed}.json");

    /// <summary>The finished run with this key, or null when there is none, it has another key, or it cannot be read.</summary>
    public ReplicationOutcomes? TryLoad(string slug, RunKey key)
    {
        string path = Path.Combine(Folder, FileName(slug, key.Seed));
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            var stored = JsonSerializer.Deserialize<StoredRun>(File.ReadAllBytes(path), Options);
            return stored is not null && stored.Key == key ? stored.Outcomes : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException || IoFailure.Find(e) is not null)
        {
            // A damaged or unreadable file is simulated again and overwritten.
            return null;
        }
    }

    public IReadOnlyList<InputProblem> Save(string slug, RunKey key, ReplicationOutcomes outcomes)
    {
        try
        {
            Directory.CreateDirectory(Folder);
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            return [new InputProblem(Folder, string.Empty, $"cannot create the folder: {IoFailure.Cause(e)}", IoFailure.Suggestion(e))];
        }
        return AtomicFile.Write(Path.Combine(Folder, FileName(slug, key.Seed)),
            stream => JsonSerializer.Serialize(stream, new StoredRun(key, outcomes), Options)).Problems;
    }

    /// <summary>Copies the runs named by <paramref name="files"/> into a new report folder's runs/, so the report keeps what it was made from.</summary>
    public void CopyTo(string stagingFolder, IEnumerable<string> files)
    {
        string target = Path.Combine(stagingFolder, FolderName);
        Directory.CreateDirectory(target);
        foreach (string file in files)
        {
            File.Copy(Path.Combine(Folder, file), Path.Combine(target, file), overwrite: true);
        }
    }

    private sealed record StoredRun(RunKey Key, ReplicationOutcomes Outcomes);
}
