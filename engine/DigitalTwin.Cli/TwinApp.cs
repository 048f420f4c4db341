using System.CommandLine;
using DigitalTwin.Cli.Commands;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Engine.IO;

namespace DigitalTwin.Cli;

/// <summary>The <c>twin</c> command: builds the command tree, runs it, and turns failures into exit codes.</summary>
public static class TwinApp
{
    public const int Success = 0;
    public const int UserError = 1;
    public const int InternalError = 2;

    /// <summary>Environment variable that, set to 1, prints stack traces of internal errors (like --verbose).</summary>
    public const string DebugVariable = "DIGITALTWIN_DEBUG";

    public static int Run(string[] args, Terminal terminal, MapServices? maps) => Run(args, terminal, maps, null);

    /// <param name="interruption">Ctrl-C and SIGTERM (<see cref="Program"/>), or a test's; none: nothing stops a command.</param>
    public static int Run(string[] args, Terminal terminal, MapServices? maps, Interruption? interruption)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        using var none = interruption is null ? Interruption.Manual() : null;
        interruption ??= none!;
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Print stack traces of internal errors",
            Recursive = true,
        };
        var root = new RootCommand("DigitalTwin: who meets whom on the street, before anything is built.")
        {
            Options = { verbose },
            Subcommands =
            {
                ValidateCommand.Create(terminal, maps),
                NetworkCommand.Create(terminal, maps),
                RunCommand.Create(terminal, interruption),
                CompareCommand.Create(terminal, interruption),
                SweepCommand.Create(terminal, interruption),
                SensitivityCommand.Create(terminal),
                CalibrateCommand.Create(terminal, interruption),
                ProfileCommand.Create(terminal, interruption),
                RenderCommand.Create(terminal, interruption),
                ViewCommand.Create(terminal),
            },
        };
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
        {
            foreach (var error in parsed.Errors)
            {
                terminal.Error.WriteLine(ReadableParseError(error.Message));
            }
            string command = parsed.CommandResult.Command == root ? "twin" : "twin " + parsed.CommandResult.Command.Name;
            terminal.Error.WriteLine($"'{command} --help' lists the arguments and options");
            return UserError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = terminal.Out,
                Error = terminal.Error,
                EnableDefaultExceptionHandler = false,
                // Signals are Interruption's: the commands stop at their safe points and say so.
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e) when (Failures.IsOutOfMemory(e))
        {
            terminal.Error.WriteLine(Failures.OutOfMemoryWithoutSize);
            return UserError;
        }
        catch (Exception e) when (IoFailure.Find(e) is not null)
        {
            // A full disk or a failing drive is the machine's problem, not a bug: say which file and why.
            terminal.Error.WriteLine(Failures.Io(e));
            return UserError;
        }
        catch (Exception e)
        {
            terminal.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message} (this is a bug in DigitalTwin; please report it)");
            if (parsed.GetValue(verbose) || terminal.Environment(DebugVariable) == "1")
            {
                terminal.Error.WriteLine(e.ToString());
            }
            else
            {
                terminal.Error.WriteLine($"run again with --verbose or {DebugVariable}=1 for the stack trace");
            }
            return InternalError;
        }
    }

    /// <summary>
    /// The command-line parser's message in the user's terms: a value that does not parse names the option and what
    /// it takes, not a .NET type ("System.Nullable`1[System.UInt64]").
    /// </summary>
    internal static string ReadableParseError(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message,
            @"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'");
        if (!match.Success)
        {
            return message;
        }
        string type = match.Groups["type"].Value;
        string takes = type.Contains("UInt", StringComparison.Ordinal) ? "a whole number, 0 or more"
            : type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) ? "a number"
            : "a value of another kind";
        return $"{match.Groups["option"].Value} takes {takes}, not '{match.Groups["value"].Value}'";
    }
}
