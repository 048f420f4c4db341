using System.Globalization;
using System.Text.Json;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.IO;

/// <summary>What a run's files say about where it came from. Wall time and threads are measured by the caller.</summary>
public sealed record RunMetadata(
    string ScenarioName,
    string ScenarioFile,
    string ScenarioHash,
    string MapFile,
    ulong Seed,
    int Days,
    int Threads,
    double WallTimeSeconds)
{
    /// <summary>The CBS degree of urbanisation of the scenario's population profile, 1–5 (null: none given), which picks the travel survey's figures the run is set beside.</summary>
    public int? UrbanisationClass { get; init; }
}

/// <summary>
/// Writes a run's output folder: summary.json (outcomes overall and by group, each figure with its definition),
/// edges.geojson and places.geojson (per-metre and per-place rates for QGIS), run.msgpack (the self-describing run
/// file for the viewer) and the CSV tables for researchers (RunWriter.Tables.cs). Every file is written atomically.
/// </summary>
public static partial class RunWriter
{
    public const string SummaryFile = "summary.json";
    public const string EdgesFile = "edges.geojson";
    public const string PlacesFile = "places.geojson";
    public const string RunFileName = "run.msgpack";

    public static IReadOnlyList<InputProblem> WriteAll(string folder, RunMetadata metadata, Neighbourhood neighbourhood, Residents residents, RunResult result)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new InputProblem(folder, string.Empty, $"cannot create the output folder: {e.Message}")];
        }
        var problems = new List<InputProblem>();
        var summary = OutcomeSummary.From(result.Residents, residents, result.Totals.Days);
        problems.AddRange(AtomicFile.Write(Path.Combine(folder, SummaryFile), s => WriteSummary(s, metadata, residents, result, summary)).Problems);
        problems.AddRange(GeoJsonExporter.WriteSegments(neighbourhood.Network, Path.Combine(folder, EdgesFile), SegmentColumns(neighbourhood, result)).Problems);
        problems.AddRange(GeoJsonExporter.WritePlaces(neighbourhood.Places, neighbourhood.Network.GeoReference, Path.Combine(folder, PlacesFile), PlaceColumns(result)).Problems);
        var run = ToRunFile(metadata, neighbourhood, residents, result);
        problems.AddRange(AtomicFile.Write(Path.Combine(folder, RunFileName), run.Write).Problems);
        problems.AddRange(WriteTables(folder, neighbourhood, residents, result));
        return problems;
    }

    /// <summary>Per segment: rates per metre of street per day, overall and by day period.</summary>
    public static Dictionary<string, ReadOnlyMemory<double>> SegmentColumns(Neighbourhood neighbourhood, RunResult result)
    {
        var network = neighbourhood.Network;
        var streets = result.Streets;
        int days = Math.Max(1, result.Totals.Days);
        var columns = new Dictionary<string, ReadOnlyMemory<double>>(StringComparer.Ordinal);
        void Rate(string name, long[] counts, bool perMetre)
        {
            var all = new double[network.SegmentCount];
            var byPeriod = new double[DayPeriods.Count][];
            for (int p = 0; p < DayPeriods.Count; p++)
            {
                byPeriod[p] = new double[network.SegmentCount];
            }
            for (int s = 0; s < network.SegmentCount; s++)
            {
                double divisor = days * (perMetre ? Math.Max(1.0, network.LengthMetres[s]) : 1.0);
                for (int p = 0; p < DayPeriods.Count; p++)
                {
                    double value = counts[(s * DayPeriods.Count) + p] / divisor;
                    byPeriod[p][s] = Round(value);
                    all[s] += value;
                }
                all[s] = Round(all[s]);
            }
            columns[name] = all;
            for (int p = 0; p < DayPeriods.Count; p++)
            {
                columns[$"{name}_{DayPeriods.Name((DayPeriod)p)}"] = byPeriod[p];
            }
        }
        var walkAndBike = new long[streets.WalkPassages.Length];
        for (int i = 0; i < walkAndBike.Length; i++)
        {
            walkAndBike[i] = streets.WalkPassages[i] + streets.BikePassages[i];
        }
        Rate("passages_per_day", walkAndBike, perMetre: false);
        Rate("encounters_per_m_day", streets.Encounters, perMetre: true);
        Rate("nods_per_m_day", streets.Nods, perMetre: true);
        Rate("new_familiar_per_m_day", streets.NewFamiliarPairs, perMetre: true);
        var cars = new double[network.SegmentCount];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            cars[s] = Round(StreetOutcomes.Total(streets.CarPassages, s) / (double)days);
        }
        columns["simulated_cars_per_day"] = cars;
        return columns;
    }

    /// <summary>Per place: stays, encounters and nods per day.</summary>
    public static Dictionary<string, ReadOnlyMemory<double>> PlaceColumns(RunResult result)
    {
        var places = result.Places;
        int days = Math.Max(1, result.Totals.Days);
        double[] PerDay(long[] counts)
        {
            var values = new double[places.PlaceCount];
            for (int p = 0; p < places.PlaceCount; p++)
            {
                values[p] = Round(StreetOutcomes.Total(counts, p) / (double)days);
            }
            return values;
        }
        return new Dictionary<string, ReadOnlyMemory<double>>(StringComparer.Ordinal)
        {
            ["stays_per_day"] = PerDay(places.Stays),
            ["encounters_per_day"] = PerDay(places.Encounters),
            ["nods_per_day"] = PerDay(places.Nods),
            ["new_familiar_per_day"] = PerDay(places.NewFamiliarPairs),
        };
    }

    /// <summary>Six significant digits: enough for any map, and free of float noise in the files.</summary>
    private static double Round(double value) => value == 0 ? 0 : double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void WriteSummary(Stream stream, RunMetadata metadata, Residents residents, RunResult result, OutcomeSummary summary)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("engineVersion", EngineInfo.Version);
        json.WriteStartObject("scenario");
        json.WriteString("name", metadata.ScenarioName);
        json.WriteString("file", metadata.ScenarioFile);
        json.WriteString("contentHash", metadata.ScenarioHash);
        json.WriteString("map", metadata.MapFile);
        json.WriteEndObject();
        json.WriteNumber("seed", metadata.Seed);
        json.WriteNumber("days", metadata.Days);
        json.WriteNumber("residents", residents.Count);
        json.WriteNumber("households", residents.HouseholdCount);
        json.WriteNumber("threads", metadata.Threads);
        json.WriteNumber("wallTimeSeconds", Math.Round(metadata.WallTimeSeconds, 3));
        var t = result.Totals;
        json.WriteStartObject("totals");
        json.WriteNumber("trips", t.Trips);
        json.WriteNumber("tripsByWalk", t.TripsByWalk);
        json.WriteNumber("tripsByBike", t.TripsByBike);
        json.WriteNumber("tripsByCar", t.TripsByCar);
        json.WriteNumber("tripsByTransit", t.TripsByTransit);
        json.WriteNumber("unroutableTrips", t.UnroutableTrips);
        json.WriteNumber("walkedKilometres", Round(t.WalkedKilometres));
        json.WriteNumber("passages", t.Passages);
        json.WriteNumber("carPassages", t.CarPassages);
        json.WriteNumber("stays", t.Stays);
        json.WriteNumber("encounters", t.Encounters);
        json.WriteNumber("sameHouseholdEncountersLeftOut", t.SameHouseholdEncounters);
        json.WriteNumber("nods", t.Nods);
        json.WriteNumber("pairsThatMet", t.Pairs);
        json.WriteEndObject();
        WriteTravel(json, TravelVolumes.Of(t), t.SurveyedTrips, TravelVolumes.ForAreaType(metadata.UrbanisationClass),
            TravelByMotive.PerPersonPerDay(t), TravelByMotive.SurveyFor(metadata.UrbanisationClass));
        json.WriteStartObject("outcomes");
        WriteMeasures(json, summary.Overall);
        json.WriteStartObject("byGroup");
        foreach (var breakdown in summary.ByGroup)
        {
            json.WriteStartObject(breakdown.Trait);
            foreach (var (group, measures) in breakdown.Groups)
            {
                json.WriteStartObject(group);
                WriteMeasures(json, measures);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("definitions");
        foreach (var (key, definition) in SummaryDefinitions)
        {
            json.WriteString(key, definition);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// What each figure of summary.json means, by its dotted path (a figure under <c>outcomes.byGroup.TRAIT.GROUP</c> is
    /// defined by <c>outcomes.NAME</c>), written as the summary's <c>definitions</c> object so the file explains itself.
    /// </summary>
    public static IReadOnlyList<(string Key, string Definition)> SummaryDefinitions { get; } =
    [
        ("seed", "The master random seed: the same scenario, seed and days give the same figures on any number of threads."),
        ("days", "Simulated days; every total and per-day figure below covers all of them."),
        ("residents", "Synthetic residents simulated."),
        ("households", "Households the residents live in."),
        ("threads", "Worker threads the run used (never changes a result)."),
        ("wallTimeSeconds", "Wall-clock seconds the simulation took on the machine that ran it (not reproducible; the only such figure)."),
        ("totals.trips", "Trips started by all residents over all simulated days (trips with no route for their mode included, a stay without moving not), by any mode."),
        ("totals.tripsByWalk", "Trips on foot over all simulated days (routed trips only)."),
        ("totals.tripsByBike", "Trips by bike over all simulated days (routed trips only)."),
        ("totals.tripsByCar", "Trips by car over all simulated days (routed trips only)."),
        ("totals.tripsByTransit", "Walks to or from a transit stop on a public-transport tour over all simulated days (also in tripsByWalk; a travel survey counts each as a trip by public transport)."),
        ("travel.tripsPerPersonPerDay", "Trips per resident aged 6 or over per day, as the Dutch travel survey ODiN counts them (its population)."),
        ("travel.walkShare", "Share of trips on foot, walks to a transit stop left out (they count as transit)."),
        ("travel.bikeShare", "Share of trips by bike."),
        ("travel.carShare", "Share of trips by car (driver or passenger)."),
        ("travel.transitShare", "Share of trips by public transport (each walk to or from a stop on a transit tour)."),
        ("travel.walkedKilometresPerPersonPerDay", "Kilometres walked per resident (all ages) per day: route lengths of walking trips inside the map."),
        .. new[] { ("odin2019Mrdh", "2019"), ("odin2022Mrdh", "2022") }.SelectMany(year => new[] { "tripsPerPersonPerDay", "walkShare", "bikeShare", "carShare", "transitShare" }.Select(name =>
            ($"travel.survey.{year.Item1}.{name}",
                $"The run's travel.{name} as CBS ODiN {year.Item2} reports it for residents aged 6+ of the Metropoolregio Rotterdam Den Haag, all days (shares leave out mopeds and other modes, which are not modelled)."))),
        .. new[] { ("all", "trips"), ("commute", "trips to or from work, school or study") }.SelectMany(group => TravelByDistance.ClassKeys.SelectMany((key, c) =>
            new[] { ("trips", "Trips"), ("walkShare", "Share on foot (walks to a transit stop count as transit) of the trips"), ("bikeShare", "Share by bike of the trips"), ("carShare", "Share by car of the trips"), ("transitShare", "Share by public transport of the trips") }.Select(figure =>
                ($"travel.byDistance.{group.Item1}.{key}.{figure.Item1}",
                    $"{figure.Item2} of residents aged 6+ over all simulated days that were {group.Item2} {TravelByDistance.ClassNames[c]} long, counted as a travel survey does (a round walk once; a trip to or from beyond the map at the distance its mode was chosen for).")))),
        .. TravelByDistance.Survey.SelectMany(split => new[] { "walkShare", "bikeShare", "carShare", "transitShare" }.Select(name =>
            ($"travel.byDistance.survey.{split.Key}.{name}", $"The run's travel.byDistance.{(split.Commute ? "commute" : "all")}.{split.ClassKey}.{name} as published: {split.Source}."))),
        .. TravelByMotive.Keys.Select((key, m) => ($"travel.byMotive.{key}",
            $"Trips per resident aged 6+ per day for {TravelByMotive.Names[m]}, as the Dutch travel survey ODiN sorts them by motive (a trip home counts under the activity it comes from; a round walk once)." )),
        .. new[] { "odin2019", "odin2023" }.SelectMany(year => TravelByMotive.Keys.Select(key => ($"travel.survey.areaType.{year}.byMotive.{key}",
            $"The run's travel.byMotive.{key} as CBS ODiN {year[4..]} reports it for residents aged 6+ of the area type (CBS StatLine 84710; given for extremely urbanised areas and the whole country only; work includes business trips)."))),
        ("travel.survey.areaType.residentsOf", "Whose travel the survey figures under travel.survey.areaType describe: residents of areas of the scenario's CBS degree of urbanisation (ste_mvs of its population profile), or of the whole country where the scenario gives none."),
        .. new[] { ("odin2019", "2019"), ("odin2023", "2023") }.SelectMany(year => new[] { "tripsPerPersonPerDay", "walkShare", "bikeShare", "carShare", "transitShare", "walkedKilometresPerPersonPerDay" }.Select(name =>
            ($"travel.survey.areaType.{year.Item1}.{name}",
                $"The run's travel.{name} as CBS ODiN {year.Item2} reports it for residents aged 6+ of the area type named in travel.survey.areaType.residentsOf (CBS StatLine 84710, all days; shares leave out mopeds and other modes; walked kilometres count the walking stages of every trip, walks to stops included)."))),
        ("travel.survey.odin2022NationalWalkedKilometresPerPersonPerDay", "Kilometres walked per person aged 6+ per day in the Netherlands, CBS ODiN 2022: 0.585 walking trips a day (table 4.1) of 2.07 km on average (table 5.1); the regional table has no distances."),
        ("totals.unroutableTrips", "Trips left out over all simulated days because their mode had no route to the destination."),
        ("totals.walkedKilometres", "Kilometres walked by all residents over all simulated days (the route lengths of walking trips)."),
        ("totals.passages", "Walk and bike passages over all simulated days: one per trip and street segment it runs along (car passages are counted apart)."),
        ("totals.carPassages", "Car passages over all simulated days: one per car trip and street segment it runs along."),
        ("totals.stays", "Stays in public over all simulated days: at a place (a cafe, park, bench, shop) or on the pavement at a destination; time at work, in class or in a home is not one."),
        ("totals.encounters", "Encounters over all simulated days: episodes in which two residents were within social distance (on a segment, across a junction or at a place), members of one household left out."),
        ("totals.sameHouseholdEncountersLeftOut", "Encounters between members of one household over all simulated days, found and left out of every other figure."),
        ("totals.nods", "Encounters over all simulated days in which the two nodded or greeted."),
        ("totals.pairsThatMet", "Distinct pairs of residents with at least one encounter over all simulated days (pairs since forgotten included)."),
        ("outcomes.residents", "Residents the measures beside it average over: everyone under outcomes, the group's members under outcomes.byGroup."),
        .. OutcomeMeasures.Definitions.Select(d => ($"outcomes.{d.Name}", d.Definition)),
        ("outcomes.byGroup", "The same measures as under outcomes, for the residents of each group of a trait (age band, gender, income, health, background, tenure)."),
    ];

    /// <summary>The run's travel beside the Dutch travel survey (<see cref="TravelVolumes"/>).</summary>
    private static void WriteTravel(Utf8JsonWriter json, TravelVolumes run, IReadOnlyList<long> surveyedTrips, AreaTypeSurvey areaType,
        IReadOnlyList<double> byMotive, (IReadOnlyList<double> Odin2019, IReadOnlyList<double> Odin2023)? motiveSurvey)
    {
        json.WriteStartObject("travel");
        WriteVolumes(json, run);
        json.WriteStartObject("byDistance");
        foreach (var (key, commute) in new[] { ("all", false), ("commute", true) })
        {
            json.WriteStartObject(key);
            var shares = TravelByDistance.Shares(surveyedTrips, commute);
            for (int c = 0; c < shares.Count; c++)
            {
                json.WriteStartObject(TravelByDistance.ClassKeys[c]);
                json.WriteNumber("trips", shares[c].Trips);
                if (shares[c].Trips > 0)
                {
                    WriteModeShares(json, shares[c].Walk, shares[c].Bike, shares[c].Car, shares[c].Transit);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteStartObject("survey");
        foreach (var split in TravelByDistance.Survey)
        {
            json.WriteStartObject(split.Key);
            WriteModeShares(json, split.Walk, split.Bike, split.Car, split.Transit);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        WriteMotives(json, byMotive);
        json.WriteStartObject("survey");
        foreach (var (year, survey) in new[] { ("odin2019Mrdh", TravelVolumes.Odin2019Mrdh), ("odin2022Mrdh", TravelVolumes.Odin2022Mrdh) })
        {
            json.WriteStartObject(year);
            WriteVolumes(json, survey);
            json.WriteEndObject();
        }
        json.WriteNumber("odin2022NationalWalkedKilometresPerPersonPerDay", Math.Round(TravelVolumes.Odin2022NationalWalkedKilometresPerPersonPerDay, 3));
        json.WriteStartObject("areaType");
        json.WriteString("residentsOf", areaType.Residents);
        foreach (var (year, survey, motives) in new[] { ("odin2019", areaType.Odin2019, motiveSurvey?.Odin2019), ("odin2023", areaType.Odin2023, motiveSurvey?.Odin2023) })
        {
            json.WriteStartObject(year);
            WriteVolumes(json, survey);
            if (motives is not null)
            {
                WriteMotives(json, motives);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMotives(Utf8JsonWriter json, IReadOnlyList<double> tripsPerPersonPerDay)
    {
        json.WriteStartObject("byMotive");
        for (int m = 0; m < TravelByMotive.Count; m++)
        {
            json.WriteNumber(TravelByMotive.Keys[m], Math.Round(tripsPerPersonPerDay[m], 3));
        }
        json.WriteEndObject();
    }

    /// <summary>The shares a source gives (NaN: not given).</summary>
    private static void WriteModeShares(Utf8JsonWriter json, double walk, double bike, double car, double transit)
    {
        foreach (var (name, share) in new[] { ("walkShare", walk), ("bikeShare", bike), ("carShare", car), ("transitShare", transit) })
        {
            if (!double.IsNaN(share))
            {
                json.WriteNumber(name, Math.Round(share, 4));
            }
        }
    }

    private static void WriteVolumes(Utf8JsonWriter json, TravelVolumes v)
    {
        json.WriteNumber("tripsPerPersonPerDay", Math.Round(v.TripsPerPersonPerDay, 3));
        json.WriteNumber("walkShare", Math.Round(v.WalkShare, 4));
        json.WriteNumber("bikeShare", Math.Round(v.BikeShare, 4));
        json.WriteNumber("carShare", Math.Round(v.CarShare, 4));
        json.WriteNumber("transitShare", Math.Round(v.TransitShare, 4));
        if (!double.IsNaN(v.WalkedKilometresPerPersonPerDay))
        {
            json.WriteNumber("walkedKilometresPerPersonPerDay", Math.Round(v.WalkedKilometresPerPersonPerDay, 3));
        }
    }

    private static void WriteMeasures(Utf8JsonWriter json, OutcomeMeasures measures)
    {
        json.WriteNumber("residents", measures.Residents);
        foreach (var (name, value) in measures.Values())
        {
            json.WriteNumber(name, Round(value));
        }
    }

    /// <summary>
    /// The run file of a run, in memory (what <see cref="WriteAll"/> writes as run.msgpack): for the viewer, which
    /// re-runs edited scenarios in the background and shows them without a detour through files.
    /// </summary>
    public static RunFile ToRunFile(RunMetadata metadata, Neighbourhood neighbourhood, Residents residents, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(result);
        var run = ToMapFile(metadata, neighbourhood);
        var ties = result.Ties;
        var replay = result.Replay;
        var stays = result.ReplayStays;
        run.WalkPassages = result.Streets.WalkPassages;
        run.BikePassages = result.Streets.BikePassages;
        run.CarPassages = result.Streets.CarPassages;
        run.Encounters = result.Streets.Encounters;
        run.Nods = result.Streets.Nods;
        run.NewFamiliarPairs = result.Streets.NewFamiliarPairs;
        run.PassagesByAge = result.Streets.PassagesByAge;
        run.EncountersByAge = result.Streets.EncountersByAge;
        run.NodsByAge = result.Streets.NodsByAge;
        run.WalkPassagesByHour = result.Streets.WalkPassagesByHour;
        run.BikePassagesByHour = result.Streets.BikePassagesByHour;
        run.CarPassagesByHour = result.Streets.CarPassagesByHour;
        run.StreetStops = result.Streets.StreetStops;
        run.FrontOfHouseSeconds = result.Streets.FrontOfHouseSeconds;
        run.PlaceStays = result.Places.Stays;
        run.PlaceEncounters = result.Places.Encounters;
        run.PlaceNods = result.Places.Nods;
        run.PlaceNewFamiliarPairs = result.Places.NewFamiliarPairs;
        run.ResidentAgeBand = [.. residents.AgeBand.ToArray().Select(a => (byte)a)];
        run.ResidentGender = [.. residents.Gender.ToArray().Select(g => (byte)g)];
        run.ResidentHome = residents.Home.ToArray();
        run.TieResidentA = [.. ties.Select(t => t.ResidentA)];
        run.TieResidentB = [.. ties.Select(t => t.ResidentB)];
        run.TieState = [.. ties.Select(t => (byte)t.State)];
        run.TieEncounters = [.. ties.Select(t => t.Encounters)];
        run.TieNods = [.. ties.Select(t => t.Nods)];
        run.ReplayDay = result.ReplayDay;
        run.ReplayResident = [.. replay.Select(p => p.Resident)];
        run.ReplaySegment = [.. replay.Select(p => p.Segment)];
        run.ReplayFromOffsetMetres = [.. replay.Select(p => p.FromOffsetMetres)];
        run.ReplayToOffsetMetres = [.. replay.Select(p => p.ToOffsetMetres)];
        run.ReplayEntrySeconds = [.. replay.Select(p => p.EntrySeconds)];
        run.ReplayExitSeconds = [.. replay.Select(p => p.ExitSeconds)];
        run.ReplayMode = [.. replay.Select(p => p.Mode)];
        run.ReplayStayResident = [.. stays.Select(s => s.Resident)];
        run.ReplayStayPlace = [.. stays.Select(s => s.Place)];
        run.ReplayStaySegment = [.. stays.Select(s => s.Segment)];
        run.ReplayStayOffsetMetres = [.. stays.Select(s => s.OffsetMetres)];
        run.ReplayStayStartSeconds = [.. stays.Select(s => (float)s.StartTimeSeconds)];
        run.ReplayStayEndSeconds = [.. stays.Select(s => (float)s.EndTimeSeconds)];
        var met = result.ReplayEncounters;
        run.ReplayEncounterSegment = [.. met.Select(e => e.Segment)];
        run.ReplayEncounterPositionMetres = [.. met.Select(e => e.PositionMetres)];
        run.ReplayEncounterPlace = [.. met.Select(e => e.Place)];
        run.ReplayEncounterStartSeconds = [.. met.Select(e => e.StartSeconds)];
        run.ReplayEncounterDurationSeconds = [.. met.Select(e => e.DurationSeconds)];
        var pairs = result.PairEncounters;
        run.PairEncounterResidentA = [.. pairs.Select(e => e.ResidentA)];
        run.PairEncounterResidentB = [.. pairs.Select(e => e.ResidentB)];
        run.PairEncounterDay = [.. pairs.Select(e => e.Day)];
        run.PairEncounterStartSeconds = [.. pairs.Select(e => e.StartSeconds)];
        run.PairEncounterDurationSeconds = [.. pairs.Select(e => e.DurationSeconds)];
        run.PairEncounterSegment = [.. pairs.Select(e => e.Segment)];
        run.PairEncounterPlace = [.. pairs.Select(e => e.Place)];
        return run;
    }

    /// <summary>
    /// A run file of the map alone: streets, places and homes, with every count zero and no residents. The viewer
    /// draws it while the first run is still being simulated.
    /// </summary>
    public static RunFile ToMapFile(RunMetadata metadata, Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var network = neighbourhood.Network;
        var geometryStart = new int[network.SegmentCount + 1];
        var xs = new List<float>();
        var ys = new List<float>();
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var (x, y) = network.Geometry(new Network.SegmentId(s));
            for (int i = 0; i < x.Length; i++)
            {
                xs.Add((float)x.Span[i]);
                ys.Add((float)y.Span[i]);
            }
            geometryStart[s + 1] = xs.Count;
        }
        var places = neighbourhood.Places;
        var homes = neighbourhood.Homes;
        int segmentCounts = network.SegmentCount * DayPeriods.Count;
        int placeCounts = places.Count * DayPeriods.Count;
        return new RunFile
        {
            EngineVersion = EngineInfo.Version,
            ScenarioName = metadata.ScenarioName,
            ScenarioHash = metadata.ScenarioHash,
            Seed = metadata.Seed,
            Days = metadata.Days,
            MapFile = metadata.MapFile,
            CentreLongitude = network.GeoReference.CentreLongitude,
            CentreLatitude = network.GeoReference.CentreLatitude,
            SegmentGeometryStart = geometryStart,
            GeometryX = [.. xs],
            GeometryY = [.. ys],
            SegmentLengthMetres = network.LengthMetres.ToArray(),
            PavementWidthMetres = network.PavementWidthMetres.ToArray(),
            Highway = [.. network.Highway.ToArray().Select(h => (byte)h)],
            StreetNames = network.Names.ToArray(),
            SegmentNameIndex = network.NameIndex.ToArray(),
            OsmWayId = network.OsmWayId.ToArray(),
            ModesEither = [.. Enumerable.Range(0, network.SegmentCount).Select(s => (byte)network.ModesEither(new Network.SegmentId(s)))],
            Lighting = [.. network.Lighting.ToArray().Select(l => (byte)l)],
            CarVehiclesPerDay = network.CarVehiclesPerDay.ToArray(),
            PlaceKind = [.. places.Kind.ToArray().Select(k => (byte)k)],
            PlaceX = [.. places.Records.Select(p => (float)p.X)],
            PlaceY = [.. places.Records.Select(p => (float)p.Y)],
            PlaceName = [.. places.Records.Select(p => p.Name ?? string.Empty)],
            PlaceCapacity = places.Capacity.ToArray(),
            HomeX = [.. homes.Records.Select(h => (float)h.X)],
            HomeY = [.. homes.Records.Select(h => (float)h.Y)],
            HomeSegment = homes.Segment.ToArray(),
            BackgroundKind = [.. neighbourhood.Background.Kind.Select(k => (byte)k)],
            BackgroundRingStart = [.. neighbourhood.Background.RingStart],
            BackgroundX = [.. neighbourhood.Background.X],
            BackgroundY = [.. neighbourhood.Background.Y],
            WalkPassages = new long[segmentCounts],
            BikePassages = new long[segmentCounts],
            CarPassages = new long[segmentCounts],
            Encounters = new long[segmentCounts],
            Nods = new long[segmentCounts],
            NewFamiliarPairs = new long[segmentCounts],
            PassagesByAge = new long[segmentCounts * Outcomes.StreetOutcomes.AgeBands],
            EncountersByAge = new long[segmentCounts * Outcomes.StreetOutcomes.AgeBands],
            NodsByAge = new long[segmentCounts * Outcomes.StreetOutcomes.AgeBands],
            WalkPassagesByHour = new int[network.SegmentCount * Outcomes.StreetOutcomes.HoursPerDay],
            BikePassagesByHour = new int[network.SegmentCount * Outcomes.StreetOutcomes.HoursPerDay],
            CarPassagesByHour = new int[network.SegmentCount * Outcomes.StreetOutcomes.HoursPerDay],
            StreetStops = new long[segmentCounts],
            FrontOfHouseSeconds = new long[segmentCounts],
            PlaceStays = new long[placeCounts],
            PlaceEncounters = new long[placeCounts],
            PlaceNods = new long[placeCounts],
            PlaceNewFamiliarPairs = new long[placeCounts],
        };
    }
}
