using System.Text.Json;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine.Scenarios;

public static partial class ScenarioLoader
{
    // Ranges of intervention fields. Each bound is the edge of what can be built or a typing mistake beyond it.
    private const double MaxRadiusMetres = 5_000;
    private const double MinSpacingMetres = 5;
    private const double MaxSpacingMetres = 1_000;
    private const int MaxSeatsPerBench = 20;
    private const double MinSpeedLimitKmh = 5;
    private const double MaxSpeedLimitKmh = 50; // low-traffic lowers speed; above 50 km/h is not low traffic
    private const double MaxLux = 100; // EN 13201 residential classes ask 2-15 lux; 100 is floodlighting
    private const int MaxBenchesPerArea = 500;
    private const double MinStoepDepthMetres = 0.3;
    private const double MaxStoepDepthMetres = 3; // a Delftse stoep is typically 0.6-1.5 m deep
    private const int MaxPlaceCapacity = 10_000;
    private const int MaxDwellings = 10_000;
    private const double MinHouseholdSize = 1;
    private const double MaxHouseholdSize = 6;
    private const double MinCostFactor = 0.25;
    private const double MaxCostFactor = 4;
    private const int MaxOpeningHoursLength = 255;

    private static readonly string[] CrossingKinds = ["zebra", "signalised", "uncontrolled"];
    private static readonly string[] OpenableModes = ["walk", "bike", "car"];

    private static Intervention? ReadIntervention(FileContext context, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Error(path, $"must be an object with a \"type\", got {FileContext.Describe(element)}");
            return null;
        }
        if (!element.TryGetProperty("type", out JsonElement typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            context.Error(path + ".type", "is required: the intervention type", "one of " + string.Join(", ", Intervention.TypeNames));
            return null;
        }
        string type = typeElement.GetString()!;
        if (!Intervention.TypeNames.Contains(type, StringComparer.Ordinal))
        {
            context.Error(path + ".type", $"unknown intervention type '{type}'",
                Suggestions.DidYouMean(type, Intervention.TypeNames) ?? "one of " + string.Join(", ", Intervention.TypeNames));
            return null;
        }
        ObjectReader? reader = ObjectReader.Open(context, element, path, ScenarioFormat.InterventionShape(type));
        if (reader is null)
        {
            return null;
        }
        string note = reader.String("note") ?? string.Empty;
        SourceLocation origin = context.At(path);
        int before = context.Problems.Count;
        Intervention? intervention = type switch
        {
            WidenPavement.Type => ReadWidenPavement(reader),
            AddBenches.Type => ReadAddBenches(reader),
            RemoveBenches.Type => Address(reader, "streets", required: true) is { } s ? new RemoveBenches(s) { Origin = origin } : null,
            MixedUse.Type => ReadMixedUse(reader),
            CarFree.Type => Address(reader, "streets", required: true) is { } s ? new CarFree(s, reader.Bool("allowBikes") ?? true) { Origin = origin } : null,
            LowTraffic.Type => ReadLowTraffic(reader),
            Stomp.Type => ReadStomp(reader),
            StreetLighting.Type => ReadLighting(reader),
            GreenSpace.Type => ReadGreenSpace(reader),
            DelftStoep.Type => ReadDelftStoep(reader),
            RemoveBarrier.Type => ReadRemoveBarrier(reader),
            AddCrossing.Type => ReadAddCrossing(reader),
            NewPlace.Type => ReadNewPlace(reader),
            NewHousing.Type => ReadNewHousing(reader),
            _ => throw new InvalidOperationException($"Intervention type '{type}' is listed but not read."),
        };
        // A reader may build a value after reporting a problem in an optional field; the problem wins.
        return intervention is null || context.Problems.Count > before ? null : intervention with { Origin = origin, Note = note };
    }

    private static SourceLocation Here(ObjectReader reader) => reader.Context.At(reader.Path);

    private static WidenPavement? ReadWidenPavement(ObjectReader reader)
    {
        StreetAddress? streets = Address(reader, "streets", required: true);
        double? width = reader.Number("widthMetres", WidenPavement.MinWidthMetres, WidenPavement.MaxWidthMetres, "m");
        double? add = reader.Number("addMetres", 0.1, WidenPavement.MaxAddMetres, "m");
        if (reader.Has("widthMetres") == reader.Has("addMetres"))
        {
            reader.Context.Error(reader.Path, "must give exactly one of 'widthMetres' (set the width) or 'addMetres' (add to it)",
                "the source document asks for pavements of at least 2 m");
            return null;
        }
        return streets is null || (width is null && add is null) ? null : new WidenPavement(streets, width, add) { Origin = Here(reader) };
    }

    private static AddBenches? ReadAddBenches(ObjectReader reader)
    {
        StreetAddress? streets = Address(reader, "streets", required: false);
        double? spacing = reader.Number("spacingMetres", MinSpacingMetres, MaxSpacingMetres, "m");
        IReadOnlyList<LonLat>? points = reader.Points("points", 1);
        int seats = reader.Integer("seatsPerBench", 1, MaxSeatsPerBench, "seats") ?? AddBenches.DefaultSeatsPerBench;
        if (reader.Has("streets") == reader.Has("points"))
        {
            reader.Context.Error(reader.Path, "must give exactly one of 'streets' (with 'spacingMetres') or 'points'");
            return null;
        }
        if (reader.Has("streets") && !reader.Has("spacingMetres"))
        {
            reader.Missing("spacingMetres", "the distance between benches along the streets, " + ObjectReader.Range(MinSpacingMetres, MaxSpacingMetres, "m"));
            return null;
        }
        if (reader.Has("points") && reader.Has("spacingMetres"))
        {
            reader.Context.Error(reader.Child("spacingMetres"), "only applies with 'streets'; benches at points need no spacing");
            return null;
        }
        return (streets is null && points is null) ? null : new AddBenches(streets, spacing, points, seats) { Origin = Here(reader) };
    }

    private static MixedUse? ReadMixedUse(ObjectReader reader)
    {
        StreetAddress? streets = Address(reader, "streets", required: true);
        bool active = reader.Bool("activeFrontage") ?? true;
        var places = new List<PlaceSpec>();
        bool ok = true;
        if (reader.Get("places") is { } list)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                reader.Context.Error(reader.Child("places"), $"must be a list of places, got {FileContext.Describe(list)}");
                ok = false;
            }
            else
            {
                int index = 0;
                foreach (JsonElement item in list.EnumerateArray())
                {
                    ObjectReader? placeReader = ObjectReader.Open(reader.Context, item, $"{reader.Child("places")}[{index++}]", ScenarioFormat.PlaceShape);
                    PlaceSpec? place = placeReader is null ? null : ReadPlace(placeReader);
                    ok &= place is not null;
                    if (place is not null)
                    {
                        places.Add(place);
                    }
                }
            }
        }
        return streets is null || !ok ? null : new MixedUse(streets, active, places) { Origin = Here(reader) };
    }

    private static LowTraffic? ReadLowTraffic(ObjectReader reader)
    {
        StreetAddress? streets = Address(reader, "streets", required: true);
        double? speed = reader.Number("speedLimitKmh", MinSpeedLimitKmh, MaxSpeedLimitKmh, "km/h");
        double? traffic = reader.Number("trafficFactor", 0, 1, "(times today's vehicles per day)");
        if (!reader.Has("speedLimitKmh") && !reader.Has("trafficFactor"))
        {
            reader.Context.Error(reader.Path, "must give 'speedLimitKmh', 'trafficFactor' or both");
            return null;
        }
        return streets is null ? null : new LowTraffic(streets, speed, traffic) { Origin = Here(reader) };
    }

    private static Stomp? ReadStomp(ObjectReader reader)
    {
        StreetAddress? streets = Address(reader, "streets", required: false);
        double? walk = reader.Number("walkCostFactor", MinCostFactor, 1, "(times the walking route cost)", required: true);
        double? bike = reader.Number("bikeCostFactor", MinCostFactor, 1, "(times the cycling route cost)", required: true);
        double? car = reader.Number("carCostFactor", 1, MaxCostFactor, "(times the car route cost)", required: true);
        double? crossing = reader.Number("crossingPenaltyFactor", 0, 1, "(times busyRoadCrossingPenaltyMetres)", required: true);
        double? traffic = reader.Number("carTrafficFactor", 0, 1, "(times today's vehicles per day)", required: true);
        bool parking = reader.Bool("parkingAtEdge") ?? false;
        return walk is null || bike is null || car is null || crossing is null || traffic is null || (reader.Has("streets") && streets is null)
            ? null
            : new Stomp(streets, walk.Value, bike.Value, car.Value, crossing.Value, traffic.Value, parking) { Origin = Here(reader) };
    }

    private static StreetLighting? ReadLighting(ObjectReader reader)
    {
        StreetAddress? streets = Address(reader, "streets", required: true);
        double? lux = reader.Number("lux", 1, MaxLux, "lux");
        return streets is null ? null : new StreetLighting(streets, lux) { Origin = Here(reader) };
    }

    private static GreenSpace? ReadGreenSpace(ObjectReader reader)
    {
        IReadOnlyList<LonLat>? area = reader.Points("polygon", 3, required: true);
        string name = reader.String("name") ?? string.Empty;
        int benches = reader.Integer("benches", 0, MaxBenchesPerArea, "benches") ?? 0;
        int seats = reader.Integer("seatsPerBench", 1, MaxSeatsPerBench, "seats") ?? AddBenches.DefaultSeatsPerBench;
        return area is null ? null : new GreenSpace(area, name, benches, seats) { Origin = Here(reader) };
    }

    private static DelftStoep? ReadDelftStoep(ObjectReader reader)
    {
        StreetAddress? streets = Address(reader, "streets", required: true);
        double? depth = reader.Number("depthMetres", MinStoepDepthMetres, MaxStoepDepthMetres, "m", required: true);
        double? share = reader.Number("participationShare", 0, 1, "(share of households that use their front zone)", required: true);
        return streets is null || depth is null || share is null ? null : new DelftStoep(streets, depth.Value, share.Value) { Origin = Here(reader) };
    }

    private static RemoveBarrier? ReadRemoveBarrier(ObjectReader reader)
    {
        StreetAddress? streets = Address(reader, "streets", required: true);
        TravelModes modes = TravelModes.Walk | TravelModes.Bike;
        if (reader.Get("modes") is { } list)
        {
            modes = TravelModes.None;
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
                || list.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String || !OpenableModes.Contains(m.GetString(), StringComparer.Ordinal)))
            {
                reader.Context.Error(reader.Child("modes"), $"must be a non-empty list of {string.Join(", ", OpenableModes)}, got {list.GetRawText()}");
                return null;
            }
            foreach (JsonElement mode in list.EnumerateArray())
            {
                modes |= mode.GetString() switch { "walk" => TravelModes.Walk, "bike" => TravelModes.Bike, _ => TravelModes.Car };
            }
        }
        return streets is null ? null : new RemoveBarrier(streets, modes) { Origin = Here(reader) };
    }

    private static AddCrossing? ReadAddCrossing(ObjectReader reader)
    {
        StreetAddress? streets = Address(reader, "streets", required: true);
        string? kind = reader.String("kind", required: true, what: "one of " + string.Join(", ", CrossingKinds));
        if (kind is not null && !CrossingKinds.Contains(kind, StringComparer.Ordinal))
        {
            reader.Context.Error(reader.Child("kind"), $"unknown crossing kind '{kind}'",
                Suggestions.DidYouMean(kind, CrossingKinds) ?? "one of " + string.Join(", ", CrossingKinds));
            return null;
        }
        return streets is null || kind is null
            ? null
            : new AddCrossing(streets, kind switch { "zebra" => CrossingKind.Zebra, "signalised" => CrossingKind.Signalised, _ => CrossingKind.Uncontrolled })
            {
                Origin = Here(reader),
            };
    }

    private static NewPlace? ReadNewPlace(ObjectReader reader)
    {
        LonLat? point = reader.Point("point", required: true);
        PlaceSpec? place = ReadPlace(reader);
        return point is null || place is null ? null : new NewPlace(place, point.Value) { Origin = Here(reader) };
    }

    private static NewHousing? ReadNewHousing(ObjectReader reader)
    {
        LonLat? point = reader.Point("point", required: true);
        int? dwellings = reader.Integer("dwellings", 1, MaxDwellings, "dwellings", required: true);
        double? size = reader.Number("householdSize", MinHouseholdSize, MaxHouseholdSize, "people per household", required: true);
        return point is null || dwellings is null || size is null ? null : new NewHousing(point.Value, dwellings.Value, size.Value) { Origin = Here(reader) };
    }

    /// <summary>kind, name, capacity, openingHours of a place (in a mixed-use list or a new-place entry).</summary>
    private static PlaceSpec? ReadPlace(ObjectReader reader)
    {
        string? kindText = reader.String("kind", required: true, what: "a place kind");
        PlaceKind? kind = null;
        if (kindText is not null)
        {
            if (PlaceKinds.TryGetValue(kindText, out PlaceKind k))
            {
                kind = k;
            }
            else
            {
                reader.Context.Error(reader.Child("kind"), $"unknown place kind '{kindText}'",
                    Suggestions.DidYouMean(kindText, PlaceKinds.Keys) ?? "one of " + string.Join(", ", PlaceKinds.Keys.Order(StringComparer.Ordinal)));
            }
        }
        string name = reader.String("name") ?? string.Empty;
        int? capacity = reader.Integer("capacity", 1, MaxPlaceCapacity, "people");
        string? hours = reader.String("openingHours", what: "OSM opening_hours text such as \"Mo-Sa 08:00-18:00\"");
        if (hours is not null && (hours.Trim().Length == 0 || hours.Length > MaxOpeningHoursLength))
        {
            reader.Context.Error(reader.Child("openingHours"), $"must be OSM opening_hours text of 1 to {MaxOpeningHoursLength} characters");
            return null;
        }
        return kind is null ? null : new PlaceSpec(kind.Value, name, capacity, hours);
    }

    /// <summary>
    /// A street address: exactly one of name, osmWayIds, polygon, or point with radiusMetres.
    /// </summary>
    private static StreetAddress? Address(ObjectReader parent, string field, bool required)
    {
        JsonElement? element = parent.Get(field);
        if (element is null)
        {
            if (required)
            {
                parent.Missing(field, "which streets: {\"name\": ...}, {\"osmWayIds\": [...]}, {\"polygon\": [[lon, lat], ...]} or {\"point\": [lon, lat], \"radiusMetres\": ...}");
            }
            return null;
        }
        ObjectReader? reader = ObjectReader.Open(parent.Context, element.Value, parent.Child(field), ScenarioFormat.StreetAddressShape);
        if (reader is null)
        {
            return null;
        }
        string[] ways = ["name", "osmWayIds", "polygon", "point"];
        string[] given = [.. ways.Where(reader.Has)];
        if (given.Length != 1)
        {
            reader.Context.Error(reader.Path, given.Length == 0
                ? "must say which streets: one of name, osmWayIds, polygon, or point with radiusMetres"
                : $"must use one way of addressing, got {string.Join(" and ", given)}");
            return null;
        }
        SourceLocation origin = parent.Context.At(reader.Path);
        if (given[0] != "point" && reader.Has("radiusMetres"))
        {
            reader.Context.Error(reader.Child("radiusMetres"), "only applies with 'point'");
            return null;
        }
        switch (given[0])
        {
            case "name":
                string? name = NonEmpty(reader, "name");
                return name is null ? null : new StreetByName(name.Trim()) { Origin = origin };
            case "osmWayIds":
                JsonElement ids = reader.Get("osmWayIds")!.Value;
                if (ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() == 0
                    || ids.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.Number || !i.TryGetInt64(out long v) || v <= 0))
                {
                    reader.Context.Error(reader.Child("osmWayIds"), $"must be a non-empty list of positive OSM way ids, got {ids.GetRawText()}");
                    return null;
                }
                return new StreetByOsmWayIds([.. ids.EnumerateArray().Select(i => i.GetInt64())]) { Origin = origin };
            case "polygon":
                IReadOnlyList<LonLat>? polygon = reader.Points("polygon", 3);
                return polygon is null ? null : new StreetByPolygon(polygon) { Origin = origin };
            default:
                LonLat? point = reader.Point("point");
                double? radius = reader.Number("radiusMetres", 1, MaxRadiusMetres, "m", required: true);
                return point is null || radius is null ? null : new StreetByPoint(point.Value, radius.Value) { Origin = origin };
        }
    }
}
