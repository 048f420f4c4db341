namespace DigitalTwin.Engine.Places;

/// <summary>
/// Which OSM tags make a place the model knows, and how many people it holds when the tags do not say.
/// Pure and table-driven, shared by the OSM and GeoJSON importers.
/// </summary>
internal static class OsmPlaceInterpretation
{
    /// <summary>
    /// A standard 1.8 m park bench seats three adults side by side (about 0.6 m a person, the Dutch
    /// "zitbank" catalogue width); used when a bench has neither seats=* nor capacity=*.
    /// </summary>
    public const int BenchSeatsDefault = 3;

    /// <summary>
    /// People present at once when capacity=* is missing: order-of-magnitude figures for a Dutch neighbourhood.
    /// A corner shop holds about 15 customers, a supermarket about 60; a café about 30 seats and a restaurant 40;
    /// a barber 4 chairs; a primary school about 300 pupils (Dutch average about 220, rounded up for staff and
    /// parents at the gate); a childcare centre 40; a playground 20 children with parents; a neighbourhood park
    /// 100; a community centre 50; a church or mosque 100; a transit stop 20 waiting; a library 50; a sports
    /// centre 60; a GP practice or pharmacy 15 in the waiting room; a market 200 visitors at once.
    /// </summary>
    public static int DefaultCapacity(PlaceKind kind) => kind switch
    {
        PlaceKind.Shop => 15,
        PlaceKind.Supermarket => 60,
        PlaceKind.Cafe => 30,
        PlaceKind.Restaurant => 40,
        PlaceKind.Pub => 40,
        PlaceKind.Market => 200,
        PlaceKind.Barber => 4,
        PlaceKind.School => 300,
        PlaceKind.Kindergarten => 40,
        PlaceKind.Playground => 20,
        PlaceKind.Park => 100,
        PlaceKind.CommunityCentre => 50,
        PlaceKind.PlaceOfWorship => 100,
        PlaceKind.TransitStop => 20,
        PlaceKind.Bench => BenchSeatsDefault,
        PlaceKind.Library => 50,
        PlaceKind.SportsCentre => 60,
        PlaceKind.Healthcare => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Every place kind needs a default capacity."),
    };

    /// <summary>
    /// The place kind the tags describe, or null when they describe none the model uses. Picnic tables
    /// (leisure=picnic_table) are left out: on a campus they stand in groups at canteens and sports fields, where
    /// they would outnumber the street benches (86 to 74 in Delft-Wippolder) that the bench model is about.
    /// </summary>
    public static PlaceKind? Classify(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (Tag(tags, "shop") is { } shop)
        {
            return shop switch
            {
                "vacant" or "no" => null,
                "supermarket" => PlaceKind.Supermarket,
                "hairdresser" or "barber" => PlaceKind.Barber,
                _ => PlaceKind.Shop,
            };
        }
        PlaceKind? amenity = Tag(tags, "amenity") switch
        {
            "cafe" or "ice_cream" => PlaceKind.Cafe,
            "restaurant" or "fast_food" or "food_court" => PlaceKind.Restaurant,
            "pub" or "bar" or "biergarten" => PlaceKind.Pub,
            "marketplace" => PlaceKind.Market,
            "school" => PlaceKind.School,
            "kindergarten" or "childcare" => PlaceKind.Kindergarten,
            "community_centre" or "social_centre" => PlaceKind.CommunityCentre,
            "place_of_worship" => PlaceKind.PlaceOfWorship,
            "library" => PlaceKind.Library,
            "bench" => PlaceKind.Bench,
            "doctors" or "pharmacy" or "dentist" or "clinic" or "physiotherapist" => PlaceKind.Healthcare,
            _ => null,
        };
        if (amenity is not null)
        {
            return amenity;
        }
        PlaceKind? leisure = Tag(tags, "leisure") switch
        {
            "playground" => PlaceKind.Playground,
            "park" => PlaceKind.Park,
            "sports_centre" or "fitness_centre" => PlaceKind.SportsCentre,
            _ => null,
        };
        if (leisure is not null)
        {
            return leisure;
        }
        if (Tag(tags, "highway") == "bus_stop" || Tag(tags, "railway") is "tram_stop" or "station" or "halt"
            || Tag(tags, "public_transport") is "platform" or "stop_position" or "station")
        {
            return PlaceKind.TransitStop;
        }
        return null;
    }

    /// <summary>seats=* for benches, else capacity=*, else the kind's default.</summary>
    public static int CapacityOf(IReadOnlyDictionary<string, string> tags, PlaceKind kind)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (kind == PlaceKind.Bench && PositiveInt(Tag(tags, "seats")) is { } seats)
        {
            return seats;
        }
        if (PositiveInt(Tag(tags, "capacity")) is { } capacity)
        {
            return capacity;
        }
        return DefaultCapacity(kind);
    }

    private static int? PositiveInt(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;

    private static string? Tag(IReadOnlyDictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
