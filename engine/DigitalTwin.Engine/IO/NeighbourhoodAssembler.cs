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
        var neighbourhood = new Neighbourhood(network, new PlaceSet(places.Kept), new HomeSet(homes.Kept)) {
            Background = FindBackground(map, geo, boundary),
            Barriers = FindBarriers(map, geo, boundary, network),
        };
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
        void Join(int s)
        {
            int a = Find(NodeIndex(segments.FromOsm[s])), b = Find(NodeIndex(segments.ToOsm[s]));
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
        // People's network first: a carriageway for cars only must not join two parts a walker cannot walk between.
        bool ForPeople(int s) => ((segments.Attributes[s].ModesForward | segments.Attributes[s].ModesBackward) & (TravelModes.Walk | TravelModes.Bike)) != 0;
        for (int s = 0; s < segments.Count; s++)
        {
            if (ForPeople(s))
            {
                Join(s);
            }
        }
        var lengthByRoot = new double[parent.Count];
        int bestRoot = -1;
        for (int s = 0; s < segments.Count; s++)
        {
            if (ForPeople(s))
            {
                lengthByRoot[Find(index[segments.FromOsm[s]])] += segments.LengthMetres[s];
            }
        }
        for (int s = 0; s < segments.Count; s++)
        {
            int root = Find(NodeIndex(segments.FromOsm[s]));
            if (ForPeople(s) && (bestRoot < 0 || lengthByRoot[root] > lengthByRoot[bestRoot]))
            {
                bestRoot = root;
            }
        }
        var kept = new bool[segments.Count];
        for (int s = 0; s < segments.Count; s++)
        {
            kept[s] = ForPeople(s) && Find(index[segments.FromOsm[s]]) == bestRoot;
        }
        if (bestRoot < 0)
        {
            return kept;
        }
        // Then the carriageways that reach it, directly or through one another.
        int peopleNode = bestRoot;
        for (int s = 0; s < segments.Count; s++)
        {
            if (!ForPeople(s))
            {
                Join(s);
            }
        }
        int joinedRoot = Find(peopleNode);
        for (int s = 0; s < segments.Count; s++)
        {
            if (!ForPeople(s))
            {
                kept[s] = Find(index[segments.FromOsm[s]]) == joinedRoot;
            }
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
