using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using NetTopologySuite.Geometries;

namespace DigitalTwin.Engine.IO;

internal static partial class NeighbourhoodAssembler
{
    private sealed record PlaceResult(List<PlaceRecord> Kept, int Dropped, int TransitStopsMerged);

    /// <summary>
    /// Places from tagged nodes and from closed ways (at their centroid), in file order: classified by
    /// <see cref="OsmPlaceInterpretation"/>, transit stops of one name within the merge distance merged, then each
    /// snapped to its nearest walkable segment. Places outside the boundary or too far from the network are dropped.
    /// </summary>
    private static PlaceResult FindPlaces(RawMap map, GeoReference geo, Polygon? boundary, SegmentSnapper snapper, MapLoadOptions options)
    {
        var found = new List<PlaceRecord>();
        foreach (RawPoint point in map.Points)
        {
            if (OsmPlaceInterpretation.Classify(point.Tags) is { } kind)
            {
                var (x, y) = geo.Project(point.Longitude, point.Latitude);
                found.Add(NewPlace(point.Tags, kind, x, y, point.Id));
            }
        }
        foreach (RawWay way in map.Ways)
        {
            if (OsmPlaceInterpretation.Classify(way.Tags) is { } kind && WayCentre(map, way, geo) is { } centre)
            {
                // Way ids are negative so they never collide with node ids (PlaceRecord.OsmId).
                double area = ClosedWayPolygon(map, way, geo)?.Area ?? 0;
                found.Add(NewPlace(way.Tags, kind, centre.X, centre.Y, -way.Id) with { AreaSquareMetres = area });
            }
        }

        var kept = new List<PlaceRecord>(found.Count);
        var stops = new List<PlaceRecord>();
        int dropped = 0, merged = 0;
        double mergeSquared = options.TransitStopMergeDistanceMetres * options.TransitStopMergeDistanceMetres;
        foreach (PlaceRecord place in found)
        {
            if (place.Kind == PlaceKind.TransitStop
                && stops.Exists(s => s.Name == place.Name && Square(s.X - place.X) + Square(s.Y - place.Y) < mergeSquared))
            {
                merged++;
                continue;
            }
            if (!InsideBoundary(boundary, place.X, place.Y)
                || snapper.Snap(place.X, place.Y, options.MaxSnapDistanceMetres) is not { } snap)
            {
                dropped++;
                continue;
            }
            var snapped = place with { Segment = snap.Segment, OffsetMetres = snap.OffsetMetres };
            if (place.Kind == PlaceKind.TransitStop)
            {
                stops.Add(snapped);
            }
            kept.Add(snapped);
        }
        return new PlaceResult(kept, dropped, merged);
    }

    private static PlaceRecord NewPlace(IReadOnlyDictionary<string, string> tags, PlaceKind kind, double x, double y, long osmId) => new()
    {
        Kind = kind,
        Name = Tag(tags, "name") ?? string.Empty,
        X = x,
        Y = y,
        Capacity = OsmPlaceInterpretation.CapacityOf(tags, kind),
        OpeningHours = Tag(tags, "opening_hours") ?? string.Empty,
        OsmId = osmId,
    };

    /// <summary>An area's centroid, or the centroid of a line (a bench or platform drawn along its length).</summary>
    private static Point? WayCentre(RawMap map, RawWay way, GeoReference geo)
    {
        if (ClosedWayPolygon(map, way, geo) is { } polygon)
        {
            return polygon.Centroid;
        }
        var coordinates = new List<Coordinate>(way.NodeIds.Length);
        foreach (long node in way.NodeIds)
        {
            if (map.Nodes.TryGetValue(node, out var lonLat))
            {
                var (x, y) = geo.Project(lonLat.Longitude, lonLat.Latitude);
                coordinates.Add(new Coordinate(x, y));
            }
        }
        return coordinates.Count switch
        {
            0 => null,
            1 => Factory.CreatePoint(coordinates[0]),
            _ => Factory.CreateLineString([.. coordinates]).Centroid,
        };
    }
}
