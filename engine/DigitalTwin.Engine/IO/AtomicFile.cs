namespace DigitalTwin.Engine.IO;

/// <summary>
/// Writes a file next to its target and moves it into place, so nobody ever reads half a file and a failed write
/// leaves the old file (or none) behind. Failures to write are the user's to fix (a missing or read-only folder),
/// so they come back as an <see cref="InputProblem"/>, not an exception.
/// </summary>
public static class AtomicFile
{
    public static InputResult<string> Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string partial = full + ".partial";
        try
        {
            using (var stream = File.Create(partial))
            {
                write(stream);
            }
            File.Move(partial, full, overwrite: true);
            return InputResult<string>.Success(full);
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            // Serializers wrap the I/O error (MessagePack does), so the cause is looked for inside them too.
            TryDelete(partial);
            return InputResult<string>.Failure(new InputProblem(path, string.Empty, $"cannot write the file: {IoFailure.Cause(e)}",
                IoFailure.Suggestion(e)));
        }
        catch
        {
            // Not an I/O error, so a bug: it propagates, but leaves no half-written file beside the old one.
            TryDelete(partial);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed and is reported; a stray .partial file is harmless.
            _ = e;
        }
    }
}
