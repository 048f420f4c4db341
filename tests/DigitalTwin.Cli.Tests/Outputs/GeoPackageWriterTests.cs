using System.Buffers.Binary;
using System.Diagnostics;
using DigitalTwin.Cli.Outputs;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Cli.Tests.Outputs;

/// <summary>
/// The GeoPackage writer, read back with SQLite itself: the file is what OGC GeoPackage 1.3 requires (application id,
/// version, the three required tables, GeoPackage binary geometries) with the layers' rows; and, where GDAL is
/// installed, ogrinfo reads it as a GeoPackage.
/// </summary>
public sealed class GeoPackageWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twin-gpkg-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly FeatureLayer Lines = new("streets", "two streets", LayerGeometry.LineString,
        [new("name", FieldType.Text), new("length_m", FieldType.Real), new("lit", FieldType.Boolean), new("segment", FieldType.Integer)],
        [
            new([(4.37, 52.0), (4.371, 52.0005), (4.372, 52.0)], ["Main Street", 150.5, true, 0L]),
            new([(4.36, 51.999), (4.365, 51.998)], [null, double.PositiveInfinity, false, 1L]),
        ]);

    private static readonly FeatureLayer Mixed = new("observations", "a point and a line", LayerGeometry.Geometry,
        [new("kind", FieldType.Text)],
        [new([(4.3705, 52.0002)], ["unsafe"]), new([(4.36, 51.999), (4.361, 51.999)], ["barrier"])]);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    [Fact]
    public void The_file_is_a_GeoPackage_with_the_layers_rows()
    {
        string path = Path.Combine(_folder, "layers.gpkg");

        Assert.Empty(GeoPackageWriter.Write(path, [Lines, Mixed]));

        using var db = Open(path);
        Assert.Equal(0x47504B47L, Scalar(db, "PRAGMA application_id"));
        Assert.Equal(10300L, Scalar(db, "PRAGMA user_version"));
        Assert.Equal(3L, Scalar(db, "SELECT COUNT(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)"));
        Assert.Equal("features", Scalar(db, "SELECT data_type FROM gpkg_contents WHERE table_name = 'streets'"));
        Assert.Equal(4.36, (double)Scalar(db, "SELECT min_x FROM gpkg_contents WHERE table_name = 'streets'")!, 9);
        Assert.Equal(52.0005, (double)Scalar(db, "SELECT max_y FROM gpkg_contents WHERE table_name = 'streets'")!, 9);
        Assert.Equal("LINESTRING", Scalar(db, "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'streets'"));
        Assert.Equal("GEOMETRY", Scalar(db, "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'observations'"));
        Assert.Equal(2L, Scalar(db, "SELECT COUNT(*) FROM streets"));
        Assert.Equal("Main Street", Scalar(db, "SELECT name FROM streets WHERE fid = 1"));
        Assert.Equal(1L, Scalar(db, "SELECT lit FROM streets WHERE fid = 1"));
        // A missing name and an infinite length are NULL, not the text "Infinity".
        Assert.Equal(DBNull.Value, Scalar(db, "SELECT name FROM streets WHERE fid = 2"));
        Assert.Equal(DBNull.Value, Scalar(db, "SELECT length_m FROM streets WHERE fid = 2"));

        // The first street's geometry: 'GP', version 0, little-endian with an xy envelope, SRS 4326, then WKB LineString.
        var blob = (byte[])Scalar(db, "SELECT geom FROM streets WHERE fid = 1")!;
        Assert.Equal((byte)'G', blob[0]);
        Assert.Equal((byte)'P', blob[1]);
        Assert.Equal(0, blob[2]);
        Assert.Equal(0b0000_0011, blob[3]);
        Assert.Equal(4326, BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(4)));
        Assert.Equal([4.37, 4.372, 52.0, 52.0005], Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(8 + (8 * i)))));
        Assert.Equal(1, blob[40]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(41)));
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(45)));
        Assert.Equal(4.371, BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(49 + 16)));
        Assert.Equal(49 + (3 * 16), blob.Length);
        // A point carries no envelope: the WKB Point follows the 8-byte header.
        var point = (byte[])Scalar(db, "SELECT geom FROM observations WHERE fid = 1")!;
        Assert.Equal((0b0000_0001, 1u, 4.3705), (point[3], BinaryPrimitives.ReadUInt32LittleEndian(point.AsSpan(9)), BinaryPrimitives.ReadDoubleLittleEndian(point.AsSpan(13))));
    }

    [Fact]
    public void The_same_layers_give_the_same_bytes_and_no_staging_file_is_left()
    {
        string first = Path.Combine(_folder, "a.gpkg"), second = Path.Combine(_folder, "b.gpkg");

        Assert.Empty(GeoPackageWriter.Write(first, [Lines, Mixed]));
        Assert.Empty(GeoPackageWriter.Write(second, [Lines, Mixed]));
        File.WriteAllText(Path.Combine(_folder, "c.gpkg"), "the previous file");
        Assert.Empty(GeoPackageWriter.Write(Path.Combine(_folder, "c.gpkg"), [Lines]));

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(["a.gpkg", "b.gpkg", "c.gpkg"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
        using var db = Open(Path.Combine(_folder, "c.gpkg"));
        Assert.Equal(1L, Scalar(db, "SELECT COUNT(*) FROM gpkg_contents"));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_a_problem_not_an_exception()
    {
        string path = Path.Combine(_folder, "missing", "layers.gpkg");

        var problems = GeoPackageWriter.Write(path, [Lines]);

        Assert.Contains("cannot write the file", Assert.Single(problems).ToString(), StringComparison.Ordinal);
    }

    [OgrinfoFact]
    public void Ogrinfo_reads_the_layers_as_a_GeoPackage()
    {
        string path = Path.Combine(_folder, "layers.gpkg");
        Assert.Empty(GeoPackageWriter.Write(path, [Lines, Mixed]));

        var (exitCode, output, error) = OgrinfoFactAttribute.Summarise(path);

        Assert.True(exitCode == 0, error);
        Assert.Contains("using driver `GPKG' successful", output, StringComparison.Ordinal);
        Assert.Contains("Layer name: streets", output, StringComparison.Ordinal);
        Assert.Contains("Geometry: Line String", output, StringComparison.Ordinal);
        Assert.Contains("Feature Count: 2", output, StringComparison.Ordinal);
        Assert.Contains("length_m: Real", output, StringComparison.Ordinal);
        Assert.Contains("lit: Integer(Boolean)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR", error, StringComparison.Ordinal);
    }
}

/// <summary>A test that reads a file with GDAL's ogrinfo (Debian gdal-bin, in .ci/apt-packages); skipped, saying so, where it is not installed.</summary>
internal sealed class OgrinfoFactAttribute : FactAttribute
{
    public static string? Ogrinfo { get; } = new[] { "/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo" }.FirstOrDefault(File.Exists);

    /// <summary>ogrinfo's summary of every layer of a file (read-only), with its exit code and error output.</summary>
    public static (int ExitCode, string Output, string Error) Summarise(string path)
    {
        var start = new ProcessStartInfo(Ogrinfo!, ["-ro", "-al", "-so", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    public OgrinfoFactAttribute()
    {
        if (Ogrinfo is null)
        {
            Skip = "needs GDAL's ogrinfo (Debian: apt-get install gdal-bin); the SQLite checks of the same file run without it";
        }
    }
}
