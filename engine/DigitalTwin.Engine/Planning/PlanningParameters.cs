namespace DigitalTwin.Engine.Planning;

/// <summary>
/// What residents do with their day. Probabilities are per person per day unless said otherwise; times are hours
/// after midnight. Sources: SCP Tijdsbestedingsonderzoek 2016 (time use), CBS ODiN 2019 (trips and their motives),
/// MODEL.md; where no source gives a number the reasoning is stated.
/// </summary>
public sealed record PlanningParameters
{
    /// <summary>Day 0 of a run is a Monday (0) … Sunday (6).</summary>
    public int FirstWeekday { get; init; }

    /// <summary>Day of year of day 0, for daylight; 274 is 1 October (an autumn month with dark evenings).</summary>
    public int FirstDayOfYear { get; init; } = 274;

    /// <summary>Distance (m) over which the attraction of a destination falls by a factor e; MODEL.md: the average Dutch walking trip is ≈ 800 m.</summary>
    public double DestinationDecayMetres { get; init; } = 800;

    /// <summary>Same for people 65+ (MODEL.md: older adults walk trips of ≈ 500 m).</summary>
    public double OlderDestinationDecayMetres { get; init; } = 500;

    /// <summary>Only destinations within this distance are considered (keeps choice local and cheap).</summary>
    public double DestinationSearchRadiusMetres { get; init; } = 2500;

    /// <summary>
    /// Share of outings that go to the resident's usual place of that kind (their supermarket, their park). Repetition
    /// is what turns strangers into familiar strangers (Milgram 1972); habit research puts routine destination choice
    /// well above half — 0.75 is a reasoned default.
    /// </summary>
    public double HabitualDestinationShare { get; init; } = 0.75;

    /// <summary>Network routes are longer than straight lines; the ratio for Dutch urban walking trips is ≈ 1.3.</summary>
    public double DetourFactor { get; init; } = 1.3;

    /// <summary>Share of workers whose job is inside the neighbourhood (a shop, a school); CBS: most commute out.</summary>
    public double LocalJobShare { get; init; } = 0.12;

    /// <summary>Share of weekdays a day worker works from home (CBS 2023: about half of workers work from home part of the week).</summary>
    public double HomeWorkingShare { get; init; } = 0.25;

    /// <summary>Median one-way commute beyond the neighbourhood (km), CBS: ≈ 8–10 km for Dutch commuters.</summary>
    public double ExternalTripMedianKilometres { get; init; } = 8;

    /// <summary>Log-normal spread of external trip distances.</summary>
    public double ExternalTripSigma { get; init; } = 0.8;

    /// <summary>Share of students whose campus is inside the map (the TU Delft campus lies inside the Wippolder extract).</summary>
    public double StudyInAreaShare { get; init; } = 0.5;

    /// <summary>Households with a dog: ≈ 1.5–1.8 million dogs over 8 million Dutch households (Dibevo/HAS, 2022).</summary>
    public double DogHouseholdShare { get; init; } = 0.19;

    /// <summary>Dog walks a day for the household's walker; Dutch dog owners walk 2–4 times a day.</summary>
    public int DogWalksPerDay { get; init; } = 3;

    /// <summary>Minutes of a dog walk; walks take 15–30 minutes.</summary>
    public double DogWalkMinutes { get; init; } = 20;

    /// <summary>Groceries: Dutch households shop ≈ 3 times a week (GfK); per adult not working, most days.</summary>
    public double GroceriesProbabilityNotWorking { get; init; } = 0.5;

    public double GroceriesProbabilityWorking { get; init; } = 0.3;

    /// <summary>Non-food shopping on a given day.</summary>
    public double ShoppingProbability { get; init; } = 0.12;

    public double ShoppingProbabilityWeekend { get; init; } = 0.3;

    /// <summary>
    /// A café, pub or restaurant visit. SCP 2016: ≈ 9 h a week of social contact, of which going out is a part;
    /// young adults and students go out most.
    /// </summary>
    public double ThirdPlaceProbabilityYoung { get; init; } = 0.2;

    public double ThirdPlaceProbabilityAdult { get; init; } = 0.1;

    public double ThirdPlaceProbabilityOlder { get; init; } = 0.12;

    /// <summary>A park visit (a walk, sitting in the sun), more for older people and at weekends.</summary>
    public double ParkProbabilityWeekday { get; init; } = 0.1;

    public double ParkProbabilityWeekend { get; init; } = 0.22;

    public double ParkProbabilityOlder { get; init; } = 0.2;

    /// <summary>Children under 12 go to a playground after school on this share of days.</summary>
    public double PlaygroundProbabilityChild { get; init; } = 0.3;

    /// <summary>Sitting on a bench (Whyte 1980: people sit where there is a place to sit), mostly older people.</summary>
    public double BenchProbabilityOlder { get; init; } = 0.2;

    public double BenchProbabilityOther { get; init; } = 0.04;

    /// <summary>Visiting someone in the neighbourhood (part of SCP's 9 h a week of social contact).</summary>
    public double VisitProbability { get; init; } = 0.12;

    /// <summary>Distance within which a visit's host lives.</summary>
    public double VisitRadiusMetres { get; init; } = 1200;

    /// <summary>Sports on a given day (NL: about half of adults do sport weekly).</summary>
    public double SportsProbability { get; init; } = 0.1;

    /// <summary>Community centre or library visit; older people most.</summary>
    public double CommunityProbability { get; init; } = 0.05;

    public double CommunityProbabilityOlder { get; init; } = 0.1;

    /// <summary>Weekly attendance of a religious service in NL ≈ 10 % (SCP, "Religie in Nederland" 2022).</summary>
    public double WorshipProbabilitySunday { get; init; } = 0.1;

    /// <summary>Visit to a GP, pharmacist or physiotherapist.</summary>
    public double HealthcareProbability { get; init; } = 0.03;

    public double HealthcareProbabilityOlder { get; init; } = 0.08;

    /// <summary>Share of primary-school children taken to school by an adult (in NL most under-10s are brought).</summary>
    public double SchoolRunShare { get; init; } = 0.6;

    /// <summary>Minutes parents wait at the school gate, where a lot of local acquaintance starts.</summary>
    public double SchoolGateMinutes { get; init; } = 10;

    /// <summary>Age up to which pupils attend primary school (4–11) and so can be brought.</summary>
    public int PrimarySchoolMaxAge { get; init; } = 11;

    /// <summary>Share of secondary pupils whose school is inside the map.</summary>
    public double SecondarySchoolInAreaShare { get; init; } = 0.4;

    /// <summary>Spread (standard deviation, minutes) of departure times around their typical hour.</summary>
    public double DepartureSpreadMinutes { get; init; } = 25;

    /// <summary>A gap of at least this many minutes between two outings sends the resident home in between.</summary>
    public double ReturnHomeGapMinutes { get; init; } = 40;
}
