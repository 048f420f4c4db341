using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Viewer.CoCreation;
using DigitalTwin.Viewer.Rendering;
using DigitalTwin.Viewer.Tests.CoCreation;
using Xunit.Abstractions;

namespace DigitalTwin.Viewer.Tests.Interactive;

public sealed class CoCreationWindowTests(ITestOutputHelper output) : IDisposable
{
    private readonly TinyCoCreation _world = new();

    public void Dispose() => _world.Dispose();

    [XvfbFact]
    public void A_scripted_bench_edit_ends_on_the_difference_map()
    {
        const int width = 640, height = 480;
        // The same session in this process gives the expected picture: same scenario, seed and days, so the same runs.
        var session = _world.OpenWithBaseline();
        long way = TinyCoCreation.BusiestWay(session.Baseline!.Run);
        var selection = new StreetSelection();
        selection.Toggle(way);
        Assert.True(session.TryApply(EditKind.Benches, selection, out _));
        var expected = TinyCoCreation.Finish(session);

        string shot = Path.Combine(_world.Directory, "window.png");
        using var display = VirtualDisplay.Start();
        string twin = Path.Combine(AppContext.BaseDirectory, "twin.dll");
        string script = string.Create(CultureInfo.InvariantCulture, $"select:{way};key:B;wait");
        var start = new ProcessStartInfo("dotnet",
            [twin, "view", _world.ScenarioPath, "--days", $"{TinyCoCreation.Days}", "--threads", $"{TinyCoCreation.Threads}",
             "--width", $"{width}", "--height", $"{height}", "--script", script, "--screenshot", shot])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DISPLAY"] = display.Name;
        using var viewer = Process.Start(start)!;
        var stderrTask = viewer.StandardError.ReadToEndAsync();
        string stdout = viewer.StandardOutput.ReadToEnd();
        Assert.True(viewer.WaitForExit(60_000), "twin view did not finish");
        string stderr = stderrTask.Result;
        output.WriteLine(stdout + stderr);
        Assert.True(viewer.ExitCode == 0, stderr);
        Assert.Contains("baseline: 2 days simulated", stdout, StringComparison.Ordinal);
        Assert.Contains("edit 1: " + expected.Description, stdout, StringComparison.Ordinal);
        Assert.Contains("per resident per day: encounters", stdout, StringComparison.Ordinal);
        Assert.Contains("s after the key", stdout, StringComparison.Ordinal);

        var window = PngReader.Read(shot);
        using var renderer = OffscreenMapRenderer.TryCreate(out string reason) ?? throw new InvalidOperationException(reason);
        Assert.True(expected.Scene.ShowDifference);
        var offscreen = renderer.Render(expected.Scene, width, height).Image;
        var plain = renderer.Render(session.Baseline.Scene, width, height).Image;
        int differentFromDifference = 0, differentFromPlain = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                differentFromDifference += window[x, y].DistanceTo(offscreen[x, y]) > 16 ? 1 : 0;
                differentFromPlain += window[x, y].DistanceTo(plain[x, y]) > 16 ? 1 : 0;
            }
        }
        output.WriteLine($"{differentFromDifference} pixels differ from the difference map, {differentFromPlain} from the plain baseline map");
        // The window adds its notes panel and the dotted selection; everything else is the difference map.
        Assert.True(differentFromDifference < width * height / 10, $"{differentFromDifference} pixels differ from the difference map");
        Assert.True(differentFromPlain > differentFromDifference, "the window looks more like the plain map than the difference map");
    }
    [XvfbFact]
    public void Pins_typed_in_the_window_are_saved_and_the_next_profile_lists_them()
    {
        var session = _world.OpenWithBaseline();
        var bounds = session.MapOnlyScene.Geometry.Bounds;
        var (lon, lat) = DigitalTwin.Viewer.Maps.ObservationLayer.GeoReferenceOf(session.MapOnlyScene.Run).Unproject((bounds.MinX + bounds.MaxX) / 2, (bounds.MinY + bounds.MaxY) / 2);
        string pins = Path.Combine(_world.Directory, "pins.csv");
        File.WriteAllText(pins, "# session 1\nkind,lon,lat,caption,date\n");
        using var display = VirtualDisplay.Start();
        string twin = Path.Combine(AppContext.BaseDirectory, "twin.dll");
        string at = string.Create(CultureInfo.InvariantCulture, $"{lon:0.0000000},{lat:0.0000000}");
        // Two scripted pins; then as a participant would: O, K (meeting-spot -> unsafe), a click, a comment typed with a
        // slip corrected by Backspace, Enter; a second click whose comment is abandoned with Esc; O again.
        string script = $"wait;pin:{at},unsafe,too dark here;pin:{at};key:O;key:K;click:{at};type:Bench, pleasx;key:BACKSPACE;type:e;key:ENTER;"
            + $"click:{at};type:never mind;key:ESC;key:O";
        var (code, stdout, stderr) = Twin(display, twin, "view", _world.ScenarioPath, "--days", $"{TinyCoCreation.Days}", "--threads", $"{TinyCoCreation.Threads}",
             "--width", "320", "--height", "240", "--script", script, "--observations", pins);
        Assert.True(code == 0, stderr);

        var saved = DigitalTwin.Engine.Observations.ObservationLoader.Load(pins);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        var observations = saved.Unwrap().Observations;
        Assert.Equal(
            [(DigitalTwin.Engine.Observations.ObservationKind.Unsafe, "too dark here"),
             (DigitalTwin.Engine.Observations.ObservationKind.MeetingSpot, DigitalTwin.Viewer.Interactive.ViewerSession.DefaultPinComment),
             (DigitalTwin.Engine.Observations.ObservationKind.Unsafe, "Bench, please")],
            observations.Select(o => (o.Kind, o.Caption)));
        Assert.Equal(lon, observations[0].Positions[0].Longitude, 6);
        Assert.Equal(lat, observations[2].Positions[0].Latitude, 6);
        Assert.StartsWith("# session 1\nkind,lon,lat,caption,date\n", File.ReadAllText(pins), StringComparison.Ordinal);
        Assert.Contains("pinned a unsafe", stdout, StringComparison.Ordinal);

        // The next profile reads the same file and lists every pin.
        string profile = Path.Combine(_world.Directory, "profile");
        var (profileCode, profileOut, profileError) = Twin(display, twin, "profile", _world.ScenarioPath, "--observations", pins, "--out", profile);
        Assert.True(profileCode == 0, profileError);
        Assert.Contains("3 observations from", profileOut, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(profile, "profile.json")));
        var byKind = json.RootElement.GetProperty("observations").GetProperty("byKind");
        Assert.Equal((2, 1), (byKind.GetProperty("unsafe").GetInt32(), byKind.GetProperty("meeting-spot").GetInt32()));
        Assert.Contains("Bench, please", File.ReadAllText(Path.Combine(profile, "profile.md")), StringComparison.Ordinal);
    }

    private (int Code, string Out, string Error) Twin(VirtualDisplay display, string twin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [twin, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DISPLAY"] = display.Name;
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"twin {args[0]} did not finish");
        output.WriteLine(stdout + stderrTask.Result);
        return (process.ExitCode, stdout, stderrTask.Result);
    }
}
