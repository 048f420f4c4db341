using DigitalTwin.Engine;

namespace DigitalTwin.Cli.Learning;

/// <summary>
/// A report folder written whole or not at all: everything goes into FOLDER.partial, which replaces FOLDER only once
/// every file is written, so a failure or an interruption never leaves a report whose files disagree.
/// </summary>
internal static class StagedFolder
{
    public static IReadOnlyList<InputProblem> Write(string folder, Func<string, IReadOnlyList<InputProblem>> writeInto)
    {
        ArgumentNullException.ThrowIfNull(writeInto);
        string full = Path.GetFullPath(folder);
        string staging = full + ".partial";
        string old = full + ".old";
        try
        {
            Delete(staging);
            Directory.CreateDirectory(staging);
            var problems = writeInto(staging);
            if (problems.Count > 0)
            {
                Delete(staging);
                return problems;
            }
            Delete(old);
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
            }
            Directory.Move(staging, full);
            Delete(old);
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new InputProblem(folder, string.Empty, $"cannot write the report folder: {e.Message}", "choose another folder with --out")];
        }
    }

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
