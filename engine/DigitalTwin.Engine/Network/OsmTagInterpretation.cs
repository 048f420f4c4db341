using System.Globalization;

namespace DigitalTwin.Engine.Network;

/// <summary>
/// Turns the OSM tags of a highway way (or the OSM-like properties of a GeoJSON line) into the attributes the
/// model uses. Pure and table-driven: every default lives in <see cref="DefaultsFor"/> with its reasoning, and tags
/// only ever override those defaults. Returns null for ways that are not streets for people (motorways,
/// roads under construction, ways closed to walkers and cyclists alike).
/// </summary>
internal static class OsmTagInterpretation
{
    // Pavement widths. CROW (ASVV 2021, "voetgangersvoorzieningen") asks 1.50 m as the absolute minimum free
    // width of a pavement and 1.80 m where two people must pass; Dutch residential streets typically have
    // 1.5–1.8 m on each side, busier streets about 2 m. Footpaths in parks and between blocks are about 2 m.
    private const float ResidentialSideMetres = 1.5f;
    private const float DistributorSideMetres = 1.8f;
    private const float MainRoadSideMetres = 2.0f;
    private const float FootwayMetres = 2.0f;
    private const float PathMetres = 1.5f;
    private const float StepsMetres = 1.5f;

    /// <summary>
    /// A woonerf (living street) and a pedestrian street are shared surfaces: walkers may use the whole width,
    /// typically 4–6 m between the fronts; 4 m is the conservative end.
    /// </summary>
    private const float SharedSurfaceMetres = 4.0f;

    private const float PedestrianStreetMetres = 5.0f;

    /// <summary>
    /// Service roads (driveways, parking aisles) rarely have pavements, but carry so little traffic that walkers
    /// use the carriageway: about 3 m of it is counted as usable walking width.
    /// </summary>
    private const float ServiceRoadWalkableMetres = 3.0f;

    /// <summary>
    /// Walkers may use a cycle track where there is no footway beside it (RVV 1990, art. 4); they keep to its edge,
    /// counted as 1 m of walking width.
    /// </summary>
    private const float CyclewayEdgeMetres = 1.0f;

    // Car traffic, vehicles per day both directions. Order-of-magnitude defaults for Dutch urban roads by
    // function (CROW: erftoegangsweg < 1,000–2,000; gebiedsontsluitingsweg 5,000–20,000), not counts.
    private const float PrimaryVehiclesPerDay = 15_000f;
    private const float SecondaryVehiclesPerDay = 8_000f;
    private const float TertiaryVehiclesPerDay = 3_000f;
    private const float UnclassifiedVehiclesPerDay = 1_000f;
    private const float ResidentialVehiclesPerDay = 500f;
    private const float LivingStreetVehiclesPerDay = 100f;
    private const float ServiceVehiclesPerDay = 100f;

    // Speed limits, km/h: Dutch built-up area 50 (RVV art. 20), 30 zones in residential streets (Duurzaam Veilig),
    // "stapvoets" in a woonerf (about 15 km/h).
    private const float UrbanKmh = 50f;
    private const float RuralKmh = 80f;
    private const float ZoneThirtyKmh = 30f;
    private const float WalkingPaceKmh = 15f;
    private const float MotorwayKmh = 100f;
    private const float KilometresPerMile = 1.609344f;
    private const float KilometresPerNauticalMile = 1.852f;

    private const TravelModes WalkBikeCar = TravelModes.Walk | TravelModes.Bike | TravelModes.Car;
    private const TravelModes WalkBike = TravelModes.Walk | TravelModes.Bike;

    /// <summary>
    /// The default table, one row per highway type. Pavement widths count both sides; cyclists in the Netherlands
    /// may not ride on a footway or pedestrian street unless signed (bicycle=yes).
    /// </summary>
    public static HighwayDefaults? DefaultsFor(HighwayKind kind) => kind switch
    {
        HighwayKind.Primary => new(WalkBikeCar, 2 * MainRoadSideMetres, MainRoadSideMetres, PrimaryVehiclesPerDay, UrbanKmh),
        HighwayKind.Secondary => new(WalkBikeCar, 2 * MainRoadSideMetres, MainRoadSideMetres, SecondaryVehiclesPerDay, UrbanKmh),
        HighwayKind.Tertiary => new(WalkBikeCar, 2 * DistributorSideMetres, DistributorSideMetres, TertiaryVehiclesPerDay, UrbanKmh),
        // Unclassified roads often have a pavement on one side only.
        HighwayKind.Unclassified => new(WalkBikeCar, ResidentialSideMetres, ResidentialSideMetres, UnclassifiedVehiclesPerDay, UrbanKmh),
        HighwayKind.Residential => new(WalkBikeCar, 2 * ResidentialSideMetres, ResidentialSideMetres, ResidentialVehiclesPerDay, ZoneThirtyKmh),
        HighwayKind.LivingStreet => new(WalkBikeCar, SharedSurfaceMetres, ResidentialSideMetres, LivingStreetVehiclesPerDay, WalkingPaceKmh),
        HighwayKind.Service => new(WalkBikeCar, ServiceRoadWalkableMetres, ResidentialSideMetres, ServiceVehiclesPerDay, WalkingPaceKmh),
        HighwayKind.Pedestrian => new(TravelModes.Walk, PedestrianStreetMetres, PedestrianStreetMetres, 0, 0),
        HighwayKind.Footway => new(TravelModes.Walk, FootwayMetres, FootwayMetres, 0, 0),
        HighwayKind.Path => new(WalkBike, PathMetres, PathMetres, 0, 0),
        HighwayKind.Cycleway => new(WalkBike, CyclewayEdgeMetres, CyclewayEdgeMetres, 0, 0),
        HighwayKind.Steps => new(TravelModes.Walk, StepsMetres, StepsMetres, 0, 0),
        // Tracks are farm and forest roads: open to walkers and cyclists, cars only with permission.
        HighwayKind.Track => new(WalkBike, PathMetres, PathMetres, 0, 0),
        HighwayKind.Bridleway => new(TravelModes.Walk, PathMetres, PathMetres, 0, 0),
        HighwayKind.Corridor => new(TravelModes.Walk, FootwayMetres, FootwayMetres, 0, 0),
        HighwayKind.Platform => new(TravelModes.Walk, FootwayMetres, FootwayMetres, 0, 0),
        // Motorways and trunk roads are closed to walkers and cyclists (RVV art. 4 and 5 on autosnelwegen/autowegen).
        _ => null,
    };

    /// <summary>Maps the highway=* value to a kind; unknown values (construction, proposed, raceway …) are Other.</summary>
    public static HighwayKind ParseHighway(string? value) => value switch
    {
        "motorway" or "motorway_link" => HighwayKind.Motorway,
        "trunk" or "trunk_link" => HighwayKind.Trunk,
        "primary" or "primary_link" => HighwayKind.Primary,
        "secondary" or "secondary_link" => HighwayKind.Secondary,
        "tertiary" or "tertiary_link" => HighwayKind.Tertiary,
        "unclassified" or "road" => HighwayKind.Unclassified,
        "residential" => HighwayKind.Residential,
        "living_street" => HighwayKind.LivingStreet,
        "service" => HighwayKind.Service,
        "pedestrian" => HighwayKind.Pedestrian,
        "footway" => HighwayKind.Footway,
        "path" => HighwayKind.Path,
        "cycleway" => HighwayKind.Cycleway,
        "steps" => HighwayKind.Steps,
        "track" => HighwayKind.Track,
        "bridleway" => HighwayKind.Bridleway,
        "corridor" => HighwayKind.Corridor,
        "platform" => HighwayKind.Platform,
        _ => HighwayKind.Other,
    };

    /// <summary>The OSM highway=* value of a kind (the main value, without _link), for export.</summary>
    public static string ToOsmValue(HighwayKind kind) => kind switch
    {
        HighwayKind.LivingStreet => "living_street",
        HighwayKind.Other => "road",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Interprets a highway way's tags. Null when the way is not a highway, not a street for people (motorway,
    /// trunk, construction …), or closed to walkers, cyclists and cars alike. A road closed to walkers and cyclists but
    /// open to cars (a main road tagged foot=use_sidepath and bicycle=use_sidepath, whose pavements and cycle tracks are
    /// mapped as ways of their own) is kept as a carriageway for cars only, with no pavement: residents drive on it,
    /// its traffic is what walkers wait for where they cross it, and without it the car network falls apart into
    /// islands of side streets.
    /// </summary>
    public static SegmentAttributes? Interpret(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        HighwayKind kind = ParseHighway(Tag(tags, "highway"));
        if (DefaultsFor(kind) is not { } defaults)
        {
            return null;
        }

        TravelModes both = AccessModes(tags, defaults.Modes);
        if (both == TravelModes.None)
        {
            return null;
        }
        bool carriagewayOnly = (both & WalkBike) == TravelModes.None;
        var (forward, backward) = ApplyOneway(tags, kind, both);

        bool carAllowed = (both & TravelModes.Car) != 0;
        return new SegmentAttributes
        {
            Highway = kind,
            ModesForward = forward,
            ModesBackward = backward,
            PavementWidthMetres = carriagewayOnly ? 0 : PavementWidth(tags, kind, defaults),
            CarVehiclesPerDay = carAllowed ? defaults.CarVehiclesPerDay : 0,
            SpeedLimitKmh = carAllowed ? ParseMaxSpeedKmh(Tag(tags, "maxspeed")) ?? defaults.SpeedLimitKmh : 0,
            Lighting = ParseLighting(Tag(tags, "lit")),
            Surface = ParseSurface(Tag(tags, "surface"), Tag(tags, "smoothness")),
            Frontage = Frontage.Unknown,
            Name = Tag(tags, "name") ?? string.Empty,
        };
    }

    /// <summary>
    /// Modes allowed at all: the highway type's defaults, then access=*, then the most specific mode tag
    /// (foot; bicycle over vehicle; motorcar over motor_vehicle over vehicle), as OSM's access hierarchy says.
    /// </summary>
    public static TravelModes AccessModes(IReadOnlyDictionary<string, string> tags, TravelModes defaults)
    {
        ArgumentNullException.ThrowIfNull(tags);
        // access=yes opens nothing the highway type excludes (a footway stays closed to cars); access=no closes all.
        bool closed = ParseAccess(Tag(tags, "access")) == false;
        bool walk = ParseAccess(Tag(tags, "foot")) ?? (!closed && (defaults & TravelModes.Walk) != 0);
        bool bike = ParseAccess(Tag(tags, "bicycle")) ?? ParseAccess(Tag(tags, "vehicle"))
            ?? (!closed && (defaults & TravelModes.Bike) != 0);
        bool car = ParseAccess(Tag(tags, "motorcar")) ?? ParseAccess(Tag(tags, "motor_vehicle"))
            ?? ParseAccess(Tag(tags, "vehicle")) ?? (!closed && (defaults & TravelModes.Car) != 0);
        return (walk ? TravelModes.Walk : 0) | (bike ? TravelModes.Bike : 0) | (car ? TravelModes.Car : 0);
    }

    /// <summary>yes/designated/permissive/destination/customers open a way; no/private/use_sidepath/dismount close it.</summary>
    public static bool? ParseAccess(string? value) => value switch
    {
        null => null,
        "yes" or "designated" or "permissive" or "destination" or "customers" or "official" or "delivery" => true,
        "no" or "private" or "use_sidepath" or "dismount" or "discouraged" or "agricultural" or "forestry" => false,
        _ => null,
    };

    /// <summary>
    /// Applies oneway=* to cars and bikes (walkers are never bound by it). Bikes may ride against a one-way when
    /// oneway:bicycle=no or cycleway=opposite*; oneway:bicycle=yes makes a two-way street one-way for bikes.
    /// A roundabout is one-way unless tagged otherwise.
    /// </summary>
    public static (TravelModes Forward, TravelModes Backward) ApplyOneway(
        IReadOnlyDictionary<string, string> tags, HighwayKind kind, TravelModes both)
    {
        ArgumentNullException.ThrowIfNull(tags);
        string? oneway = Tag(tags, "oneway");
        if (oneway is null && Tag(tags, "junction") is "roundabout" or "circular")
        {
            oneway = "yes";
        }
        int vehicleDirection = OnewayDirection(oneway);
        int bikeDirection = vehicleDirection;
        if (Tag(tags, "oneway:bicycle") is { } bikeOwn)
        {
            bikeDirection = OnewayDirection(bikeOwn);
        }
        else if (vehicleDirection != 0 && BikesContraflow(tags))
        {
            bikeDirection = 0;
        }
        // A one-way footway binds nobody on foot, and a one-way cycle track binds bikes only.
        if (kind is HighwayKind.Footway or HighwayKind.Pedestrian or HighwayKind.Steps)
        {
            vehicleDirection = 0;
        }

        TravelModes forward = both, backward = both;
        Restrict(TravelModes.Car, vehicleDirection, ref forward, ref backward);
        Restrict(TravelModes.Bike, bikeDirection, ref forward, ref backward);
        return (forward, backward);
    }

    /// <summary>1: one-way along the way; -1: against it; 0: both ways.</summary>
    private static int OnewayDirection(string? value) => value switch
    {
        "yes" or "true" or "1" => 1,
        "-1" or "reverse" => -1,
        _ => 0,
    };

    private static bool BikesContraflow(IReadOnlyDictionary<string, string> tags)
    {
        foreach (string key in (ReadOnlySpan<string>)["cycleway", "cycleway:left", "cycleway:right", "cycleway:both"])
        {
            if (Tag(tags, key) is { } v && v.StartsWith("opposite", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return Tag(tags, "cycleway:left:oneway") is "no" or "-1" || Tag(tags, "cycleway:right:oneway") is "no" or "-1";
    }

    private static void Restrict(TravelModes mode, int direction, ref TravelModes forward, ref TravelModes backward)
    {
        if (direction == 1)
        {
            backward &= ~mode;
        }
        else if (direction == -1)
        {
            forward &= ~mode;
        }
    }

    /// <summary>
    /// Walking width. For paths (footway, path, cycleway, steps, pedestrian …) width=* or est_width=* is the path
    /// itself. For roads, width=* is the carriageway, so only sidewalk tags count: sidewalk:&lt;side&gt;:width,
    /// else the highway type's pavement width per side with a sidewalk. sidewalk=no|none|separate gives 0 (the
    /// walkers' own pavement, if any, is mapped as a separate footway).
    /// </summary>
    public static float PavementWidth(IReadOnlyDictionary<string, string> tags, HighwayKind kind, HighwayDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(tags);
        bool isPath = kind is HighwayKind.Footway or HighwayKind.Path or HighwayKind.Cycleway or HighwayKind.Steps
            or HighwayKind.Pedestrian or HighwayKind.Track or HighwayKind.Bridleway or HighwayKind.Corridor or HighwayKind.Platform;
        if (isPath)
        {
            if ((ParseWidthMetres(Tag(tags, "width")) ?? ParseWidthMetres(Tag(tags, "est_width"))) is { } own)
            {
                return own;
            }
            // A footway mapped as a street's pavement is one pavement, not a park path.
            return Tag(tags, "footway") == "sidewalk" ? DistributorSideMetres : defaults.PavementWidthMetres;
        }

        float side = ParseWidthMetres(Tag(tags, "sidewalk:both:width")) ?? ParseWidthMetres(Tag(tags, "sidewalk:width")) ?? defaults.PavementSideWidthMetres;
        float left = ParseWidthMetres(Tag(tags, "sidewalk:left:width")) ?? side;
        float right = ParseWidthMetres(Tag(tags, "sidewalk:right:width")) ?? side;
        bool? hasLeft = SideHas(Tag(tags, "sidewalk:left")) ?? SideHas(Tag(tags, "sidewalk:both"));
        bool? hasRight = SideHas(Tag(tags, "sidewalk:right")) ?? SideHas(Tag(tags, "sidewalk:both"));
        switch (Tag(tags, "sidewalk"))
        {
            case "both" or "yes":
                hasLeft ??= true;
                hasRight ??= true;
                break;
            case "left":
                hasLeft ??= true;
                hasRight ??= false;
                break;
            case "right":
                hasLeft ??= false;
                hasRight ??= true;
                break;
            case "no" or "none" or "separate":
                hasLeft ??= false;
                hasRight ??= false;
                break;
        }
        if (hasLeft is null && hasRight is null)
        {
            // No sidewalk tags: the type's default, unless a width tag for the sides says otherwise.
            return ParseWidthMetres(Tag(tags, "sidewalk:both:width")) is { } both ? 2 * both : defaults.PavementWidthMetres;
        }
        return (hasLeft == true ? left : 0) + (hasRight == true ? right : 0);
    }

    private static bool? SideHas(string? value) => value switch
    {
        "yes" => true,
        "no" or "none" or "separate" => false,
        _ => null,
    };

    /// <summary>Parses "2", "2.5", "2,5", "2.5 m", "250 cm", "7'6\"" into metres; null when absent or absurd.</summary>
    public static float? ParseWidthMetres(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        string text = value.Trim().Replace(',', '.');
        float factor = 1f;
        if (text.EndsWith("cm", StringComparison.Ordinal))
        {
            factor = 0.01f;
            text = text[..^2];
        }
        else if (text.EndsWith('m'))
        {
            text = text[..^1];
        }
        else if (text.Contains('\'', StringComparison.Ordinal))
        {
            string[] parts = text.Split('\'');
            if (float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out float feet))
            {
                float inches = parts.Length > 1 && float.TryParse(parts[1].Trim('"', ' '), NumberStyles.Float, CultureInfo.InvariantCulture, out float i) ? i : 0;
                return Sane((feet * 12 + inches) * 0.0254f);
            }
            return null;
        }
        return float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float w) ? Sane(w * factor) : null;

        // Widths of 0 or beyond a plaza are tagging mistakes; the default is the better guess then.
        static float? Sane(float metres) => metres is > 0 and <= MaximumPlausibleWidthMetres ? metres : null;
    }

    private const float MaximumPlausibleWidthMetres = 50f;

    /// <summary>
    /// Parses maxspeed=*: "30", "30 mph", "20 knots", "NL:urban", "NL:rural", "NL:zone30", "DE:living_street",
    /// "walk". Null for "none", "signals", "variable" or anything unreadable (the type's default then applies).
    /// </summary>
    public static float? ParseMaxSpeedKmh(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        string text = value.Trim();
        if (text == "walk")
        {
            return WalkingPaceKmh;
        }
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            string zone = text[(colon + 1)..];
            return zone switch
            {
                "urban" => UrbanKmh,
                "rural" => RuralKmh,
                "living_street" or "walk" => WalkingPaceKmh,
                "motorway" => MotorwayKmh,
                _ when zone.StartsWith("zone", StringComparison.Ordinal)
                    && float.TryParse(zone.AsSpan(4).TrimStart(':'), NumberStyles.Float, CultureInfo.InvariantCulture, out float z) => z,
                _ => null,
            };
        }
        float factor = 1f;
        if (text.EndsWith("mph", StringComparison.Ordinal))
        {
            factor = KilometresPerMile;
            text = text[..^3];
        }
        else if (text.EndsWith("knots", StringComparison.Ordinal))
        {
            factor = KilometresPerNauticalMile;
            text = text[..^5];
        }
        else if (text.EndsWith("km/h", StringComparison.Ordinal))
        {
            text = text[..^4];
        }
        return float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float speed) && speed > 0
            ? speed * factor
            : null;
    }

    /// <summary>lit=yes/24/7/automatic/limited/interval/sunset-sunrise are lit; no/disused unlit; else unknown.</summary>
    public static Lighting ParseLighting(string? value) => value switch
    {
        null => Lighting.Unknown,
        "yes" or "24/7" or "automatic" or "limited" or "interval" or "sunset-sunrise" or "dusk-dawn" => Lighting.Lit,
        "no" or "disused" => Lighting.Unlit,
        _ => Lighting.Unknown,
    };

    /// <summary>
    /// Surface quality for someone with limited mobility: setts and cobbles are Uneven, unpaved surfaces Poor;
    /// smoothness=bad or worse is Poor whatever the surface. The worse of the two wins.
    /// </summary>
    public static SurfaceQuality ParseSurface(string? surface, string? smoothness)
    {
        SurfaceQuality fromSurface = surface switch
        {
            "sett" or "cobblestone" or "unhewn_cobblestone" or "cobblestone:flattened" or "stepping_stones"
                or "compacted" or "fine_gravel" or "grass_paver" or "woodchips" => SurfaceQuality.Uneven,
            "unpaved" or "gravel" or "grass" or "dirt" or "sand" or "ground" or "earth" or "mud" or "pebblestone"
                or "rock" or "stone" => SurfaceQuality.Poor,
            _ => SurfaceQuality.Good,
        };
        SurfaceQuality fromSmoothness = smoothness switch
        {
            "bad" or "very_bad" or "horrible" or "very_horrible" or "impassable" => SurfaceQuality.Poor,
            _ => SurfaceQuality.Good,
        };
        return (SurfaceQuality)Math.Max((int)fromSurface, (int)fromSmoothness);
    }

    private static string? Tag(IReadOnlyDictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
