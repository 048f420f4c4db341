using System.Globalization;

namespace DigitalTwin.Benchmarks;

/// <summary>
/// The few options the subcommands take (<c>--quick</c>, <c>--out DIR</c>, <c>--threads 1,2</c>): flags and
/// <c>--name value</c> pairs. Small on purpose; the twin command line is where System.CommandArguments earns its keep.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public static CommandArguments Parse(IReadOnlyList<string> args)
    {
        var line = new CommandArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{arg}' (options start with --)");
            }
            string name = arg[2..];
            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                line._values[name] = args[++i];
            }
            else
            {
                line._flags.Add(name);
            }
        }
        return line;
    }

    public bool Has(string flag) => _flags.Contains(flag) || _values.ContainsKey(flag);

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public ulong GetULong(string name, ulong fallback) =>
        _values.TryGetValue(name, out var v) ? ulong.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<int> GetInts(string name, IReadOnlyList<int> fallback) =>
        _values.TryGetValue(name, out var v)
            ? v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : fallback;
}
