using System.Globalization;
using DigitalTwin.Engine.Planning;
using MessagePack;

namespace DigitalTwin.Engine.IO;

/// <summary>
/// The run file (run.msgpack): everything needed to look at a run again without the engine, its map or its
/// scenario: which engine, scenario (content hash) and seed made it; the network geometry, places and homes for
/// drawing; per-segment and per-place outcome counts by day period; the familiarity ties; residents' traits; and a
/// replay sample of trajectories; per segment hourly counts by mode; and the encounters of a sample of repeated pairs.
/// Arrays are flat (structure of arrays). Reading a file of another format version is refused with a clear message
/// rather than misread.
/// </summary>
[MessagePackObject]
public sealed class RunFile
{
    /// <summary>
    /// Bumped whenever a field is added, changes meaning or is removed: 2 added the hourly counts, street stops,
    /// front-of-house time, home segments and the repeated pairs' encounters (keys 69-81); 3 ends the file with the
    /// SHA-256 of its MessagePack payload (<see cref="RunFileChecksum"/>).
    /// </summary>
    public const int CurrentFormatVersion = 3;

    /// <summary>The first bytes' meaning: a fixed tag so other MessagePack files are recognised as not a run.</summary>
    public const string FormatName = "DigitalTwin.RunFile";

    [Key(0)] public string Format { get; set; } = FormatName;

    [Key(1)] public int FormatVersion { get; set; } = CurrentFormatVersion;

    [Key(2)] public string EngineVersion { get; set; } = string.Empty;

    [Key(3)] public string ScenarioName { get; set; } = string.Empty;

    /// <summary>SHA-256 of the scenario files (with their <c>extends</c> chain) and the map file.</summary>
    [Key(4)] public string ScenarioHash { get; set; } = string.Empty;

    [Key(5)] public ulong Seed { get; set; }

    [Key(6)] public int Days { get; set; }

    [Key(7)] public string MapFile { get; set; } = string.Empty;

    [Key(8)] public double CentreLongitude { get; set; }

    [Key(9)] public double CentreLatitude { get; set; }

    // Network, projected metres about the centre.
    [Key(10)] public int[] SegmentGeometryStart { get; set; } = [];

    [Key(11)] public float[] GeometryX { get; set; } = [];

    [Key(12)] public float[] GeometryY { get; set; } = [];

    [Key(13)] public float[] SegmentLengthMetres { get; set; } = [];

    [Key(14)] public float[] PavementWidthMetres { get; set; } = [];

    [Key(15)] public byte[] Highway { get; set; } = [];

    [Key(16)] public string[] StreetNames { get; set; } = [];

    [Key(17)] public int[] SegmentNameIndex { get; set; } = [];

    [Key(18)] public long[] OsmWayId { get; set; } = [];

    [Key(19)] public byte[] ModesEither { get; set; } = [];

    [Key(20)] public byte[] Lighting { get; set; } = [];

    [Key(21)] public float[] CarVehiclesPerDay { get; set; } = [];

    // Places and homes.
    [Key(22)] public byte[] PlaceKind { get; set; } = [];

    [Key(23)] public float[] PlaceX { get; set; } = [];

    [Key(24)] public float[] PlaceY { get; set; } = [];

    [Key(25)] public string[] PlaceName { get; set; } = [];

    [Key(26)] public int[] PlaceCapacity { get; set; } = [];

    [Key(27)] public float[] HomeX { get; set; } = [];

    [Key(28)] public float[] HomeY { get; set; } = [];

    // Outcomes per segment and period (index segment * 4 + period: morning, afternoon, evening, night).
    [Key(29)] public long[] WalkPassages { get; set; } = [];

    [Key(30)] public long[] BikePassages { get; set; } = [];

    [Key(31)] public long[] CarPassages { get; set; } = [];

    [Key(32)] public long[] Encounters { get; set; } = [];

    [Key(33)] public long[] Nods { get; set; } = [];

    [Key(34)] public long[] NewFamiliarPairs { get; set; } = [];

    // Outcomes per place and period.
    [Key(35)] public long[] PlaceStays { get; set; } = [];

    [Key(36)] public long[] PlaceEncounters { get; set; } = [];

    [Key(37)] public long[] PlaceNods { get; set; } = [];

    [Key(38)] public long[] PlaceNewFamiliarPairs { get; set; } = [];

    // Residents' traits (by resident index) and home.
    [Key(39)] public byte[] ResidentAgeBand { get; set; } = [];

    [Key(40)] public byte[] ResidentGender { get; set; } = [];

    [Key(41)] public int[] ResidentHome { get; set; } = [];

    // Familiarity ties at the end of the run.
    [Key(42)] public int[] TieResidentA { get; set; } = [];

    [Key(43)] public int[] TieResidentB { get; set; } = [];

    [Key(44)] public byte[] TieState { get; set; } = [];

    [Key(45)] public int[] TieEncounters { get; set; } = [];

    [Key(46)] public int[] TieNods { get; set; } = [];

    // Replay sample: passages of some residents on one day.
    [Key(47)] public int ReplayDay { get; set; }

    [Key(48)] public int[] ReplayResident { get; set; } = [];

    [Key(49)] public int[] ReplaySegment { get; set; } = [];

    [Key(50)] public float[] ReplayFromOffsetMetres { get; set; } = [];

    [Key(51)] public float[] ReplayToOffsetMetres { get; set; } = [];

    [Key(52)] public float[] ReplayEntrySeconds { get; set; } = [];

    [Key(53)] public float[] ReplayExitSeconds { get; set; } = [];

    [Key(54)] public byte[] ReplayMode { get; set; } = [];

    [Key(55)] public int[] ReplayStayResident { get; set; } = [];

    [Key(56)] public int[] ReplayStayPlace { get; set; } = [];

    [Key(57)] public int[] ReplayStaySegment { get; set; } = [];

    [Key(58)] public float[] ReplayStayOffsetMetres { get; set; } = [];

    [Key(59)] public float[] ReplayStayStartSeconds { get; set; } = [];

    [Key(60)] public float[] ReplayStayEndSeconds { get; set; } = [];

    // Per segment, period and age band: index (segment * 4 + period) * 5 + band (Child, Youth, YoungAdult, MiddleAge, Older).
    [Key(61)] public long[] PassagesByAge { get; set; } = [];

    [Key(62)] public long[] EncountersByAge { get; set; } = [];

    [Key(63)] public long[] NodsByAge { get; set; } = [];

    // Encounters of the replay sample on the replay day, for flashes in the replay.
    [Key(64)] public int[] ReplayEncounterSegment { get; set; } = [];

    [Key(65)] public float[] ReplayEncounterPositionMetres { get; set; } = [];

    [Key(66)] public int[] ReplayEncounterPlace { get; set; } = [];

    [Key(67)] public float[] ReplayEncounterStartSeconds { get; set; } = [];

    [Key(68)] public float[] ReplayEncounterDurationSeconds { get; set; } = [];

    // Per segment and clock hour of entry (index segment * 24 + hour), summed over the run's days.
    [Key(69)] public int[] WalkPassagesByHour { get; set; } = [];

    [Key(70)] public int[] BikePassagesByHour { get; set; } = [];

    [Key(71)] public int[] CarPassagesByHour { get; set; } = [];

    // Per segment and period, like the counts above; 0 until street stops and life in front of the home are modelled.
    [Key(72)] public long[] StreetStops { get; set; } = [];

    [Key(73)] public long[] FrontOfHouseSeconds { get; set; } = [];

    /// <summary>The segment each home is on (by home index, as <see cref="ResidentHome"/>).</summary>
    [Key(74)] public int[] HomeSegment { get; set; } = [];

    // Every encounter of a sample of pairs that met on at least 2 days, by pair, day and start (see RepeatedPairSample).
    [Key(75)] public int[] PairEncounterResidentA { get; set; } = [];

    [Key(76)] public int[] PairEncounterResidentB { get; set; } = [];

    [Key(77)] public int[] PairEncounterDay { get; set; } = [];

    [Key(78)] public float[] PairEncounterStartSeconds { get; set; } = [];

    [Key(79)] public float[] PairEncounterDurationSeconds { get; set; } = [];

    [Key(80)] public int[] PairEncounterSegment { get; set; } = [];

    [Key(81)] public int[] PairEncounterPlace { get; set; } = [];

    // The map's background (buildings, water, green; see MapBackground): kind per area, ring starts, projected points.
    // Files written before it have none, and read as a map without background.
    [Key(82)] public byte[] BackgroundKind { get; set; } = [];

    [Key(83)] public int[] BackgroundRingStart { get; set; } = [];

    [Key(84)] public float[] BackgroundX { get; set; } = [];

    [Key(85)] public float[] BackgroundY { get; set; } = [];

    [IgnoreMember]
    public int SegmentCount => SegmentLengthMetres.Length;

    [IgnoreMember]
    public int PlaceCount => PlaceKind.Length;

    /// <summary>The MessagePack payload, then its checksum (<see cref="RunFileChecksum"/>), so a changed byte is found on reading.</summary>
    public void Write(Stream stream)
    {
        using var hashing = new RunFileChecksum.HashingStream(stream);
        MessagePackSerializer.Serialize(hashing, this);
        RunFileChecksum.WriteTrailer(stream, hashing);
    }

    /// <summary>Reads a run file; a problem (not an exception) when the file is missing, not a run, or of another version.</summary>
    public static InputResult<RunFile> Read(string path)
    {
        if (!File.Exists(path))
        {
            return InputResult<RunFile>.Failure(new InputProblem(path, string.Empty, "run file not found", "run `twin run <scenario>` first; it writes run.msgpack"));
        }
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > RunFileChecksum.LargestFileBytes)
            {
                return InputResult<RunFile>.Failure(new InputProblem(path, string.Empty,
                    string.Create(CultureInfo.InvariantCulture, $"is larger than {RunFileChecksum.LargestFileBytes >> 30} GB, more than any run file this version writes (is this the right file?)")));
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputResult<RunFile>.Failure(new InputProblem(path, string.Empty, $"cannot read the run file: {IoFailure.Cause(e)}", IoFailure.Suggestion(e)));
        }
        // The checksum first: a changed byte can still parse, and then draw wrong numbers without a word.
        var checksum = RunFileChecksum.Verify(bytes);
        if (checksum.HasTrailer && checksum.Problem is { } changed)
        {
            return Damaged(path, changed);
        }
        RunFile run;
        try
        {
            run = MessagePackSerializer.Deserialize<RunFile>(bytes.AsMemory(0, checksum.PayloadLength));
        }
        // The serializer's own words ("Failed to deserialize … value") say nothing a user can act on.
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException
            or OverflowException or ArgumentException or FormatException)
        {
            return InputResult<RunFile>.Failure(new InputProblem(path, string.Empty,
                "not a readable run file: it is damaged, cut short or not a run file", "run the scenario again to write a new one"));
        }
        if (run.Format != FormatName)
        {
            return InputResult<RunFile>.Failure(new InputProblem(path, "format", $"not a DigitalTwin run file (format '{run.Format}')"));
        }
        if (run.FormatVersion != CurrentFormatVersion)
        {
            return InputResult<RunFile>.Failure(new InputProblem(path, "formatVersion",
                $"run file format {run.FormatVersion} is not the {CurrentFormatVersion} this version reads", "run the scenario again with this version"));
        }
        if (checksum.Problem is { } missing)
        {
            return Damaged(path, missing);
        }
        if (run.Inconsistency() is { } inconsistency)
        {
            return InputResult<RunFile>.Failure(new InputProblem(path, string.Empty,
                $"a damaged run file: {inconsistency}", "run the scenario again to write a new one"));
        }
        return InputResult<RunFile>.Success(run);
    }

    private static InputResult<RunFile> Damaged(string path, string what) => InputResult<RunFile>.Failure(new InputProblem(path, string.Empty,
        $"a damaged run file: {what}", "run the scenario again to write a new one (a copied file may have been cut short or changed on the way)"));

    /// <summary>
    /// What in the file cannot be a run the engine wrote (arrays of other lengths than their counts, indices out of
    /// range, no days), or null when it is consistent: a damaged file is refused before anything draws from it.
    /// </summary>
    internal string? Inconsistency()
    {
        int segments = SegmentCount, places = PlaceCount, homes = HomeX.Length, periods = DayPeriods.Count;
        if (Days < 1)
        {
            return $"it says {Days} days were simulated";
        }
        if (SegmentGeometryStart.Length != segments + 1 || SegmentGeometryStart[0] != 0 || SegmentGeometryStart[^1] != GeometryX.Length
            || GeometryY.Length != GeometryX.Length)
        {
            return "its street geometry does not match its segments";
        }
        for (int s = 0; s < segments; s++)
        {
            if (SegmentGeometryStart[s + 1] < SegmentGeometryStart[s] + 2)
            {
                return $"segment {s} has no line to draw";
            }
        }
        (string Name, int Length, int Expected)[] lengths =
        [
            ("pavement widths", PavementWidthMetres.Length, segments), ("highway types", Highway.Length, segments),
            ("street name indices", SegmentNameIndex.Length, segments), ("OSM way ids", OsmWayId.Length, segments),
            ("modes", ModesEither.Length, segments), ("lighting", Lighting.Length, segments), ("traffic", CarVehiclesPerDay.Length, segments),
            ("walk passages", WalkPassages.Length, segments * periods), ("bike passages", BikePassages.Length, segments * periods),
            ("car passages", CarPassages.Length, segments * periods), ("encounters", Encounters.Length, segments * periods),
            ("nods", Nods.Length, segments * periods), ("new familiar pairs", NewFamiliarPairs.Length, segments * periods),
            ("place positions", PlaceX.Length, places), ("place positions", PlaceY.Length, places), ("place names", PlaceName.Length, places),
            ("place capacities", PlaceCapacity.Length, places), ("place stays", PlaceStays.Length, places * periods),
            ("place encounters", PlaceEncounters.Length, places * periods), ("place nods", PlaceNods.Length, places * periods),
            ("home positions", HomeY.Length, homes), ("home segments", HomeSegment.Length, homes), ("residents' genders", ResidentGender.Length, ResidentAgeBand.Length),
            ("residents' homes", ResidentHome.Length, ResidentAgeBand.Length),
            ("ties", TieResidentB.Length, TieResidentA.Length), ("tie states", TieState.Length, TieResidentA.Length),
            ("replay segments", ReplaySegment.Length, ReplayResident.Length), ("replay times", ReplayEntrySeconds.Length, ReplayResident.Length),
            ("replay times", ReplayExitSeconds.Length, ReplayResident.Length), ("replay offsets", ReplayFromOffsetMetres.Length, ReplayResident.Length),
            ("replay offsets", ReplayToOffsetMetres.Length, ReplayResident.Length),
            ("replay stays", ReplayStayPlace.Length, ReplayStayResident.Length), ("replay stays", ReplayStaySegment.Length, ReplayStayResident.Length),
        ];
        // An array may be absent (empty): readers treat a missing column as not recorded, as files written by tools do.
        foreach (var (name, length, expected) in lengths)
        {
            if (length != expected && length != 0)
            {
                return $"it holds {length} {name} where its counts call for {expected}";
            }
        }
        if (!(CentreLongitude is >= -180 and <= 180) || !(CentreLatitude is >= -90 and <= 90))
        {
            return string.Create(CultureInfo.InvariantCulture, $"its centre ({CentreLongitude}, {CentreLatitude}) is not a longitude and latitude");
        }
        // Projected metres about the centre: a neighbourhood or a city spans kilometres, not thousands of them.
        const float FarthestMetres = 1e6f;
        foreach (var (name, values) in new (string, float[])[]
            { ("street geometry", GeometryX), ("street geometry", GeometryY), ("place positions", PlaceX), ("place positions", PlaceY), ("home positions", HomeX), ("home positions", HomeY), ("street lengths", SegmentLengthMetres) })
        {
            if (!Array.TrueForAll(values, v => float.IsFinite(v) && Math.Abs(v) <= FarthestMetres))
            {
                return $"its {name} hold a value that is not a number or lies more than 1,000 km away";
            }
        }
        foreach (var (name, counts) in new (string, long[])[]
            { ("walk passages", WalkPassages), ("bike passages", BikePassages), ("car passages", CarPassages), ("encounters", Encounters), ("nods", Nods),
              ("new familiar pairs", NewFamiliarPairs), ("place stays", PlaceStays), ("place encounters", PlaceEncounters), ("place nods", PlaceNods) })
        {
            if (!Array.TrueForAll(counts, c => c >= 0))
            {
                return $"it counts fewer than no {name}";
            }
        }
        if (!AllWithin(SegmentNameIndex, -1, StreetNames.Length) || !AllWithin(ResidentHome, -1, homes)
            || !AllWithin(TieResidentA, 0, ResidentAgeBand.Length) || !AllWithin(TieResidentB, 0, ResidentAgeBand.Length)
            || !AllWithin(ReplaySegment, 0, segments) || !AllWithin(ReplayStaySegment, -1, segments) || !AllWithin(ReplayStayPlace, -1, places)
            || !AllWithin(HomeSegment, 0, segments))
        {
            return "an index points past what the file holds";
        }
        return null;
    }

    private static bool AllWithin(int[] values, int lowest, int end) => Array.TrueForAll(values, v => v >= lowest && v < end);
}
