using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Planning;

/// <summary>
/// Where trips beyond the neighbourhood leave the map: nodes on car- or bike-accessible streets near the edge of the
/// network's extent, thinned to a few spread around the compass so that traffic leaves the way real roads do.
/// </summary>
internal sealed class Gateways
{
    /// <summary>A node counts as on the edge within this distance of the network's bounding box.</summary>
    public const double EdgeBandMetres = 150;

    /// <summary>How many gateways are kept: one per compass sector.</summary>
    public const int Sectors = 16;

    private readonly NetworkPosition[] _positions;

    public Gateways(StreetNetwork network)
    {
        var (minX, minY, maxX, maxY) = Extent(network);
        double centreX = (minX + maxX) / 2, centreY = (minY + maxY) / 2;
        var best = new (double Score, NetworkPosition Position)?[Sectors];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var modes = network.ModesEither(new SegmentId(s));
            // A road out for vehicles that people on foot or by bike may use too: a main road's carriageway for cars
            // only would leave walkers no way to their gateway (its pavement is a way of its own beside it).
            if ((modes & (TravelModes.Car | TravelModes.Bike)) == 0 || (modes & (TravelModes.Walk | TravelModes.Bike)) == 0)
            {
                continue;
            }
            foreach (bool atEnd in (ReadOnlySpan<bool>)[false, true])
            {
                int node = atEnd ? network.SegmentTo[s] : network.SegmentFrom[s];
                double x = network.NodeX[node], y = network.NodeY[node];
                double edgeDistance = Math.Min(Math.Min(x - minX, maxX - x), Math.Min(y - minY, maxY - y));
                if (edgeDistance > EdgeBandMetres)
                {
                    continue;
                }
                double angle = Math.Atan2(y - centreY, x - centreX);
                int sector = (int)((angle + Math.PI) / (2 * Math.PI) * Sectors) % Sectors;
                // Prefer busier roads (that is where traffic really leaves), then the outermost node.
                double score = network.CarVehiclesPerDay[s] + (modes.HasFlag(TravelModes.Car) ? 1000 : 0) - edgeDistance;
                if (best[sector] is not { } current || score > current.Score)
                {
                    best[sector] = (score, new NetworkPosition(s, atEnd ? network.LengthMetres[s] : 0));
                }
            }
        }
        _positions = [.. best.Where(b => b.HasValue).Select(b => b!.Value.Position)];
    }

    public int Count => _positions.Length;

    /// <summary>The bounding box of the network's nodes.</summary>
    public static (double MinX, double MinY, double MaxX, double MaxY) Extent(StreetNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int n = 0; n < network.NodeCount; n++)
        {
            minX = Math.Min(minX, network.NodeX[n]);
            maxX = Math.Max(maxX, network.NodeX[n]);
            minY = Math.Min(minY, network.NodeY[n]);
            maxY = Math.Max(maxY, network.NodeY[n]);
        }
        return (minX, minY, maxX, maxY);
    }

    public NetworkPosition this[int index] => _positions[index];
}
