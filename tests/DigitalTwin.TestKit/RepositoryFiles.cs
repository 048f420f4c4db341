namespace DigitalTwin.TestKit;

/// <summary>Files bundled in the repository, found from the test's working folder (no dependency on ../shared).</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder upwards holding DigitalTwin.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string DelftPbf => Path.Combine(Root, "scenarios", "data", "osm", "delft-wippolder-2025.osm.pbf");

    public static string DelftXml => Path.Combine(Root, "scenarios", "data", "osm", "delft-wippolder-2025-walk-poi.osm");

    public static string AmsterdamPbf => Path.Combine(Root, "scenarios", "data", "osm", "amsterdam-watergraafsmeer-2016.osm.pbf");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DigitalTwin.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No DigitalTwin.sln above {AppContext.BaseDirectory}: tests run inside the repository.");
    }
}
