using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Tests.Observations;

/// <summary>Pins appended to an observations file keep what was there and load back as they were written.</summary>
public sealed class ObservationWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twin-observations-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Observation Pin(string caption) => new()
    {
        Kind = ObservationKind.MeetingSpot,
        Positions = [new LonLat(4.3712345, 52.0001234)],
        Caption = caption,
        Date = new DateOnly(2025, 6, 14),
    };

    [Fact]
    public void Appending_to_a_csv_keeps_its_comments_and_columns_and_loads_back()
    {
        string path = Path.Combine(_folder, "o.csv");
        File.WriteAllText(path, "# a session\nkind,lon,lat,caption,date\nphoto,4.37,52.0,first,2025-06-13");

        var written = ObservationWriter.Append(path, Pin("we meet here, every day"));

        Assert.True(written.Succeeded, string.Join("; ", written.Problems));
        string text = File.ReadAllText(path);
        Assert.StartsWith("# a session\nkind,lon,lat,caption,date\nphoto,4.37,52.0,first,2025-06-13\n", text, StringComparison.Ordinal);
        Assert.EndsWith("meeting-spot,4.3712345,52.0001234,\"we meet here, every day\",2025-06-14\n", text, StringComparison.Ordinal);
        var loaded = ObservationLoader.Load(path).Unwrap().Observations;
        Assert.Equal(2, loaded.Count);
        Assert.Equal("we meet here, every day", loaded[1].Caption);
        Assert.Empty(Directory.GetFiles(_folder, "*.partial"));
    }

    [Fact]
    public void A_new_file_gets_every_column_and_geojson_gets_a_feature()
    {
        string csv = Path.Combine(_folder, "new.csv");
        string geojson = Path.Combine(_folder, "new.geojson");

        Assert.True(ObservationWriter.Append(csv, Pin("one")).Succeeded);
        Assert.True(ObservationWriter.Append(geojson, Pin("one")).Succeeded);
        Assert.True(ObservationWriter.Append(geojson, Pin("two")).Succeeded);

        Assert.StartsWith(string.Join(",", ObservationLoader.CsvColumns) + "\n", File.ReadAllText(csv), StringComparison.Ordinal);
        var features = ObservationLoader.Load(geojson).Unwrap().Observations;
        Assert.Equal(["one", "two"], features.Select(f => f.Caption));
    }

    [Fact]
    public void A_broken_file_is_left_alone_and_its_problems_come_back()
    {
        string path = Path.Combine(_folder, "broken.csv");
        File.WriteAllText(path, "kind,lon,lat\ncafe,4.37,52.0\n");

        var written = ObservationWriter.Append(path, Pin("x"));

        Assert.False(written.Succeeded);
        Assert.Equal("kind,lon,lat\ncafe,4.37,52.0\n", File.ReadAllText(path));
    }
}
