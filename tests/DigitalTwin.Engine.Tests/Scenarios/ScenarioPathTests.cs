using System.Text.Json.Nodes;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Sweeps;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

/// <summary>
/// Paths in a scenario resolve inside its data root: <c>../</c>, absolute paths and symbolic links that lead out of it
/// are refused before anything is read, naming the field, where the path leads and the root; a wider root lets them
/// through; the bundled scenarios, which reach <c>scenarios/data</c> through <c>../</c>, still load.
/// </summary>
public sealed class ScenarioPathTests : IDisposable
{
    private const string Cbs = """
        gwb_code,regio,recs,a_inw,a_man,a_vrouw,a_00_14,a_15_24,a_25_44,a_45_64,a_65_oo,a_hh,a_1p_hh,a_hh_z_k,a_hh_m_k,p_koopw,p_huurw
        BU00010001,Noord,Buurt,1000,500,500,100,200,400,200,100,500,250,150,100,40,60
        """;

    private readonly ScenarioBuilder _files = new();

    /// <summary>The scenario's own folder: the builder's folder is outside it, holding a copy of each file a scenario may name.</summary>
    private readonly string _inner;

    public ScenarioPathTests()
    {
        _inner = Path.Combine(_files.Directory, "inner");
        Directory.CreateDirectory(_inner);
        File.Copy(Path.Combine(_files.Directory, "map.osm"), Path.Combine(_inner, "map.osm"));
        _files.WriteText("kwb.csv", Cbs);
        _files.WriteText("observations.csv", "kind,lon,lat\nvalued-place,4.37,52.0\n");
        _files.Set("name", "outside parent").Write("parent.json");
    }

    public void Dispose() => _files.Dispose();

    private string Inner(string file) => Path.Combine("inner", file);

    private static InputProblem OnlyProblem(string path, ScenarioInputs? inputs = null)
    {
        var result = ScenarioLoader.Load(path, inputs);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems);
    }

    /// <summary>The scenario with <paramref name="field"/> naming <paramref name="path"/>, written in the inner folder.</summary>
    private string NamingInField(string field, string path)
    {
        switch (field)
        {
            case "population.cbs.file":
                _files.Set("population", new JsonObject { ["cbs"] = new JsonObject { ["file"] = path, ["gwbCode"] = "BU00010001" } });
                break;
            case "extends":
                _files.Empty().Extends(path);
                break;
            default:
                _files.Set(field, path);
                break;
        }
        return _files.Write(Inner("scenario.json"));
    }

    public static TheoryData<string, string> EscapingPaths() => new()
    {
        { "map", "../map.osm" },
        { "extends", "../parent.json" },
        { "population.cbs.file", "../kwb.csv" },
        { "observations", "../observations.csv" },
        { "map", "../../../../../../../../../../etc/hosts.osm" },
        { "extends", "./../inner/../parent.json" },
    };

    [Theory]
    [MemberData(nameof(EscapingPaths))]
    public void A_relative_path_that_climbs_out_of_the_scenario_folder_is_refused_naming_where_it_leads_and_the_root(string field, string path)
    {
        string scenario = NamingInField(field, path);

        var problem = OnlyProblem(scenario);

        Assert.StartsWith($"$.{field} (line ", problem.Field, StringComparison.Ordinal);
        string leadsTo = DataRoot.RealPath(Path.Combine(_inner, path))!;
        Assert.Equal($"'{path}' resolves to {leadsTo}, outside the data root {DataRoot.RealPath(_inner)}", problem.Message);
        Assert.Contains("ScenarioInputs.DataRoot", problem.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Extends_etc_passwd_is_refused_without_a_word_of_it()
    {
        if (!File.Exists("/etc/passwd"))
        {
            return; // not a Unix system
        }
        string scenario = NamingInField("extends", "/etc/passwd");

        var problem = OnlyProblem(scenario);

        Assert.Equal("'/etc/passwd' resolves to /etc/passwd, outside the data root " + DataRoot.RealPath(_inner), problem.Message);
        Assert.DoesNotContain(":0:0:", problem.ToString(), StringComparison.Ordinal); // root's line of the file
    }

    [Theory]
    [InlineData("map", "map.osm")]
    [InlineData("extends", "parent.json")]
    [InlineData("population.cbs.file", "kwb.csv")]
    [InlineData("observations", "observations.csv")]
    public void An_absolute_path_outside_the_root_is_refused(string field, string file)
    {
        string outside = Path.Combine(_files.Directory, file);

        var problem = OnlyProblem(NamingInField(field, outside));

        Assert.EndsWith($" resolves to {DataRoot.RealPath(outside)}, outside the data root {DataRoot.RealPath(_inner)}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_inside_the_root_that_points_outside_is_refused_by_where_it_points()
    {
        File.CreateSymbolicLink(Path.Combine(_inner, "parent.json"), Path.Combine(_files.Directory, "parent.json"));
        Directory.CreateSymbolicLink(Path.Combine(_inner, "data"), _files.Directory);

        var file = OnlyProblem(NamingInField("extends", "parent.json"));
        var folder = OnlyProblem(NamingInField("population.cbs.file", "data/kwb.csv"));

        Assert.Equal($"'parent.json' resolves to {DataRoot.RealPath(Path.Combine(_files.Directory, "parent.json"))}, outside the data root {DataRoot.RealPath(_inner)}", file.Message);
        Assert.StartsWith($"'data/kwb.csv' resolves to {DataRoot.RealPath(Path.Combine(_files.Directory, "kwb.csv"))}, outside", folder.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_stays_inside_the_root_is_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_inner, "alias.osm"), Path.Combine(_inner, "map.osm"));

        var loaded = ScenarioLoader.Load(NamingInField("map", "alias.osm"));

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal(Path.Combine(_inner, "alias.osm"), loaded.Unwrap().MapPath);
    }

    [Fact]
    public void A_loop_of_links_is_refused_as_one()
    {
        File.CreateSymbolicLink(Path.Combine(_inner, "a.osm"), Path.Combine(_inner, "b.osm"));
        File.CreateSymbolicLink(Path.Combine(_inner, "b.osm"), Path.Combine(_inner, "a.osm"));

        Assert.Equal("'a.osm' leads through a loop of symbolic links", OnlyProblem(NamingInField("map", "a.osm")).Message);
    }

    [Theory]
    [MemberData(nameof(EscapingPaths))]
    public void A_data_root_that_holds_the_file_lets_the_path_through(string field, string path)
    {
        if (path.Contains("etc", StringComparison.Ordinal))
        {
            return; // a file that does not exist: the root is not what stops it
        }
        string scenario = NamingInField(field, path);

        var loaded = ScenarioLoader.Load(scenario, new ScenarioInputs { DataRoot = _files.Directory });

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal(DataRoot.RealPath(_files.Directory), loaded.Unwrap().Inputs.DataRoot);
    }

    [Fact]
    public void The_default_root_is_the_nearest_folder_above_that_holds_the_schema()
    {
        _files.WriteText(DataRoot.MarkerFile, "{}");
        string scenario = NamingInField("map", "../map.osm");

        var loaded = ScenarioLoader.Load(scenario);

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal(DataRoot.RealPath(_files.Directory), DataRoot.Of(scenario));
    }

    [Fact]
    public void Without_the_schema_above_the_root_is_the_scenario_folder() =>
        Assert.Equal(DataRoot.RealPath(_inner), DataRoot.Of(Path.Combine(_inner, "scenario.json")));

    [Fact]
    public void A_sweep_that_names_a_scenario_outside_its_root_is_refused()
    {
        string sweep = _files.WriteText(Inner("s.sweep.json"), """
            { "scenarios": ["../parent.json"], "parameters": { "attention.noticeRatePerSecond": { "min": 0.2, "max": 1 } },
              "design": { "method": "latin-hypercube", "draws": 2, "seed": 1 } }
            """);

        var problem = Assert.Single(SweepLoader.Load(sweep).Problems);

        Assert.StartsWith("$.scenarios[0] (line ", problem.Field, StringComparison.Ordinal);
        Assert.Contains("outside the data root", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_reached_through_extends_is_named_by_position_not_quoted()
    {
        _files.WriteText(Inner("secret.json"), "{\n  \"name\": SECRET-TOKEN\n}");
        _files.WriteText(Inner("secret-value.json"), "{ \"name\": \"x\", \"days\": \"SECRET-TOKEN\" }");

        var syntax = OnlyProblem(NamingInField("extends", "secret.json"));
        var value = OnlyProblem(NamingInField("extends", "secret-value.json"));

        Assert.Equal(("line 2", "is not valid JSON at column 11"), (syntax.Field, syntax.Message));
        Assert.Equal("must be a number from 1 to 365 days, got a text of 12 characters", value.Message);
        // The same mistakes in the file the user named are quoted, to be found and fixed there.
        Assert.Contains("'S'", OnlyProblem(Path.Combine(_inner, "secret.json")).Message, StringComparison.Ordinal);
        Assert.Contains("\"SECRET-TOKEN\"", OnlyProblem(Path.Combine(_inner, "secret-value.json")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ScenarioSchemaTests.BundledScenarios), MemberType = typeof(ScenarioSchemaTests))]
    public void Every_bundled_scenario_loads_under_its_default_root(string file)
    {
        string path = Path.Combine(RepositoryFiles.Root, file);

        var loaded = ScenarioLoader.Load(path);

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal(DataRoot.RealPath(Path.Combine(RepositoryFiles.Root, "scenarios")), loaded.Unwrap().Inputs.DataRoot);
    }

    [Fact]
    public void Every_bundled_sweep_loads_under_its_default_root()
    {
        var sweeps = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "scenarios"), "*.sweep.json", SearchOption.AllDirectories);

        Assert.NotEmpty(sweeps);
        Assert.All(sweeps, sweep => Assert.True(SweepLoader.Load(sweep).Succeeded, sweep + ": " + string.Join("; ", SweepLoader.Load(sweep).Problems)));
    }
}
