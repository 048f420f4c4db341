namespace DigitalTwin.Engine;

/// <summary>Identifies the engine build in run files and summaries, so a result can be traced to its code.</summary>
public static class EngineInfo
{
    public static string Version { get; } =
        typeof(EngineInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
