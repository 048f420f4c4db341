namespace DigitalTwin.Engine.Planning;

/// <summary>
/// What residents do with their day. Probabilities are per person per day unless said otherwise; times are hours
/// after midnight. Sources: SCP Tijdsbestedingsonderzoek 2016 (time use), CBS ODiN 2019 (trips and their motives),
/// MODEL.md; where no source gives a number the reasoning is stated.
/// </summary>
public sealed record PlanningParameters
{
    /// <summary>Day 0 of a run is a Monday (0) … Sunday (6).</summary>
    [Parameter("weekday", 0, 6, "Convention: 0 is Monday, 6 is Sunday")]
    public int FirstWeekday { get; init; }

    /// <summary>Day of year of day 0, for daylight; 274 is 1 October (an autumn month with dark evenings).</summary>
    [Parameter("day of year", 1, 365, "Reasoned: 1 October (274), an autumn month with dark evenings, so lighting matters")]
    public int FirstDayOfYear { get; init; } = 274;

    /// <summary>Distance (m) over which the attraction of a destination falls by a factor e; MODEL.md: the average Dutch walking trip is ≈ 800 m.</summary>
    [Parameter("m", 50, 10_000, "MODEL.md; SCP 2016: the average Dutch walking trip is about 800 m")]
    public double DestinationDecayMetres { get; init; } = 800;

    /// <summary>Same for people 65+ (MODEL.md: older adults walk trips of ≈ 500 m).</summary>
    [Parameter("m", 50, 10_000, "MODEL.md; SCP 2016: older adults walk trips of about 500 m")]
    public double OlderDestinationDecayMetres { get; init; } = 500;

    /// <summary>Only destinations within this distance are considered (keeps choice local and cheap).</summary>
    [Parameter("m", 100, 20_000, "Reasoned: keeps destination choice local and cheap (about three decay lengths)")]
    public double DestinationSearchRadiusMetres { get; init; } = 2500;

    /// <summary>
    /// Share of outings that go to the resident's usual place of that kind (their supermarket, their park). Repetition
    /// is what turns strangers into familiar strangers (Milgram 1972); habit research puts routine destination choice
    /// well above half — 0.75 is a reasoned default.
    /// </summary>
    [Parameter("share", 0, 1, "Milgram 1972: repetition makes familiar strangers; habitual choice is well above half (0.75 reasoned)")]
    public double HabitualDestinationShare { get; init; } = 0.75;

    /// <summary>Network routes are longer than straight lines; the ratio for Dutch urban walking trips is ≈ 1.3.</summary>
    [Parameter("ratio", 1, 3, "Network-to-straight-line distance of Dutch urban walking trips is about 1.3")]
    public double DetourFactor { get; init; } = 1.3;

    /// <summary>Share of workers whose job is inside the neighbourhood (a shop, a school); CBS: most commute out.</summary>
    [Parameter("share", 0, 1, "CBS: most workers commute out of their neighbourhood (0.12 reasoned)")]
    public double LocalJobShare { get; init; } = 0.12;

    /// <summary>Share of weekdays a day worker works from home (CBS 2023: about half of workers work from home part of the week).</summary>
    [Parameter("share", 0, 1, "CBS 2023: about half of workers work from home part of the week")]
    public double HomeWorkingShare { get; init; } = 0.25;

    /// <summary>Median one-way commute beyond the neighbourhood (km), CBS: ≈ 8–10 km for Dutch commuters.</summary>
    [Parameter("km", 0.5, 200, "CBS: median one-way commute of Dutch commuters is about 8-10 km")]
    public double ExternalTripMedianKilometres { get; init; } = 8;

    /// <summary>Log-normal spread of external trip distances.</summary>
    [Parameter("log-normal sigma", 0, 3, "Reasoned spread of external trip distances around the CBS median")]
    public double ExternalTripSigma { get; init; } = 0.8;

    /// <summary>Share of students whose campus is inside the map (the TU Delft campus lies inside the Wippolder extract).</summary>
    [Parameter("share", 0, 1, "Reasoned: the TU Delft campus lies inside the Wippolder extract")]
    public double StudyInAreaShare { get; init; } = 0.5;

    /// <summary>Households with a dog: ≈ 1.5–1.8 million dogs over 8 million Dutch households (Dibevo/HAS, 2022).</summary>
    [Parameter("share", 0, 1, "Dibevo/HAS 2022: 1.5-1.8 million dogs over 8 million Dutch households")]
    public double DogHouseholdShare { get; init; } = 0.19;

    /// <summary>Dog walks a day for the household's walker; Dutch dog owners walk 2–4 times a day.</summary>
    [Parameter("walks/day", 0, 10, "Dutch dog owners walk their dog 2-4 times a day")]
    public int DogWalksPerDay { get; init; } = 3;

    /// <summary>Minutes of a dog walk; walks take 15–30 minutes.</summary>
    [Parameter("min", 1, 180, "Dog walks take 15-30 minutes")]
    public double DogWalkMinutes { get; init; } = 20;

    /// <summary>Groceries: Dutch households shop ≈ 3 times a week (GfK); per adult not working, most days.</summary>
    [Parameter("probability/day", 0, 1, "GfK: Dutch households shop about 3 times a week; adults not working go most days")]
    public double GroceriesProbabilityNotWorking { get; init; } = 0.5;

    [Parameter("probability/day", 0, 1, "GfK: about 3 grocery trips a week per household; workers go less often")]
    public double GroceriesProbabilityWorking { get; init; } = 0.3;

    /// <summary>Non-food shopping on a given day.</summary>
    [Parameter("probability/day", 0, 1, "CBS ODiN 2019 shopping trips; non-food shopping on a weekday (reasoned)")]
    public double ShoppingProbability { get; init; } = 0.12;

    [Parameter("probability/day", 0, 1, "CBS ODiN 2019: non-food shopping concentrates at weekends (reasoned)")]
    public double ShoppingProbabilityWeekend { get; init; } = 0.3;

    /// <summary>
    /// A café, pub or restaurant visit. SCP 2016: ≈ 9 h a week of social contact, of which going out is a part;
    /// young adults and students go out most.
    /// </summary>
    [Parameter("probability/day", 0, 1, "SCP 2016: about 9 h a week of social contact; young adults and students go out most")]
    public double ThirdPlaceProbabilityYoung { get; init; } = 0.2;

    [Parameter("probability/day", 0, 1, "SCP 2016: about 9 h a week of social contact, of which going out is a part")]
    public double ThirdPlaceProbabilityAdult { get; init; } = 0.1;

    [Parameter("probability/day", 0, 1, "SCP 2016: about 9 h a week of social contact, of which going out is a part")]
    public double ThirdPlaceProbabilityOlder { get; init; } = 0.12;

    /// <summary>A park visit (a walk, sitting in the sun), more for older people and at weekends.</summary>
    [Parameter("probability/day", 0, 1, "Reasoned: a walk or sitting in the sun, more at weekends and for older people")]
    public double ParkProbabilityWeekday { get; init; } = 0.1;

    [Parameter("probability/day", 0, 1, "Reasoned: park visits are more frequent at weekends")]
    public double ParkProbabilityWeekend { get; init; } = 0.22;

    [Parameter("probability/day", 0, 1, "Reasoned: older people visit parks more often")]
    public double ParkProbabilityOlder { get; init; } = 0.2;

    /// <summary>Children under 12 go to a playground after school on this share of days.</summary>
    [Parameter("probability/day", 0, 1, "Reasoned: children under 12 visit a playground after school on some days")]
    public double PlaygroundProbabilityChild { get; init; } = 0.3;

    /// <summary>Sitting on a bench (Whyte 1980: people sit where there is a place to sit), mostly older people.</summary>
    [Parameter("probability/day", 0, 1, "Whyte 1980: people sit where there is a place to sit; mostly older people")]
    public double BenchProbabilityOlder { get; init; } = 0.2;

    [Parameter("probability/day", 0, 1, "Whyte 1980; younger people sit on public benches far less often")]
    public double BenchProbabilityOther { get; init; } = 0.04;

    /// <summary>Visiting someone in the neighbourhood (part of SCP's 9 h a week of social contact).</summary>
    [Parameter("probability/day", 0, 1, "SCP 2016: visits are part of about 9 h a week of social contact")]
    public double VisitProbability { get; init; } = 0.12;

    /// <summary>Distance within which a visit's host lives.</summary>
    [Parameter("m", 50, 10_000, "Reasoned: hosts of local visits live within walking or cycling distance")]
    public double VisitRadiusMetres { get; init; } = 1200;

    /// <summary>Sports on a given day (NL: about half of adults do sport weekly).</summary>
    [Parameter("probability/day", 0, 1, "NL: about half of adults do sport weekly")]
    public double SportsProbability { get; init; } = 0.1;

    /// <summary>Community centre or library visit; older people most.</summary>
    [Parameter("probability/day", 0, 1, "Reasoned: community centre or library visits, older people most")]
    public double CommunityProbability { get; init; } = 0.05;

    [Parameter("probability/day", 0, 1, "Reasoned: older people visit community centres and libraries most")]
    public double CommunityProbabilityOlder { get; init; } = 0.1;

    /// <summary>Weekly attendance of a religious service in NL ≈ 10 % (SCP, "Religie in Nederland" 2022).</summary>
    [Parameter("probability/Sunday", 0, 1, "SCP, Religie in Nederland 2022: weekly attendance of a religious service is about 10 %")]
    public double WorshipProbabilitySunday { get; init; } = 0.1;

    /// <summary>Visit to a GP, pharmacist or physiotherapist.</summary>
    [Parameter("probability/day", 0, 1, "Reasoned: visits to a GP, pharmacist or physiotherapist")]
    public double HealthcareProbability { get; init; } = 0.03;

    [Parameter("probability/day", 0, 1, "Reasoned: older people visit healthcare more often")]
    public double HealthcareProbabilityOlder { get; init; } = 0.08;

    /// <summary>Share of primary-school children taken to school by an adult (in NL most under-10s are brought).</summary>
    [Parameter("share", 0, 1, "In the Netherlands most under-10s are brought to primary school")]
    public double SchoolRunShare { get; init; } = 0.6;

    /// <summary>Minutes parents wait at the school gate, where a lot of local acquaintance starts.</summary>
    [Parameter("min", 0, 60, "Reasoned: parents wait at the school gate, where much local acquaintance starts")]
    public double SchoolGateMinutes { get; init; } = 10;

    /// <summary>Age up to which pupils attend primary school (4–11) and so can be brought.</summary>
    [Parameter("years", 4, 14, "Dutch primary school takes pupils aged 4-11")]
    public int PrimarySchoolMaxAge { get; init; } = 11;

    /// <summary>Share of secondary pupils whose school is inside the map.</summary>
    [Parameter("share", 0, 1, "Reasoned: share of secondary pupils whose school is inside the map")]
    public double SecondarySchoolInAreaShare { get; init; } = 0.4;

    /// <summary>Spread (standard deviation, minutes) of departure times around their typical hour.</summary>
    [Parameter("min", 0, 180, "Reasoned: spread of departure times around their typical hour")]
    public double DepartureSpreadMinutes { get; init; } = 25;

    /// <summary>A gap of at least this many minutes between two outings sends the resident home in between.</summary>
    [Parameter("min", 0, 600, "Reasoned: a long gap between outings sends the resident home in between")]
    public double ReturnHomeGapMinutes { get; init; } = 40;

    /// <summary>Share of households on a street with front zones ('Delftse stoep') that use theirs.</summary>
    [Parameter("share", 0, 1, "Reasoned: not every household furnishes its front zone; about half do on Delft streets with stoepen")]
    public double StoepParticipationShare { get; init; } = 0.5;

    /// <summary>Days a participating resident sits out (Dutch weather and seasons allow it on some days, not all).</summary>
    [Parameter("probability", 0, 1, "Reasoned: sitting out depends on weather; a quarter of days in the warmer half of the year")]
    public double StoepSittingProbability { get; init; } = 0.25;

    /// <summary>Minutes sat out on the stoep.</summary>
    [Parameter("min", 1, 240, "Reasoned: an early-evening sit with a drink or the plants")]
    public double StoepMinutes { get; init; } = 45;

    /// <summary>
    /// Leisure outings (park, playground, bench, café, sports, community centre) happen at the stated rates for people
    /// who have such a place within this distance; WHO Europe (2016) recommends public green space within 300 m of
    /// every home, and Whyte (1980) that people sit where there are places to sit: proximity creates use.
    /// </summary>
    [Parameter("m", 0, 5000, "WHO Europe 2016, Urban green spaces and health: green space within 300 m of home")]
    public double LeisureWithinMetres { get; init; } = 300;

    /// <summary>Beyond <see cref="LeisureWithinMetres"/> the chance of the outing falls by a factor e per this many metres.</summary>
    [Parameter("m", 50, 10000, "Reasoned from the walking-distance decay of MODEL.md (trips of 500-800 m)")]
    public double LeisureDistanceDecayMetres { get; init; } = 600;
}
