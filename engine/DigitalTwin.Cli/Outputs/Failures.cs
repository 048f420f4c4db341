using System.Globalization;
using DigitalTwin.Engine.IO;

namespace DigitalTwin.Cli.Outputs;

/// <summary>
/// Failures that are the machine's, not the program's: a full disk, a failing drive, too little memory. Each becomes
/// one sentence and exit code 1, since the user can act on it, where a bug is exit code 2.
/// </summary>
internal static class Failures
{
    public static bool IsOutOfMemory(Exception? exception) => exception switch
    {
        null => false,
        OutOfMemoryException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsOutOfMemory),
        _ => IsOutOfMemory(exception.InnerException),
    };

    /// <summary>The run's size in the sentence, since that is what the user can change.</summary>
    public static string OutOfMemory(int residents, int days) => string.Create(CultureInfo.InvariantCulture,
        $"error: out of memory simulating {residents:N0} residents × {days} days ({(long)residents * days:N0} resident-days); try fewer days (--days), fewer residents (population.residents in the scenario) or a machine with more memory");

    public const string OutOfMemoryWithoutSize =
        "error: out of memory; try fewer days (--days), fewer residents (population.residents in the scenario) or a machine with more memory";

    /// <summary>An I/O error nobody caught nearer to where it happened: the file, as the error names it, and the cause.</summary>
    public static string Io(Exception exception)
    {
        var io = IoFailure.Find(exception) ?? exception;
        string message = io.Message;
        int start = message.IndexOf('\'', StringComparison.Ordinal);
        int end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        string file = end > start ? message[(start + 1)..end] : "a file";
        return $"error: {file}: {IoFailure.Cause(exception)} ({IoFailure.Suggestion(exception)})";
    }
}
