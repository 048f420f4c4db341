using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.TestKit;

/// <summary>
/// Random but reproducible movement on a network for tests and benchmarks: trips of a few chained passages (some
/// starting or ending mid-segment), street stays, and stays at places with zones. Each passage and street stay gets a
/// lateral offset: a third on the centre line, the rest uniform in ±<see cref="LateralSpreadMetres"/>, so pairs run
/// from side by side to too far apart across the street to meet. Not a behavioural model.
/// </summary>
internal static class SyntheticDays
{
    /// <summary>Lateral offsets are drawn up to this far either side of the centre line (beyond a 3.7 m distance).</summary>
    public const double LateralSpreadMetres = 4.5;

    public static void Fill(
        TrajectoryBuffer buffer, StreetNetwork network, ulong seed, int residents, int placeCount, double horizonSeconds,
        int maxLegs = 3, double carShare = 0.05, double bikeShare = 0.15, double stayShare = 0.15)
    {
        buffer.Clear();
        for (int r = 0; r < residents; r++)
        {
            var random = new RandomStream(seed, StreamPurpose.Test, (ulong)r);
            double kind = random.NextDouble();
            double start = random.NextDouble() * horizonSeconds;
            if (kind < stayShare)
            {
                AddStay(buffer, network, ref random, r, placeCount, start);
                continue;
            }
            TravelModes mode = kind < stayShare + carShare ? TravelModes.Car
                : kind < stayShare + carShare + bikeShare ? TravelModes.Bike
                : TravelModes.Walk;
            double speed = mode switch
            {
                TravelModes.Car => 8 + 3 * random.NextDouble(),
                TravelModes.Bike => 3.5 + 2 * random.NextDouble(),
                _ => 1.0 + 0.6 * random.NextDouble(),
            };
            int segment = random.NextInt(network.SegmentCount);
            sbyte direction = random.NextBool(0.5) ? (sbyte)1 : (sbyte)-1;
            double length = network.LengthMetres[segment];
            double offset = random.NextBool(0.5) ? (direction > 0 ? 0 : length) : random.NextDouble() * length;
            int legs = 1 + random.NextInt(maxLegs);
            double time = start;
            for (int leg = 0; leg < legs; leg++)
            {
                double toEnd = direction > 0 ? length - offset : offset;
                bool stopsHere = leg == legs - 1 && random.NextBool(0.3);
                double travelled = stopsHere ? random.NextDouble() * toEnd : toEnd;
                double exit = time + travelled / speed;
                buffer.AddPassage(new Passage(r, segment, direction, time, exit, (float)speed, mode, (float)offset, Lateral(ref random)));
                if (stopsHere)
                {
                    if (random.NextBool(0.4))
                    {
                        float at = (float)(offset + direction * travelled);
                        buffer.AddStay(Stay.OnStreet(r, segment, at, exit, exit + 5 + 60 * random.NextDouble(), Lateral(ref random)));
                    }
                    break;
                }
                time = exit;
                int node = direction > 0 ? network.SegmentTo[segment] : network.SegmentFrom[segment];
                ReadOnlySpan<int> arcs = network.ArcsFrom(new NodeId(node));
                int arc = arcs[random.NextInt(arcs.Length)];
                segment = arc >> 1;
                direction = (arc & 1) == 0 ? (sbyte)1 : (sbyte)-1;
                length = network.LengthMetres[segment];
                offset = direction > 0 ? 0 : length;
            }
        }
    }

    private static void AddStay(TrajectoryBuffer buffer, StreetNetwork network, ref RandomStream random, int resident, int placeCount, double start)
    {
        double end = start + 5 + 115 * random.NextDouble();
        if (placeCount > 0 && random.NextBool(0.5))
        {
            int place = random.NextInt(placeCount);
            int zone = random.NextInt(2);
            // A quarter of the place stays are also seen from the street (a bench on segment 0).
            bool onStreet = random.NextBool(0.25);
            buffer.AddStay(new Stay(resident, place, zone, onStreet ? 0 : -1, onStreet ? 2f + place : 0f, start, end, onStreet ? Lateral(ref random) : 0f));
            return;
        }
        int segment = random.NextInt(network.SegmentCount);
        float offset = (float)(random.NextDouble() * network.LengthMetres[segment]);
        buffer.AddStay(Stay.OnStreet(resident, segment, offset, start, end, Lateral(ref random)));
    }

    private static float Lateral(ref RandomStream random) =>
        random.NextBool(1.0 / 3) ? 0f : (float)((2 * random.NextDouble() - 1) * LateralSpreadMetres);
}
