using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Cli.Commands;

/// <summary><c>twin network &lt;scenario-or-map&gt; [--geojson FILE]</c>: imports a map, prints its summary, optionally exports it.</summary>
public static class NetworkCommand
{
    public static Command Create(Terminal terminal, MapServices? maps)
    {
        var input = new Argument<string>("scenario-or-map")
        {
            Description = "A scenario file (.json) or a map (.osm.pbf, .osm, .geojson)",
        };
        var geoJson = new Option<string?>("--geojson")
        {
            Description = "Also write the network with all attributes to this GeoJSON file (opens in QGIS)",
            HelpName = "FILE",
        };
        var dataRoot = DataRootOption.Create();
        var command = new Command("network", "Import a street network and print what it holds")
        {
            input,
            geoJson,
            dataRoot,
        };
        command.SetAction(parse => DataRootOption.Run(terminal, parse.GetValue(dataRoot), inputs => Execute(terminal, maps, parse.GetValue(input)!, parse.GetValue(geoJson), inputs)));
        return command;
    }

    internal static int Execute(Terminal terminal, MapServices? maps, string path, string? geoJsonPath, ScenarioInputs inputs)
    {
        var (mapPath, options) = ResolveMap(terminal, path, inputs);
        if (mapPath is null)
        {
            return TwinApp.UserError;
        }
        if (maps is null)
        {
            terminal.Error.WriteLine("error: this build of twin has no map importer wired in; the network command needs one");
            return TwinApp.InternalError;
        }
        var clock = Stopwatch.StartNew();
        InputResult<ImportedMap> imported = maps.Import(mapPath, options);
        TimeSpan importTime = clock.Elapsed;
        if (!imported.Succeeded)
        {
            terminal.WriteProblems(imported.Problems);
            return TwinApp.UserError;
        }
        ImportedMap map = imported.Unwrap();
        NetworkSummary.Write(terminal.Out, map.Neighbourhood, map.ReportLines, importTime);
        if (geoJsonPath is not null)
        {
            var problems = maps.ExportGeoJson(map.Neighbourhood, geoJsonPath);
            if (problems.Count > 0)
            {
                terminal.WriteProblems(problems);
                return TwinApp.UserError;
            }
            terminal.Out.WriteLine($"wrote {geoJsonPath}");
        }
        return TwinApp.Success;
    }

    /// <summary>The map a path names: the path itself for a map, the scenario's map for a scenario file.</summary>
    private static (string? Path, MapLoadOptions? Options) ResolveMap(Terminal terminal, string path, ScenarioInputs inputs)
    {
        if (!File.Exists(path))
        {
            terminal.Error.WriteLine($"error: {path}: file not found");
            return (null, null);
        }
        if (!IsScenario(path))
        {
            if (!ScenarioLoader.MapExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                terminal.Error.WriteLine($"error: {path}: not a scenario or a map (allowed: .json scenarios, {string.Join(", ", ScenarioLoader.MapExtensions)})");
                return (null, null);
            }
            return (path, new MapLoadOptions { CoordinateSystems = inputs.CoordinateSystems });
        }
        InputResult<Scenario> scenario = ScenarioLoader.Load(path, inputs);
        if (!scenario.Succeeded)
        {
            terminal.WriteProblems(scenario.Problems);
            return (null, null);
        }
        return (scenario.Unwrap().MapPath, MapLoading.ForScenario(scenario.Unwrap()));
    }

    /// <summary>A .json file is a scenario unless it is a GeoJSON FeatureCollection.</summary>
    private static bool IsScenario(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            return !(document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out JsonElement type)
                && type.ValueKind == JsonValueKind.String
                && type.GetString() == "FeatureCollection");
        }
        catch (JsonException)
        {
            // Let the scenario loader report the syntax error with its line.
            return true;
        }
    }
}
