using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Planning;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Where a bike or car trip starts and ends for every home, place and gateway: the nearest street the vehicle may use
/// within <see cref="TripMaker.MaxVehicleAccessMetres"/>, on a part of the network the vehicle can drive around in (for
/// the bike, on the largest part when that is within reach).
/// <para>
/// A map cut out of a city leaves the car network in pieces: one-way streets and main roads meet the map's edge, and
/// the roads beyond it that join them are not on the map (in Delft-Wippolder three parts of 13, 11 and 7 km). Every
/// strongly connected part that reaches the map's edge is joined to the others by the roads beyond it, so each is kept:
/// a trip by the vehicle is possible between two positions of the same part, and a trip out of the map leaves by the
/// part's own way out nearest the gateway the resident uses. Parts inside the map that reach no edge (a car park, a
/// stretch between two one-way streets) are kept only if one of them is the largest part.
/// </para>
/// </summary>
internal sealed class VehicleAccess
{
    private readonly NetworkPosition[] _homes;
    private readonly int[] _homePart;
    private readonly NetworkPosition[] _places;
    private readonly int[] _placePart;
    private readonly int _gatewayCount;
    private readonly int[] _denseOf; // part → its index among the kept parts (-1: not kept)
    private readonly NetworkPosition[] _gatewayOfPart; // [kept part × gateway]

    public VehicleAccess(Neighbourhood neighbourhood, Gateways gateways, TravelModes mode)
    {
        var network = neighbourhood.Network;
        var (segmentPart, partLength) = NetworkComponents.StronglyConnected(network, mode);
        var (minX, minY, maxX, maxY) = Gateways.Extent(network);
        bool OnEdge(int node) =>
            Math.Min(Math.Min(network.NodeX[node] - minX, maxX - network.NodeX[node]), Math.Min(network.NodeY[node] - minY, maxY - network.NodeY[node]))
                <= Gateways.EdgeBandMetres;

        // Ways out of each part: segment ends in the edge band, listed in segment order (deterministic).
        var exits = new List<(int Part, NetworkPosition Position, int Node)>();
        var kept = new bool[partLength.Length];
        int largest = -1;
        for (int c = 0; c < partLength.Length; c++)
        {
            if (partLength[c] > 0 && (largest < 0 || partLength[c] > partLength[largest]))
            {
                largest = c;
            }
        }
        if (largest >= 0)
        {
            kept[largest] = true;
        }
        for (int s = 0; s < network.SegmentCount; s++)
        {
            int part = segmentPart[s];
            if (part < 0)
            {
                continue;
            }
            foreach (bool atEnd in (ReadOnlySpan<bool>)[false, true])
            {
                int node = atEnd ? network.SegmentTo[s] : network.SegmentFrom[s];
                if (OnEdge(node))
                {
                    kept[part] = true;
                    exits.Add((part, new NetworkPosition(s, atEnd ? network.LengthMetres[s] : 0), node));
                }
            }
        }

        var usable = new bool[network.SegmentCount];
        for (int s = 0; s < usable.Length; s++)
        {
            usable[s] = segmentPart[s] >= 0 && kept[segmentPart[s]];
        }
        var snapper = new SegmentSnapper(network, mode, usable);
        // A cyclist wheels the bike the last bit: a door nearest a scrap of the cycling network cut off from the rest
        // (a service road reached only by a footway, a street whose link is tagged no-cycling) takes the bike from the
        // main network when that is within reach too, so the school on the scrap is not walked to from 3 km. Car
        // parts are whole districts joined beyond the map, and a car stays on the part at its door.
        SegmentSnapper? main = null;
        if (mode == TravelModes.Bike && largest >= 0)
        {
            var onLargest = new bool[network.SegmentCount];
            for (int s = 0; s < onLargest.Length; s++)
            {
                onLargest[s] = segmentPart[s] == largest;
            }
            main = new SegmentSnapper(network, mode, onLargest);
        }
        (NetworkPosition Position, int Part) Snap(double x, double y) =>
            (main?.Snap(x, y, TripMaker.MaxVehicleAccessMetres) ?? snapper.Snap(x, y, TripMaker.MaxVehicleAccessMetres)) is { } hit
                ? (new NetworkPosition(hit.Segment.Value, hit.OffsetMetres), segmentPart[hit.Segment.Value])
                : (new NetworkPosition(-1, 0), -1);

        var homes = neighbourhood.Homes;
        _homes = new NetworkPosition[homes.Count];
        _homePart = new int[homes.Count];
        for (int h = 0; h < homes.Count; h++)
        {
            var home = homes[h];
            (_homes[h], _homePart[h]) = Snap(home.X, home.Y);
        }
        var places = neighbourhood.Places;
        _places = new NetworkPosition[places.Count];
        _placePart = new int[places.Count];
        for (int p = 0; p < places.Count; p++)
        {
            var place = places[p];
            (_places[p], _placePart[p]) = Snap(place.X, place.Y);
        }

        // For each part and gateway, the part's way out nearest the gateway: a driver heading for the gateway's side of
        // town leaves the map where their part of the network meets its edge on that side.
        // Parts numbered densely among the kept ones: every footway node is a part of its own for cars, and a city has
        // a hundred thousand of them.
        _denseOf = new int[partLength.Length];
        int keptParts = 0;
        for (int c = 0; c < partLength.Length; c++)
        {
            _denseOf[c] = kept[c] ? keptParts++ : -1;
        }
        _gatewayCount = gateways.Count;
        _gatewayOfPart = new NetworkPosition[keptParts * _gatewayCount];
        Array.Fill(_gatewayOfPart, new NetworkPosition(-1, 0));
        var nearest = new double[_gatewayOfPart.Length];
        Array.Fill(nearest, double.MaxValue);
        for (int g = 0; g < _gatewayCount; g++)
        {
            var gateway = gateways[g];
            int gatewayNode = gateway.OffsetMetres > 0 ? network.SegmentTo[gateway.Segment] : network.SegmentFrom[gateway.Segment];
            double gx = network.NodeX[gatewayNode], gy = network.NodeY[gatewayNode];
            foreach (var (part, position, node) in exits)
            {
                double dx = network.NodeX[node] - gx, dy = network.NodeY[node] - gy;
                double d = (dx * dx) + (dy * dy);
                int slot = (_denseOf[part] * _gatewayCount) + g;
                if (d < nearest[slot])
                {
                    nearest[slot] = d;
                    _gatewayOfPart[slot] = position;
                }
            }
        }
    }

    /// <summary>
    /// The vehicle's position for an anchor (<paramref name="index"/> is the home, place or gateway); a gateway is the way
    /// out of the part that <paramref name="homeIndex"/>'s home lies on. Segment -1 when there is none within reach.
    /// </summary>
    public NetworkPosition Of(Anchor anchor, int index, int homeIndex) => anchor.Kind switch
    {
        AnchorKind.Place => _places[index],
        AnchorKind.Gateway => _homePart[homeIndex] < 0 ? new NetworkPosition(-1, 0) : _gatewayOfPart[(_denseOf[_homePart[homeIndex]] * _gatewayCount) + index],
        _ => _homes[index],
    };

    /// <summary>
    /// Whether the vehicle can go between two anchors: both have a position, on the same part (a gateway is always on the
    /// home's part, so only whether the part has a way out counts).
    /// </summary>
    public bool Connects(Anchor from, int fromIndex, Anchor to, int toIndex, int homeIndex)
    {
        int a = PartOf(from, fromIndex, homeIndex), b = PartOf(to, toIndex, homeIndex);
        return a >= 0 && a == b;
    }

    private int PartOf(Anchor anchor, int index, int homeIndex) => anchor.Kind switch
    {
        AnchorKind.Place => _placePart[index],
        AnchorKind.Gateway => Of(anchor, index, homeIndex).Segment >= 0 ? _homePart[homeIndex] : -1,
        _ => _homePart[index],
    };
}
