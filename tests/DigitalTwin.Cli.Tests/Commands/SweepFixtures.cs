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

/// <summary>sweep.parquet read back with Parquet.Net's reader, as text cells like the CSV's, to hold the two together.</summary>
internal static class ParquetTable
{
    public static (string[] Columns, string[][] Rows) Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    private static async Task<(string[] Columns, string[][] Rows)> ReadAsync(string path)
    {
        using var stream = File.OpenRead(path);
        await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
        Assert.Equal(1, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        var fields = reader.Schema.GetDataFields();
        int rows = (int)group.RowCount;
        var cells = new string[rows][];
        for (int r = 0; r < rows; r++)
        {
            cells[r] = new string[fields.Length];
        }
        var c = System.Globalization.CultureInfo.InvariantCulture;
        for (int f = 0; f < fields.Length; f++)
        {
            var field = fields[f];
            string[] column;
            // The writer's layout (SweepTable.WriteParquet): three text columns, draw int, seed long, days int, then doubles.
            if (f < 3)
            {
                var values = new string?[rows];
                await group.ReadAsync(field, values.AsMemory(), null);
                column = [.. values.Select(v => v ?? string.Empty)];
            }
            else if (f is 3 or 5)
            {
                var values = new int[rows];
                await group.ReadAsync<int>(field, values.AsMemory(), null);
                column = [.. values.Select(v => v.ToString(c))];
            }
            else if (f == 4)
            {
                var values = new long[rows];
                await group.ReadAsync<long>(field, values.AsMemory(), null);
                column = [.. values.Select(v => v.ToString(c))];
            }
            else
            {
                var values = new double?[rows];
                await group.ReadAsync<double>(field, values.AsMemory(), null);
                column = [.. values.Select(v => v is { } d ? d.ToString("R", c) : string.Empty)];
            }
            for (int r = 0; r < rows; r++)
            {
                cells[r][f] = column[r];
            }
        }
        return ([.. fields.Select(f => f.Name)], cells);
    }
}
