using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Planning;

/// <summary>
/// Which places serve which activity, in a uniform grid per activity so that choosing a destination looks only at
/// places within the search radius (a city has thousands of shops; a resident weighs the nearby ones).
/// The choice is a gravity model: weight = √capacity · (1 + attraction change) · exp(−distance / decay), bigger places
/// drawing more people with diminishing returns, places residents rate well more (<see cref="PlaceRecord.AttractionChange"/>).
/// </summary>
internal sealed class DestinationIndex
{
    private const double CellMetres = 250;
    private static readonly int ActivityCount = Enum.GetValues<ActivityKind>().Length;

    private readonly Grid?[] _grids;
    private readonly double[] _pull; // per place: √capacity, a bigger place drawing more people with diminishing returns, × residents' rating
    private readonly ulong[] _raceKey; // per place: its own key in the destination race, from what it is and where, not its index

    public DestinationIndex(PlaceSet places)
    {
        _grids = new Grid?[ActivityCount];
        _pull = new double[places.Count];
        _raceKey = new ulong[places.Count];
        for (int p = 0; p < places.Count; p++)
        {
            var place = places[p];
            _pull[p] = Math.Sqrt(Math.Max(1, place.Capacity)) * Math.Max(0.01, 1 + place.AttractionChange);
            // A place added or removed by an intervention shifts the indices of those after it, so the key is built
            // from the place itself: its OSM id, kind and position.
            ulong position = RandomStream.KeyOf((ulong)BitConverter.DoubleToInt64Bits(place.X)) ^ RandomStream.KeyOf(~(ulong)BitConverter.DoubleToInt64Bits(place.Y));
            _raceKey[p] = RandomStream.KeyOf((ulong)place.OsmId ^ RandomStream.KeyOf((ulong)place.Kind ^ position));
        }
        for (int a = 0; a < ActivityCount; a++)
        {
            var kinds = PlaceKindsFor((ActivityKind)a);
            var members = new List<int>();
            for (int p = 0; p < places.Count; p++)
            {
                if (kinds.Contains(places.Kind[p]))
                {
                    members.Add(p);
                }
            }
            _grids[a] = members.Count == 0 ? null : new Grid(places, members);
        }
    }

    /// <summary>The place kinds that can host an activity; an activity with none has no place-bound destination.</summary>
    public static PlaceKind[] PlaceKindsFor(ActivityKind activity) => activity switch
    {
        ActivityKind.Groceries => [PlaceKind.Supermarket, PlaceKind.Market],
        ActivityKind.Shopping => [PlaceKind.Shop, PlaceKind.Market, PlaceKind.Barber],
        ActivityKind.ThirdPlace => [PlaceKind.Cafe, PlaceKind.Pub, PlaceKind.Restaurant],
        ActivityKind.Park => [PlaceKind.Park],
        ActivityKind.Playground => [PlaceKind.Playground],
        ActivityKind.Bench => [PlaceKind.Bench],
        ActivityKind.School or ActivityKind.SchoolRun or ActivityKind.Study => [PlaceKind.School],
        ActivityKind.Worship => [PlaceKind.PlaceOfWorship],
        ActivityKind.Sports => [PlaceKind.SportsCentre],
        ActivityKind.Community => [PlaceKind.CommunityCentre, PlaceKind.Library],
        ActivityKind.Healthcare => [PlaceKind.Healthcare],
        ActivityKind.DogWalk => [PlaceKind.Park, PlaceKind.Playground, PlaceKind.Bench],
        ActivityKind.Work => [PlaceKind.Shop, PlaceKind.Supermarket, PlaceKind.Cafe, PlaceKind.Restaurant, PlaceKind.Pub,
            PlaceKind.School, PlaceKind.Kindergarten, PlaceKind.Library, PlaceKind.CommunityCentre, PlaceKind.Healthcare,
            PlaceKind.SportsCentre, PlaceKind.Barber],
        _ => [],
    };

    public bool Has(ActivityKind activity) => _grids[(int)activity] is not null;

    /// <summary>
    /// Draws a place for <paramref name="activity"/> near (x, y), or -1 when the map has none of that kind.
    /// <paramref name="weights"/> and <paramref name="candidates"/> are the caller's scratch lists (no allocation).
    /// </summary>
    public int Choose(ActivityKind activity, double x, double y, double decayMetres, double radiusMetres,
        ref RandomStream random, List<double> weights, List<int> candidates)
    {
        var grid = _grids[(int)activity];
        if (grid is null)
        {
            return -1;
        }
        weights.Clear();
        candidates.Clear();
        grid.Collect(x, y, radiusMetres, candidates, weights);
        if (candidates.Count == 0)
        {
            return grid.Nearest(x, y); // nothing within reach: the nearest one, however far
        }
        GravityWeights(CollectionsMarshal.AsSpan(weights), CollectionsMarshal.AsSpan(candidates), _pull, decayMetres);
        // A race rather than a draw against the cumulative weights: a place added or changed elsewhere then changes no
        // one's choice but where it wins (RandomStream.NextRaced).
        ulong decision = random.NextDecision();
        int chosen = -1;
        double earliest = double.PositiveInfinity;
        for (int i = 0; i < candidates.Count; i++)
        {
            double weight = weights[i];
            if (weight > 0)
            {
                double time = RandomStream.RaceTime(decision, _raceKey[candidates[i]], weight);
                if (time < earliest)
                {
                    earliest = time;
                    chosen = i;
                }
            }
        }
        return chosen < 0 ? grid.Nearest(x, y) : candidates[chosen];
    }

    /// <summary>
    /// The mean straight-line distance from (x, y) of the place <see cref="Choose"/> would draw: the gravity-weighted
    /// mean over the places within reach, or the search radius when none is within reach (the place drawn then lies
    /// beyond it; 0 when the map has none). Used once per run to estimate trip lengths, so it may allocate. <paramref name="weights"/> and <paramref name="candidates"/> are the caller's scratch lists.
    /// </summary>
    public double ExpectedDistance(ActivityKind activity, double x, double y, double decayMetres, double radiusMetres, List<double> weights, List<int> candidates)
    {
        var grid = _grids[(int)activity];
        if (grid is null)
        {
            return 0;
        }
        weights.Clear();
        candidates.Clear();
        grid.Collect(x, y, radiusMetres, candidates, weights);
        if (candidates.Count == 0)
        {
            return radiusMetres;
        }
        var distances = weights.ToArray();
        GravityWeights(CollectionsMarshal.AsSpan(weights), CollectionsMarshal.AsSpan(candidates), _pull, decayMetres);
        double weighted = 0, total = 0;
        for (int i = 0; i < distances.Length; i++)
        {
            weighted += weights[i] * distances[i];
            total += weights[i];
        }
        return total > 0 ? weighted / total : radiusMetres;
    }

    /// <summary>
    /// Straight-line distance from (x, y) to the nearest place serving <paramref name="activity"/>: infinity when the map
    /// has none, and at least <paramref name="radiusMetres"/> when none is that close (the caller needs no more).
    /// <paramref name="candidates"/> and <paramref name="distances"/> are the caller's scratch lists.
    /// </summary>
    public double NearestDistance(ActivityKind activity, double x, double y, double radiusMetres, List<int> candidates, List<double> distances)
    {
        var grid = _grids[(int)activity];
        if (grid is null)
        {
            return double.PositiveInfinity;
        }
        candidates.Clear();
        distances.Clear();
        grid.Collect(x, y, radiusMetres, candidates, distances);
        double nearest = radiusMetres;
        foreach (double distance in distances)
        {
            nearest = Math.Min(nearest, distance);
        }
        return nearest;
    }

    /// <summary>
    /// Turns the candidates' distances into their gravity weights, √capacity · exp(−distance / decay), four at a
    /// time: a city's resident weighs hundreds of places a choice, and the exponentials were a third of a day's
    /// planning. The vector exponential is within an ulp of the scalar one, and the same on every run.
    /// </summary>
    internal static void GravityWeights(Span<double> distanceThenWeight, ReadOnlySpan<int> places, ReadOnlySpan<double> pullOfPlace, double decayMetres)
    {
        var decay = Vector256.Create(decayMetres);
        int i = 0;
        for (; i + 4 <= places.Length; i += 4)
        {
            var distance = Vector256.Create<double>(distanceThenWeight.Slice(i, 4));
            var pull = Vector256.Create(pullOfPlace[places[i]], pullOfPlace[places[i + 1]], pullOfPlace[places[i + 2]], pullOfPlace[places[i + 3]]);
            (pull * Vector256.Exp(-distance / decay)).CopyTo(distanceThenWeight.Slice(i, 4));
        }
        if (i < places.Length)
        {
            // The last one to three as one more vector, so every weight comes from the same exponential.
            Span<double> distances = stackalloc double[4];
            Span<double> pulls = stackalloc double[4];
            distances.Clear();
            pulls.Clear();
            for (int k = i; k < places.Length; k++)
            {
                distances[k - i] = distanceThenWeight[k];
                pulls[k - i] = pullOfPlace[places[k]];
            }
            var weight = Vector256.Create<double>(pulls) * Vector256.Exp(-Vector256.Create<double>(distances) / decay);
            for (int k = i; k < places.Length; k++)
            {
                distanceThenWeight[k] = weight[k - i];
            }
        }
    }

    private sealed class Grid
    {
        private readonly double _minX;
        private readonly double _minY;
        private readonly int _columns;
        private readonly int _rows;
        private readonly int[] _cellStart;
        // The members in cell order (row by row, then column, then as listed): a row of cells is one run of them.
        private readonly double[] _x;
        private readonly double[] _y;
        private readonly int[] _all;

        public Grid(PlaceSet places, List<int> members)
        {
            double[] x = [.. members.Select(p => places[p].X)];
            double[] y = [.. members.Select(p => places[p].Y)];
            _minX = x.Min();
            _minY = y.Min();
            _columns = (int)((x.Max() - _minX) / CellMetres) + 1;
            _rows = (int)((y.Max() - _minY) / CellMetres) + 1;
            _cellStart = new int[(_columns * _rows) + 1];
            var cellOf = new int[members.Count];
            for (int i = 0; i < members.Count; i++)
            {
                cellOf[i] = Cell(x[i], y[i]);
                _cellStart[cellOf[i] + 1]++;
            }
            for (int c = 0; c < _columns * _rows; c++)
            {
                _cellStart[c + 1] += _cellStart[c];
            }
            _x = new double[members.Count];
            _y = new double[members.Count];
            _all = new int[members.Count];
            var fill = _cellStart[..^1];
            for (int i = 0; i < members.Count; i++)
            {
                int k = fill[cellOf[i]]++;
                (_x[k], _y[k], _all[k]) = (x[i], y[i], members[i]);
            }
        }

        /// <summary>
        /// Adds the members within <paramref name="radius"/> of (x, y) to <paramref name="into"/> and their distances to
        /// <paramref name="distances"/>, cell by cell (rows, then columns), each row's cells in range read as one run. A
        /// city's resident weighs hundreds of shops a choice, so this loop was most of a day's planning.
        /// </summary>
        public void Collect(double x, double y, double radius, List<int> into, List<double> distances)
        {
            int c0 = Math.Max(0, (int)Math.Floor((x - radius - _minX) / CellMetres));
            int c1 = Math.Min(_columns - 1, (int)Math.Floor((x + radius - _minX) / CellMetres));
            int r0 = Math.Max(0, (int)Math.Floor((y - radius - _minY) / CellMetres));
            int r1 = Math.Min(_rows - 1, (int)Math.Floor((y + radius - _minY) / CellMetres));
            if (c0 > c1)
            {
                return;
            }
            double radiusSquared = radius * radius;
            var xs = _x;
            var ys = _y;
            for (int r = r0; r <= r1; r++)
            {
                int end = _cellStart[(r * _columns) + c1 + 1];
                for (int k = _cellStart[(r * _columns) + c0]; k < end; k++)
                {
                    double dx = xs[k] - x, dy = ys[k] - y;
                    double squared = (dx * dx) + (dy * dy);
                    if (squared <= radiusSquared)
                    {
                        into.Add(_all[k]);
                        distances.Add(Math.Sqrt(squared));
                    }
                }
            }
        }

        public int Nearest(double x, double y)
        {
            int best = 0;
            double bestDistance = double.MaxValue;
            for (int i = 0; i < _all.Length; i++)
            {
                double d = ((_x[i] - x) * (_x[i] - x)) + ((_y[i] - y) * (_y[i] - y));
                if (d < bestDistance || (d == bestDistance && _all[i] < _all[best]))
                {
                    bestDistance = d;
                    best = i;
                }
            }
            return _all[best];
        }

        private int Cell(double x, double y) =>
            (Math.Min(_rows - 1, (int)((y - _minY) / CellMetres)) * _columns) + Math.Min(_columns - 1, (int)((x - _minX) / CellMetres));
    }
}
