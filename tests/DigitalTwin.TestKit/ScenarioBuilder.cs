using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalTwin.TestKit;

/// <summary>
/// Writes scenario files for tests into a fresh temporary directory, starting from a small valid scenario (explicit
/// population, an empty placeholder map file) that each test changes in the one place it is about.
/// </summary>
internal sealed class ScenarioBuilder : IDisposable
{
    private JsonObject _root;

    public ScenarioBuilder()
    {
        Directory = Path.Combine(Path.GetTempPath(), "digitaltwin-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "map.osm"), "<osm version=\"0.6\"></osm>");
        _root = ValidScenario();
    }

    public string Directory { get; }

    /// <summary>The scenario every builder starts from: loads without a problem.</summary>
    public static JsonObject ValidScenario() => new()
    {
        ["name"] = "test",
        ["map"] = "map.osm",
        ["population"] = new JsonObject
        {
            ["explicit"] = new JsonObject
            {
                ["residents"] = 100,
                ["households"] = 50,
                ["ageShares"] = new JsonObject
                {
                    ["age0To14"] = 0.2, ["age15To24"] = 0.2, ["age25To44"] = 0.3, ["age45To64"] = 0.2, ["age65Plus"] = 0.1,
                },
                ["womenShare"] = 0.5,
                ["singlePersonHouseholdShare"] = 0.4,
                ["householdsWithChildrenShare"] = 0.3,
                ["ownerOccupiedShare"] = 0.5,
            },
        },
        ["days"] = 7,
        ["seed"] = 42,
        ["replications"] = 2,
    };

    /// <summary>Starts from an empty object instead of the valid scenario (for child files that only override).</summary>
    public ScenarioBuilder Empty()
    {
        _root = [];
        return this;
    }

    public ScenarioBuilder Set(string field, JsonNode? value)
    {
        _root[field] = value;
        return this;
    }

    public ScenarioBuilder Remove(string field)
    {
        _root.Remove(field);
        return this;
    }

    public ScenarioBuilder Extends(string file) => Set("extends", file);

    public ScenarioBuilder Parameter(string name, double value)
    {
        if (_root["parameters"] is not JsonObject parameters)
        {
            parameters = [];
            _root["parameters"] = parameters;
        }
        parameters[name] = value;
        return this;
    }

    public ScenarioBuilder Intervention(JsonObject intervention)
    {
        if (_root["interventions"] is not JsonArray list)
        {
            list = [];
            _root["interventions"] = list;
        }
        list.Add(intervention);
        return this;
    }

    /// <summary>A widen-pavement entry on a named street.</summary>
    public ScenarioBuilder WidenPavement(string street, double widthMetres) => Intervention(new JsonObject
    {
        ["type"] = "widen-pavement",
        ["streets"] = new JsonObject { ["name"] = street },
        ["widthMetres"] = widthMetres,
    });

    /// <summary>Writes the current scenario as <paramref name="fileName"/> and starts the next file from a valid one.</summary>
    public string Write(string fileName = "scenario.json")
    {
        string path = WriteText(fileName, _root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        _root = ValidScenario();
        return path;
    }

    public string WriteText(string fileName, string text)
    {
        string path = Path.Combine(Directory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; a failing cleanup must not fail the test.
        }
    }
}
