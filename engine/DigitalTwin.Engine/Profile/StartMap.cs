using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine.Profile;

/// <summary>Per street segment, what the start map found (arrays indexed by segment).</summary>
/// <param name="Walkable">Whether people may walk on it.</param>
/// <param name="WalkingWidthPerSideMetres">Pavement width per side: half the walking width where a carriageway lies between two pavements, else the path's whole width.</param>
/// <param name="Narrow">Walkable and narrower per side than the narrow-pavement threshold.</param>
/// <param name="Busy">A busy road: at or above the busy speed limit or traffic volume, with cars allowed.</param>
/// <param name="CarriagewayMetres">Carriageway width (0 where cars may not drive).</param>
/// <param name="NearestThirdPlaceMetres">Walking distance from the segment's midpoint to the nearest third place (infinity beyond the far distance).</param>
public sealed record StartMapSegments(bool[] Walkable, float[] WalkingWidthPerSideMetres, bool[] Narrow, bool[] Busy, float[] CarriagewayMetres, double[] NearestThirdPlaceMetres);

/// <summary>Per home (indexed as the neighbourhood's homes), the walking distance to the nearest third place and whether it is within reach.</summary>
public sealed record StartMapHomes(double[] NearestThirdPlaceMetres, bool[] WithinNear, bool[] WithinFar);

/// <summary>
/// The start map of a neighbourhood: the features of its streets, places and homes that help or hinder meeting
/// neighbours (TNO's method, step 1B: "een objectieve startfoto of startkaart"), as figures with their definitions
/// and sources, and per segment and home for the maps and GIS layers. A pure function of the neighbourhood.
/// </summary>
public sealed partial record StartMap(IReadOnlyList<ProfileIndicator> Indicators, StartMapSegments Segments, StartMapHomes Homes, IReadOnlyList<int> BusyRoadCrossingNodes, StartMapParameters Parameters)
{
    public const string WalkingTheme = "walking";
    public const string LingeringTheme = "sitting and lingering";
    public const string MeetingPlacesTheme = "meeting places";
    public const string BarriersTheme = "barriers";
    public const string StreetSpaceTheme = "street space";
    public const string GreenTheme = "green";

    private const string TnoSource = "TNO (Pronk et al.), Ruimtelijk ontwerp voor sociale cohesie";

    /// <summary>
    /// Third places by group: places outside home and work where people meet informally (TNO Tabel 3, "Sociale
    /// voorzieningen": cafés, restaurants, bars, shops, barbers, markets; Tabel 2: playgrounds and parks as green
    /// meeting places; community centres and libraries as the "sociale basis").
    /// </summary>
    public static IReadOnlyList<(string Key, string Label, PlaceKind[] Kinds)> ThirdPlaceGroups { get; } =
    [
        ("any", "any third place", [PlaceKind.Cafe, PlaceKind.Restaurant, PlaceKind.Pub, PlaceKind.Shop, PlaceKind.Supermarket, PlaceKind.Market, PlaceKind.Barber, PlaceKind.CommunityCentre, PlaceKind.Library, PlaceKind.Playground, PlaceKind.Park]),
        ("foodAndDrink", "a café, restaurant or pub", [PlaceKind.Cafe, PlaceKind.Restaurant, PlaceKind.Pub]),
        ("shops", "a shop, supermarket, market or barber", [PlaceKind.Shop, PlaceKind.Supermarket, PlaceKind.Market, PlaceKind.Barber]),
        ("community", "a community centre or library", [PlaceKind.CommunityCentre, PlaceKind.Library]),
        ("playAndGreen", "a playground or park", [PlaceKind.Playground, PlaceKind.Park]),
    ];

    /// <summary>Computes the start map of <paramref name="neighbourhood"/> with <paramref name="residents"/> residents.</summary>
    public static StartMap Compute(Neighbourhood neighbourhood, int residents, StartMapParameters? parameters = null, StreetCrossSectionParameters? crossSection = null)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        parameters ??= StartMapParameters.Default;
        crossSection ??= StreetCrossSectionParameters.Default;
        var network = neighbourhood.Network;
        var places = neighbourhood.Places;
        var homes = neighbourhood.Homes;
        int count = network.SegmentCount;
        var length = network.LengthMetres;

        var walkable = new bool[count];
        var widthPerSide = new float[count];
        var narrow = new bool[count];
        var busy = new bool[count];
        var carriageway = new float[count];
        double walkableMetres = 0, widthMetresTimesLength = 0, narrowMetres = 0, litMetres = 0, unknownLightMetres = 0;
        double activeMetres = 0, passiveMetres = 0, unknownFrontageMetres = 0, greenMetres = 0, busyMetres = 0;
        double carriagewayArea = 0, roadArea = 0;
        for (int s = 0; s < count; s++)
        {
            var id = new SegmentId(s);
            bool cars = (network.ModesEither(id) & TravelModes.Car) != 0;
            carriageway[s] = (float)LateralPlacement.CarriagewayMetres(network, s, crossSection);
            walkable[s] = (network.ModesEither(id) & TravelModes.Walk) != 0;
            // The network stores both pavements together; where a carriageway lies between them each side has half.
            widthPerSide[s] = carriageway[s] > 0 ? network.PavementWidthMetres[s] / 2 : network.PavementWidthMetres[s];
            busy[s] = cars && (network.SpeedLimitKmh[s] >= parameters.BusySpeedKmh || network.CarVehiclesPerDay[s] >= parameters.BusyVehiclesPerDay);
            if (busy[s])
            {
                busyMetres += length[s];
            }
            if (carriageway[s] > 0)
            {
                carriagewayArea += carriageway[s] * length[s];
                roadArea += (carriageway[s] + network.PavementWidthMetres[s]) * length[s];
            }
            if (!walkable[s])
            {
                continue;
            }
            walkableMetres += length[s];
            widthMetresTimesLength += widthPerSide[s] * length[s];
            narrow[s] = widthPerSide[s] < parameters.NarrowPavementMetres;
            narrowMetres += narrow[s] ? length[s] : 0;
            litMetres += network.Lighting[s] == Lighting.Lit ? length[s] : 0;
            unknownLightMetres += network.Lighting[s] == Lighting.Unknown ? length[s] : 0;
            activeMetres += network.Frontage[s] == Frontage.Active ? length[s] : 0;
            passiveMetres += network.Frontage[s] == Frontage.Passive ? length[s] : 0;
            unknownFrontageMetres += network.Frontage[s] == Frontage.Unknown ? length[s] : 0;
            greenMetres += network.GreenOrWaterAdjacent[s] ? length[s] : 0;
        }

        var indicators = new List<ProfileIndicator>();
        double walkableKm = walkableMetres / 1000;
        double? ShareOfWalkable(double metres) => walkableMetres > 0 ? 100 * metres / walkableMetres : null;
        double? PerThousandResidents(double value) => residents > 0 ? 1000 * value / residents : null;

        // Walking.
        indicators.Add(new("walkableStreetKm", WalkingTheme, "walkable street length", walkableKm, "km",
            "Length of all street segments people may walk on (streets with pavements, footways, paths, squares), each counted once.",
            "definition: the imported OpenStreetMap network"));
        indicators.Add(new("meanPavementWidthPerSideMetres", WalkingTheme, "mean pavement width per side", walkableMetres > 0 ? widthMetresTimesLength / walkableMetres : null, "m",
            "Walking width per side averaged over walkable length: half the street's walking width where a carriageway lies between two pavements, the whole width of a footway or path.",
            "definition: widths from OSM width/sidewalk tags where mapped, else the engine's defaults per street type (docs/MODEL.md)"));
        indicators.Add(new("narrowPavementKm", WalkingTheme, "length of narrow pavement", narrowMetres / 1000, "km",
            $"Walkable length whose walking width per side is below {parameters.NarrowPavementMetres:0.0#} m.", StartMapParameters.NarrowPavementSource));
        indicators.Add(new("narrowPavementShare", WalkingTheme, "share of walkable length with narrow pavement", ShareOfWalkable(narrowMetres), "%",
            $"Narrow pavement (below {parameters.NarrowPavementMetres:0.0#} m per side) as a share of walkable length.", StartMapParameters.NarrowPavementSource));
        indicators.Add(new("litShare", WalkingTheme, "lit share of street length", ShareOfWalkable(litMetres), "%",
            "Walkable length mapped as lit (OSM lit=yes) as a share of walkable length; unknown counts as not lit.",
            $"{TnoSource}, 'Slechte of ontbrekende verlichting' among the hindrances, and Tabel 2 (avondverlichting)"));
        indicators.Add(new("lightingUnknownShare", WalkingTheme, "share of street length with unknown lighting", ShareOfWalkable(unknownLightMetres), "%",
            "Walkable length without a lit tag in OpenStreetMap, as a share of walkable length: how far the lit share can be trusted.",
            "definition: OSM lit=* missing"));
        // The OpenStreetMap import does not know ground floors: a map where every street's frontage is unknown is not
        // assessed, rather than reported as 0 % active.
        bool frontageKnown = unknownFrontageMetres < walkableMetres;
        indicators.Add(new("activeFrontageShare", WalkingTheme, "active-frontage share", frontageKnown ? ShareOfWalkable(activeMetres) : null, "%",
            "Walkable length along active ground floors (shops, cafés, entrances with something to see) as a share of walkable length.",
            "Gehl, Kaefer & Reigstad (2006), Close encounters with buildings: seven times the activity in front of active facades; TNO lists 'onpersoonlijke gebouwen' as a hindrance"));
        indicators.Add(new("passiveFrontageShare", WalkingTheme, "blank-frontage share", frontageKnown ? ShareOfWalkable(passiveMetres) : null, "%",
            "Walkable length along blank walls, car parks and closed facades, as a share of walkable length.",
            "Gehl, Kaefer & Reigstad (2006): passive facades"));
        indicators.Add(new("frontageUnknownShare", WalkingTheme, "share of street length with unknown frontage", ShareOfWalkable(unknownFrontageMetres), "%",
            "Walkable length whose ground floors the map does not describe (the OpenStreetMap import leaves frontage unknown; interventions and GeoJSON maps set it); the frontage shares are not assessed when it is all unknown.",
            "definition: the network's frontage attribute"));

        // Sitting and lingering.
        int benches = places.CountOf(PlaceKind.Bench);
        indicators.Add(new("benches", LingeringTheme, "benches", benches, "", "Benches on the map (OSM amenity=bench; picnic tables are left out, as in the simulation).",
            $"{TnoSource}, 'Beperkte zitgelegenheid' among the hindrances; Tabel 2 (comfortabele zitplekken)"));
        indicators.Add(new("benchesPerKm", LingeringTheme, "benches per km of street", walkableKm > 0 ? benches / walkableKm : null, "per km",
            "Benches divided by walkable street length in km.", "reasoned: no published norm is bundled; compare with variants and similar neighbourhoods"));
        indicators.Add(new("benchesPer1000Residents", LingeringTheme, "benches per 1,000 residents", PerThousandResidents(benches), "per 1,000",
            "Benches per 1,000 residents of the scenario.", "reasoned: no published norm is bundled; compare with variants and similar neighbourhoods"));

        // Meeting places: third places within walking distance of each home.
        double[] homeDistance = new double[homes.Count];
        bool[] homeNear = new bool[homes.Count];
        bool[] homeFar = new bool[homes.Count];
        double[] segmentDistance = new double[count];
        foreach (var (key, label, kinds) in ThirdPlaceGroups)
        {
            var kindSet = kinds.ToHashSet();
            var points = new List<(int, double)>();
            for (int p = 0; p < places.Count; p++)
            {
                if (kindSet.Contains(places.Kind[p]))
                {
                    points.Add((places.Segment[p], places.OffsetMetres[p]));
                }
            }
            var distances = new WalkingDistances(network, points, parameters.FarMetres);
            int near = 0, far = 0;
            for (int h = 0; h < homes.Count; h++)
            {
                double d = distances.To(homes.Segment[h], homes.OffsetMetres[h]);
                near += d <= parameters.NearMetres ? 1 : 0;
                far += d <= parameters.FarMetres ? 1 : 0;
                if (key == "any")
                {
                    homeDistance[h] = d <= parameters.FarMetres ? d : double.PositiveInfinity;
                    homeNear[h] = d <= parameters.NearMetres;
                    homeFar[h] = d <= parameters.FarMetres;
                }
            }
            if (key == "any")
            {
                for (int s = 0; s < count; s++)
                {
                    double d = distances.To(s, length[s] / 2);
                    segmentDistance[s] = d <= parameters.FarMetres ? d : double.PositiveInfinity;
                }
                indicators.Add(new("thirdPlaces", MeetingPlacesTheme, "third places", points.Count, "",
                    "Cafés, restaurants, pubs, shops, supermarkets, markets, barbers, community centres, libraries, playgrounds and parks on the map.",
                    $"{TnoSource}, Tabel 3 'Sociale voorzieningen' (third places) and Tabel 2 'Groen en blauw'"));
            }
            foreach (var (distance, reached) in new[] { (parameters.NearMetres, near), (parameters.FarMetres, far) })
            {
                indicators.Add(new($"homesWithin{distance:0}m{char.ToUpperInvariant(key[0])}{key[1..]}", MeetingPlacesTheme,
                    $"homes within {distance:0} m walk of {label}", homes.Count > 0 ? 100.0 * reached / homes.Count : null, "%",
                    $"Share of homes (address points or buildings with dwellings) from which {label} is at most {distance:0} m away along walkable streets (network distance, not straight line).",
                    StartMapParameters.ReachSource));
            }
        }

        // Barriers: busy roads, water and rail, and the chances to cross them.
        var crossingNodes = BusyRoadCrossings(network, busy, walkable, out int markedCrossings);
        double busyKm = busyMetres / 1000;
        indicators.Add(new("busyRoadKm", BarriersTheme, "length of busy road", busyKm, "km",
            $"Length of roads open to cars with a speed limit of {parameters.BusySpeedKmh:0} km/h or more, or {parameters.BusyVehiclesPerDay:N0} or more motor vehicles a day (traffic estimated from the street type where not counted).",
            $"{StartMapParameters.BusySpeedSource}; volume {StartMapParameters.BusyVehiclesSource}"));
        indicators.Add(new("crossingOpportunitiesPerKmBusyRoad", BarriersTheme, "crossing opportunities per km of busy road", busyKm > 0 ? crossingNodes.Count / busyKm : null, "per km",
            "Points on busy roads where a walker can cross: marked crossings (zebra, signals, uncontrolled) and junctions where a walkable street or path meets the road, per km of busy road.",
            $"{TnoSource}, 'Fysieke barrières' among the hindrances; reasoned: junctions count because walkers cross there"));
        indicators.Add(new("markedCrossingsPerKmBusyRoad", BarriersTheme, "marked crossings per km of busy road", busyKm > 0 ? markedCrossings / busyKm : null, "per km",
            "Zebras, signalled and other marked crossings on busy roads, per km of busy road, as far as the scenario's interventions mark them: OpenStreetMap crossing nodes are not imported yet, so a baseline's 0 means unknown.",
            "definition: the network's crossing control per node"));
        var barriers = WaterAndRail(neighbourhood, walkable, parameters, indicators);

        // Street space.
        indicators.Add(new("carriagewayShareOfStreetWidth", StreetSpaceTheme, "share of street width given to cars", roadArea > 0 ? 100 * carriagewayArea / roadArea : null, "%",
            "On streets open to cars: carriageway width times length over (carriageway + pavements) width times length. Parking lanes and verges are not in the map, so this is an estimate.",
            "carriageway widths by street type from CROW ASVV 2021 (the engine's cross-section parameters); pavements as above"));

        // Green.
        double parkArea = 0;
        int parksWithoutArea = 0;
        for (int p = 0; p < places.Count; p++)
        {
            if (places.Kind[p] != PlaceKind.Park)
            {
                continue;
            }
            double area = places[p].AreaSquareMetres;
            parkArea += area > 0 ? area : 0;
            parksWithoutArea += area > 0 ? 0 : 1;
        }
        indicators.Add(new("parkAreaPerResidentSquareMetres", GreenTheme, "park area per resident", residents > 0 ? parkArea / residents : null, "m²",
            "Mapped area of parks (OSM leisure=park with an outline) divided by residents; parks mapped only as a point add nothing.",
            $"{TnoSource}, Tabel 2 'Groen en blauw'; reasoned: no national norm is bundled"));
        indicators.Add(new("parksWithoutMappedArea", GreenTheme, "parks without a mapped area", parksWithoutArea, "",
            "Parks on the map as a point only, whose area is therefore missing from the park area per resident.", "definition: the imported map"));
        indicators.Add(new("playgrounds", GreenTheme, "playgrounds", places.CountOf(PlaceKind.Playground), "", "Playgrounds on the map (OSM leisure=playground).",
            $"{TnoSource}, Tabel 2 'Gebalanceerd ruimtegebruik' (speeltoestellen)"));
        indicators.Add(new("streetsBesideGreenOrWaterShare", GreenTheme, "share of street length beside green or water", greenMetres > 0 ? ShareOfWalkable(greenMetres) : null, "%",
            "Walkable length running beside a park, green strip or water, as a share of walkable length; not assessed when the map flags no street at all (the OpenStreetMap import does not set the flag; interventions and GeoJSON maps do).", $"{TnoSource}, Tabel 2 'Groen en blauw'"));

        return new StartMap(indicators,
            new StartMapSegments(walkable, widthPerSide, narrow, busy, carriageway, segmentDistance),
            new StartMapHomes(homeDistance, homeNear, homeFar),
            crossingNodes, parameters)
        {
            Barriers = barriers,
        };
    }

    /// <summary>
    /// Nodes on busy roads where walkers can cross: a marked crossing, or a junction where a walkable segment that is
    /// not itself busy meets the busy road (a side street or path comes in: walkers cross there).
    /// </summary>
    private static List<int> BusyRoadCrossings(StreetNetwork network, bool[] busy, bool[] walkable, out int marked)
    {
        var nodes = new List<int>();
        marked = 0;
        for (int node = 0; node < network.NodeCount; node++)
        {
            bool onBusy = false, sideWay = false;
            foreach (int arc in network.ArcsFrom(new NodeId(node)))
            {
                int segment = arc >> 1;
                onBusy |= busy[segment];
                sideWay |= walkable[segment] && !busy[segment];
            }
            if (!onBusy)
            {
                continue;
            }
            bool isMarked = network.NodeCrossing[node] != CrossingControl.None;
            if (isMarked || sideWay)
            {
                nodes.Add(node);
                marked += isMarked ? 1 : 0;
            }
        }
        return nodes;
    }

    /// <summary>The indicator with <paramref name="key"/>, or null.</summary>
    public ProfileIndicator? Find(string key) => Indicators.FirstOrDefault(i => i.Key == key);
}
