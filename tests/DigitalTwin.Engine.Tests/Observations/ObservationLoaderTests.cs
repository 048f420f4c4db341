using System.Text;
using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Observations;

/// <summary>Observations files load, and every bad row says where, which field and what is allowed.</summary>
public sealed class ObservationLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twin-observations-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Problems(InputResult<ObservationSet> result) => string.Join("\n", result.Problems);

    [Fact]
    public void A_csv_with_comments_quotes_and_every_column_loads()
    {
        string path = Write("o.csv", """
            # invented example
            kind,lon,lat,caption,photo,safety,comfort,meeting,greenery,group,date
            valued-place,4.3746,51.9990,"Mekelpark: we sit here, in summer",park.jpg,4,4,5,5,45-64,2025-06-14
            unsafe,4.3819,51.9954,"a ""fast"" road",,,,,,,

            barrier,4.3730,52.0005,,,,,,,,
            """);

        var result = ObservationLoader.Load(path);

        Assert.True(result.Succeeded, Problems(result));
        var all = result.Unwrap().Observations;
        Assert.Equal(3, all.Count);
        Assert.Equal(ObservationKind.ValuedPlace, all[0].Kind);
        Assert.Equal("Mekelpark: we sit here, in summer", all[0].Caption);
        Assert.Equal(new AspectRatings(4, 4, 5, 5), all[0].Ratings);
        Assert.Equal(4.5, all[0].OverallRating);
        Assert.Equal(new DateOnly(2025, 6, 14), all[0].Date);
        Assert.Equal("45-64", all[0].Group);
        Assert.Equal(3, all[0].SourceNumber);
        Assert.Equal("a \"fast\" road", all[1].Caption);
        Assert.Equal(2, all[1].OverallRating); // 'unsafe' without ratings: one step below neutral
        Assert.Null(all[2].OverallRating);
        Assert.Equal(6, all[2].SourceNumber);
    }

    [Fact]
    public void Every_bad_row_is_named_with_its_line_field_and_what_is_allowed()
    {
        string path = Write("bad.csv", """
            kind,lon,lat,safety,date
            cafe,4.37,52.0,3,
            unsafe,4.37,52.0,7,
            unsafe,4.37,152.0,,
            unsafe,abc,52.0,,
            unsafe,4.37,52.0,,14-06-2025
            """);

        var result = ObservationLoader.Load(path, "bad.csv");
        string text = Problems(result);

        Assert.False(result.Succeeded);
        Assert.Contains("bad.csv: line 2, kind: 'cafe' is not a kind of observation", text, StringComparison.Ordinal);
        Assert.Contains("valued-place, meeting-spot, unsafe, barrier, missing-bench, idea", text, StringComparison.Ordinal);
        Assert.Contains("line 3, safety: '7' is not a rating (a whole number from 1", text, StringComparison.Ordinal);
        Assert.Contains("line 4, position: (4.37, 152) is not a longitude, latitude", text, StringComparison.Ordinal);
        Assert.Contains("line 5, lon: 'abc' is not a number", text, StringComparison.Ordinal);
        Assert.Contains("line 6, date: '14-06-2025' is not a date (write it as YYYY-MM-DD", text, StringComparison.Ordinal);
        Assert.Equal(5, result.Problems.Count);
    }

    [Fact]
    public void Positions_outside_the_map_are_refused_and_swapped_ones_are_named()
    {
        string path = Write("o.csv", "kind,lon,lat\nunsafe,51.9990,4.3746\nunsafe,5.1,52.1\n");
        var area = new MapArea(4.355, 51.995, 4.386, 52.005);

        var result = ObservationLoader.Load(path, "o.csv", area);
        string text = Problems(result);

        Assert.Contains("line 2, position: (51.999, 4.3746) lies outside the map", text, StringComparison.Ordinal);
        Assert.Contains("longitude and latitude look swapped", text, StringComparison.Ordinal);
        Assert.Contains("line 3, position: (5.1, 52.1) lies outside the map", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_unknown_column_names_the_columns()
    {
        var missing = ObservationLoader.Load(Write("a.csv", "kind,lon,caption\nphoto,4.37,x\n"), "a.csv");
        var unknown = ObservationLoader.Load(Write("b.csv", "kind,lon,lat,safty\nphoto,4.37,52.0,3\n"), "b.csv");

        Assert.Contains("a.csv: line 1 (header): the column 'lat' is missing", Problems(missing), StringComparison.Ordinal);
        Assert.Contains("b.csv: line 1, column 4: unknown column 'safty' (did you mean 'safety'?", Problems(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_not_in_utf8_is_refused_with_the_line()
    {
        // "café" in Windows-1252: é is the single byte 0xE9.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("kind,lon,lat,caption\nphoto,4.37,52.0,caf"), 0xE9, (byte)'\n'];
        var result = ObservationLoader.Load(WriteBytes("latin.csv", bytes), "latin.csv");

        Assert.Contains("latin.csv: must be UTF-8, but byte 0xE9 at line 2", Problems(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_not_read_to_the_end()
    {
        string path = Path.Combine(_folder, "huge.csv");
        using (var file = File.Create(path))
        {
            file.SetLength(ObservationLoader.MaxFileBytes + 1);
        }

        var result = ObservationLoader.Load(path, "huge.csv");

        Assert.Contains("is larger than 16 MB", Problems(result), StringComparison.Ordinal);
    }

    [Fact]
    public void GeoJson_points_and_lines_load_and_bad_features_are_numbered()
    {
        string good = Write("o.geojson", """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.3746, 51.999]}, "properties": {"kind": "meeting-spot", "meeting": 5}},
              {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[4.37, 52.0], [4.371, 52.0]]}, "properties": {"kind": "barrier", "caption": "fence"}}
            ]}
            """);
        string bad = Write("bad.geojson", """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}, "properties": {"kind": "barrier"}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.37, 52.0]}, "properties": {"kind": "barrier", "rating": 3}}
            ]}
            """);

        var loaded = ObservationLoader.Load(good);
        var refused = ObservationLoader.Load(bad, "bad.geojson");

        Assert.True(loaded.Succeeded, Problems(loaded));
        Assert.False(loaded.Unwrap().Observations[0].IsLine);
        Assert.True(loaded.Unwrap().Observations[1].IsLine);
        Assert.Equal(5, loaded.Unwrap().Observations[0].Ratings.Meeting);
        Assert.Contains("bad.geojson: feature 1, geometry.type: 'Polygon' is not an observation geometry (Point or LineString)", Problems(refused), StringComparison.Ordinal);
        Assert.Contains("bad.geojson: feature 2, properties.rating: is not an observation field", Problems(refused), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_example_is_labelled_invented_and_lies_on_the_Delft_map()
    {
        string path = Path.Combine(RepositoryFiles.Root, "scenarios", "delft-wippolder", "observations-example.csv");

        var result = ObservationLoader.Load(path, null, new MapArea(4.355, 51.995, 4.386, 52.005));

        Assert.True(result.Succeeded, Problems(result));
        Assert.InRange(result.Unwrap().Count, 10, 15);
        Assert.StartsWith("# INVENTED EXAMPLE - NOT REAL RESIDENTS' INPUT", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(ObservationKinds.Words.Count, result.Unwrap().Observations.Select(o => o.Kind).Distinct().Count());
    }
}
