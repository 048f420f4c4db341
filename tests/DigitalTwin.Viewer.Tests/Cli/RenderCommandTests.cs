using DigitalTwin.Cli;

namespace DigitalTwin.Viewer.Tests.Cli;

/// <summary>The render and view commands (they live in the CLI but are the viewer's way in).</summary>
public partial class RenderCommandTests
{
    private static (int Code, string Out, string Error) Twin(params string[] args) => Twin(_ => null, args);

    private static (int Code, string Out, string Error) Twin(Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = TwinApp.Run(args, new Terminal(output, error, environment), null);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Render_writes_a_png_of_the_requested_size()
    {
        string folder = SyntheticRuns.WriteToFolder(SyntheticRuns.ThreePaths());
        string png = Path.Combine(folder, "map.png");
        var (code, output, error) = Twin("render", folder, "--measure", "nods", "--period", "morning", "--width", "400", "--height", "300", "--out", png);
        Assert.True(code == TwinApp.Success, error);
        Assert.Contains("wrote", output, StringComparison.Ordinal);
        var image = PngReader.Read(png);
        Assert.Equal((400, 300), (image.Width, image.Height));
    }

    [Fact]
    public void Render_replaces_the_picture_whole_and_removes_a_killed_renders_leftover()
    {
        string folder = SyntheticRuns.WriteToFolder(SyntheticRuns.ThreePaths());
        string png = Path.Combine(folder, "map.png");
        using (var ended = System.Diagnostics.Process.Start("true"))
        {
            ended.WaitForExit();
            // What a render killed while writing leaves: its staged picture, named with its process id.
            File.WriteAllText(Path.Combine(folder, $".map.png.partial-{ended.Id}"), "half a picture");
        }
        File.WriteAllText(png, "the previous picture");

        var (code, _, error) = Twin("render", folder, "--width", "400", "--height", "300", "--out", png);

        Assert.True(code == TwinApp.Success, error);
        Assert.Equal((400, 300), (PngReader.Read(png).Width, PngReader.Read(png).Height));
        Assert.Empty(Directory.GetFiles(folder, ".map.png*"));
    }

    [Fact]
    public void Render_draws_residents_observations_over_the_heat()
    {
        var run = SyntheticRuns.ThreePaths();
        string folder = SyntheticRuns.WriteToFolder(run);
        var area = DigitalTwin.Viewer.Maps.ObservationLayer.AreaOf(new DigitalTwin.Viewer.Maps.MapScene(run));
        string at = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(area.MinLongitude + area.MaxLongitude) / 2:0.0000000},{(area.MinLatitude + area.MaxLatitude) / 2:0.0000000}");
        string observations = Path.Combine(folder, "observations.csv");
        File.WriteAllText(observations, $"kind,lon,lat,caption\nunsafe,{at},dark\nvalued-place,{at},\"our bench, our corner\"\n");
        string plain = Path.Combine(folder, "plain.png"), marked = Path.Combine(folder, "marked.png");

        var (plainCode, _, plainError) = Twin("render", folder, "--width", "400", "--height", "300", "--out", plain);
        var (code, output, error) = Twin("render", folder, "--width", "400", "--height", "300", "--out", marked, "--observations", observations);

        Assert.True(plainCode == TwinApp.Success, plainError);
        Assert.True(code == TwinApp.Success, error);
        Assert.Contains("2 observations", output, StringComparison.Ordinal);
        var (before, after) = (PngReader.Read(plain), PngReader.Read(marked));
        int changed = 0;
        for (int y = 0; y < before.Height; y++)
        {
            for (int x = 0; x < before.Width; x++)
            {
                changed += before[x, y].DistanceTo(after[x, y]) > 16 ? 1 : 0;
            }
        }
        // Two discs of 6 px radius and the key: some hundreds of pixels, not the whole picture.
        Assert.InRange(changed, 50, 400 * 300 / 4);
    }

    [Fact]
    public void Render_refuses_a_bad_observation_row_naming_file_line_and_field()
    {
        var run = SyntheticRuns.ThreePaths();
        string folder = SyntheticRuns.WriteToFolder(run);
        var area = DigitalTwin.Viewer.Maps.ObservationLayer.AreaOf(new DigitalTwin.Viewer.Maps.MapScene(run));
        string at = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(area.MinLongitude + area.MaxLongitude) / 2:0.0000000},{(area.MinLatitude + area.MaxLatitude) / 2:0.0000000}");
        string observations = Path.Combine(folder, "observations.csv");
        File.WriteAllText(observations, $"kind,lon,lat,safety\nunsafe,{at},2\nhug,{at},7\n");
        string png = Path.Combine(folder, "map.png");

        var (code, _, error) = Twin("render", folder, "--out", png, "--observations", observations);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("observations.csv", error, StringComparison.Ordinal);
        Assert.Contains("line 3, kind: 'hug' is not a kind of observation", error, StringComparison.Ordinal);
        Assert.Contains("line 3, safety: '7' is not a rating", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(png));
    }

    [Fact]
    public void An_unknown_measure_is_refused_with_the_allowed_names()
    {
        var (code, _, error) = Twin("render", "nowhere", "--measure", "hugs", "--out", "x.png");
        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("passages, encounters, nods, new-familiar-pairs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_period_is_refused_with_the_allowed_names()
    {
        var (code, _, error) = Twin("render", "nowhere", "--period", "lunch", "--out", "x.png");
        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("day, morning, afternoon, evening, night", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_run_is_a_user_error()
    {
        var (code, _, error) = Twin("render", Path.Combine(Path.GetTempPath(), "no-such-run-folder"), "--out", "x.png");
        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("run file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void View_without_a_display_says_so_and_points_to_render()
    {
        string folder = SyntheticRuns.WriteToFolder(SyntheticRuns.ThreePaths());
        var (code, _, error) = Twin("view", folder);
        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("no display", error, StringComparison.Ordinal);
        Assert.Contains("twin render", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scenario.json", "--baseline", "run", "--baseline: a scenario is its own baseline")]
    [InlineData("scenario.json", "--script", "select:x", "--script: 'select:x': 'x' is not an OSM way id")]
    [InlineData("scenario.json", "--days", "0", "--days: 0 is outside 1-365")]
    [InlineData("run-folder", "--script", "wait", "--script: scripted edits need a scenario")]
    public void View_refuses_co_creation_options_that_do_not_fit(string target, string option, string value, string expected)
    {
        // A display is claimed so the command gets past its first check; each refusal comes before any window opens.
        var (code, _, error) = Twin(name => name == "DISPLAY" ? ":99" : null, "view", target, option, value);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
