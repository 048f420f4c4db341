using System.Text.Json;

namespace DigitalTwin.Benchmarks.Scale;

internal static class ScaleJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}
