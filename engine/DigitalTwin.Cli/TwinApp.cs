using System.CommandLine;
using DigitalTwin.Cli.Commands;

namespace DigitalTwin.Cli;

/// <summary>The <c>twin</c> command: builds the command tree, runs it, and turns failures into exit codes.</summary>
public static class TwinApp
{
    public const int Success = 0;
    public const int UserError = 1;
    public const int InternalError = 2;

    /// <summary>Environment variable that, set to 1, prints stack traces of internal errors (like --verbose).</summary>
    public const string DebugVariable = "DIGITALTWIN_DEBUG";

    public static int Run(string[] args, Terminal terminal, MapServices? maps)
    {
        ArgumentNullException.ThrowIfNull(terminal);
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
                RunCommand.Create(terminal),
                CompareCommand.Create(terminal),
                RenderCommand.Create(terminal),
                ViewCommand.Create(terminal),
            },
        };
        ParseResult parsed = root.Parse(args);
        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = terminal.Out,
                Error = terminal.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
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
}
