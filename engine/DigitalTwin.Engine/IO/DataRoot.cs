namespace DigitalTwin.Engine.IO;

/// <summary>
/// The folder tree the files a scenario names must lie in. A scenario, or a sweep, is often someone else's: without a
/// fence its <c>map</c>, <c>extends</c> or CBS file could name <c>/etc/passwd</c>, <c>../../.ssh/id_rsa</c> or a link
/// to either, and the tool would read whatever the user can. Paths are compared after every symbolic link is
/// followed, as the operating system will follow them when the file is opened.
/// </summary>
public static class DataRoot
{
    /// <summary>
    /// The file that marks a folder of scenarios (the repository's <c>scenarios/</c>): its scenarios and their data
    /// (<c>../data/osm</c>, <c>../data/cbs</c>) share that folder as root.
    /// </summary>
    public const string MarkerFile = "scenario.schema.json";

    /// <summary>More links than this on one path is a loop (Linux gives up after 40 as well).</summary>
    private const int MaxLinks = 40;

    /// <summary>
    /// The root for a file named on the command line: the nearest folder above it (its own included) that holds
    /// <see cref="MarkerFile"/>, otherwise the file's own folder; as a real path.
    /// </summary>
    public static string Of(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        string written = Path.GetDirectoryName(Path.GetFullPath(file)) ?? Path.GetFullPath(file);
        // A folder whose links loop holds no file that can be opened; its path as written is root enough.
        string folder = RealPath(written) ?? written;
        for (string? at = folder; at is not null; at = Path.GetDirectoryName(at))
        {
            if (File.Exists(Path.Join(at, MarkerFile)))
            {
                return at;
            }
        }
        return folder;
    }

    /// <summary>
    /// The path with every symbolic link in it followed and every <c>.</c> and <c>..</c> removed, the way the operating
    /// system resolves it (a <c>..</c> after a link goes up from where the link points); null when the links loop.
    /// A part that does not exist is kept as written, so a missing file still has a place to be refused or reported.
    /// </summary>
    public static string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string resolved = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(Parts(full[resolved.Length..]).Reverse());
        int links = 0;
        while (pending.TryPop(out string? part))
        {
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }
            string next = Path.Join(resolved, part);
            string? target = LinkTarget(next);
            if (target is null)
            {
                resolved = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            if (Path.IsPathRooted(target))
            {
                resolved = Path.GetPathRoot(target) ?? resolved;
                target = target[resolved.Length..];
            }
            foreach (string inner in Parts(target).Reverse())
            {
                pending.Push(inner);
            }
        }
        return resolved;
    }

    /// <summary>Whether <paramref name="realPath"/> is <paramref name="realRoot"/> or lies below it (both from <see cref="RealPath"/>).</summary>
    public static bool Holds(string realRoot, string realPath)
    {
        ArgumentNullException.ThrowIfNull(realRoot);
        ArgumentNullException.ThrowIfNull(realPath);
        // Windows and macOS file systems ignore case by default: "C:\Data" and "c:\data" are one folder there.
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string root = Path.TrimEndingDirectorySeparator(realRoot);
        string path = Path.TrimEndingDirectorySeparator(realPath);
        if (path.Equals(root, comparison))
        {
            return true;
        }
        string prefix = Path.EndsInDirectorySeparator(realRoot) ? realRoot : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Where a symbolic link points, as written in it; null for anything that is not a link (or cannot be looked at).</summary>
    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder the user may not list: nothing below it can be opened either, so it resolves to itself.
            return null;
        }
    }
}
