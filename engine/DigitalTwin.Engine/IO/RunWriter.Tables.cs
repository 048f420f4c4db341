using System.Globalization;
using System.Text;
using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.IO;

/// <summary>
/// The run folder's CSV tables, for researchers who analyse a run in R, Python or a spreadsheet:
/// one row per observation, integer ids (segment, resident and place indices as in run.msgpack), counts summed over
/// the run's days. Every column is documented in README.md; the headers are constants so tests can hold the two together.
/// </summary>
public static partial class RunWriter
{
    public const string SegmentsHourlyFile = "segments-hourly.csv";
    public const string SegmentsPeriodsFile = "segments-periods.csv";
    public const string ResidentsFile = "residents.csv";
    public const string TiesFile = "ties.csv";
    public const string PairEncountersFile = "pair-encounters.csv";

    public const string SegmentsHourlyHeader = "segment,osmWayId,hour,walk,bike,car";
    public const string SegmentsPeriodsHeader = "segment,osmWayId,period,walk,bike,car,encounters,nods,newFamiliarPairs,streetStops,frontOfHouseSeconds";
    public const string ResidentsHeader = "resident,household,homeSegment,homeSide,ageBand,familiarStrangers,noddingContacts,acquaintances";
    public const string TiesHeader = "residentA,residentB,state,homeSegmentA,homeSideA,homeSegmentB,homeSideB,encounters,nods,daysMetInLast64Days";
    public const string PairEncountersHeader = "residentA,residentB,day,startSeconds,durationSeconds,segment,place";

    /// <summary>The CSV files of a run folder with their headers, in the order they are written.</summary>
    public static IReadOnlyList<(string File, string Header)> Tables { get; } =
    [
        (SegmentsHourlyFile, SegmentsHourlyHeader),
        (SegmentsPeriodsFile, SegmentsPeriodsHeader),
        (ResidentsFile, ResidentsHeader),
        (TiesFile, TiesHeader),
        (PairEncountersFile, PairEncountersHeader),
    ];

    private static IEnumerable<InputProblem> WriteTables(string folder, Neighbourhood neighbourhood, Residents residents, RunResult result)
    {
        var problems = new List<InputProblem>();
        void Table(string file, string header, Action<TextWriter> rows) =>
            problems.AddRange(AtomicFile.Write(Path.Combine(folder, file), stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" };
                writer.WriteLine(header);
                rows(writer);
            }).Problems);
        Table(SegmentsHourlyFile, SegmentsHourlyHeader, w => SegmentsHourly(w, neighbourhood, result.Streets));
        Table(SegmentsPeriodsFile, SegmentsPeriodsHeader, w => SegmentsPeriods(w, neighbourhood, result.Streets));
        var homeSegment = HomeSegments(neighbourhood, residents);
        var homeSide = HomeSides(neighbourhood, residents);
        Table(ResidentsFile, ResidentsHeader, w => ResidentRows(w, residents, result.Residents, homeSegment, homeSide));
        Table(TiesFile, TiesHeader, w => TieRows(w, result.Ties, homeSegment, homeSide));
        Table(PairEncountersFile, PairEncountersHeader, w => PairEncounterRows(w, result.PairEncounters));
        return problems;
    }

    /// <summary>The segment of each resident's home (-1 for a resident without one).</summary>
    private static int[] HomeSegments(Neighbourhood neighbourhood, Residents residents)
    {
        var homes = neighbourhood.Homes.Segment;
        var home = residents.Home;
        var segments = new int[residents.Count];
        for (int r = 0; r < segments.Length; r++)
        {
            segments[r] = home[r] >= 0 && home[r] < homes.Length ? homes[home[r]] : -1;
        }
        return segments;
    }

    /// <summary>"left" or "right" of the home's segment (looking from its start node to its end node), empty without a home.</summary>
    private static string[] HomeSides(Neighbourhood neighbourhood, Residents residents)
    {
        var left = LateralPlacement.HomesLeftOfSegment(neighbourhood);
        var home = residents.Home;
        var sides = new string[residents.Count];
        for (int r = 0; r < sides.Length; r++)
        {
            sides[r] = home[r] >= 0 && home[r] < left.Length ? (left[home[r]] ? "left" : "right") : string.Empty;
        }
        return sides;
    }

    private static void SegmentsHourly(TextWriter w, Neighbourhood neighbourhood, StreetOutcomes streets)
    {
        var way = neighbourhood.Network.OsmWayId;
        for (int s = 0; s < streets.SegmentCount; s++)
        {
            for (int h = 0; h < StreetOutcomes.HoursPerDay; h++)
            {
                int i = (s * StreetOutcomes.HoursPerDay) + h;
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s},{way[s]},{h},{streets.WalkPassagesByHour[i]},{streets.BikePassagesByHour[i]},{streets.CarPassagesByHour[i]}"));
            }
        }
    }

    private static void SegmentsPeriods(TextWriter w, Neighbourhood neighbourhood, StreetOutcomes streets)
    {
        var way = neighbourhood.Network.OsmWayId;
        for (int s = 0; s < streets.SegmentCount; s++)
        {
            for (int p = 0; p < DayPeriods.Count; p++)
            {
                int i = StreetOutcomes.Index(s, (DayPeriod)p);
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{s},{way[s]},{DayPeriods.Name((DayPeriod)p)},{streets.WalkPassages[i]},{streets.BikePassages[i]},{streets.CarPassages[i]},{streets.Encounters[i]},{streets.Nods[i]},{streets.NewFamiliarPairs[i]},{streets.StreetStops[i]},{streets.FrontOfHouseSeconds[i]}"));
            }
        }
    }

    private static void ResidentRows(TextWriter w, Residents residents, ResidentOutcomes outcomes, int[] homeSegment, string[] homeSide)
    {
        var household = residents.Household;
        var ageBand = residents.AgeBand;
        for (int r = 0; r < residents.Count; r++)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r},{household[r]},{homeSegment[r]},{homeSide[r]},{ageBand[r]},{outcomes.FamiliarStrangers[r]},{outcomes.NoddingContacts[r]},{outcomes.Acquaintances[r]}"));
        }
    }

    /// <summary>Every tie with a state at the end of the run, once per pair (A the lower index); pairs met but not (or no longer) familiar are left out.</summary>
    private static void TieRows(TextWriter w, IReadOnlyList<Tie> ties, int[] homeSegment, string[] homeSide)
    {
        foreach (var tie in ties)
        {
            string? state = tie.State switch
            {
                TieState.FamiliarStranger => "familiarStranger",
                TieState.NoddingContact => "noddingContact",
                TieState.Acquaintance => "acquaintance",
                _ => null,
            };
            if (state is not null)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{tie.ResidentA},{tie.ResidentB},{state},{homeSegment[tie.ResidentA]},{homeSide[tie.ResidentA]},{homeSegment[tie.ResidentB]},{homeSide[tie.ResidentB]},{tie.Encounters},{tie.Nods},{tie.DaysMetInLast64Days}"));
            }
        }
    }

    private static void PairEncounterRows(TextWriter w, IReadOnlyList<PairEncounter> encounters)
    {
        foreach (var e in encounters)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.ResidentA},{e.ResidentB},{e.Day},{e.StartSeconds:0.##},{e.DurationSeconds:0.##},{e.Segment},{e.Place}"));
        }
    }
}
