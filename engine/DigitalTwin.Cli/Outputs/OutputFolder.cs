using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;

namespace DigitalTwin.Cli.Outputs;

/// <summary>
/// An output folder replaced as a whole. A command writes into a staging folder beside it (the same parent, so moving
/// it into place is a rename, not a copy) and <see cref="Staging.Commit"/> swaps it in: the folder holds the previous
/// complete output or the new complete one, never a mix, and the previous one goes only once the new one is complete.
/// <para>
/// Staging and set-aside folders are named <c>.NAME.partial-PID-X</c> and <c>.NAME.previous-PID-X</c>: hidden, never
/// taken for output, and carrying the writer's process id, so the next command into the folder can tell a killed
/// process's leftovers (removed; a set-aside previous output whose folder is gone is put back) from those of a
/// command still running (left alone).
/// </para>
/// </summary>
internal sealed class OutputFolder
{
    private const string StagingTag = ".partial-";
    private const string AsideTag = ".previous-";
    private const string ProbePrefix = ".twin-probe-";

    private OutputFolder(string display, string full)
    {
        Display = display;
        Target = full;
        Parent = Path.GetDirectoryName(full)!;
        Name = Path.GetFileName(full);
    }

    /// <summary>The folder as the user named it, for messages.</summary>
    public string Display { get; }

    /// <summary>The folder's full path.</summary>
    public string Target { get; }

    private string Parent { get; }

    private string Name { get; }

    /// <summary>
    /// Checks, before anything is simulated, that the outputs can be written: creates the parent folder if missing,
    /// cleans dead commands' leftovers, and writes and deletes a probe file where the outputs will go (a staging folder
    /// beside the target) and, when the folder exists, inside it (renaming a folder on Unix needs write access to it).
    /// The folder itself is not created: until a command finishes, it is absent or the previous output.
    /// </summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="isOutput">
    /// Whether a name in the folder is one the command writes. The swap replaces the whole folder, so a folder
    /// holding anything else (a user's files, the current folder) is refused rather than deleted.
    /// </param>
    public static InputResult<OutputFolder> Open(string folder, Func<string, bool> isOutput)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(isOutput);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Path.GetDirectoryName(full) is null || Path.GetFileName(full).Length == 0)
        {
            return InputResult<OutputFolder>.Failure(new InputProblem(folder, string.Empty, "is the root of a disk; outputs need a folder of their own"));
        }
        if (File.Exists(full))
        {
            return InputResult<OutputFolder>.Failure(new InputProblem(folder, string.Empty, "is a file, not a folder", "pass a folder with --out"));
        }
        string here = Path.TrimEndingDirectorySeparator(Path.GetFullPath("."));
        if (here == full || here.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return InputResult<OutputFolder>.Failure(new InputProblem(folder, string.Empty,
                "is the current folder or holds it; outputs replace their folder whole", "pass a folder of its own with --out, e.g. out/NAME"));
        }
        var output = new OutputFolder(folder, full);
        string? probe = null;
        try
        {
            Directory.CreateDirectory(output.Parent);
            output.CleanLeftovers();
            if (Directory.Exists(full))
            {
                var foreign = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName)
                    .Where(name => !name!.StartsWith(ProbePrefix, StringComparison.Ordinal) && !isOutput(name)).Order(StringComparer.Ordinal).ToList();
                if (foreign.Count > 0)
                {
                    return InputResult<OutputFolder>.Failure(new InputProblem(folder, string.Empty,
                        $"holds {string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {foreign.Count - 3} more") : string.Empty)}, which this command does not write; outputs replace their folder whole",
                        "pass a new or empty folder with --out, or move those files out"));
                }
            }
            probe = output.NewPath(StagingTag);
            Directory.CreateDirectory(probe);
            File.WriteAllBytes(Path.Combine(probe, "probe"), [1]);
            Directory.Delete(probe, recursive: true);
            probe = null;
            if (Directory.Exists(full))
            {
                probe = Path.Combine(full, ProbePrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                File.WriteAllBytes(probe, [1]);
                File.Delete(probe);
                probe = null;
            }
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            DeleteQuietly(probe);
            return InputResult<OutputFolder>.Failure(new InputProblem(folder, string.Empty,
                $"cannot write the output folder: {IoFailure.Cause(e)}", IoFailure.Suggestion(e)));
        }
        return InputResult<OutputFolder>.Success(output);
    }

    /// <summary>A new, empty staging folder beside the target; disposing it without committing deletes it.</summary>
    public Staging Stage()
    {
        CleanLeftovers();
        string path = NewPath(StagingTag);
        Directory.CreateDirectory(path);
        return new Staging(this, path);
    }

    /// <summary>A problem about a file written into <paramref name="staging"/>, named as it would be in the output folder.</summary>
    public InputProblem InOutput(InputProblem problem, Staging staging)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(staging);
        string file = Path.GetFullPath(problem.File);
        return file.StartsWith(staging.Path, StringComparison.Ordinal)
            ? problem with { File = Display + file[staging.Path.Length..] }
            : problem;
    }

    private string NewPath(string tag) => Path.Combine(Parent, string.Create(CultureInfo.InvariantCulture,
        $".{Name}{tag}{Environment.ProcessId}-{Guid.NewGuid():N}"));

    /// <summary>
    /// Removes what a killed command left: its staging folders, its probe file, and a set-aside previous output, which
    /// goes back into place when the command died between the two renames of a swap (the folder is then missing).
    /// </summary>
    private void CleanLeftovers()
    {
        if (!Directory.Exists(Parent))
        {
            return;
        }
        foreach (string path in Directory.EnumerateDirectories(Parent, ".*"))
        {
            string entry = Path.GetFileName(path);
            string prefix = "." + Name;
            if (!entry.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            string rest = entry[prefix.Length..];
            bool staging = rest.StartsWith(StagingTag, StringComparison.Ordinal);
            bool aside = rest.StartsWith(AsideTag, StringComparison.Ordinal);
            if ((!staging && !aside) || WriterAlive(rest[(staging ? StagingTag : AsideTag).Length..]))
            {
                continue;
            }
            if (aside && !Directory.Exists(Target))
            {
                Directory.Move(path, Target);
            }
            else
            {
                DeleteQuietly(path);
            }
        }
        if (Directory.Exists(Target))
        {
            foreach (string probe in Directory.EnumerateFiles(Target, ProbePrefix + "*"))
            {
                if (!WriterAlive(Path.GetFileName(probe)[ProbePrefix.Length..]))
                {
                    DeleteQuietly(probe);
                }
            }
        }
    }

    /// <summary>Whether the process named at the start of <paramref name="suffix"/> ("PID" or "PID-X") still runs; this one counts as alive.</summary>
    internal static bool WriterAlive(string suffix)
    {
        int dash = suffix.IndexOf('-', StringComparison.Ordinal);
        if (!int.TryParse(dash < 0 ? suffix : suffix[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            // Not a name this class makes: leave it alone.
            return true;
        }
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    internal static void DeleteQuietly(string? path)
    {
        try
        {
            if (path is null)
            {
                return;
            }
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Named as a leftover, so the next command into this folder removes it.
            _ = e;
        }
    }

    /// <summary>A staging folder: written into, then committed (swapped in) or disposed (deleted).</summary>
    internal sealed class Staging(OutputFolder output, string path) : IDisposable
    {
        private bool _done;

        public string Path { get; } = path;

        /// <summary>
        /// Swaps the staging folder in: the previous output is renamed aside, the new one renamed into place, then the
        /// previous one deleted. Should the second rename fail, the previous output is put back.
        /// </summary>
        public void Commit()
        {
            ObjectDisposedException.ThrowIf(_done, this);
            string? aside = null;
            if (Directory.Exists(output.Target))
            {
                aside = output.NewPath(AsideTag);
                Directory.Move(output.Target, aside);
            }
            try
            {
                Directory.Move(Path, output.Target);
            }
            catch
            {
                if (aside is not null)
                {
                    Directory.Move(aside, output.Target);
                }
                throw;
            }
            _done = true;
            DeleteQuietly(aside);
        }

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                DeleteQuietly(Path);
            }
        }
    }
}
