using System.Text.Json.Nodes;
using DigitalTwin.Engine;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests;

/// <summary>Runs <c>twin</c> in-process with captured output and checks exit codes and the lines people read.</summary>
public sealed class TwinAppTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private static (int Code, string Out, string Error) Run(MapServices? maps, params string[] args) =>
        Run(maps, _ => null, args);

    private static (int Code, string Out, string Error) Run(MapServices? maps, Func<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = TwinApp.Run(args, new Terminal(output, error, environment), maps);
        return (code, output.ToString(), error.ToString());
    }

    private static MapServices TinyMap(List<string>? exported = null) => new(
        (_, _) => InputResult<ImportedMap>.Success(new ImportedMap(TinyWorlds.NamedT(), ["dropped: 0 disconnected segments"])),
        (_, path) =>
        {
            exported?.Add(path);
            return [];
        });

    private static string[] ErrorLines(string error) => error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Validate_accepts_a_valid_scenario()
    {
        var (code, output, error) = Run(null, "validate", _files.Write());

        Assert.Equal(TwinApp.Success, code);
        Assert.StartsWith("ok: ", output, StringComparison.Ordinal);
        Assert.Contains("100 residents in 50 households", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void An_option_value_of_the_wrong_kind_names_the_option_and_what_it_takes()
    {
        var (code, _, error) = Run(null, "run", _files.Write(), "--seed", "-1");

        Assert.Equal(TwinApp.UserError, code);
        Assert.Equal(["--seed takes a whole number, 0 or more, not '-1'", "'twin run --help' lists the arguments and options"], ErrorLines(error));
    }

    [Fact]
    public void Validate_reports_an_unknown_field_with_exit_code_1()
    {
        var (code, _, error) = Run(null, "validate", _files.Set("dayz", 3).Write());

        Assert.Equal(TwinApp.UserError, code);
        Assert.Matches(@"^error: .*scenario\.json: \$\.dayz \(line \d+\): unknown field 'dayz' \(did you mean 'days'\?\)$", ErrorLines(error)[0]);
    }

    [Fact]
    public void Validate_reports_an_unknown_intervention_type()
    {
        string path = _files.Intervention(new JsonObject { ["type"] = "add-bench" }).Write();

        var (code, _, error) = Run(null, "validate", path);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("unknown intervention type 'add-bench' (did you mean 'add-benches'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_negative_width()
    {
        var (code, _, error) = Run(null, "validate", _files.WidenPavement("Mekelweg", -1).Write());

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("$.interventions[0].widthMetres", error, StringComparison.Ordinal);
        Assert.Contains("must be from 0.5 to 30 m, got -1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_an_extends_cycle()
    {
        string a = _files.Extends("b.json").Write("a.json");
        _files.Extends("a.json").Write("b.json");

        var (code, _, error) = Run(null, "validate", a);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("extends cycle: a.json -> b.json -> a.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_a_missing_file()
    {
        var (code, _, error) = Run(null, "validate", Path.Combine(_files.Directory, "missing.json"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("scenario file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_checks_street_names_against_the_map_when_an_importer_is_wired()
    {
        var (code, _, error) = Run(TinyMap(), "validate", _files.WidenPavement("Mekelwg", 3).Write());

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("no street named 'Mekelwg' in the map (did you mean 'Mekelweg'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_finds_a_map_without_homes_as_a_run_would()
    {
        // TinyMap's streets have no homes: a run would stop on that, so validating says so too.
        var (code, _, error) = Run(TinyMap(), "validate", _files.Write());

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("homes: the map has no homes to place residents in", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_disk_is_a_user_error_naming_the_file_and_the_cause()
    {
        const int NoSpaceLeftOnDevice = 28;
        var full = new MapServices(
            (_, _) => throw new InvalidOperationException("wrapped", new IOException("No space left on device : '/data/map.cache'", NoSpaceLeftOnDevice)),
            (_, _) => []);

        var (code, _, error) = Run(full, "network", Path.Combine(_files.Directory, "map.osm"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.Equal("error: /data/map.cache: no space left on device (free space on that disk or write to another folder)", error.Trim());
    }

    [Fact]
    public void Running_out_of_memory_is_a_user_error_with_what_to_change()
    {
        var huge = new MapServices((_, _) => throw new AggregateException(new OutOfMemoryException()), (_, _) => []);

        var (code, _, error) = Run(huge, "network", Path.Combine(_files.Directory, "map.osm"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.StartsWith("error: out of memory; try fewer days (--days), fewer residents", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_prints_the_summary_and_exports_on_request()
    {
        var exported = new List<string>();

        var (code, output, _) = Run(TinyMap(exported), "network", _files.Write(), "--geojson", "out.geojson");

        Assert.Equal(TwinApp.Success, code);
        Assert.Contains("street network: 5 nodes, 4 segments, 0.4 km", output, StringComparison.Ordinal);
        Assert.Contains("dropped: 0 disconnected segments", output, StringComparison.Ordinal);
        Assert.Equal(["out.geojson"], exported);
    }

    [Fact]
    public void Network_reports_a_missing_map_with_exit_code_1()
    {
        var (code, _, error) = Run(TinyMap(), "network", Path.Combine(_files.Directory, "nowhere.osm.pbf"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Importer_problems_are_user_errors()
    {
        var broken = new MapServices(
            (path, _) => InputResult<ImportedMap>.Failure(new InputProblem(path, string.Empty, "no walkable streets")),
            (_, _) => []);

        var (code, _, error) = Run(broken, "network", Path.Combine(_files.Directory, "map.osm"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains("no walkable streets", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_exception_is_an_internal_error_without_a_stack_trace_unless_asked()
    {
        var failing = new MapServices((_, _) => throw new InvalidOperationException("boom"), (_, _) => []);
        string map = Path.Combine(_files.Directory, "map.osm");

        var quiet = Run(failing, "network", map);
        var verbose = Run(failing, "network", map, "--verbose");
        var debug = Run(failing, name => name == TwinApp.DebugVariable ? "1" : null, "network", map);

        Assert.Equal(TwinApp.InternalError, quiet.Code);
        Assert.Contains("please report", quiet.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", quiet.Error, StringComparison.Ordinal);
        Assert.Contains(" at ", verbose.Error, StringComparison.Ordinal);
        Assert.Contains(" at ", debug.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("validate", "--help")]
    [InlineData("network", "--help")]
    [InlineData("compare", "--help")]
    [InlineData("sweep", "--help")]
    [InlineData("sweep", "collect", "--help")]
    [InlineData("sensitivity", "--help")]
    [InlineData("calibrate", "--help")]
    public void Help_is_on_every_command(params string[] args)
    {
        var (code, output, _) = Run(null, args);

        Assert.Equal(TwinApp.Success, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_argument_is_a_user_error()
    {
        var (code, _, error) = Run(null, "validate");

        Assert.Equal(TwinApp.UserError, code);
        Assert.NotEmpty(error);
    }
}
