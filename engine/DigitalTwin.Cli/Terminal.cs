namespace DigitalTwin.Cli;

/// <summary>
/// Where the command writes for people, and the environment it reads: the console in <see cref="Program"/>,
/// string writers in tests, so commands run in-process with their output captured.
/// </summary>
public sealed class Terminal(TextWriter output, TextWriter error, Func<string, string?> environment)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public static Terminal FromConsole() => new(Console.Out, Console.Error, System.Environment.GetEnvironmentVariable);

    public string? Environment(string name) => environment(name);

    /// <summary>One line per problem, as the README promises: "error: file: field (line n): message (suggestion)".</summary>
    public void WriteProblems(IEnumerable<Engine.InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (Engine.InputProblem problem in problems)
        {
            Error.WriteLine("error: " + problem);
        }
    }
}
