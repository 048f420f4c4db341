using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// Where across a street people walk, ride and sit: the street's cross-section. A passage or street stay carries a
/// lateral offset (metres left of the segment's centre line, looking from its start node to its end node), and the
/// encounter rule measures the 2-D distance with it, so two walkers on opposite pavements of a wide road do not
/// meet while two on the same pavement do. The network knows the walking width (<see
/// cref="StreetNetwork.PavementWidthMetres"/>, both pavements together) but not the carriageway: its width comes
/// from the highway type here. Dutch widths after CROW's ASVV (Aanbevelingen voor verkeersvoorzieningen binnen de
/// bebouwde kom, 2021) and its street profiles, rounded; where ASVV gives a range the middle is taken.
/// </summary>
public sealed record StreetCrossSectionParameters
{
    /// <summary>Carriageway of a residential street (30 km/h erftoegangsweg, two-way, parking beside it): 4.5–6 m.</summary>
    [Parameter("m", 0, 20, "CROW ASVV 2021: two-way 30 km/h access street carriageway 4.5-6 m; middle taken")]
    public double ResidentialCarriagewayMetres { get; init; } = 5.5;

    /// <summary>
    /// Carriageway of a living street (woonerf): none. The surface is shared at walking pace, so walkers spread over
    /// the whole walking width instead of keeping to a pavement on either side.
    /// </summary>
    [Parameter("m", 0, 20, "CROW ASVV 2021: a woonerf is one shared surface without a separate carriageway")]
    public double LivingStreetCarriagewayMetres { get; init; }

    /// <summary>Carriageway of a service road (driveway, parking aisle, back lane): one lane, about 3.5–4.5 m.</summary>
    [Parameter("m", 0, 20, "CROW ASVV 2021: single-lane access road 3.5-4.5 m; middle taken")]
    public double ServiceCarriagewayMetres { get; init; } = 4;

    /// <summary>Carriageway of an unclassified (minor, often rural-edge) road: about 5 m.</summary>
    [Parameter("m", 0, 20, "CROW ASVV 2021: minor two-way access road about 5 m")]
    public double UnclassifiedCarriagewayMetres { get; init; } = 5;

    /// <summary>Carriageway of a tertiary road (50 km/h neighbourhood distributor, two lanes): 6–7 m.</summary>
    [Parameter("m", 0, 30, "CROW ASVV 2021: 50 km/h distributor road two lanes 6-7 m; middle taken")]
    public double TertiaryCarriagewayMetres { get; init; } = 6.5;

    /// <summary>Carriageway of a secondary road (district distributor, two wider lanes): about 7 m.</summary>
    [Parameter("m", 0, 30, "CROW ASVV 2021: district distributor two lanes of 3.25-3.5 m, about 7 m")]
    public double SecondaryCarriagewayMetres { get; init; } = 7;

    /// <summary>
    /// Carriageway of a primary road (city distributor; also used for trunk and motorway links, where walkers only
    /// appear on a parallel pavement): about 7.5 m for two lanes.
    /// </summary>
    [Parameter("m", 0, 30, "CROW ASVV 2021: city distributor two lanes of 3.5-3.75 m, about 7.5 m")]
    public double PrimaryCarriagewayMetres { get; init; } = 7.5;

    /// <summary>
    /// How far from the carriageway's edge a cyclist rides on a road with cars (centre of the rider): half of a
    /// 1.5 m cycle lane or kerb-side strip, keeping to the right (Dutch traffic keeps right).
    /// </summary>
    [Parameter("m", 0, 3, "Reasoned: half of CROW's 1.5 m minimum cycle lane; riders keep to the lane's middle")]
    public double CyclistEdgeDistanceMetres { get; init; } = 0.75;

    /// <summary>The carriageway width of a highway type (0 where there is none: paths, footways, living streets).</summary>
    public double CarriagewayMetres(HighwayKind highway) => highway switch
    {
        HighwayKind.Residential => ResidentialCarriagewayMetres,
        HighwayKind.LivingStreet => LivingStreetCarriagewayMetres,
        HighwayKind.Service => ServiceCarriagewayMetres,
        HighwayKind.Unclassified or HighwayKind.Other => UnclassifiedCarriagewayMetres,
        HighwayKind.Tertiary => TertiaryCarriagewayMetres,
        HighwayKind.Secondary => SecondaryCarriagewayMetres,
        HighwayKind.Primary or HighwayKind.Trunk or HighwayKind.Motorway => PrimaryCarriagewayMetres,
        _ => 0,
    };

    public static StreetCrossSectionParameters Default { get; } = new();
}
