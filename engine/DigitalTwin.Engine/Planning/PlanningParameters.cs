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

    /// <summary>Days a week that shift and night workers work, spread over all seven days (a roster of five shifts a week).</summary>
    [Parameter("days/week", 0, 7, "Reasoned: a full-time roster of five shifts a week, weekends included")]
    public int ShiftWorkDaysPerWeek { get; init; } = 5;

    /// <summary>Median one-way commute beyond the neighbourhood (km), CBS: ≈ 8–10 km for Dutch commuters.</summary>
    [Parameter("km", 0.5, 200, "CBS: median one-way commute of Dutch commuters is about 8-10 km")]
    public double ExternalTripMedianKilometres { get; init; } = 8;

    /// <summary>Log-normal spread of external trip distances.</summary>
    [Parameter("log-normal sigma", 0, 3, "Reasoned spread of external trip distances around the CBS median")]
    public double ExternalTripSigma { get; init; } = 0.8;

    /// <summary>
    /// Mean distance of a shopping trip (groceries and other shopping) in the Dutch travel survey (km). With the other
    /// survey means below it sets how many discretionary trips leave the map (<see cref="BeyondMapShares"/>): the
    /// survey's mean is what the map's own shops and the shops beyond it give together. 0 keeps every such trip inside.
    /// </summary>
    [Parameter("km", 0, 100, "CBS StatLine 70056NED (OVG 1999/2001, all Dutch residents): mean trip distance for shopping 4.7 km")]
    public double ShoppingSurveyMeanKilometres { get; init; } = 4.7;

    /// <summary>Mean distance of a trip to visit someone at home in the Dutch travel survey (km).</summary>
    [Parameter("km", 0, 100, "CBS StatLine 70056NED (OVG 1999/2001, all Dutch residents): mean trip distance for visits 15.0 km")]
    public double VisitSurveyMeanKilometres { get; init; } = 15.0;

    /// <summary>Mean distance of a social or recreational trip (café, sports, club, worship) in the Dutch travel survey (km).</summary>
    [Parameter("km", 0, 100, "CBS StatLine 70056NED (OVG 1999/2001, all Dutch residents): mean trip distance for social and recreational trips 8.9 km")]
    public double SocialRecreationalSurveyMeanKilometres { get; init; } = 8.9;

    /// <summary>Mean distance of a trip to services and personal care (doctor, pharmacy) in the Dutch travel survey (km).</summary>
    [Parameter("km", 0, 100, "CBS StatLine 70056NED (OVG 1999/2001, all Dutch residents): mean trip distance for services and personal care 7.0 km")]
    public double ServicesSurveyMeanKilometres { get; init; } = 7.0;

    /// <summary>
    /// The most of a purpose's outings that go beyond the map. Where the survey's mean trip is longer than the mean
    /// trip beyond the map (visits: 15 km against 11), the mean alone would send every outing out, yet friends and
    /// clubs are partly local (Fischer 1982: a large share of friends live within a few minutes); a fifth kept near home
    /// is reasoned, not measured.
    /// </summary>
    [Parameter("share", 0, 1, "Reasoned (Fischer 1982: many friends live near): at least a fifth of each purpose's outings stays in the neighbourhood")]
    public double BeyondMapShareLimit { get; init; } = 0.8;

    /// <summary>Share of students whose campus is inside the map (the TU Delft campus lies inside the Wippolder extract).</summary>
    [Parameter("share", 0, 1, "Reasoned: the TU Delft campus lies inside the Wippolder extract")]
    public double StudyInAreaShare { get; init; } = 0.5;

    /// <summary>Chance that a student goes to campus on a weekday; on other weekdays they study at home.</summary>
    [Parameter("probability/weekday", 0, 1, "Reasoned: students are on campus on about four weekdays in five")]
    public double StudyDayProbability { get; init; } = 0.8;

    /// <summary>Households with a dog: ≈ 1.5–1.8 million dogs over 8 million Dutch households (Dibevo/HAS, 2022).</summary>
    [Parameter("share", 0, 1, "Dibevo/HAS 2022: 1.5-1.8 million dogs over 8 million Dutch households")]
    public double DogHouseholdShare { get; init; } = 0.19;

    /// <summary>Dog walks a day for the household's walker; Dutch dog owners walk 2–4 times a day.</summary>
    [Parameter("walks/day", 0, 10, "Dutch dog owners walk their dog 2-4 times a day")]
    public int DogWalksPerDay { get; init; } = 3;

    /// <summary>
    /// Groceries: Dutch households shop ≈ 3 times a week (GfK). The chance a day for a household of one adult not
    /// working; in a household of several adults each has this chance divided by their number, so the household's
    /// trips stay at the household rate.
    /// </summary>
    [Parameter("probability/day", 0, 1, "GfK: Dutch households shop about 3 times a week; a household of one adult not working goes about every other day")]
    public double GroceriesProbabilityNotWorking { get; init; } = 0.5;

    /// <summary>As <see cref="GroceriesProbabilityNotWorking"/> on a working weekday, for a household of one working adult.</summary>
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

    /// <summary>Going out concentrates at weekends: the third-place probabilities are multiplied by this on Saturday and Sunday.</summary>
    [Parameter("ratio", 0, 5, "Reasoned: going out concentrates at weekends (factor 1.5)")]
    public double ThirdPlaceWeekendMultiplier { get; init; } = 1.5;

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

    /// <summary>Visiting concentrates at weekends: <see cref="VisitProbability"/> is multiplied by this on Saturday and Sunday.</summary>
    [Parameter("ratio", 0, 5, "Reasoned: visits to friends and family concentrate at weekends (factor 1.5)")]
    public double VisitWeekendMultiplier { get; init; } = 1.5;

    /// <summary>Distance within which a visit's host lives.</summary>
    [Parameter("m", 50, 10_000, "Reasoned: hosts of local visits live within walking or cycling distance")]
    public double VisitRadiusMetres { get; init; } = 1200;

    /// <summary>Sports on a given day (NL: about half of adults do sport weekly).</summary>
    [Parameter("probability/day", 0, 1, "NL: about half of adults do sport weekly")]
    public double SportsProbability { get; init; } = 0.1;

    /// <summary>Secondary pupils do sport after school on weekdays at this multiple of <see cref="SportsProbability"/>.</summary>
    [Parameter("ratio", 0, 10, "Reasoned: teenagers do sport more often than adults (factor 2)")]
    public double SportsSecondaryPupilMultiplier { get; init; } = 2;

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

    /// <summary>
    /// From this age residents go out on their own: to a bench, a visit, sport or worship, and time in front of the home.
    /// Younger children's outings are a parent's (the playground at weekends) or play in front of the home. Dutch children
    /// move to secondary school at about 12, when they start to go about on their own (reasoned).
    /// </summary>
    [Parameter("years", 4, 18, "Reasoned: Dutch children move to secondary school and go about on their own from about 12")]
    public int IndependentOutingMinimumAge { get; init; } = 12;

    /// <summary>From this age residents go to cafés, pubs and restaurants on their own (the third-place probabilities).</summary>
    [Parameter("years", 12, 30, "Reasoned: teenagers go out on their own from about 16")]
    public int GoingOutMinimumAge { get; init; } = 16;

    /// <summary>
    /// Residents from <see cref="GoingOutMinimumAge"/> up to (not including) this age count as young for going out: they go
    /// out most and in the evening (<see cref="ThirdPlaceProbabilityYoung"/>).
    /// </summary>
    [Parameter("years", 16, 65, "Reasoned: students and young adults go out most, until about 30")]
    public int YoungAdultUntilAge { get; init; } = 30;

    /// <summary>Residents below this age do sport at <see cref="SportsProbability"/>; older ones are assumed not to.</summary>
    [Parameter("years", 12, 120, "Reasoned: sport participation falls away among the oldest residents")]
    public int SportsUntilAge { get; init; } = 75;

    /// <summary>Share of secondary pupils whose school is inside the map.</summary>
    [Parameter("share", 0, 1, "Reasoned: share of secondary pupils whose school is inside the map")]
    public double SecondarySchoolInAreaShare { get; init; } = 0.4;

    /// <summary>Spread (standard deviation, minutes) of departure times around their typical hour.</summary>
    [Parameter("min", 0, 180, "Reasoned: spread of departure times around their typical hour")]
    public double DepartureSpreadMinutes { get; init; } = 25;

    /// <summary>
    /// Day-to-day spread (standard deviation, minutes) of a resident's time for a routine activity around their own
    /// habitual time; the rest of <see cref="DepartureSpreadMinutes"/> (and of each activity's spread) is between people.
    /// Multi-week diaries show that people repeat their departure times from day to day far more closely than people
    /// differ from each other (Axhausen et al. 2002, the six-week Mobidrive diary; Schlich &amp; Axhausen 2003, habitual
    /// travel behaviour): a commuter leaves within about a quarter of an hour of the usual time on most days.
    /// </summary>
    [Parameter("min", 0, 180, "Axhausen et al. 2002 (six-week Mobidrive diary), Schlich & Axhausen 2003: departures repeat within about a quarter of an hour")]
    public double RoutineDayToDaySpreadMinutes { get; init; } = 10;

    /// <summary>A gap of at least this many minutes between two outings sends the resident home in between.</summary>
    [Parameter("min", 0, 600, "Reasoned: a long gap between outings sends the resident home in between")]
    public double ReturnHomeGapMinutes { get; init; } = 40;

    /// <summary>
    /// Chance that a resident of 12 or over spends a while in front of the home on a given day (at the door, in the front
    /// garden, chatting on the pavement) on a quiet residential street without extras. Gehl (1986, "Soft edges in
    /// residential streets") found most street life in residential streets happens right in front of the homes;
    /// Appleyard &amp; Lintell (1972) found light-traffic streets used as an extension of the home. No study gives a daily
    /// rate; a quarter of days (weather and season allow it on some days) is reasoned.
    /// </summary>
    [Parameter("probability/day", 0, 1, "Reasoned (Gehl 1986, soft edges; Appleyard & Lintell 1972): a quarter of days on a quiet street")]
    public double FrontOfHouseProbability { get; init; } = 0.25;

    /// <summary>Minutes spent in front of the home without a front zone (a chat at the door, tending the front garden).</summary>
    [Parameter("min", 1, 240, "Reasoned: a chat at the door or tending the front garden")]
    public double FrontOfHouseMinutes { get; init; } = 15;

    /// <summary>
    /// How traffic keeps people from the front of their homes: the chance falls by e^(−k × vehicles/day / 1000).
    /// Appleyard &amp; Lintell (1972; Appleyard 1981, Livable Streets) compared three San Francisco streets: on the light
    /// street (2,000 vehicles/day) residents had 3.0 friends on the street, on the heavy one (16,000) 0.9, and the heavy
    /// street's pavements were used only to pass through. Putting that ratio on time spent in front of the home:
    /// k = ln(3.0 / 0.9) / 14 ≈ 0.086.
    /// </summary>
    [Parameter("per 1,000 vehicles/day", 0, 1, "Appleyard & Lintell 1972 / Appleyard 1981: ln(3.0 / 0.9) / 14 between the light and heavy streets")]
    public double FrontOfHouseTrafficDecayPerThousandVehicles { get; init; } = 0.086;

    /// <summary>
    /// Per 10 km/h of speed limit above <see cref="FrontOfHouseSpeedDecayAboveKmh"/>: faster traffic is louder and more
    /// dangerous, and keeps people in. Reasoned: e^−0.2 ≈ 0.82 per 10 km/h, so 50 km/h keeps two thirds of the
    /// front-of-house time of 30 km/h.
    /// </summary>
    [Parameter("per 10 km/h", 0, 5, "Reasoned: faster traffic is louder and more dangerous; 50 km/h keeps two thirds of 30 km/h's time")]
    public double FrontOfHouseSpeedDecayPer10Kmh { get; init; } = 0.2;

    /// <summary>
    /// Speed limit up to which traffic speed does not keep people from the front of their homes: the 30 km/h of Dutch
    /// residential streets (erftoegangswegen under Duurzaam Veilig).
    /// </summary>
    [Parameter("km/h", 0, 130, "Duurzaam Veilig: residential streets in built-up areas have a 30 km/h limit")]
    public int FrontOfHouseSpeedDecayAboveKmh { get; init; } = 30;

    /// <summary>A household that uses its front zone ('Delftse stoep', furnished with a bench or plants) sits out this much more often.</summary>
    [Parameter("ratio", 1, 10, "Source doc: the Delftse stoep is an extension of the home into the street; Gehl 1986, soft edges (reasoned factor 2)")]
    public double StoepFrontOfHouseMultiplier { get; init; } = 2;

    /// <summary>A bench on the home's street invites sitting out (Whyte 1980: people sit where there are places to sit).</summary>
    [Parameter("ratio", 1, 10, "Whyte 1980: people sit where there are places to sit (reasoned factor 1.3)")]
    public double BenchFrontOfHouseMultiplier { get; init; } = 1.3;

    /// <summary>Green or water along the home's street invites time outside (Sugiyama et al. 2008 on green and outdoor time; reasoned factor 1.2).</summary>
    [Parameter("ratio", 1, 10, "Sugiyama et al. 2008: greener streets, more time outdoors (reasoned factor 1.2)")]
    public double GreenFrontOfHouseMultiplier { get; init; } = 1.2;

    /// <summary>Children from this age play in front of the home without a parent at hand (Dutch children play outside from about 5).</summary>
    [Parameter("years", 0, 12, "Reasoned: Dutch children play in front of the home from about 5")]
    public int StreetPlayMinimumAge { get; init; } = 5;

    /// <summary>
    /// Chance that a child (up to primary-school age) plays in front of the home on a day, on a quiet street. Dutch
    /// children play outside on most days (Jantje Beton, "Kinderen buiten spelen" 2013: about 4 days a week in summer,
    /// fewer in autumn); 0.4 is reasoned for an autumn month.
    /// </summary>
    [Parameter("probability/day", 0, 1, "Jantje Beton 2013: Dutch children play outside on about 4 days a week; 0.4 reasoned for autumn")]
    public double StreetPlayProbability { get; init; } = 0.4;

    /// <summary>Minutes a child plays in front of the home.</summary>
    [Parameter("min", 1, 240, "Reasoned: an hour after school")]
    public double StreetPlayMinutes { get; init; } = 60;

    /// <summary>
    /// Children's play reacts to traffic more than adults' time at the door: the street's front-of-house weight is raised
    /// to this power. Hüttenmoser (1995, Children's Environments 12(4)) found five-year-olds on streets where they could
    /// not play unaccompanied spent a fraction of the time outdoors of those on calm streets; 2 is reasoned.
    /// </summary>
    [Parameter("power", 0, 5, "Hüttenmoser 1995: children's outdoor play falls steeply with traffic (power 2 reasoned)")]
    public double StreetPlayTrafficSensitivity { get; init; } = 2;

    /// <summary>Streets calm enough that children play on the carriageway (at most this traffic and <see cref="StreetPlayMaximumSpeedKmh"/>); elsewhere on the pavement.</summary>
    [Parameter("vehicles/day", 0, 100_000, "Reasoned: a residential street of a few hundred cars a day at 30 km/h is a play street")]
    public double StreetPlayMaximumVehiclesPerDay { get; init; } = 1000;

    /// <summary>Streets calm enough that children play on the carriageway have at most this speed limit (and <see cref="StreetPlayMaximumVehiclesPerDay"/>).</summary>
    [Parameter("km/h", 0, 130, "Duurzaam Veilig: residential streets, where traffic mixes, have a 30 km/h limit (reasoned as the play-street limit)")]
    public int StreetPlayMaximumSpeedKmh { get; init; } = 30;

    /// <summary>Share of households on a street with front zones ('Delftse stoep') that use theirs.</summary>
    [Parameter("share", 0, 1, "Reasoned: not every household furnishes its front zone; about half do on Delft streets with stoepen")]
    public double StoepParticipationShare { get; init; } = 0.5;

    /// <summary>Minutes sat out on the stoep.</summary>
    [Parameter("min", 1, 240, "Reasoned: an early-evening sit with a drink or the plants")]
    public double StoepMinutes { get; init; } = 45;

    /// <summary>
    /// Share of discretionary outings (leisure, non-food shopping, visits) that still happen when they would start after
    /// dark. Uttley &amp; Fotios (2017, "Using the daylight savings clock change to show ambient light conditions
    /// significantly influence active travel", J. Environmental Psychology 53) counted 62 % more pedestrians and 38 % more
    /// cyclists in daylight than after dark at the same clock hour. That ratio mixes outings not made and trips made by
    /// another mode; no study splits it, so half of its logarithm goes here (√(1/1.62) ≈ 0.79) and half to mode choice
    /// (<see cref="Mobility.ModeChoiceParameters.DarkWalkUtility"/>).
    /// </summary>
    [Parameter("share", 0, 1, "Uttley & Fotios 2017: 62 % more pedestrians in daylight than after dark; half its log-ratio: sqrt(1/1.62)")]
    public double DarkOutingRetention { get; init; } = 0.79;

    /// <summary>
    /// From a home on an unlit street the darkness effects are stronger: this multiplies the log of
    /// <see cref="DarkOutingRetention"/> and the dark mode-choice terms. Uttley, Fotios &amp; Lovelace (2020, PLOS ONE 15(5),
    /// road lighting density and after-dark cycling) found more after-dark cycling where lamps are denser; the factor 2
    /// is reasoned (the counted ratio above was measured on streets and trails that are mostly lit).
    /// </summary>
    [Parameter("ratio", 1, 5, "Uttley, Fotios & Lovelace 2020: after-dark cycling grows with lamp density; factor 2 reasoned")]
    public double UnlitStreetDarknessMultiplier { get; init; } = 2;

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
