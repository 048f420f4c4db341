using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;
using NetTopologySuite.Geometries;

namespace DigitalTwin.Engine.Interventions;

public static partial class InterventionApplier
{
    private static readonly GeometryFactory Factory = new();

    private static InterventionEffect AddBenchesTo(State state, AddBenches add)
    {
        int before = state.Places.Count;
        if (add.Streets is not null && add.SpacingMetres is { } spacing)
        {
            var segments = state.Resolve(add.Streets);
            foreach (var s in segments)
            {
                // Benches at spacing/2, 3·spacing/2, …: evenly along the street, none on the junctions themselves.
                double length = state.Network.LengthMetres[s.Value];
                for (double offset = Math.Min(spacing, length) / 2; offset < length; offset += spacing)
                {
                    var (x, y) = state.Network.PointAt(s, offset);
                    state.Places.Add(NewBench(x, y, s, offset, add.SeatsPerBench));
                }
            }
        }
        foreach (var point in add.AtPoints ?? [])
        {
            var (x, y, snap) = state.Locate(point);
            if (snap is { } hit)
            {
                state.Places.Add(NewBench(x, y, hit.Segment, hit.OffsetMetres, add.SeatsPerBench));
            }
        }
        int added = state.Places.Count - before;
        string where = add.Streets is not null ? string.Create(C, $"along {Describe(add.Streets)} every {add.SpacingMetres:0} m") : "at the given points";
        return Effect(add, string.Create(C, $"{added} benches with {add.SeatsPerBench} seats {where}"), added: added);
    }

    private static PlaceRecord NewBench(double x, double y, SegmentId segment, double offset, int seats) => new()
    {
        Kind = PlaceKind.Bench,
        Name = "bench (scenario)",
        X = x,
        Y = y,
        Segment = segment,
        OffsetMetres = (float)offset,
        Capacity = seats,
        OpeningHours = string.Empty,
    };

    private static InterventionEffect RemoveBenchesFrom(State state, RemoveBenches remove)
    {
        var segments = state.Resolve(remove.Streets).Select(s => s.Value).ToHashSet();
        int removed = state.Places.RemoveAll(p => p.Kind == PlaceKind.Bench && segments.Contains(p.Segment.Value));
        return Effect(remove, $"{removed} benches removed from {Describe(remove.Streets)}", removed: removed);
    }

    private static InterventionEffect MixedUseOn(State state, MixedUse mixed)
    {
        var segments = state.Resolve(mixed.Streets);
        if (mixed.ActiveFrontage)
        {
            foreach (var s in segments)
            {
                state.Change(s, a => a with { Frontage = Frontage.Active });
            }
        }
        // The new places spread evenly along the addressed streets, end to end, as ground floors along a street are.
        var network = state.Network;
        double total = Metres(network, segments);
        for (int i = 0; i < mixed.Places.Count && total > 0; i++)
        {
            double along = (i + 0.5) / mixed.Places.Count * total;
            foreach (var s in segments)
            {
                double length = network.LengthMetres[s.Value];
                if (along <= length)
                {
                    var spec = mixed.Places[i];
                    var (x, y) = network.PointAt(s, along);
                    state.Places.Add(NewPlaceRecord(spec, x, y, s, along));
                    break;
                }
                along -= length;
            }
        }
        return Effect(mixed, string.Create(C,
            $"{(mixed.ActiveFrontage ? "active ground floors" : "no frontage change")} along {Describe(mixed.Streets)} with {mixed.Places.Count} new place(s): {string.Join(", ", mixed.Places.Select(p => p.Name.Length > 0 ? p.Name : p.Kind.ToString().ToLowerInvariant()))}"),
            mixed.ActiveFrontage ? segments.Length : 0, added: mixed.Places.Count);
    }

    private static PlaceRecord NewPlaceRecord(PlaceSpec spec, double x, double y, SegmentId segment, double offset) => new()
    {
        Kind = spec.Kind,
        Name = spec.Name,
        X = x,
        Y = y,
        Segment = segment,
        OffsetMetres = (float)offset,
        Capacity = spec.Capacity ?? OsmPlaceInterpretation.DefaultCapacity(spec.Kind),
        OpeningHours = spec.OpeningHours ?? string.Empty,
    };

    private static InterventionEffect AddPlace(State state, NewPlace place)
    {
        var (x, y, snap) = state.Locate(place.At);
        if (snap is not { } hit)
        {
            return Effect(place, $"{place.Place.Kind} not placed: no street near the point");
        }
        state.Places.Add(NewPlaceRecord(place.Place, x, y, hit.Segment, hit.OffsetMetres));
        return Effect(place, $"new {place.Place.Kind.ToString().ToLowerInvariant()} {place.Place.Name}".TrimEnd(), added: 1);
    }

    private static InterventionEffect AddGreenSpace(State state, GreenSpace green)
    {
        var ring = green.Area.Select(p => state.Geo.Project(p.Longitude, p.Latitude)).Select(p => new Coordinate(p.X, p.Y)).ToList();
        if (!ring[0].Equals2D(ring[^1]))
        {
            ring.Add(ring[0]);
        }
        var polygon = Factory.CreatePolygon([.. ring]);
        var centre = polygon.Centroid;
        var network = state.Network;
        var snapper = new SegmentSnapper(network);
        int added = 0;
        if (snapper.Snap(centre.X, centre.Y, double.MaxValue) is { } parkSnap)
        {
            state.Places.Add(new PlaceRecord
            {
                Kind = PlaceKind.Park,
                Name = green.Name,
                X = centre.X,
                Y = centre.Y,
                Segment = parkSnap.Segment,
                OffsetMetres = parkSnap.OffsetMetres,
                Capacity = OsmPlaceInterpretation.DefaultCapacity(PlaceKind.Park),
                OpeningHours = string.Empty,
                AreaSquareMetres = polygon.Area,
            });
            added++;
        }
        // Benches spread evenly around the edge, each on the street nearest to its spot.
        var edge = polygon.ExteriorRing;
        for (int i = 0; i < green.Benches; i++)
        {
            var point = new NetTopologySuite.LinearReferencing.LengthIndexedLine(edge).ExtractPoint((i + 0.5) / green.Benches * edge.Length);
            if (snapper.Snap(point.X, point.Y, double.MaxValue) is { } hit)
            {
                state.Places.Add(NewBench(point.X, point.Y, hit.Segment, hit.OffsetMetres, green.SeatsPerBench));
                added++;
            }
        }
        // Streets along the edge become green streets (walkers prefer them: routing.greenStreetFactor).
        var near = polygon.Buffer(state.Parameters.Interventions.GreenAdjacencyMetres);
        int greened = 0;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var (xs, ys) = network.Geometry(new SegmentId(s));
            var coordinates = new Coordinate[xs.Length];
            for (int i = 0; i < coordinates.Length; i++)
            {
                coordinates[i] = new Coordinate(xs.Span[i], ys.Span[i]);
            }
            if (near.Intersects(Factory.CreateLineString(coordinates)))
            {
                state.Change(new SegmentId(s), a => a with { GreenOrWaterAdjacent = true });
                greened++;
            }
        }
        return Effect(green, string.Create(C, $"green space '{green.Name}' of {polygon.Area:0} m² with {green.Benches} benches; {greened} street segments along it"), greened, added);
    }

    private static InterventionEffect AddHousing(State state, NewHousing housing)
    {
        var (x, y, snap) = state.Locate(housing.At);
        if (snap is not { } hit)
        {
            return Effect(housing, "housing not placed: no street near the point");
        }
        state.Homes.Add(new HomeRecord { X = x, Y = y, Segment = hit.Segment, OffsetMetres = hit.OffsetMetres, Dwellings = housing.Dwellings });
        int residents = (int)Math.Round(housing.Dwellings * housing.HouseholdSize);
        state.ExtraResidents += residents;
        return Effect(housing, $"{housing.Dwellings} new dwellings for about {residents} residents", dwellings: housing.Dwellings);
    }
}
