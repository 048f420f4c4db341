using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using NetTopologySuite.Geometries;

namespace DigitalTwin.Engine.IO;

/// <summary>
/// Turns a <see cref="RawMap"/> (from OSM or GeoJSON) into a <see cref="Neighbourhood"/>: interprets highway ways,
/// cuts them into segments at shared nodes, keeps the largest connected walkable/cyclable part, then finds
/// places and homes and snaps them to walkable segments. One pipeline for every input format.
/// Split by concern: this file the street network, <c>.Places.cs</c> the places, <c>.Homes.cs</c> the homes.
/// </summary>
internal static partial class NeighbourhoodAssembler
{
    private const double MetresPerKilometre = 1000;

    private static readonly GeometryFactory Factory = new();

    public static InputResult<LoadedMap> Assemble(RawMap map, string path, MapLoadOptions options)
    {
        if (map.Nodes.Count == 0)
        {
            return InputResult<LoadedMap>.Failure(new InputProblem(path, string.Empty,
                "the map has no walkable streets (it contains no nodes at all)", "check that the file covers the area"));
        }
        GeoReference geo = CentreOf(map);
        Polygon? boundary = null;
        if (options.BoundingPolygon is { } ring)
        {
            if (ring.Count < 3)
            {
                return InputResult<LoadedMap>.Failure(new InputProblem(path, "boundingPolygon",
                    "a bounding polygon needs at least three points", "give a ring of (longitude, latitude) points"));
            }
            boundary = ProjectRing(ring, geo);
        }

        var segments = CutSegments(map, geo, boundary);
        var kept = LargestComponent(segments);
        StreetNetwork network = BuildNetwork(segments, kept, geo, map.NodeIdsAreOsm);
        if (!HasWalkableSegment(network))
        {
            return InputResult<LoadedMap>.Failure(new InputProblem(path, string.Empty,
                $"the map has no walkable streets ({segments.HighwayWaysRead} highway ways read, none open to walkers)",
                "check that the file covers a built-up area and was not filtered to exclude highway=*"));
        }

        var snapper = new SegmentSnapper(network, TravelModes.Walk);
        var places = FindPlaces(map, geo, boundary, snapper, options);
        var homes = FindHomes(map, geo, boundary, snapper, options);
        var report = Report(segments, kept, network, places, homes);
        var neighbourhood = new Neighbourhood(network, new PlaceSet(places.Kept), new HomeSet(homes.Kept));
        return InputResult<LoadedMap>.Success(new LoadedMap(neighbourhood, report));
    }

    /// <summary>
    /// The centre of the bounding box of the highway ways' nodes (of every node when there are none): the origin of
    /// the local equirectangular projection (<see cref="GeoReference"/>), so that projected metres stay small and
    /// the scale error negligible. Streets rather than all nodes, so that two extracts of one street network (a
    /// full .pbf and a filtered .osm) project identically even when one holds far-away nodes of long ways.
    /// </summary>
    private static GeoReference CentreOf(RawMap map)
    {
        double minLon = double.MaxValue, maxLon = double.MinValue, minLat = double.MaxValue, maxLat = double.MinValue;
        foreach (RawWay way in map.Ways)
        {
            if (!way.Tags.ContainsKey("highway"))
            {
                continue;
            }
            foreach (long node in way.NodeIds)
            {
                if (map.Nodes.TryGetValue(node, out var lonLat))
                {
                    minLon = Math.Min(minLon, lonLat.Longitude);
                    maxLon = Math.Max(maxLon, lonLat.Longitude);
                    minLat = Math.Min(minLat, lonLat.Latitude);
                    maxLat = Math.Max(maxLat, lonLat.Latitude);
                }
            }
        }
        if (minLon > maxLon)
        {
            return CentreOfAllNodes(map);
        }
        return new GeoReference((minLon + maxLon) / 2, (minLat + maxLat) / 2);
    }

    private static GeoReference CentreOfAllNodes(RawMap map)
    {
        double minLon = double.MaxValue, maxLon = double.MinValue, minLat = double.MaxValue, maxLat = double.MinValue;
        foreach (var (lon, lat) in map.Nodes.Values)
        {
            minLon = Math.Min(minLon, lon);
            maxLon = Math.Max(maxLon, lon);
            minLat = Math.Min(minLat, lat);
            maxLat = Math.Max(maxLat, lat);
        }
        return new GeoReference((minLon + maxLon) / 2, (minLat + maxLat) / 2);
    }

    private static Polygon ProjectRing(IReadOnlyList<(double Longitude, double Latitude)> ring, GeoReference geo)
    {
        var coordinates = new List<Coordinate>(ring.Count + 1);
        foreach (var (lon, lat) in ring)
        {
            var (x, y) = geo.Project(lon, lat);
            coordinates.Add(new Coordinate(x, y));
        }
        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0].Copy());
        }
        return Factory.CreatePolygon([.. coordinates]);
    }

    /// <summary>Segments cut from the highway ways, before the connectivity filter, with the counts the report needs.</summary>
    private sealed class SegmentCandidates
    {
        public List<long> FromOsm { get; } = [];

        public List<long> ToOsm { get; } = [];

        public List<int> GeometryStart { get; } = [0];

        public List<double> X { get; } = [];

        public List<double> Y { get; } = [];

        public List<SegmentAttributes> Attributes { get; } = [];

        public List<double> LengthMetres { get; } = [];

        public int HighwayWaysRead { get; set; }

        public SortedDictionary<string, int> WaysByHighway { get; } = new(StringComparer.Ordinal);

        public int NotForPeopleWays { get; set; }

        public double NotForPeopleMetres { get; set; }

        public int IncompleteWays { get; set; }

        public int OutsideBoundary { get; set; }

        public int Count => FromOsm.Count;
    }

    /// <summary>
    /// Interprets every highway way and cuts the ones for people into segments at their ends and at every node that
    /// more than one way uses (or that one way passes twice). A way cut at the extract's edge keeps its runs of
    /// present nodes.
    /// </summary>
    private static SegmentCandidates CutSegments(RawMap map, GeoReference geo, Polygon? boundary)
    {
        var result = new SegmentCandidates();
        var forPeople = new List<(RawWay Way, SegmentAttributes Attributes)>();
        foreach (RawWay way in map.Ways)
        {
            if (!way.Tags.TryGetValue("highway", out string? highway))
            {
                continue;
            }
            result.HighwayWaysRead++;
            result.WaysByHighway[highway] = result.WaysByHighway.GetValueOrDefault(highway) + 1;
            if (OsmTagInterpretation.Interpret(way.Tags) is { } attributes)
            {
                attributes.OsmWayId = way.Id;
                if (map.HonoursExportedColumns)
                {
                    attributes = GeoJsonColumns.ApplyExported(way.Tags, attributes);
                }
                forPeople.Add((way, attributes));
            }
            else
            {
                result.NotForPeopleWays++;
                result.NotForPeopleMetres += WayLengthMetres(map, way, geo);
            }
        }

        var uses = new Dictionary<long, int>();
        foreach (var (way, _) in forPeople)
        {
            foreach (long node in way.NodeIds)
            {
                uses[node] = uses.GetValueOrDefault(node) + 1;
            }
        }

        var run = new List<long>();
        foreach (var (way, attributes) in forPeople)
        {
            bool anyRun = false;
            run.Clear();
            foreach (long node in way.NodeIds)
            {
                if (!map.Nodes.ContainsKey(node))
                {
                    anyRun |= CutRun(map, geo, boundary, run, attributes, uses, result);
                    run.Clear();
                }
                else if (run.Count == 0 || run[^1] != node)
                {
                    run.Add(node);
                }
            }
            anyRun |= CutRun(map, geo, boundary, run, attributes, uses, result);
            if (!anyRun)
            {
                result.IncompleteWays++;
            }
        }
        return result;
    }

    private static bool CutRun(
        RawMap map, GeoReference geo, Polygon? boundary, List<long> run, SegmentAttributes attributes,
        Dictionary<long, int> uses, SegmentCandidates result)
    {
        if (run.Count < 2)
        {
            return false;
        }
        int start = 0;
        for (int i = 1; i < run.Count; i++)
        {
            if (i == run.Count - 1 || uses[run[i]] > 1)
            {
                if (run[start] == run[i])
                {
                    // A closed loop with no other junction: cut it in the middle so no segment starts and ends
                    // at the same node (routing and positions along a segment assume two distinct ends).
                    int middle = start + (i - start) / 2;
                    AddCandidate(map, geo, boundary, run, start, middle, attributes, result);
                    AddCandidate(map, geo, boundary, run, middle, i, attributes, result);
                }
                else
                {
                    AddCandidate(map, geo, boundary, run, start, i, attributes, result);
                }
                start = i;
            }
        }
        return true;
    }

    private static void AddCandidate(
        RawMap map, GeoReference geo, Polygon? boundary, List<long> run, int first, int last,
        SegmentAttributes attributes, SegmentCandidates result)
    {
        if (first == last)
        {
            return;
        }
        int geometryStart = result.X.Count;
        double length = 0;
        for (int i = first; i <= last; i++)
        {
            var (lon, lat) = map.Nodes[run[i]];
            var (x, y) = geo.Project(lon, lat);
            if (i > first)
            {
                length += Math.Sqrt(Square(x - result.X[^1]) + Square(y - result.Y[^1]));
            }
            result.X.Add(x);
            result.Y.Add(y);
        }
        if (boundary is not null)
        {
            var (mx, my) = PointAlong(result.X, result.Y, geometryStart, result.X.Count, length / 2);
            if (!boundary.Contains(Factory.CreatePoint(new Coordinate(mx, my))))
            {
                result.X.RemoveRange(geometryStart, result.X.Count - geometryStart);
                result.Y.RemoveRange(geometryStart, result.Y.Count - geometryStart);
                result.OutsideBoundary++;
                return;
            }
        }
        result.FromOsm.Add(run[first]);
        result.ToOsm.Add(run[last]);
        result.GeometryStart.Add(result.X.Count);
        result.Attributes.Add(attributes);
        result.LengthMetres.Add(length);
    }

    private static (double X, double Y) PointAlong(List<double> x, List<double> y, int start, int end, double distance)
    {
        double along = 0;
        for (int i = start + 1; i < end; i++)
        {
            double piece = Math.Sqrt(Square(x[i] - x[i - 1]) + Square(y[i] - y[i - 1]));
            if (along + piece >= distance && piece > 0)
            {
                double t = (distance - along) / piece;
                return (x[i - 1] + t * (x[i] - x[i - 1]), y[i - 1] + t * (y[i] - y[i - 1]));
            }
            along += piece;
        }
        return (x[end - 1], y[end - 1]);
    }

    private static double WayLengthMetres(RawMap map, RawWay way, GeoReference geo)
    {
        double length = 0;
        (double X, double Y)? previous = null;
        foreach (long node in way.NodeIds)
        {
            if (!map.Nodes.TryGetValue(node, out var lonLat))
            {
                previous = null;
                continue;
            }
            var point = geo.Project(lonLat.Longitude, lonLat.Latitude);
            if (previous is { } p)
            {
                length += Math.Sqrt(Square(point.X - p.X) + Square(point.Y - p.Y));
            }
            previous = point;
        }
        return length;
    }

    /// <summary>
    /// Marks the segments of the largest connected part (by total length; ties to the part holding the lowest
    /// segment index), treating every segment as two-way: a one-way for bikes still connects for walkers.
    /// </summary>
    private static bool[] LargestComponent(SegmentCandidates segments)
    {
        var index = new Dictionary<long, int>();
        var parent = new List<int>();
        int NodeIndex(long osm)
        {
            if (!index.TryGetValue(osm, out int i))
            {
                i = parent.Count;
                index.Add(osm, i);
                parent.Add(i);
            }
            return i;
        }
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
        for (int s = 0; s < segments.Count; s++)
        {
            int a = Find(NodeIndex(segments.FromOsm[s])), b = Find(NodeIndex(segments.ToOsm[s]));
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
        var lengthByRoot = new double[parent.Count];
        for (int s = 0; s < segments.Count; s++)
        {
            lengthByRoot[Find(index[segments.FromOsm[s]])] += segments.LengthMetres[s];
        }
        int bestRoot = -1;
        for (int s = 0; s < segments.Count; s++)
        {
            int root = Find(index[segments.FromOsm[s]]);
            if (bestRoot < 0 || lengthByRoot[root] > lengthByRoot[bestRoot])
            {
                bestRoot = root;
            }
        }
        var kept = new bool[segments.Count];
        for (int s = 0; s < segments.Count; s++)
        {
            kept[s] = Find(index[segments.FromOsm[s]]) == bestRoot;
        }
        return kept;
    }

    private static StreetNetwork BuildNetwork(SegmentCandidates segments, bool[] kept, GeoReference geo, bool nodeIdsAreOsm)
    {
        var builder = new StreetNetworkBuilder(geo);
        var nodeOf = new Dictionary<long, NodeId>();
        NodeId Node(long osm, double x, double y)
        {
            if (!nodeOf.TryGetValue(osm, out NodeId id))
            {
                id = builder.AddNode(x, y, nodeIdsAreOsm ? osm : 0);
                nodeOf.Add(osm, id);
            }
            return id;
        }
        var x = segments.X;
        var y = segments.Y;
        for (int s = 0; s < segments.Count; s++)
        {
            if (!kept[s])
            {
                continue;
            }
            int start = segments.GeometryStart[s], end = segments.GeometryStart[s + 1];
            NodeId from = Node(segments.FromOsm[s], x[start], y[start]);
            NodeId to = Node(segments.ToOsm[s], x[end - 1], y[end - 1]);
            builder.AddSegment(from, to, segments.Attributes[s],
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(x)[start..end],
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(y)[start..end]);
        }
        return builder.Build();
    }

    private static bool HasWalkableSegment(StreetNetwork network)
    {
        for (int s = 0; s < network.SegmentCount; s++)
        {
            if ((network.ModesEither(new SegmentId(s)) & TravelModes.Walk) != 0)
            {
                return true;
            }
        }
        return false;
    }

    private static ImportReport Report(SegmentCandidates segments, bool[] kept, StreetNetwork network, PlaceResult places, HomeResult homes)
    {
        var byHighway = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var byMode = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["walk"] = 0, ["bike"] = 0, ["car"] = 0 };
        double total = 0;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            double km = network.LengthMetres[s] / MetresPerKilometre;
            total += km;
            string highway = OsmTagInterpretation.ToOsmValue(network.Highway[s]);
            byHighway[highway] = byHighway.GetValueOrDefault(highway) + km;
            TravelModes modes = network.ModesEither(new SegmentId(s));
            if ((modes & TravelModes.Walk) != 0)
            {
                byMode["walk"] += km;
            }
            if ((modes & TravelModes.Bike) != 0)
            {
                byMode["bike"] += km;
            }
            if ((modes & TravelModes.Car) != 0)
            {
                byMode["car"] += km;
            }
        }
        int islands = 0;
        double islandMetres = 0;
        for (int s = 0; s < kept.Length; s++)
        {
            if (!kept[s])
            {
                islands++;
                islandMetres += segments.LengthMetres[s];
            }
        }
        var placesByKind = new SortedDictionary<PlaceKind, int>();
        foreach (PlaceRecord place in places.Kept)
        {
            placesByKind[place.Kind] = placesByKind.GetValueOrDefault(place.Kind) + 1;
        }
        return new ImportReport
        {
            HighwayWaysRead = segments.HighwayWaysRead,
            WaysByHighway = segments.WaysByHighway,
            NodesKept = network.NodeCount,
            SegmentsKept = network.SegmentCount,
            KilometresKept = total,
            KilometresByHighway = byHighway,
            KilometresByMode = byMode,
            DroppedNotForPeopleWays = segments.NotForPeopleWays,
            DroppedNotForPeopleKilometres = segments.NotForPeopleMetres / MetresPerKilometre,
            DroppedIncompleteWays = segments.IncompleteWays,
            DroppedOutsideBoundarySegments = segments.OutsideBoundary,
            DroppedIslandSegments = islands,
            DroppedIslandKilometres = islandMetres / MetresPerKilometre,
            PlacesByKind = placesByKind,
            PlacesKept = places.Kept.Count,
            PlacesDropped = places.Dropped,
            TransitStopsMerged = places.TransitStopsMerged,
            Homes = homes.Kept.Count,
            Dwellings = homes.Kept.Sum(h => h.Dwellings),
            ResidentialBuildings = homes.ResidentialBuildings,
            AddressPoints = homes.AddressPoints,
            AddressPointsInsideResidentialBuildings = homes.AddressPointsInsideBuildings,
            AddressPointsNotHomes = homes.AddressPointsNotHomes,
            HomesDropped = homes.Dropped,
        };
    }

    private static double Square(double v) => v * v;

    /// <summary>Whether the point lies inside the optional boundary (always true without one).</summary>
    private static bool InsideBoundary(Polygon? boundary, double x, double y) =>
        boundary is null || boundary.Contains(Factory.CreatePoint(new Coordinate(x, y)));

    private static string? Tag(IReadOnlyDictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A closed way's ring as a projected polygon, or null when it is not a closed ring of four or more nodes.</summary>
    private static Polygon? ClosedWayPolygon(RawMap map, RawWay way, GeoReference geo)
    {
        long[] nodes = way.NodeIds;
        if (nodes.Length < 4 || nodes[0] != nodes[^1])
        {
            return null;
        }
        var coordinates = new Coordinate[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            if (!map.Nodes.TryGetValue(nodes[i], out var lonLat))
            {
                return null;
            }
            var (x, y) = geo.Project(lonLat.Longitude, lonLat.Latitude);
            coordinates[i] = new Coordinate(x, y);
        }
        return Factory.CreatePolygon(coordinates);
    }
}
