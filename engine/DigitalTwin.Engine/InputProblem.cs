namespace DigitalTwin.Engine;

/// <summary>
/// A mistake in user input (a scenario or map file): which file, which field or line, what is wrong and what is
/// allowed. The engine returns these as values; the command line prints them one per line and exits with 1.
/// Exceptions are kept for bugs.
/// </summary>
public sealed record InputProblem(string File, string Field, string Message, string? Suggestion = null)
{
    public override string ToString()
    {
        string where = string.IsNullOrEmpty(Field) ? File : $"{File}: {Field}";
        return Suggestion is null ? $"{where}: {Message}" : $"{where}: {Message} ({Suggestion})";
    }
}

/// <summary>Either a value or the list of every problem that prevented it.</summary>
public sealed class InputResult<T>
    where T : class
{
    private InputResult(T? value, IReadOnlyList<InputProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    public T? Value { get; }

    public IReadOnlyList<InputProblem> Problems { get; }

    public bool Succeeded => Value is not null && Problems.Count == 0;

    public static InputResult<T> Success(T value) => new(value, []);

    public static InputResult<T> Failure(IReadOnlyList<InputProblem> problems) =>
        problems.Count == 0 ? throw new ArgumentException("A failure needs at least one problem.", nameof(problems)) : new(null, problems);

    public static InputResult<T> Failure(InputProblem problem) => new(null, [problem]);

    /// <summary>The value, for callers that checked <see cref="Succeeded"/>.</summary>
    public T Unwrap() => Value ?? throw new InvalidOperationException(
        "Input had problems: " + string.Join("; ", Problems));
}
