using System.Globalization;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;

namespace DigitalTwin.Cli.Outputs;

/// <summary>
/// One output file (a rendered PNG) written beside its target under a hidden name that carries the writer's process
/// id (<c>.NAME.partial-PID</c>) and renamed into place: the file is the previous one or the new one, and a killed
/// writer's leftover is removed by the next write of the same file.
/// </summary>
internal static class OutputFile
{
    private const string StagingTag = ".partial-";

    /// <summary>Checks before the work that the file's folder can be written (creating it if missing).</summary>
    public static IReadOnlyList<InputProblem> Check(string path)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        string probe = Staged(full);
        try
        {
            Directory.CreateDirectory(folder);
            CleanLeftovers(full);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return [];
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            OutputFolder.DeleteQuietly(probe);
            return [new InputProblem(path, string.Empty, $"cannot write the file: {IoFailure.Cause(e)}", IoFailure.Suggestion(e))];
        }
    }

    public static IReadOnlyList<InputProblem> Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteAt(path, staged =>
        {
            using var stream = File.Create(staged);
            write(stream);
        });
    }

    /// <summary>
    /// As <see cref="Write(string, Action{Stream})"/> for writers that need a path rather than a stream (SQLite for a
    /// GeoPackage): <paramref name="write"/> creates the file at the staging path it is given, which is then moved
    /// into place. <paramref name="isWriteFailure"/> recognises the writer's own exceptions for a failed write
    /// (SQLite reports a full disk as SQLITE_FULL, not as an IOException).
    /// </summary>
    public static IReadOnlyList<InputProblem> WriteAt(string path, Action<string> write, Func<Exception, string?>? isWriteFailure = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string staged = Staged(full);
        try
        {
            CleanLeftovers(full);
            write(staged);
            File.Move(staged, full, overwrite: true);
            return [];
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            OutputFolder.DeleteQuietly(staged);
            return [new InputProblem(path, string.Empty, $"cannot write the file: {IoFailure.Cause(e)}", IoFailure.Suggestion(e))];
        }
        catch (Exception e) when (isWriteFailure?.Invoke(e) is { } cause)
        {
            OutputFolder.DeleteQuietly(staged);
            return [new InputProblem(path, string.Empty, $"cannot write the file: {cause}")];
        }
        catch
        {
            OutputFolder.DeleteQuietly(staged);
            throw;
        }
    }

    private static string Staged(string full) => Path.Combine(Path.GetDirectoryName(full)!, string.Create(CultureInfo.InvariantCulture,
        $".{Path.GetFileName(full)}{StagingTag}{Environment.ProcessId}"));

    private static void CleanLeftovers(string full)
    {
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            return;
        }
        string prefix = $".{Path.GetFileName(full)}{StagingTag}";
        foreach (string leftover in Directory.EnumerateFiles(folder, ".*"))
        {
            string name = Path.GetFileName(leftover);
            if (name.StartsWith(prefix, StringComparison.Ordinal) && !OutputFolder.WriterAlive(name[prefix.Length..]))
            {
                OutputFolder.DeleteQuietly(leftover);
            }
        }
    }
}
