using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.TestKit;

/// <summary>One contact episode as the brute-force reference sees it: the first and last sample in contact.</summary>
internal readonly record struct SampledEpisode(int ResidentA, int ResidentB, double StartTimeSeconds, double EndTimeSeconds, int Samples);

/// <summary>
/// The reference for <see cref="ExactEncounterDetector"/>: samples everybody's position every <c>dt</c> seconds and
/// tests every pair of people present against the same distance rule (same segment: the 2-D distance
/// sqrt((x_a − x_b)² + (y_a − y_b)²) with y the lateral offset; segments sharing a node: the path through the node
/// unfolded into one straight street, along it the distance to the node of each, across it the laterals compared in
/// one direction of travel; the same place and zone: together). O(T/dt × n²): only for small cases. Written
/// independently of the detector on purpose: it shares the rules, not the code.
/// </summary>
internal static class BruteForceEncounterDetector
{
    private readonly record struct Presence(
        int Resident, int Segment, int Place, int Zone, double Start, double End, double X0, double Velocity, double Y, bool IsStay)
    {
        public double At(double t) => X0 + Velocity * (t - Start);
    }

    public static List<SampledEpisode> Detect(
        StreetNetwork network, TrajectoryBuffer trajectories, EncounterParameters parameters, double dtSeconds)
    {
        var presences = new List<Presence>();
        for (int i = 0; i < trajectories.PassageCount; i++)
        {
            Passage p = trajectories.GetPassage(i);
            bool car = (p.Mode & TravelModes.Car) != 0;
            bool walkerWithoutPavement = (p.Mode & TravelModes.Walk) != 0
                && network.PavementWidthMetres[p.Segment] <= parameters.MinimumPavementWidthMetres;
            if (car || walkerWithoutPavement || !(p.ExitTimeSeconds > p.EntryTimeSeconds))
            {
                continue;
            }
            presences.Add(new Presence(p.Resident, p.Segment, -1, 0, p.EntryTimeSeconds, p.ExitTimeSeconds,
                p.EntryOffsetMetres, p.Direction * (double)p.SpeedMetresPerSecond, p.LateralOffsetMetres, false));
        }
        for (int i = 0; i < trajectories.StayCount; i++)
        {
            Stay s = trajectories.GetStay(i);
            if (s.EndTimeSeconds > s.StartTimeSeconds)
            {
                presences.Add(new Presence(s.Resident, s.Segment, s.Place, s.Zone, s.StartTimeSeconds, s.EndTimeSeconds, s.OffsetMetres, 0, s.LateralOffsetMetres, true));
            }
        }
        if (presences.Count == 0)
        {
            return [];
        }

        double first = presences.Min(p => p.Start);
        double last = presences.Max(p => p.End);
        int steps = (int)Math.Ceiling((last - first) / dtSeconds);
        double d = parameters.SocialDistanceMetres;
        // Per pair, the sample indices in contact (each sample counted once per pair).
        var contact = new SortedDictionary<(int, int), List<int>>();
        var present = new List<Presence>();
        for (int k = 0; k <= steps; k++)
        {
            double t = first + k * dtSeconds;
            present.Clear();
            foreach (Presence p in presences)
            {
                if (p.Start <= t && t <= p.End)
                {
                    present.Add(p);
                }
            }
            for (int i = 0; i < present.Count; i++)
            {
                for (int j = i + 1; j < present.Count; j++)
                {
                    Presence a = present[i];
                    Presence b = present[j];
                    if (a.Resident == b.Resident || Distance(network, a, b, t) > d)
                    {
                        continue;
                    }
                    var key = a.Resident < b.Resident ? (a.Resident, b.Resident) : (b.Resident, a.Resident);
                    if (!contact.TryGetValue(key, out List<int>? samples))
                    {
                        samples = [];
                        contact.Add(key, samples);
                    }
                    if (samples.Count == 0 || samples[^1] != k)
                    {
                        samples.Add(k);
                    }
                }
            }
        }

        var episodes = new List<SampledEpisode>();
        foreach (var ((ra, rb), samples) in contact)
        {
            int runStart = samples[0];
            int runEnd = samples[0];
            int count = 1;
            for (int i = 1; i <= samples.Count; i++)
            {
                // Samples k and k' belong to one episode when the lapse between them is at most the episode gap.
                if (i < samples.Count && (samples[i] - runEnd - 1) * dtSeconds <= parameters.EpisodeGapSeconds)
                {
                    runEnd = samples[i];
                    count++;
                    continue;
                }
                episodes.Add(new SampledEpisode(ra, rb, first + runStart * dtSeconds, first + runEnd * dtSeconds, count));
                if (i < samples.Count)
                {
                    runStart = samples[i];
                    runEnd = samples[i];
                    count = 1;
                }
            }
        }
        return episodes;
    }

    private static double Distance(StreetNetwork network, Presence a, Presence b, double t)
    {
        if (a.IsStay && b.IsStay && a.Place >= 0 && a.Place == b.Place)
        {
            return a.Zone == b.Zone ? 0 : double.PositiveInfinity;
        }
        if (a.Segment < 0 || b.Segment < 0)
        {
            return double.PositiveInfinity;
        }
        double xa = a.At(t);
        double xb = b.At(t);
        if (a.Segment == b.Segment)
        {
            return Math.Sqrt((xa - xb) * (xa - xb) + (a.Y - b.Y) * (a.Y - b.Y));
        }
        double best = double.PositiveInfinity;
        int aFrom = network.SegmentFrom[a.Segment];
        int aTo = network.SegmentTo[a.Segment];
        int bFrom = network.SegmentFrom[b.Segment];
        int bTo = network.SegmentTo[b.Segment];
        double toAFrom = xa;
        double toATo = network.LengthMetres[a.Segment] - xa;
        double toBFrom = xb;
        double toBTo = network.LengthMetres[b.Segment] - xb;
        // Walking a's segment towards the node and on along b's segment away from it, "left" is a's y when a's
        // segment ends at the node (its own direction), else −y; and b's y when b's segment starts there, else −y.
        if (aFrom == bFrom) { best = Math.Min(best, Unfolded(toAFrom + toBFrom, -a.Y, b.Y)); }
        if (aFrom == bTo) { best = Math.Min(best, Unfolded(toAFrom + toBTo, -a.Y, -b.Y)); }
        if (aTo == bFrom) { best = Math.Min(best, Unfolded(toATo + toBFrom, a.Y, b.Y)); }
        if (aTo == bTo) { best = Math.Min(best, Unfolded(toATo + toBTo, a.Y, -b.Y)); }
        return best;
    }

    /// <summary>Distance on the unfolded straight street: along it, and across it between the two left offsets.</summary>
    private static double Unfolded(double alongMetres, double leftA, double leftB) =>
        Math.Sqrt(alongMetres * alongMetres + (leftA - leftB) * (leftA - leftB));
}
