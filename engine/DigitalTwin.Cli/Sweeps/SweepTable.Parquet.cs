using Parquet;
using Parquet.Schema;

namespace DigitalTwin.Cli.Sweeps;

/// <summary>The collected table as Apache Parquet (one row group), typed, for pandas, R arrow, DuckDB and Spark.</summary>
internal sealed partial record SweepTable
{
    public const string ParquetFile = "sweep.parquet";

    /// <summary>
    /// run, scenario and variant as text; draw and days as int32; seed as int64 holding the seed's 64 bits (the
    /// signed type every Parquet reader takes: seeds below 2^63, all the scenarios here, read as themselves); every
    /// parameter and outcome as a nullable double (null where the CSV cell is empty).
    /// </summary>
    public void WriteParquet(Stream stream) => WriteParquetAsync(stream).GetAwaiter().GetResult();

    private async Task WriteParquetAsync(Stream stream)
    {
        var fields = new List<Field>
        {
            new DataField<string>("run", false),
            new DataField<string>("scenario", false),
            new DataField<string>("variant", false),
            new DataField<int>("draw", false),
            new DataField<long>("seed", false),
            new DataField<int>("days", false),
        };
        fields.AddRange(Columns.Skip(FixedColumns).Select(name => (Field)new DataField<double>(name, true)));
        var schema = new ParquetSchema(fields);
        var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            var data = schema.GetDataFields();
            for (int c = 0; c < 3; c++)
            {
                await group.WriteAsync(data[c], [.. Rows.Select(row => (string)row[c])]).ConfigureAwait(false);
            }
            await group.WriteAsync<int>(data[3], Rows.Select(row => (int)row[3]).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<long>(data[4], Rows.Select(row => unchecked((long)(ulong)row[4])).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<int>(data[5], Rows.Select(row => (int)row[5]).ToArray()).ConfigureAwait(false);
            for (int c = FixedColumns; c < Columns.Count; c++)
            {
                double?[] values = [.. Rows.Select(row => (double)row[c] is var value && double.IsFinite(value) ? value : (double?)null)];
                await group.WriteAsync<double>(data[c], values).ConfigureAwait(false);
            }
        }
    }
}
