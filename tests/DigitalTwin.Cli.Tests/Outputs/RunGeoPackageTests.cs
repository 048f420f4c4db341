using System.Text.Json;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.Engine.IO;
using DigitalTwin.TestKit;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Cli.Tests.Outputs;

/// <summary>
/// <c>twin run --gpkg</c>: run.gpkg beside edges.geojson holds the same segments and places with the same values, every
/// rate declared DOUBLE (even where every value is 0) and every count INTEGER, one geometry type per layer; the same run
/// gives the same bytes; without the option no GeoPackage is written.
/// </summary>
public sealed class RunGeoPackageTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private string RunWithGeoPackage(string name, params string[] extra)
    {
        string folder = Path.Combine(_files.Directory, name);
        var (code, _, error) = Fixtures.RunTwin(["run", Fixtures.GridScenario(_files), "--days", "1", "--seed", "3", "--out", folder, .. extra]);
        Assert.True(code == TwinApp.Success, error);
        return folder;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static List<object?[]> Rows(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void The_GeoPackage_holds_the_GeoJSON_features_with_declared_types()
    {
        string folder = RunWithGeoPackage("out", "--gpkg");
        string gpkg = Path.Combine(folder, RunGeoPackage.FileName);
        using var edges = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, RunWriter.EdgesFile)));
        using var places = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, RunWriter.PlacesFile)));
        var edgeFeatures = edges.RootElement.GetProperty("features").EnumerateArray().ToArray();
        var placeFeatures = places.RootElement.GetProperty("features").EnumerateArray().ToArray();

        using var db = Open(gpkg);
        var geometryTypes = Rows(db, "SELECT table_name, geometry_type_name FROM gpkg_geometry_columns ORDER BY table_name").Select(r => $"{r[0]}:{r[1]}");
        Assert.Equal(["edges:LINESTRING", "places:POINT"], geometryTypes);
        var columns = Rows(db, "SELECT name, type FROM pragma_table_info('edges')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        // Every property of edges.geojson (but the layer tag) is a column, rates DOUBLE (GeoPackage's real) and indices INTEGER.
        foreach (var property in edgeFeatures[0].GetProperty("properties").EnumerateObject().Where(p => p.Name != "layer"))
        {
            Assert.True(columns.ContainsKey(property.Name), $"edges has no column {property.Name}");
        }
        Assert.All(columns.Where(c => c.Key.Contains("_per_", StringComparison.Ordinal)), c => Assert.Equal("DOUBLE", c.Value));
        Assert.Equal(("INTEGER", "INTEGER", "DOUBLE"), (columns["segment"], columns["osm_way_id"], columns["length_m"]));
        var placeColumns = Rows(db, "SELECT name, type FROM pragma_table_info('places')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.All(placeColumns.Where(c => c.Key.EndsWith("_per_day", StringComparison.Ordinal)), c => Assert.Equal("DOUBLE", c.Value));

        // The same rows and values as the GeoJSON files, in the same order; a rate is stored as a real even when it is 0.
        var rows = Rows(db, "SELECT segment, encounters_per_m_day, passages_per_day, typeof(nods_per_m_day_night) FROM edges ORDER BY fid");
        Assert.Equal(edgeFeatures.Length, rows.Count);
        for (int s = 0; s < rows.Count; s++)
        {
            var properties = edgeFeatures[s].GetProperty("properties");
            Assert.Equal(properties.GetProperty("segment").GetInt64(), (long)rows[s][0]!);
            Assert.Equal(properties.GetProperty("encounters_per_m_day").GetDouble(), (double)rows[s][1]!);
            Assert.Equal(properties.GetProperty("passages_per_day").GetDouble(), (double)rows[s][2]!);
            Assert.Equal("real", rows[s][3]);
        }
        Assert.Contains(rows, r => (double)r[2]! > 0);
        var placeRows = Rows(db, "SELECT kind, stays_per_day FROM places ORDER BY fid");
        Assert.Equal(placeFeatures.Length, placeRows.Count);
        Assert.Equal(placeFeatures.Select(f => f.GetProperty("properties").GetProperty("stays_per_day").GetDouble()), placeRows.Select(r => (double)r[1]!));
    }

    [Fact]
    public void The_same_run_gives_the_same_GeoPackage_bytes_and_none_without_the_option()
    {
        string first = RunWithGeoPackage("a", "--gpkg"), second = RunWithGeoPackage("b", "--gpkg", "--threads", "1"), plain = RunWithGeoPackage("c");

        Assert.Equal(File.ReadAllBytes(Path.Combine(first, RunGeoPackage.FileName)), File.ReadAllBytes(Path.Combine(second, RunGeoPackage.FileName)));
        Assert.False(File.Exists(Path.Combine(plain, RunGeoPackage.FileName)));
        // A later run without --gpkg replaces the folder whole: no GeoPackage of the earlier run stays behind.
        Assert.Equal(TwinApp.Success, Fixtures.RunTwin(["run", Fixtures.GridScenario(_files), "--days", "1", "--out", first]).Code);
        Assert.False(File.Exists(Path.Combine(first, RunGeoPackage.FileName)));
    }

    [OgrinfoFact]
    public void Ogrinfo_reads_the_run_GeoPackage()
    {
        string gpkg = Path.Combine(RunWithGeoPackage("out", "--gpkg"), RunGeoPackage.FileName);

        var (exitCode, output, error) = OgrinfoFactAttribute.Summarise(gpkg);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Layer name: edges", output, StringComparison.Ordinal);
        Assert.Contains("Geometry: Line String", output, StringComparison.Ordinal);
        Assert.Contains("Layer name: places", output, StringComparison.Ordinal);
        Assert.Contains("Geometry: Point", output, StringComparison.Ordinal);
        Assert.Contains("encounters_per_m_day: Real", output, StringComparison.Ordinal);
        Assert.Contains("segment: Integer64", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR", error, StringComparison.Ordinal);
    }
}
