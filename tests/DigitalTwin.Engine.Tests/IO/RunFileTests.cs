using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;
using MessagePack;

namespace DigitalTwin.Engine.Tests.IO;

/// <summary>The run folder: run.msgpack reads back what was written, other files are refused clearly, writes are atomic.</summary>
public sealed class RunFileTests : IDisposable
{
    private const int Days = 3;

    private static readonly Lazy<(SimulationWorld World, RunResult Result)> Run = new(() =>
    {
        var world = SimulationWorlds.Grid(residents: 300, rows: 4, columns: 4);
        return (world, world.Run(Days, seed: 5));
    });

    private static readonly RunMetadata Metadata = new("grid", "grid.json", "feedc0de", "grid.geojson", 5, Days, 1, 0.25);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("twin-runfile-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_written_run_file_reads_back_with_equal_arrays()
    {
        var (world, result) = Run.Value;
        Assert.Empty(RunWriter.WriteAll(_folder.FullName, Metadata, world.Neighbourhood, world.Residents, result));
        foreach (string file in new[] { RunWriter.SummaryFile, RunWriter.EdgesFile, RunWriter.PlacesFile, RunWriter.RunFileName })
        {
            Assert.True(File.Exists(Path.Combine(_folder.FullName, file)), file);
        }

        var read = RunFile.Read(Path.Combine(_folder.FullName, RunWriter.RunFileName));

        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        var run = read.Unwrap();
        Assert.Equal(RunFile.CurrentFormatVersion, run.FormatVersion);
        Assert.Equal(("grid", "feedc0de", 5UL, Days, "grid.geojson"), (run.ScenarioName, run.ScenarioHash, run.Seed, run.Days, run.MapFile));
        Assert.Equal(world.Network.SegmentCount, run.SegmentCount);
        Assert.Equal(world.Neighbourhood.Places.Count, run.PlaceCount);
        Assert.Equal(world.Network.LengthMetres.ToArray(), run.SegmentLengthMetres);
        Assert.Equal(world.Residents.Home.ToArray(), run.ResidentHome);
        Assert.Equal(result.Streets.WalkPassages, run.WalkPassages);
        Assert.Equal(result.Streets.BikePassages, run.BikePassages);
        Assert.Equal(result.Streets.CarPassages, run.CarPassages);
        Assert.Equal(result.Streets.Encounters, run.Encounters);
        Assert.Equal(result.Streets.Nods, run.Nods);
        Assert.Equal(result.Places.Stays, run.PlaceStays);
        Assert.Equal(result.Places.Encounters, run.PlaceEncounters);
        Assert.Equal(result.Streets.WalkPassagesByHour, run.WalkPassagesByHour);
        Assert.Equal(result.Streets.BikePassagesByHour, run.BikePassagesByHour);
        Assert.Equal(result.Streets.CarPassagesByHour, run.CarPassagesByHour);
        Assert.Equal(result.Streets.StreetStops, run.StreetStops);
        Assert.Equal(result.Streets.FrontOfHouseSeconds, run.FrontOfHouseSeconds);
        Assert.Equal(world.Neighbourhood.Homes.Segment.ToArray(), run.HomeSegment);
        Assert.Equal(result.PairEncounters.Select(e => e.ResidentA), run.PairEncounterResidentA);
        Assert.Equal(result.PairEncounters.Select(e => e.Day), run.PairEncounterDay);
        Assert.Equal(result.PairEncounters.Select(e => e.StartSeconds), run.PairEncounterStartSeconds);
        Assert.Equal(result.Ties.Select(t => t.ResidentA), run.TieResidentA);
        Assert.Equal(result.Ties.Select(t => t.ResidentB), run.TieResidentB);
        Assert.Equal(result.Ties.Select(t => t.Encounters), run.TieEncounters);
        Assert.Equal(result.ReplayDay, run.ReplayDay);
        Assert.Equal(result.Replay.Select(p => p.Segment), run.ReplaySegment);
        Assert.Equal(result.Replay.Select(p => p.EntrySeconds), run.ReplayEntrySeconds);
        Assert.Equal(result.ReplayStays.Select(s => s.Resident), run.ReplayStayResident);
        Assert.NotEmpty(run.ReplayResident);
        Assert.NotEmpty(run.TieResidentA);
        // Writing what was read gives the same bytes: nothing is lost or reordered on the way.
        using var again = new MemoryStream();
        run.Write(again);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder.FullName, RunWriter.RunFileName)), again.ToArray());
    }

    [Fact]
    public void A_run_file_of_another_format_version_is_refused_with_a_problem()
    {
        string path = WriteRunFile(new RunFile { FormatVersion = RunFile.CurrentFormatVersion + 1 });

        var problem = Assert.Single(RunFile.Read(path).Problems);

        Assert.Equal("formatVersion", problem.Field);
        Assert.Contains($"format {RunFile.CurrentFormatVersion + 1}", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Suggestion);
    }

    [Fact]
    public void A_run_file_whose_arrays_disagree_with_its_counts_is_refused_as_damaged()
    {
        var (world, result) = Run.Value;
        Assert.Empty(RunWriter.WriteAll(_folder.FullName, Metadata, world.Neighbourhood, world.Residents, result));
        var good = RunFile.Read(Path.Combine(_folder.FullName, RunWriter.RunFileName)).Unwrap();
        var noDays = MessagePackSerializer.Deserialize<RunFile>(MessagePackSerializer.Serialize(good));
        noDays.Days = -3;
        var shortEncounters = MessagePackSerializer.Deserialize<RunFile>(MessagePackSerializer.Serialize(good));
        shortEncounters.Encounters = shortEncounters.Encounters[..^1];
        var pastTheEnd = MessagePackSerializer.Deserialize<RunFile>(MessagePackSerializer.Serialize(good));
        pastTheEnd.ReplaySegment[0] = pastTheEnd.SegmentCount;

        Assert.Null(good.Inconsistency());
        Assert.Equal("a damaged run file: it says -3 days were simulated", Assert.Single(RunFile.Read(WriteRunFile(noDays)).Problems).Message);
        Assert.StartsWith("a damaged run file: it holds", Assert.Single(RunFile.Read(WriteRunFile(shortEncounters)).Problems).Message, StringComparison.Ordinal);
        Assert.Equal("a damaged run file: an index points past what the file holds", Assert.Single(RunFile.Read(WriteRunFile(pastTheEnd)).Problems).Message);
    }

    [Fact]
    public void Every_flipped_bit_cut_or_overwritten_stretch_of_a_run_file_is_refused()
    {
        var (world, result) = Run.Value;
        Assert.Empty(RunWriter.WriteAll(_folder.FullName, Metadata, world.Neighbourhood, world.Residents, result));
        byte[] good = File.ReadAllBytes(Path.Combine(_folder.FullName, RunWriter.RunFileName));
        var random = new Random(18);
        var damaged = new List<(string How, byte[] Bytes)>();
        // A bit in each of 300 places spread over the file (payload and trailer), 100 random cuts, 100 random stretches overwritten.
        for (int i = 0; i < 300; i++)
        {
            int at = (int)((long)i * good.Length / 300);
            var flipped = (byte[])good.Clone();
            flipped[at] ^= (byte)(1 << (i % 8));
            damaged.Add(($"bit {i % 8} of byte {at} flipped", flipped));
        }
        for (int i = 0; i < 100; i++)
        {
            int length = random.Next(good.Length);
            damaged.Add(($"cut to {length} bytes", good[..length]));
            var overwritten = (byte[])good.Clone();
            int start = random.Next(good.Length - 64);
            var noise = new byte[random.Next(1, 64)];
            random.NextBytes(noise);
            if (!noise.AsSpan().SequenceEqual(good.AsSpan(start, noise.Length)))
            {
                noise.CopyTo(overwritten, start);
                damaged.Add(($"{noise.Length} bytes at {start} overwritten", overwritten));
            }
        }

        string path = Path.Combine(_folder.FullName, "damaged.msgpack");
        foreach (var (how, bytes) in damaged)
        {
            File.WriteAllBytes(path, bytes);
            var read = RunFile.Read(path);
            Assert.False(read.Succeeded, $"read a run file with {how}");
            Assert.Equal(path, Assert.Single(read.Problems).File);
        }
        File.WriteAllBytes(path, good);
        Assert.True(RunFile.Read(path).Succeeded);
    }

    [Fact]
    public void A_file_of_the_format_before_the_checksum_is_refused_by_its_version_and_one_without_it_as_cut_short()
    {
        var older = new RunFile { FormatVersion = 2, Days = 1 };
        string olderPath = Path.Combine(_folder.FullName, "format2.msgpack");
        File.WriteAllBytes(olderPath, MessagePackSerializer.Serialize(older));
        var (world, result) = Run.Value;
        Assert.Empty(RunWriter.WriteAll(_folder.FullName, Metadata, world.Neighbourhood, world.Residents, result));
        byte[] current = File.ReadAllBytes(Path.Combine(_folder.FullName, RunWriter.RunFileName));
        string withoutChecksum = Path.Combine(_folder.FullName, "no-checksum.msgpack");
        File.WriteAllBytes(withoutChecksum, current[..^RunFileChecksum.TrailerBytes]);

        Assert.Equal("formatVersion", Assert.Single(RunFile.Read(olderPath).Problems).Field);
        Assert.Contains("ends without the checksum", Assert.Single(RunFile.Read(withoutChecksum).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_file_with_a_coordinate_that_is_not_a_number_or_a_negative_count_is_refused_as_damaged()
    {
        var (world, result) = Run.Value;
        Assert.Empty(RunWriter.WriteAll(_folder.FullName, Metadata, world.Neighbourhood, world.Residents, result));
        var good = RunFile.Read(Path.Combine(_folder.FullName, RunWriter.RunFileName)).Unwrap();
        var notANumber = MessagePackSerializer.Deserialize<RunFile>(MessagePackSerializer.Serialize(good));
        notANumber.GeometryX[3] = float.NaN;
        var farAway = MessagePackSerializer.Deserialize<RunFile>(MessagePackSerializer.Serialize(good));
        farAway.PlaceY[0] = 4e9f;
        var negative = MessagePackSerializer.Deserialize<RunFile>(MessagePackSerializer.Serialize(good));
        negative.Nods[1] = -5;
        var centre = MessagePackSerializer.Deserialize<RunFile>(MessagePackSerializer.Serialize(good));
        centre.CentreLatitude = 95;

        Assert.Contains("street geometry", Assert.Single(RunFile.Read(WriteRunFile(notANumber)).Problems).Message, StringComparison.Ordinal);
        Assert.Contains("place positions", Assert.Single(RunFile.Read(WriteRunFile(farAway)).Problems).Message, StringComparison.Ordinal);
        Assert.Equal("a damaged run file: it counts fewer than no nods", Assert.Single(RunFile.Read(WriteRunFile(negative)).Problems).Message);
        Assert.Contains("is not a longitude and latitude", Assert.Single(RunFile.Read(WriteRunFile(centre)).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_messagepack_file_of_another_kind_is_not_a_run_file()
    {
        string tagged = WriteRunFile(new RunFile { Format = "SomethingElse" });
        string other = Path.Combine(_folder.FullName, "numbers.msgpack");
        File.WriteAllBytes(other, MessagePackSerializer.Serialize(new[] { 1, 2, 3 }));

        Assert.Equal("format", Assert.Single(RunFile.Read(tagged).Problems).Field);
        Assert.Contains("not a readable run file", Assert.Single(RunFile.Read(other).Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"engineVersion\": \"0.1\"}")]
    [InlineData("")]
    [InlineData("hello")]
    public void A_text_or_empty_file_is_a_problem_not_a_crash(string text)
    {
        string path = Path.Combine(_folder.FullName, "summary.json");
        File.WriteAllText(path, text);

        var result = RunFile.Read(path);

        Assert.False(result.Succeeded);
        Assert.Equal(path, Assert.Single(result.Problems).File);
    }

    [Fact]
    public void A_missing_run_file_is_a_problem_with_a_suggestion() =>
        Assert.Contains("twin run", Assert.Single(RunFile.Read(Path.Combine(_folder.FullName, "nothing.msgpack")).Problems).Suggestion, StringComparison.Ordinal);

    [Fact]
    public void A_file_that_cannot_be_moved_into_place_is_a_problem_and_leaves_no_partial_file()
    {
        var (world, result) = Run.Value;
        // A folder where the summary and the run file should go: the writes fail at the last step, the move.
        Directory.CreateDirectory(Path.Combine(_folder.FullName, RunWriter.SummaryFile));
        Directory.CreateDirectory(Path.Combine(_folder.FullName, RunWriter.RunFileName));

        var problems = RunWriter.WriteAll(_folder.FullName, Metadata, world.Neighbourhood, world.Residents, result);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.File.EndsWith(RunWriter.SummaryFile, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File.EndsWith(RunWriter.RunFileName, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_folder.FullName, "*.partial"));
        Assert.Empty(Directory.GetFiles(_folder.FullName, "*.tmp"));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_created_is_a_problem()
    {
        var (world, result) = Run.Value;
        string blocker = Path.Combine(_folder.FullName, "a-file");
        File.WriteAllText(blocker, "not a folder");

        var problem = Assert.Single(RunWriter.WriteAll(Path.Combine(blocker, "run"), Metadata, world.Neighbourhood, world.Residents, result));

        Assert.Contains("cannot create the output folder", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(_folder.FullName).Select(Path.GetFileName));
    }

    private string WriteRunFile(RunFile run)
    {
        string path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.msgpack");
        using (var stream = File.Create(path))
        {
            run.Write(stream);
        }
        return path;
    }
}
