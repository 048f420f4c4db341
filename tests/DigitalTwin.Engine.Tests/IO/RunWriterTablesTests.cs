using System.Text.Json;
using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.IO;

/// <summary>The run folder's CSV tables and summary.json's definitions: written, documented in README.md, and consistent with the run.</summary>
public sealed class RunWriterTablesTests : IDisposable
{
    private const int Days = 7;

    private static readonly Lazy<(SimulationWorld World, RunResult Result)> Run = new(() =>
    {
        var world = SimulationWorlds.Grid(residents: 600);
        return (world, world.Run(Days, seed: 7, threads: 2));
    });

    private static readonly RunMetadata Metadata = new("grid", "grid.json", "feedc0de", "grid.geojson", 7, Days, 2, 0.5);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("twin-tables-");

    public RunWriterTablesTests()
    {
        var (world, result) = Run.Value;
        Assert.Empty(RunWriter.WriteAll(_folder.FullName, Metadata, world.Neighbourhood, world.Residents, result));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Every_table_is_written_with_its_header_and_every_column_is_documented_in_the_readme()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "README.md"));
        foreach (var (file, header) in RunWriter.Tables)
        {
            Assert.Equal(header, File.ReadLines(Path.Combine(_folder.FullName, file)).First());
            string row = Assert.Single(readme, line => line.StartsWith($"| `{file}`", StringComparison.Ordinal));
            Assert.All(header.Split(','), column => Assert.Contains($"`{column}`", row, StringComparison.Ordinal));
        }
        Assert.Empty(Directory.GetFiles(_folder.FullName, "*.partial"));
    }

    [Fact]
    public void Residents_csv_has_a_row_per_resident_with_the_home_segment()
    {
        var (world, result) = Run.Value;
        var rows = Rows(RunWriter.ResidentsFile);

        Assert.Equal(world.Residents.Count, rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            Assert.Equal(r.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[r][0]);
            Assert.Equal(world.Neighbourhood.Homes.Segment[world.Residents.Home[r]], int.Parse(rows[r][2], System.Globalization.CultureInfo.InvariantCulture));
            bool left = DigitalTwin.Engine.Mobility.LateralPlacement.HomesLeftOfSegment(world.Neighbourhood)[world.Residents.Home[r]];
            Assert.Equal(left ? "left" : "right", rows[r][3]);
            Assert.Equal(world.Residents.AgeBand[r].ToString(), rows[r][4]);
            Assert.Equal(result.Residents.NoddingContacts[r], int.Parse(rows[r][6], System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(["left", "right"], rows.Select(row => row[3]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ties_csv_holds_every_tie_with_a_state_once()
    {
        var (_, result) = Run.Value;
        var rows = Rows(RunWriter.TiesFile);

        Assert.Equal(result.Ties.Count(t => t.State != TieState.None), rows.Count);
        Assert.Equal(result.Residents.NoddingContacts.Sum(), 2 * rows.Count(r => r[2] == "noddingContact"));
        Assert.Equal(["acquaintance", "familiarStranger", "noddingContact"], rows.Select(r => r[2]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Segments_hourly_csv_has_24_rows_a_segment_that_add_up_to_the_run_counts()
    {
        var (world, result) = Run.Value;
        var rows = Rows(RunWriter.SegmentsHourlyFile);

        Assert.Equal(world.Network.SegmentCount * StreetOutcomes.HoursPerDay, rows.Count);
        Assert.Equal(result.Streets.WalkPassages.Sum(), rows.Sum(r => long.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(result.Streets.CarPassages.Sum(), rows.Sum(r => long.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(world.Network.SegmentCount * 4, Rows(RunWriter.SegmentsPeriodsFile).Count);
    }

    [Fact]
    public void A_pair_in_pair_encounters_csv_met_on_two_days_or_more()
    {
        var rows = Rows(RunWriter.PairEncountersFile);

        Assert.NotEmpty(rows);
        Assert.All(rows.GroupBy(r => (r[0], r[1])), pair => Assert.True(pair.Select(r => r[2]).Distinct().Count() >= 2, $"{pair.Key} met on one day only"));
    }

    [Fact]
    public void Every_number_in_summary_json_has_a_definition()
    {
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder.FullName, RunWriter.SummaryFile)));
        var definitions = summary.RootElement.GetProperty("definitions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        var numbers = new List<string>();
        Collect(summary.RootElement, string.Empty, numbers);

        Assert.True(numbers.Count > 30, $"only {numbers.Count} numbers found");
        Assert.All(numbers, path => Assert.True(definitions.ContainsKey(Defining(path)), $"{path} has no definition"));
        Assert.All(definitions.Values, d => Assert.True(d is { Length: > 20 } && d.EndsWith('.'), $"'{d}' is not a sentence"));
        // The readers of the existing keys still find them where they were.
        Assert.True(summary.RootElement.GetProperty("outcomes").GetProperty("byGroup").GetProperty("ageBand").GetProperty("Older").TryGetProperty("nodsPerResidentPerDay", out _));
    }

    /// <summary>The definition's key of a figure: one under outcomes.byGroup.TRAIT.GROUP is defined by outcomes.NAME.</summary>
    private static string Defining(string path)
    {
        var parts = path.Split('.');
        return parts.Length == 5 && parts[0] == "outcomes" && parts[1] == "byGroup" ? $"outcomes.{parts[4]}" : path;
    }

    private static void Collect(JsonElement element, string path, List<string> numbers)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when path != "definitions":
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", numbers);
                }
                break;
            case JsonValueKind.Number:
                numbers.Add(path);
                break;
        }
    }

    private List<string[]> Rows(string file) =>
        [.. File.ReadLines(Path.Combine(_folder.FullName, file)).Skip(1).Select(line => line.Split(','))];
}
