using System.Buffers.Binary;
using System.Globalization;
using DigitalTwin.Engine;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Cli.Outputs;

/// <summary>
/// Writes feature layers into one OGC GeoPackage 1.3 file (OGC 12-128r18), the GIS format QGIS and GDAL read as
/// well as a shapefile, without a shapefile's limits (10-character field names, one file per layer): an SQLite
/// database with application_id 'GPKG', user_version 10300, the required gpkg_spatial_ref_sys, gpkg_contents and
/// gpkg_geometry_columns tables, and per layer a feature table whose geometries are GeoPackage binary (the standard
/// header with the envelope, then ISO WKB). Coordinates are WGS84 longitude, latitude (EPSG:4326). The file is written
/// under a staging name and moved into place (<see cref="OutputFile.WriteAt"/>), so a reader never sees half of it.
/// </summary>
internal static class GeoPackageWriter
{
    /// <summary>'GPKG' as a big-endian 32-bit integer (GeoPackage 1.2+, requirement 2).</summary>
    public const int ApplicationId = 0x47504B47;

    /// <summary>GeoPackage 1.3.0 (requirement 2: major × 10000 + minor × 100 + patch).</summary>
    public const int UserVersion = 10300;

    public const int Wgs84 = 4326;

    /// <summary>
    /// gpkg_contents.last_change of every layer. The standard asks for a timestamp; a fixed one keeps the file a pure
    /// function of its layers, so the same profile is the same bytes (the project's outputs are deterministic).
    /// </summary>
    public const string LastChange = "2000-01-01T00:00:00.000Z";

    private const string Wgs84Definition = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
        + "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
        + "AUTHORITY[\"EPSG\",\"4326\"]]";

    /// <summary>The name of every layer's geometry column.</summary>
    public const string GeometryColumn = "geom";

    /// <summary>Writes <paramref name="layers"/> into a new GeoPackage at <paramref name="path"/>; the problem when the file cannot be written.</summary>
    public static IReadOnlyList<InputProblem> Write(string path, IReadOnlyList<FeatureLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            // Layer and field names come from the program, never from users; a clash or an odd name is a bug.
            if (!names.Add(layer.Name) || !IsPlainName(layer.Name) || layer.Fields.Any(f => !IsPlainName(f.Name) || f.Name is "fid" or GeometryColumn))
            {
                throw new ArgumentException($"layer '{layer.Name}': names must be unique, lower-case letters, digits and '_', and fields not 'fid' or '{GeometryColumn}'", nameof(layers));
            }
        }
        return OutputFile.WriteAt(path, staged => Create(staged, layers),
            e => e is SqliteException sqlite ? $"SQLite error {sqlite.SqliteErrorCode}: {sqlite.Message}" : null);
    }

    private static void Create(string path, IReadOnlyList<FeatureLayer> layers)
    {
        // Pooling off: the connection (and its file handle) closes on Dispose, before the file is moved into place.
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using (var connection = new SqliteConnection(builder.ConnectionString))
        {
            connection.Open();
            // The staging file is discarded whole on failure, so a rollback journal beside it would only be one more file to clean.
            Execute(connection, $"PRAGMA application_id = {ApplicationId.ToString(CultureInfo.InvariantCulture)}; PRAGMA user_version = {UserVersion.ToString(CultureInfo.InvariantCulture)}; PRAGMA journal_mode = MEMORY;");
            using var transaction = connection.BeginTransaction();
            Execute(connection, """
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
                CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
                """, transaction);
            using (var srs = Command(connection, transaction,
                "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $organization, $code, $definition, $description)"))
            {
                // Requirement 11: the two 'undefined' systems and WGS 84 are always present.
                foreach (var (name, id, organization, code, definition, description) in new (string, int, string, int, string, string)[]
                {
                    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
                    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
                    ("WGS 84 geodetic", Wgs84, "EPSG", Wgs84, Wgs84Definition, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
                })
                {
                    Bind(srs, ("$name", name), ("$id", id), ("$organization", organization), ("$code", code), ("$definition", definition), ("$description", description));
                    srs.ExecuteNonQuery();
                }
            }
            foreach (var layer in layers)
            {
                WriteLayer(connection, transaction, layer);
            }
            transaction.Commit();
        }
    }

    private static void WriteLayer(SqliteConnection connection, SqliteTransaction transaction, FeatureLayer layer)
    {
        var columns = string.Join(", ", layer.Fields.Select(f => $"\"{f.Name}\" {SqlType(f.Type)}"));
        Execute(connection, $"CREATE TABLE \"{layer.Name}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, \"{GeometryColumn}\" {GeometryName(layer.Geometry)}{(columns.Length > 0 ? ", " + columns : string.Empty)})", transaction);
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        string parameters = string.Join(", ", Enumerable.Range(0, layer.Fields.Count).Select(i => "$f" + i.ToString(CultureInfo.InvariantCulture)));
        using (var insert = Command(connection, transaction,
            $"INSERT INTO \"{layer.Name}\" (\"{GeometryColumn}\"{string.Concat(layer.Fields.Select(f => $", \"{f.Name}\""))}) VALUES ($geom{(parameters.Length > 0 ? ", " + parameters : string.Empty)})"))
        {
            var geometry = insert.Parameters.Add("$geom", SqliteType.Blob);
            var values = layer.Fields.Select((f, i) => insert.Parameters.Add("$f" + i.ToString(CultureInfo.InvariantCulture), SqliteTypeOf(f.Type))).ToArray();
            foreach (var feature in layer.Features)
            {
                if (layer.Geometry != LayerGeometry.Geometry && feature.IsLine != (layer.Geometry == LayerGeometry.LineString))
                {
                    throw new ArgumentException($"layer {layer.Name} holds {layer.Geometry} features, not {(feature.IsLine ? "lines" : "points")}", nameof(layer));
                }
                foreach (var (lon, lat) in feature.Positions)
                {
                    minX = Math.Min(minX, lon);
                    maxX = Math.Max(maxX, lon);
                    minY = Math.Min(minY, lat);
                    maxY = Math.Max(maxY, lat);
                }
                geometry.Value = Blob(feature);
                for (int f = 0; f < values.Length; f++)
                {
                    values[f].Value = feature.Values[f] switch
                    {
                        null => DBNull.Value,
                        double d when !double.IsFinite(d) => DBNull.Value,
                        bool b => b ? 1 : 0,
                        var v => v,
                    };
                }
                insert.ExecuteNonQuery();
            }
        }
        bool empty = layer.Features.Count == 0;
        using var contents = Command(connection, transaction,
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) "
            + "VALUES ($table, 'features', $table, $description, $changed, $minX, $minY, $maxX, $maxY, $srs)");
        Bind(contents, ("$table", layer.Name), ("$description", layer.Description), ("$changed", LastChange),
            ("$minX", empty ? DBNull.Value : minX), ("$minY", empty ? DBNull.Value : minY), ("$maxX", empty ? DBNull.Value : maxX), ("$maxY", empty ? DBNull.Value : maxY), ("$srs", Wgs84));
        contents.ExecuteNonQuery();
        using var geometryColumns = Command(connection, transaction, "INSERT INTO gpkg_geometry_columns VALUES ($table, $column, $type, $srs, 0, 0)");
        Bind(geometryColumns, ("$table", layer.Name), ("$column", GeometryColumn), ("$type", GeometryName(layer.Geometry)), ("$srs", Wgs84));
        geometryColumns.ExecuteNonQuery();
    }

    /// <summary>
    /// A GeoPackage binary geometry (clause 2.1.3): 'GP', version 0, flags (little-endian; an [minx, maxx, miny, maxy]
    /// envelope for lines, none for points, as the standard allows), the SRS id, then the geometry as ISO WKB.
    /// </summary>
    internal static byte[] Blob(LayerFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var positions = feature.Positions;
        bool line = feature.IsLine;
        int envelopeBytes = line ? 32 : 0;
        int wkbBytes = line ? 1 + 4 + 4 + (16 * positions.Count) : 1 + 4 + 16;
        var blob = new byte[8 + envelopeBytes + wkbBytes];
        var span = blob.AsSpan();
        span[0] = (byte)'G';
        span[1] = (byte)'P';
        span[2] = 0;
        // Bit 0: little-endian header; bits 1-3: envelope contents (1 = x and y), 0 = no envelope.
        span[3] = (byte)(1 | (line ? 1 << 1 : 0));
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Wgs84);
        int at = 8;
        if (line)
        {
            double minX = positions.Min(p => p.Longitude), maxX = positions.Max(p => p.Longitude);
            double minY = positions.Min(p => p.Latitude), maxY = positions.Max(p => p.Latitude);
            foreach (double v in new[] { minX, maxX, minY, maxY })
            {
                BinaryPrimitives.WriteDoubleLittleEndian(span[at..], v);
                at += 8;
            }
        }
        span[at++] = 1; // WKB byte order: little-endian (NDR)
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], line ? 2u : 1u); // wkbLineString, wkbPoint
        at += 4;
        if (line)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)positions.Count);
            at += 4;
        }
        foreach (var (lon, lat) in positions)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[at..], lon);
            BinaryPrimitives.WriteDoubleLittleEndian(span[(at + 8)..], lat);
            at += 16;
        }
        return blob;
    }

    private static string GeometryName(LayerGeometry geometry) => geometry switch
    {
        LayerGeometry.Point => "POINT",
        LayerGeometry.LineString => "LINESTRING",
        _ => "GEOMETRY",
    };

    private static string SqlType(FieldType type) => type switch
    {
        FieldType.Integer => "INTEGER",
        FieldType.Real => "DOUBLE",
        FieldType.Boolean => "BOOLEAN",
        _ => "TEXT",
    };

    private static SqliteType SqliteTypeOf(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.Boolean => SqliteType.Integer,
        FieldType.Real => SqliteType.Real,
        _ => SqliteType.Text,
    };

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 63 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
