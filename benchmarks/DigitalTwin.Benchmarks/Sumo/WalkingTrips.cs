using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Benchmarks.Sumo;

/// <summary>
/// One walking trip as SUMO can take it: a resident's chain of walk passages, each entering where the last left
/// (same time, through the shared node), from a departure offset on the first segment to an arrival offset on the
/// last. <see cref="Passages"/> index into the day's <see cref="TrajectoryBuffer"/>.
/// </summary>
public sealed record WalkingTrip(int Resident, int Index, int[] Passages, double DepartSeconds, double ArriveSeconds, float DepartPosMetres, float ArrivalPosMetres, double DistanceMetres)
{
    public string SumoId => $"p{Resident}_{Index}";

    public double SpeedMetresPerSecond => DistanceMetres / (ArriveSeconds - DepartSeconds);
}

/// <summary>Cuts a day's walk passages into <see cref="WalkingTrip"/>s.</summary>
public static class WalkingTrips
{
    /// <summary>Offsets closer than this to a segment end are at the node (float positions on segments up to km).</summary>
    private const double AtNodeMetres = 0.01;

    /// <summary>Trips shorter than this are left out: SUMO cannot walk a zero-length stage.</summary>
    public const double MinimumDistanceMetres = 1.0;

    public static List<WalkingTrip> From(TrajectoryBuffer day, StreetNetwork network)
    {
        var order = Enumerable.Range(0, day.PassageCount)
            .OrderBy(i => day.PassageResident[i]).ThenBy(i => day.PassageEntryTimeSeconds[i]).ToArray();
        var trips = new List<WalkingTrip>();
        var current = new List<int>();
        int lastResident = -1, tripIndex = 0;
        foreach (int i in order)
        {
            var p = day.GetPassage(i);
            if (p.Mode != TravelModes.Walk || !(p.ExitTimeSeconds > p.EntryTimeSeconds))
            {
                continue; // zero-duration stubs move nobody; other modes are not in the comparison
            }
            if (p.Resident != lastResident)
            {
                Close(day, network, current, trips, ref tripIndex);
                tripIndex = 0;
                lastResident = p.Resident;
            }
            else if (current.Count > 0 && !Continues(day.GetPassage(current[^1]), p, network))
            {
                Close(day, network, current, trips, ref tripIndex);
            }
            current.Add(i);
        }
        Close(day, network, current, trips, ref tripIndex);
        trips.Sort((a, b) => a.DepartSeconds != b.DepartSeconds ? a.DepartSeconds.CompareTo(b.DepartSeconds) : a.SumoId.CompareTo(b.SumoId));
        return trips;
    }

    /// <summary>True when <paramref name="next"/> goes on from <paramref name="previous"/> through a node, at once.</summary>
    private static bool Continues(in Passage previous, in Passage next, StreetNetwork network)
    {
        if (next.Segment == previous.Segment || Math.Abs(next.EntryTimeSeconds - previous.ExitTimeSeconds) > 1e-6)
        {
            return false;
        }
        double length = network.LengthMetres[previous.Segment];
        double exit = previous.ExitOffsetMetres;
        int exitNode;
        if (previous.Direction > 0 && exit >= length - AtNodeMetres)
        {
            exitNode = network.SegmentTo[previous.Segment];
        }
        else if (previous.Direction < 0 && exit <= AtNodeMetres)
        {
            exitNode = network.SegmentFrom[previous.Segment];
        }
        else
        {
            return false;
        }
        double nextLength = network.LengthMetres[next.Segment];
        if (next.Direction > 0)
        {
            return next.EntryOffsetMetres <= AtNodeMetres && network.SegmentFrom[next.Segment] == exitNode;
        }
        return next.EntryOffsetMetres >= nextLength - AtNodeMetres && network.SegmentTo[next.Segment] == exitNode;
    }

    private static void Close(TrajectoryBuffer day, StreetNetwork network, List<int> current, List<WalkingTrip> trips, ref int tripIndex)
    {
        if (current.Count == 0)
        {
            return;
        }
        var first = day.GetPassage(current[0]);
        var last = day.GetPassage(current[^1]);
        double distance = 0;
        foreach (int i in current)
        {
            var p = day.GetPassage(i);
            distance += Math.Abs(p.ExitOffsetMetres - p.EntryOffsetMetres);
        }
        if (distance >= MinimumDistanceMetres)
        {
            float departPos = Math.Clamp(first.EntryOffsetMetres, 0, network.LengthMetres[first.Segment]);
            float arrivalPos = (float)Math.Clamp(last.ExitOffsetMetres, 0, network.LengthMetres[last.Segment]);
            trips.Add(new WalkingTrip(first.Resident, tripIndex++, [.. current], first.EntryTimeSeconds, last.ExitTimeSeconds, departPos, arrivalPos, distance));
        }
        current.Clear();
    }
}
