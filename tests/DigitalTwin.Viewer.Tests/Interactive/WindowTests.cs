using System.Diagnostics;
using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;
using Xunit.Abstractions;

namespace DigitalTwin.Viewer.Tests.Interactive;

/// <summary>
/// Runs where an X server binary (Xvfb) exists. CI installs it (xvfb in .ci/apt-packages) and sets CI=true: there a
/// missing Xvfb is not skipped but fails, so a broken install cannot hide the window test.
/// </summary>
public sealed class XvfbFactAttribute : FactAttribute
{
    public XvfbFactAttribute()
    {
        if (VirtualDisplay.FindXvfb() is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "no Xvfb binary on PATH (Debian: apt-get install xvfb xauth); the window cannot be tested here";
        }
    }
}

/// <summary>An Xvfb server on a free display number, started by the test and stopped (by its process id) after it.</summary>
internal sealed class VirtualDisplay : IDisposable
{
    private readonly Process _server;
    private readonly int _number;

    private VirtualDisplay(Process server, int number)
    {
        _server = server;
        _number = number;
        Name = $":{number}";
    }

    public string Name { get; }

    public static string? FindXvfb() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "Xvfb"))
            .FirstOrDefault(File.Exists);

    public static VirtualDisplay Start()
    {
        string xvfb = FindXvfb() ?? throw new InvalidOperationException("no Xvfb");
        for (int number = 99; number < 160; number++)
        {
            if (!ClearedIfStale(number))
            {
                continue;
            }
            var start = new ProcessStartInfo(xvfb, [$":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            var server = Process.Start(start) ?? throw new InvalidOperationException("Xvfb did not start");
            server.BeginErrorReadLine();
            server.BeginOutputReadLine();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(15) && !server.HasExited)
            {
                if (File.Exists($"/tmp/.X11-unix/X{number}"))
                {
                    return new VirtualDisplay(server, number);
                }
                Thread.Sleep(50);
            }
            if (!server.HasExited)
            {
                server.Kill();
            }
            server.Dispose();
        }
        throw new InvalidOperationException("no free display number for Xvfb between :99 and :159");
    }

    public void Dispose()
    {
        if (!_server.HasExited)
        {
            _server.Kill();
            _server.WaitForExit(5000);
        }
        _server.Dispose();
        // Killed, the server leaves its lock and socket behind; left there, every run took one more display number
        // until none between :99 and :159 was free.
        RemoveDisplayFiles(_number);
    }

    /// <summary>
    /// True when display <paramref name="number"/> is free: no lock, or a lock whose server no longer runs (then its
    /// lock and socket are removed, as an X server would on start).
    /// </summary>
    private static bool ClearedIfStale(int number)
    {
        string lockFile = $"/tmp/.X{number}-lock";
        if (!File.Exists(lockFile))
        {
            return !File.Exists($"/tmp/.X11-unix/X{number}");
        }
        try
        {
            if (int.TryParse(File.ReadAllText(lockFile).Trim(), out int pid) && Directory.Exists($"/proc/{pid}"))
            {
                return false;
            }
            RemoveDisplayFiles(number);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void RemoveDisplayFiles(int number)
    {
        foreach (string path in new[] { $"/tmp/.X{number}-lock", $"/tmp/.X11-unix/X{number}" })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another server took the number meanwhile: its files are not ours to remove.
            }
        }
    }
}

public class WindowTests(ITestOutputHelper output)
{
    [XvfbFact]
    public void A_window_frame_matches_the_offscreen_picture()
    {
        const int width = 640, height = 480;
        string folder = SyntheticRuns.WriteToFolder(SyntheticRuns.ThreePaths());
        string shot = Path.Combine(folder, "window.png");
        using var display = VirtualDisplay.Start();
        string twin = Path.Combine(AppContext.BaseDirectory, "twin.dll");
        var start = new ProcessStartInfo("dotnet", [twin, "view", folder, "--width", $"{width}", "--height", $"{height}", "--frames", "3", "--screenshot", shot])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DISPLAY"] = display.Name;
        using var viewer = Process.Start(start)!;
        string stdout = viewer.StandardOutput.ReadToEnd();
        string stderr = viewer.StandardError.ReadToEnd();
        Assert.True(viewer.WaitForExit(60_000), "twin view did not finish");
        output.WriteLine(stdout + stderr);
        Assert.True(viewer.ExitCode == 0, stderr);

        var window = PngReader.Read(shot);
        using var renderer = OffscreenMapRenderer.TryCreate(out string reason) ?? throw new InvalidOperationException(reason);
        var offscreen = renderer.Render(new MapScene(SyntheticRuns.ThreePaths()), width, height).Image;

        Assert.Equal((width, height), (window.Width, window.Height));
        int different = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (window[x, y].DistanceTo(offscreen[x, y]) > 16)
                {
                    different++;
                }
            }
        }
        output.WriteLine($"{different} of {width * height} pixels differ");
        // The window adds a help panel in its top-right corner; everything else must match.
        Assert.True(different < width * height / 10, $"{different} pixels differ");
    }
}
