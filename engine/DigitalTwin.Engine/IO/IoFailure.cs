namespace DigitalTwin.Engine.IO;

/// <summary>
/// Why a file could not be written or read, in the operating system's words ("no space left on device"), found
/// however deep a serializer wrapped it: MessagePack, for one, wraps a full disk in its own exception, which read as
/// a bug unless the cause is dug out.
/// </summary>
public static class IoFailure
{
    /// <summary>The <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> behind <paramref name="exception"/>, or null.</summary>
    public static Exception? Find(Exception? exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException or UnauthorizedAccessException)
            {
                return e;
            }
            if (e is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }
        return null;
    }

    /// <summary>
    /// The cause in a few lower-case words. On Unix .NET puts the errno in <see cref="Exception.HResult"/> (28 is
    /// ENOSPC on Linux and macOS alike); on Windows it is the Win32 error as an HRESULT (0x8007xxxx).
    /// </summary>
    public static string Cause(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Exception e = Find(exception) ?? exception;
        if (e is UnauthorizedAccessException)
        {
            return "permission denied";
        }
        int code = e.HResult;
        return code switch
        {
            28 or unchecked((int)0x80070070) or unchecked((int)0x80070027) => "no space left on device",
            122 when OperatingSystem.IsLinux() => "disk quota exceeded",
            69 when OperatingSystem.IsMacOS() => "disk quota exceeded",
            30 or unchecked((int)0x80070013) => "read-only file system",
            1 or 13 => "permission denied",
            5 => "input/output error",
            27 => "file too large",
            _ when e is DirectoryNotFoundException => "the folder does not exist",
            _ when e is FileNotFoundException => "the file does not exist",
            _ => WithoutPath(e.Message),
        };
    }

    /// <summary>What to do about <paramref name="exception"/>: free space for a full disk, check permissions otherwise.</summary>
    public static string Suggestion(Exception exception) => Cause(exception) switch
    {
        "no space left on device" or "disk quota exceeded" or "file too large" => "free space on that disk or write to another folder",
        _ => "check that the folder exists and is writable",
    };

    /// <summary>.NET's Unix messages read "strerror : 'path'"; the path is named by the caller, so only the error is kept.</summary>
    private static string WithoutPath(string message)
    {
        int at = message.IndexOf(" : '", StringComparison.Ordinal);
        string cause = (at > 0 ? message[..at] : message).TrimEnd('.');
        return cause.Length > 1 && char.IsUpper(cause[0]) && !char.IsUpper(cause[1]) ? char.ToLowerInvariant(cause[0]) + cause[1..] : cause;
    }
}
