using System.Text.Json.Nodes;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary>A small sweep on a generated grid: two parameters, a handful of one-day runs of 100 residents.</summary>
internal static class SweepFixtures
{
    /// <summary>Writes the grid scenario and a sweep file over it; the sweep file's path.</summary>
    public static string TinySweep(ScenarioBuilder files, int draws = 4, int seeds = 1, string method = "latin-hypercube")
    {
        Fixtures.GridScenario(files);
        var sweep = new JsonObject
        {
            ["name"] = "tiny",
            ["scenarios"] = new JsonArray("scenario.json"),
            ["parameters"] = new JsonObject
            {
                ["attention.noticeRatePerSecond"] = new JsonObject { ["min"] = 0.2, ["max"] = 2.0, ["scale"] = "log" },
                ["familiarity.familiarStrangerDays"] = new JsonObject { ["min"] = 1, ["max"] = 3 },
            },
            ["design"] = new JsonObject { ["method"] = method, ["draws"] = draws, ["seed"] = 9 },
            ["seeds"] = new JsonObject { ["count"] = seeds },
            ["days"] = 1,
        };
        return files.WriteText("sweep.json", sweep.ToJsonString());
    }

    public static (int Code, string Out, string Error) Run(params string[] args) => Fixtures.RunTwin(args, mapServices: false);
}
