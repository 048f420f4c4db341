using DigitalTwin.Surrogate.Calibration;
using DigitalTwin.TestKit;

namespace DigitalTwin.Surrogate.Tests.Calibration;

public sealed class CountsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("twin-counts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(_folder, "counts.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_way_is_its_segments_weighted_by_length_and_a_segment_is_itself()
    {
        // NamedT: Mekelweg (way 100) is segments 0 and 1, 100 m each; the footway (way 300) is segment 3.
        var network = TinyWorlds.NamedT().Network;
        string path = Write("""
            # a comment, then the header in another order and case
            Mode,Site,osmWayId,segment,hour,Count
            walk,"Mekelweg, east",100,,,120.5
            bike,footway,,3,8,4

            """);
        var counts = CountsFile.Read(path, network).Unwrap();
        Assert.Equal(2, counts.Count);
        Assert.Equal("Mekelweg, east", counts[0].Site);
        Assert.Equal([0, 1], counts[0].Segments);
        Assert.Equal([0.5, 0.5], counts[0].Weights);
        Assert.Null(counts[0].Hour);
        Assert.Equal(120.5, counts[0].Count);
        Assert.Equal(4, counts[1].Line); // the comment is line 1
        Assert.Equal([3], counts[1].Segments);
        Assert.Equal(8, counts[1].Hour);
        Assert.Equal(CountMode.Bike, counts[1].Mode);
        Assert.Equal("footway 08h bike", counts[1].Label);
    }

    [Fact]
    public void Every_problem_of_the_file_comes_back_at_once_with_its_line_and_column()
    {
        var network = TinyWorlds.NamedT().Network;
        string path = Write("site,osmWayId,segment,mode,count\na,100,2,walk,1\nb,999,,walk,1\nc,,2,walk,-1\nd,200,,walk,x\na,100,,walk,1\na,100,,walk,2\n");
        var result = CountsFile.Read(path, network);
        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            "line 2, column osmWayId: give either osmWayId or segment on each row, not both and not neither",
            "line 3, column osmWayId: way 999 is not a street of the scenario's map",
            "line 4, column count: -1 is negative",
            "line 5, column count: 'x' is not a number",
            "line 7: repeats the count of line 6 (same site, hour and mode)",
        ], result.Problems.Select(p => $"{p.Field}: {p.Message}"));
        Assert.All(result.Problems, p => Assert.Equal(path, p.File));
    }

    [Fact]
    public void A_file_without_counts_or_without_a_place_column_is_refused()
    {
        var network = TinyWorlds.NamedT().Network;
        Assert.Contains(CountsFile.Read(Write("site,segment,mode,count\n"), network).Problems, p => p.Message == "has no counts");
        Assert.Contains(CountsFile.Read(Write("site,mode,count\na,walk,1\n"), network).Problems, p => p.Message == "has neither an 'osmWayId' nor a 'segment' column");
        Assert.Contains(CountsFile.Read(Path.Combine(_folder, "missing.csv"), network).Problems, p => p.Message.StartsWith("cannot read the counts file", StringComparison.Ordinal));
    }
}
