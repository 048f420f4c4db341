using System.Globalization;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace DigitalTwin.Engine.IO;

internal static partial class NeighbourhoodAssembler
{
    /// <summary>
    /// Gross floor area per dwelling for a block of flats without address points: 75 m² (Dutch average usable
    /// floor area of a flat is about 65–70 m², CBS/BAG; plus a share of stairs and corridors).
    /// </summary>
    private const double FloorAreaPerDwellingSquareMetres = 75;

    /// <summary>Footprint of one Dutch terraced house (rijtjeshuis, about 5.4 m × 9.5 m): 50 m².</summary>
    private const double TerracedHouseFootprintSquareMetres = 50;

    /// <summary>Storeys assumed for apartments/residential/dormitory without building:levels (post-war Dutch flats: 3–4).</summary>
    private const int DefaultLevelsOfFlats = 4;

    private sealed record HomeResult(
        List<HomeRecord> Kept, int Dropped, int ResidentialBuildings, int AddressPoints,
        int AddressPointsInsideBuildings, int AddressPointsNotHomes);

    private enum BuildingUse
    {
        /// <summary>One household: house, detached, semidetached_house, bungalow, farm, houseboat, static_caravan.</summary>
        SingleHome,

        /// <summary>Several households: apartments, residential, dormitory, terrace.</summary>
        MultipleHomes,

        /// <summary>building=yes: a home only when it carries an address or holds address points.</summary>
        Unknown,

        /// <summary>Anything else (school, university, retail, garage, shed …): address points inside are not homes.</summary>
        NotResidential,
    }

    private sealed class Building(RawWay way, Polygon polygon, BuildingUse use)
    {
        public RawWay Way { get; } = way;

        public Polygon Polygon { get; } = polygon;

        public BuildingUse Use { get; } = use;

        public int AddressPointsInside { get; set; }
    }

    /// <summary>
    /// Homes from residential buildings and address points. An address point inside a residential building counts
    /// towards that building's dwellings (never twice); one inside a non-residential building, or tagged as a
    /// business, is not a home; one outside every building is a home of one dwelling.
    /// </summary>
    private static HomeResult FindHomes(RawMap map, GeoReference geo, Polygon? boundary, SegmentSnapper snapper, MapLoadOptions options)
    {
        var buildings = new List<Building>();
        var index = new STRtree<int>();
        foreach (RawWay way in map.Ways)
        {
            if (Tag(way.Tags, "building") is { } value && ClosedWayPolygon(map, way, geo) is { } polygon && polygon.IsValid)
            {
                index.Insert(polygon.EnvelopeInternal, buildings.Count);
                buildings.Add(new Building(way, polygon, UseOf(value)));
            }
        }
        index.Build();

        var homes = new List<(HomeRecord Home, double X, double Y)>();
        int addressPoints = 0, inside = 0, notHomes = 0;
        foreach (RawPoint point in map.Points)
        {
            if (Tag(point.Tags, "addr:housenumber") is null)
            {
                continue;
            }
            addressPoints++;
            if (IsBusiness(point.Tags))
            {
                notHomes++;
                continue;
            }
            var (x, y) = geo.Project(point.Longitude, point.Latitude);
            Building? container = Containing(buildings, index, x, y);
            if (container is null)
            {
                // An exported home says how many dwellings it has; an OSM address point is one.
                int dwellings = map.HonoursExportedColumns
                    && int.TryParse(Tag(point.Tags, GeoJsonColumns.Dwellings), NumberStyles.Integer, CultureInfo.InvariantCulture, out int exported)
                    && exported > 0 ? exported : 1;
                homes.Add((new HomeRecord { Dwellings = dwellings, OsmId = point.Id }, x, y));
            }
            else if (container.Use == BuildingUse.NotResidential)
            {
                notHomes++;
            }
            else
            {
                container.AddressPointsInside++;
                inside++;
            }
        }

        int residentialBuildings = 0;
        foreach (Building building in buildings)
        {
            int dwellings = DwellingsOf(building);
            if (dwellings == 0)
            {
                continue;
            }
            residentialBuildings++;
            Point centre = building.Polygon.Centroid;
            homes.Add((new HomeRecord { Dwellings = dwellings, OsmId = -building.Way.Id }, centre.X, centre.Y));
        }

        var kept = new List<HomeRecord>(homes.Count);
        int dropped = 0;
        foreach (var (home, x, y) in homes)
        {
            if (!InsideBoundary(boundary, x, y) || snapper.Snap(x, y, options.MaxSnapDistanceMetres) is not { } snap)
            {
                dropped++;
                continue;
            }
            kept.Add(home with { X = x, Y = y, Segment = snap.Segment, OffsetMetres = snap.OffsetMetres });
        }
        return new HomeResult(kept, dropped, residentialBuildings, addressPoints, inside, notHomes);
    }

    private static BuildingUse UseOf(string building) => building switch
    {
        "house" or "detached" or "semidetached_house" or "bungalow" or "farm" or "houseboat" or "static_caravan" => BuildingUse.SingleHome,
        "apartments" or "residential" or "dormitory" or "terrace" => BuildingUse.MultipleHomes,
        "yes" => BuildingUse.Unknown,
        _ => BuildingUse.NotResidential,
    };

    /// <summary>
    /// Dwellings in a building: a house is one; flats count their address points, else floor area × storeys /
    /// 75 m² (a terrace: footprint / 50 m² per house); building=yes counts its address points, or one when it
    /// carries an address itself, else it is not a home.
    /// </summary>
    private static int DwellingsOf(Building building)
    {
        bool ownAddress = Tag(building.Way.Tags, "addr:housenumber") is not null;
        switch (building.Use)
        {
            case BuildingUse.SingleHome:
                return 1;
            case BuildingUse.MultipleHomes when building.AddressPointsInside > 0:
                return building.AddressPointsInside;
            case BuildingUse.MultipleHomes:
                double area = building.Polygon.Area;
                if (Tag(building.Way.Tags, "building") == "terrace")
                {
                    return Math.Max(1, (int)Math.Round(area / TerracedHouseFootprintSquareMetres));
                }
                int levels = int.TryParse(Tag(building.Way.Tags, "building:levels"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int l) && l > 0
                    ? l
                    : DefaultLevelsOfFlats;
                return Math.Max(1, (int)Math.Round(area * levels / FloorAreaPerDwellingSquareMetres));
            case BuildingUse.Unknown when building.AddressPointsInside > 0:
                return building.AddressPointsInside;
            case BuildingUse.Unknown:
                return ownAddress && !IsBusiness(building.Way.Tags) ? 1 : 0;
            default:
                return 0;
        }
    }

    /// <summary>An address that belongs to a shop, office, café or other business rather than a household.</summary>
    private static bool IsBusiness(IReadOnlyDictionary<string, string> tags) =>
        tags.ContainsKey("shop") || tags.ContainsKey("amenity") || tags.ContainsKey("office") || tags.ContainsKey("craft")
        || tags.ContainsKey("tourism") || tags.ContainsKey("healthcare") || tags.ContainsKey("leisure");

    /// <summary>The first building (in file order) containing the point, so overlaps resolve the same way every run.</summary>
    private static Building? Containing(List<Building> buildings, STRtree<int> index, double x, double y)
    {
        var hits = index.Query(new Envelope(x, x, y, y));
        int best = int.MaxValue;
        Point? point = null;
        foreach (int b in hits)
        {
            if (b < best)
            {
                point ??= Factory.CreatePoint(new Coordinate(x, y));
                if (buildings[b].Polygon.Contains(point))
                {
                    best = b;
                }
            }
        }
        return best == int.MaxValue ? null : buildings[best];
    }
}
