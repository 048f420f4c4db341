namespace DigitalTwin.Cli.Sweeps;

/// <summary>
/// How to start this very <c>twin</c> again, for sweep workers and Slurm tasks: the apphost beside twin.dll when there
/// is one, else the dotnet host running twin.dll. Absolute paths, so a Slurm task on another node of a shared file
/// system starts the same build.
/// </summary>
internal static class TwinExecutable
{
    public static IReadOnlyList<string> Command()
    {
        string assembly = typeof(TwinApp).Assembly.Location;
        string folder = Path.GetDirectoryName(assembly) ?? AppContext.BaseDirectory;
        string apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? "twin.exe" : "twin");
        if (File.Exists(apphost))
        {
            return [apphost];
        }
        string host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        return [host, "exec", assembly];
    }
}
