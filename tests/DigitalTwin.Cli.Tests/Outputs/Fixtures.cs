using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Outputs;

/// <summary>Scenarios and checks shared by the tests of outputs: a small generated map, and what a complete run folder is.</summary>
internal static class Fixtures
{
    /// <summary>A scenario on a generated grid, written as GeoJSON (streets, places and homes in one file).</summary>
    public static string GridScenario(ScenarioBuilder files, int size = 4, int residents = 100)
    {
        string map = Path.Combine(files.Directory, "map.geojson");
        if (!File.Exists(map))
        {
            Assert.True(GeoJsonExporter.WriteNeighbourhood(NetworkGenerator.Grid(size, size), map).Succeeded);
        }
        var population = ScenarioBuilder.ValidScenario()["population"]!.DeepClone();
        population["explicit"]!["residents"] = residents;
        population["explicit"]!["households"] = residents / 2;
        return files.Set("map", "map.geojson").Set("population", population).Write();
    }

    /// <summary>
    /// A 5 × 5 grid with homes, shops and benches, written as a GeoJSON map the scenario loader reads. The map importer
    /// finds homes by address, so each exported home point gets a house number.
    /// </summary>
    public static string AddressedGridMap(ScenarioBuilder files, string fileName)
    {
        string path = Path.Combine(files.Directory, fileName);
        Assert.True(GeoJsonExporter.WriteNeighbourhood(NetworkGenerator.Grid(5, 5, new GeneratorOptions { Seed = 2 }), path).Succeeded);
        var map = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        int number = 1;
        foreach (var feature in map["features"]!.AsArray())
        {
            var properties = feature!["properties"]!.AsObject();
            if ((string?)properties["layer"] == "home")
            {
                properties["addr:housenumber"] = (number++).ToString(CultureInfo.InvariantCulture);
            }
        }
        File.WriteAllText(path, map.ToJsonString());
        return path;
    }

    /// <summary>Every file a run writes, by name.</summary>
    public static string[] RunFiles { get; } =
        [RunWriter.SummaryFile, RunWriter.EdgesFile, RunWriter.PlacesFile, RunWriter.RunFileName, .. RunWriter.Tables.Select(t => t.File)];

    /// <summary>The files of a folder, by name, with their bytes (summary.json without its wall time, which differs from run to run).</summary>
    public static Dictionary<string, byte[]> Contents(string folder) => Directory.EnumerateFiles(folder)
        .ToDictionary(file => Path.GetFileName(file), file => Path.GetFileName(file) == RunWriter.SummaryFile
            ? System.Text.Encoding.UTF8.GetBytes(string.Join('\n', File.ReadLines(file).Where(l => !l.Contains("wallTimeSeconds", StringComparison.Ordinal))))
            : File.ReadAllBytes(file), StringComparer.Ordinal);

    public static bool Same(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
        a.Count == b.Count && a.All(entry => b.TryGetValue(entry.Key, out var other) && entry.Value.AsSpan().SequenceEqual(other));

    /// <summary>Entries beside <paramref name="folder"/> or inside it that a writer left: staging, set-aside and probe names, .partial files.</summary>
    public static string[] Leftovers(string folder)
    {
        string parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        string name = Path.GetFileName(Path.GetFullPath(folder));
        var beside = Directory.EnumerateFileSystemEntries(parent, "." + name + "*");
        var inside = Directory.Exists(folder)
            ? Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Where(e => Path.GetFileName(e).StartsWith('.') || e.EndsWith(".partial", StringComparison.Ordinal))
            : [];
        return [.. beside.Concat(inside)];
    }

    /// <summary>Runs the CLI in this process with the real map services; its exit code and what it printed.</summary>
    public static (int Code, string Out, string Error) RunTwin(params string[] args) => RunTwin(args, mapServices: true);

    /// <summary>As <see cref="RunTwin(string[])"/>; without map services the CLI works as it does where none are given.</summary>
    public static (int Code, string Out, string Error) RunTwin(string[] args, bool mapServices)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = TwinApp.Run(args, new Terminal(output, error, _ => null), mapServices ? MapLoading.Services : null);
        return (code, output.ToString(), error.ToString());
    }

    public static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>
    /// Whether this process may mount a tmpfs: root, and not in a container that withholds the right to mount (where
    /// mount(8) fails even for root). Tried once, on a throw-away folder.
    /// </summary>
    public static bool CanMountTmpfs => CanMount.Value;

    private static readonly Lazy<bool> CanMount = new(() =>
    {
        if (!OperatingSystem.IsLinux() || !IsRoot)
        {
            return false;
        }
        string folder = Directory.CreateTempSubdirectory("twin-mount-probe-").FullName;
        try
        {
            if (Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder) != 0)
            {
                return false;
            }
            Run("umount", folder);
            return true;
        }
        finally
        {
            Directory.Delete(folder);
        }
    });

    private static int Run(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Runs mount(8) or umount(8); fails the test when it fails.</summary>
    public static void Mount(params string[] args) => Tool("mount", args);

    public static void Unmount(string path) => Tool("umount", path);

    private static void Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, string.Create(CultureInfo.InvariantCulture, $"{name} {string.Join(' ', args)}: {error}"));
    }
}

/// <summary>A test that mounts a small tmpfs: it needs root (CI runs as root), and is skipped, saying so, otherwise.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Fixtures.CanMountTmpfs)
        {
            Skip = "needs root on Linux with the right to mount a small tmpfs (mount -t tmpfs -o size=...); run the tests as root, outside a container that withholds mounting, to include it";
        }
    }
}

/// <summary>
/// A test that needs a folder this process cannot write: a read-only tmpfs for root (which file modes do not stop), a
/// folder without write permission for anyone else. Skipped, saying so, for root where mounting is withheld.
/// </summary>
internal sealed class ReadOnlyFolderFactAttribute : FactAttribute
{
    public ReadOnlyFolderFactAttribute()
    {
        if (OperatingSystem.IsWindows() || (Fixtures.IsRoot && !Fixtures.CanMountTmpfs))
        {
            Skip = "needs a folder this process cannot write: as root that takes mounting a read-only tmpfs, which is withheld here";
        }
    }
}

/// <summary>
/// A test that sends SIGINT or SIGTERM to a child. Skipped where signals cannot reach it: on Windows, and where this
/// process ignores SIGINT (started in the background by a shell without job control), since the child inherits that.
/// </summary>
internal sealed class SignalFactAttribute : FactAttribute
{
    public SignalFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "signals to a child process are tested on Linux";
        }
        else if (SigIntIgnored())
        {
            Skip = "this test process ignores SIGINT (started in the background without job control), so its children would too";
        }
    }

    private static bool SigIntIgnored()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0x2) != 0;
    }
}
