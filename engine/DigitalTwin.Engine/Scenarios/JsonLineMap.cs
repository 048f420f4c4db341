using System.Text.Json;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// Maps JSON paths (<c>$.interventions[2].widthMetres</c>) to 1-based line numbers. JsonDocument keeps no
/// positions, so one pass of <see cref="Utf8JsonReader"/> records where each property and value starts.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    public int LineOf(string path) => _lines.TryGetValue(path, out int line) ? line : 0;

    public static JsonLineMap Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var newlines = new List<long>();
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }
        var reader = new Utf8JsonReader(utf8, options);
        var frames = new Stack<Frame>();
        string pendingProperty = "$";
        while (reader.Read())
        {
            int line = LineAt(newlines, reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = frames.Peek().Path + "." + reader.GetString();
                    map._lines.TryAdd(pendingProperty, line);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                {
                    string path = NextValuePath(frames, pendingProperty);
                    map._lines.TryAdd(path, line);
                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    break;
                }
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    map._lines.TryAdd(NextValuePath(frames, pendingProperty), line);
                    break;
            }
        }
        return map;
    }

    private static string NextValuePath(Stack<Frame> frames, string pendingProperty)
    {
        if (frames.Count == 0)
        {
            return "$";
        }
        Frame top = frames.Peek();
        return top.IsArray ? $"{top.Path}[{top.NextIndex++}]" : pendingProperty;
    }

    private static int LineAt(List<long> newlines, long offset)
    {
        int index = newlines.BinarySearch(offset);
        return (index < 0 ? ~index : index) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
