using System.Text.Json;
using DigitalTwin.Engine.Interventions;

namespace DigitalTwin.Engine.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>A radius beyond 5 km addresses more than a neighbourhood: a typing mistake.</summary>
    private const double MaxRadiusMetres = 5_000;

    /// <summary>One entry of <c>interventions</c>: its type picks the shape of fields allowed and the reader (<see cref="InterventionRegistry"/>).</summary>
    private static Intervention? ReadIntervention(FileContext context, JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            context.Error(path, $"must be an object with a \"type\", got {context.Describe(element)}");
            return null;
        }
        IReadOnlyList<string> typeNames = InterventionRegistry.TypeNames;
        if (!element.TryGetProperty("type", out JsonElement typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            context.Error(path + ".type", "is required: the intervention type", "one of " + string.Join(", ", typeNames));
            return null;
        }
        string type = typeElement.GetString()!;
        if (!InterventionRegistry.ByName.TryGetValue(type, out InterventionType? format))
        {
            context.Error(path + ".type", $"unknown intervention type '{type}'",
                Suggestions.DidYouMean(type, typeNames) ?? "one of " + string.Join(", ", typeNames));
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
        Intervention? intervention = format.Read(reader);
        // A reader may build a value after reporting a problem in an optional field; the problem wins.
        return intervention is null || context.Problems.Count > before ? null : intervention with { Origin = origin, Note = note };
    }

    /// <summary>
    /// A street address: exactly one of name, osmWayIds, polygon, or point with radiusMetres.
    /// </summary>
    internal static StreetAddress? ReadStreetAddress(ObjectReader parent, string field, bool required)
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
