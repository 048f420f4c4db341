namespace DigitalTwin.Engine.Planning;

/// <summary>
/// When and for how long residents do what (<see cref="DayPlanner"/>): each activity's typical clock time, the spread of
/// that time between people, and its duration. How often they do it is in <see cref="PlanningParameters"/>. Hours are
/// hours after midnight and mean the time at the activity (the trip there leaves earlier). A spread is a standard
/// deviation in minutes; each resident keeps a habitual time within it (see
/// <see cref="PlanningParameters.RoutineDayToDaySpreadMinutes"/>); activities without their own spread use
/// <see cref="PlanningParameters.DepartureSpreadMinutes"/>. Most clock times are reasoned from the Dutch day (school
/// and office hours, shop and club hours) rather than taken from a time-use survey; each states its reasoning or source.
/// </summary>
public sealed record ActivityScheduleParameters
{
    // School and study.

    /// <summary>Pupils are at school from about 8:25, just before Dutch schools start lessons at about 8:30.</summary>
    [Parameter("h", 0, 24, "Reasoned: Dutch primary and secondary schools start lessons at about 8:30")]
    public double SchoolStartHour { get; init; } = 8.4;

    /// <summary>Schools ring one bell: pupils arrive within minutes of each other, far closer than the default spread.</summary>
    [Parameter("min", 0, 180, "Reasoned: a fixed school start; pupils arrive within minutes of each other")]
    public double SchoolSpreadMinutes { get; init; } = 8;

    /// <summary>
    /// A primary-school day, lunch break included. The WPO requires at least 7,520 hours of teaching over the eight years
    /// (about 940 a year); with a free Wednesday afternoon and the lunch break that is a day of about 8:30 to 15:00.
    /// </summary>
    [Parameter("h", 1, 12, "WPO: at least 7,520 teaching hours over eight years; with breaks a day of about 8:30-15:00 (reasoned)")]
    public double PrimarySchoolDayHours { get; init; } = 6.5;

    /// <summary>A secondary-school day with lessons, breaks and free periods; reasoned a little longer than primary school's.</summary>
    [Parameter("h", 1, 12, "Reasoned: secondary schools have more teaching hours than primary schools, plus free periods")]
    public double SecondarySchoolDayHours { get; init; } = 7;

    /// <summary>Parents arrive at the school gate a quarter of an hour before lessons start.</summary>
    [Parameter("h", 0, 24, "Reasoned: a quarter of an hour before lessons start at about 8:30")]
    public double SchoolRunMorningHour { get; init; } = 8.25;

    /// <summary>Parents wait at the gate before the afternoon's end of lessons.</summary>
    [Parameter("h", 0, 24, "Reasoned: waiting before primary school ends at about 15:00")]
    public double SchoolRunAfternoonHour { get; init; } = 14.75;

    /// <summary>The school run follows the school's bell, so it varies little between parents.</summary>
    [Parameter("min", 0, 180, "Reasoned: the school's fixed times leave little room")]
    public double SchoolRunSpreadMinutes { get; init; } = 5;

    /// <summary>Primary pupils go to a playground after school on weekdays.</summary>
    [Parameter("h", 0, 24, "Reasoned: after school ends at about 15:00")]
    public double AfterSchoolPlaygroundHour { get; init; } = 15.5;

    /// <summary>Secondary pupils do sport after school (club training, the gym).</summary>
    [Parameter("h", 0, 24, "Reasoned: after secondary school ends in the afternoon")]
    public double AfterSchoolSportsHour { get; init; } = 16.5;

    /// <summary>Students are on campus from about 9.</summary>
    [Parameter("h", 0, 24, "Reasoned: university lectures start at about 9")]
    public double StudyStartHour { get; init; } = 9;

    /// <summary>A day on campus: lectures, practicals and study in between.</summary>
    [Parameter("h", 0.5, 12, "Reasoned: lectures and self-study on campus for most of the working day")]
    public double StudyDayHours { get; init; } = 6.5;

    // Work.

    /// <summary>Day workers are at work at about 8, in the middle of the morning rush hour (7 to 9).</summary>
    [Parameter("h", 0, 24, "Reasoned: the Dutch morning rush hour runs from about 7 to 9")]
    public double DayWorkStartHour { get; init; } = 8;

    /// <summary>
    /// A full working day away: CBS counts 35 hours or more a week as full-time; 8 hours of work plus the 30-minute break
    /// the Arbeidstijdenwet gives after 5.5 hours of work.
    /// </summary>
    [Parameter("h", 1, 14, "CBS: 35 h or more a week is full-time; 8 h of work plus the 30-minute break of the Arbeidstijdenwet")]
    public double DayWorkHours { get; init; } = 8.5;

    /// <summary>Shift work starts on a roster: the same time for everyone on the shift, give or take.</summary>
    [Parameter("min", 0, 180, "Reasoned: a roster fixes the start of a shift")]
    public double ShiftSpreadMinutes { get; init; } = 10;

    /// <summary>A late shift starts at about 14 (as in care, retail and industry rosters of roughly 14 to 22).</summary>
    [Parameter("h", 0, 24, "Reasoned: late shifts run from about 14 to 22")]
    public double LateShiftStartHour { get; init; } = 14;

    [Parameter("h", 1, 12, "Reasoned: a shift of 8 hours")]
    public double LateShiftHours { get; init; } = 8;

    /// <summary>A night shift starts at about 21:30.</summary>
    [Parameter("h", 0, 24, "Reasoned: night shifts start in the late evening")]
    public double NightShiftStartHour { get; init; } = 21.5;

    /// <summary>
    /// The part of a night shift before midnight: the simulated day ends there, so the shift is planned to 23:54 and the
    /// return home falls in the next morning, which is not simulated.
    /// </summary>
    [Parameter("h", 0, 12, "Reasoned: from 21:30 to 23:54, where the simulated day ends")]
    public double NightShiftHoursBeforeMidnight { get; init; } = 2.4;

    // Errands.

    /// <summary>Workers buy groceries on the way home from work on weekdays.</summary>
    [Parameter("h", 0, 24, "Reasoned: on the way home from a day's work")]
    public double GroceriesAfterWorkHour { get; init; } = 17.75;

    /// <summary>Everyone else, and workers at weekends, buy groceries in the morning.</summary>
    [Parameter("h", 0, 24, "Reasoned: residents without work hours shop in the morning")]
    public double GroceriesDaytimeHour { get; init; } = 10.5;

    [Parameter("min", 0, 180, "Reasoned: grocery shopping is fitted in wherever it suits")]
    public double GroceriesSpreadMinutes { get; init; } = 45;

    /// <summary>A grocery trip's time in the shop.</summary>
    [Parameter("min", 1, 240, "Reasoned: a neighbourhood supermarket visit of about 20 minutes")]
    public double GroceriesMinutes { get; init; } = 20;

    /// <summary>Non-food shopping on a weekday, late morning.</summary>
    [Parameter("h", 0, 24, "Reasoned: shops open in the morning; a late-morning trip")]
    public double ShoppingWeekdayHour { get; init; } = 11;

    /// <summary>Non-food shopping at weekends, early afternoon.</summary>
    [Parameter("h", 0, 24, "Reasoned: weekend shopping in the early afternoon")]
    public double ShoppingWeekendHour { get; init; } = 13;

    [Parameter("min", 0, 180, "Reasoned: shopping spreads over the opening hours")]
    public double ShoppingSpreadMinutes { get; init; } = 60;

    [Parameter("min", 1, 240, "Reasoned: a visit to a few local shops")]
    public double ShoppingMinutes { get; init; } = 30;

    // Leisure.

    /// <summary>The young (see <see cref="PlanningParameters.YoungAdultUntilAge"/>) go out in the evening.</summary>
    [Parameter("h", 0, 24, "Reasoned: young people go out late in the evening")]
    public double ThirdPlaceYoungHour { get; init; } = 20.5;

    /// <summary>Other adults meet in a café or restaurant in the early evening.</summary>
    [Parameter("h", 0, 24, "Reasoned: adults go out after dinner time")]
    public double ThirdPlaceAdultHour { get; init; } = 19;

    /// <summary>Older people meet for coffee in the morning.</summary>
    [Parameter("h", 0, 24, "Reasoned: older people meet for coffee in the morning")]
    public double ThirdPlaceOlderHour { get; init; } = 10.5;

    [Parameter("min", 0, 180, "Reasoned: going out is loosely timed")]
    public double ThirdPlaceSpreadMinutes { get; init; } = 40;

    /// <summary>An evening in a café or restaurant.</summary>
    [Parameter("h", 0.25, 8, "Reasoned: a drink or a meal out")]
    public double ThirdPlaceHours { get; init; } = 1.75;

    /// <summary>A morning coffee of older people.</summary>
    [Parameter("h", 0.25, 8, "Reasoned: a morning coffee lasts about an hour")]
    public double ThirdPlaceOlderHours { get; init; } = 1;

    /// <summary>A walk in the park or sitting in the sun on a weekday afternoon.</summary>
    [Parameter("h", 0, 24, "Reasoned: the afternoon, when the day is warmest")]
    public double ParkWeekdayHour { get; init; } = 15;

    [Parameter("h", 0, 24, "Reasoned: a weekend afternoon walk")]
    public double ParkWeekendHour { get; init; } = 14;

    [Parameter("min", 0, 180, "Reasoned: park visits are loosely timed")]
    public double ParkSpreadMinutes { get; init; } = 60;

    [Parameter("h", 0.1, 8, "Reasoned: a walk or a sit of about an hour")]
    public double ParkHours { get; init; } = 1;

    /// <summary>Children under <see cref="PlanningParameters.IndependentOutingMinimumAge"/> go to a playground in the weekend's late morning.</summary>
    [Parameter("h", 0, 24, "Reasoned: a weekend late morning with a parent")]
    public double WeekendPlaygroundHour { get; init; } = 11;

    /// <summary>Spread of the weekend playground visit (the after-school visit has the default spread).</summary>
    [Parameter("min", 0, 180, "Reasoned: weekend outings are loosely timed")]
    public double WeekendPlaygroundSpreadMinutes { get; init; } = 60;

    /// <summary>A playground visit, after school or at the weekend.</summary>
    [Parameter("h", 0.1, 8, "Reasoned: about an hour of play")]
    public double PlaygroundHours { get; init; } = 1;

    /// <summary>Sitting on a public bench in the afternoon.</summary>
    [Parameter("h", 0, 24, "Reasoned: the afternoon, when the day is warmest")]
    public double BenchHour { get; init; } = 15.5;

    [Parameter("min", 0, 180, "Reasoned: sitting out is loosely timed")]
    public double BenchSpreadMinutes { get; init; } = 60;

    [Parameter("min", 1, 240, "Reasoned: a sit of half an hour")]
    public double BenchMinutes { get; init; } = 30;

    /// <summary>Visits on weekdays are in the evening, after work and dinner.</summary>
    [Parameter("h", 0, 24, "Reasoned: weekday visits after work and dinner")]
    public double VisitWeekdayHour { get; init; } = 19.5;

    /// <summary>Visits at weekends are in the afternoon.</summary>
    [Parameter("h", 0, 24, "Reasoned: weekend visits in the afternoon")]
    public double VisitWeekendHour { get; init; } = 15;

    [Parameter("min", 0, 180, "Reasoned: visits are loosely timed")]
    public double VisitSpreadMinutes { get; init; } = 60;

    [Parameter("h", 0.25, 12, "Reasoned: a visit of a couple of hours")]
    public double VisitHours { get; init; } = 2;

    /// <summary>Sport on weekdays: club training and the gym in the evening.</summary>
    [Parameter("h", 0, 24, "Reasoned: amateur sports clubs train in the evening")]
    public double SportsWeekdayHour { get; init; } = 19.5;

    /// <summary>Sport at weekends: matches and runs in the morning.</summary>
    [Parameter("h", 0, 24, "Reasoned: amateur matches and runs are mostly in the weekend morning")]
    public double SportsWeekendHour { get; init; } = 10;

    [Parameter("min", 0, 180, "Reasoned: training times differ by club and team")]
    public double SportsSpreadMinutes { get; init; } = 45;

    /// <summary>A training session or match, also for secondary pupils after school.</summary>
    [Parameter("h", 0.25, 8, "Reasoned: a training session or match of about an hour and a half")]
    public double SportsHours { get; init; } = 1.5;

    /// <summary>Community centre or library visits in the morning.</summary>
    [Parameter("h", 0, 24, "Reasoned: community centre activities for people without work hours are in the morning")]
    public double CommunityHour { get; init; } = 10;

    [Parameter("h", 0.25, 8, "Reasoned: an activity or a library visit of about an hour and a half")]
    public double CommunityHours { get; init; } = 1.5;

    /// <summary>GP, pharmacist or physiotherapist visits in the morning.</summary>
    [Parameter("h", 0, 24, "Reasoned: GP consultation hours are mostly in the morning")]
    public double HealthcareHour { get; init; } = 9.5;

    /// <summary>The visit with its wait.</summary>
    [Parameter("h", 0.1, 8, "Reasoned: a consultation with its wait of about half an hour")]
    public double HealthcareHours { get; init; } = 0.5;

    /// <summary>Sunday morning services.</summary>
    [Parameter("h", 0, 24, "Reasoned: Sunday services are mostly at about 10")]
    public double WorshipHour { get; init; } = 10;

    /// <summary>A service starts on time; worshippers arrive within minutes of it.</summary>
    [Parameter("min", 0, 180, "Reasoned: a service has a fixed start")]
    public double WorshipSpreadMinutes { get; init; } = 5;

    /// <summary>The service and the coffee after it.</summary>
    [Parameter("h", 0.25, 8, "Reasoned: a service of about an hour and coffee after it")]
    public double WorshipHours { get; init; } = 1.25;

    // Dog walks, taken in this order: a day of PlanningParameters.DogWalksPerDay walks takes the first that many.

    /// <summary>The first walk of the day, before work.</summary>
    [Parameter("h", 0, 24, "Reasoned: the morning walk before work or school")]
    public double DogWalkMorningHour { get; init; } = 7.25;

    /// <summary>The second walk, at midday.</summary>
    [Parameter("h", 0, 24, "Reasoned: a walk at lunchtime")]
    public double DogWalkMiddayHour { get; init; } = 12.5;

    /// <summary>The third walk, the last one before bed.</summary>
    [Parameter("h", 0, 24, "Reasoned: the last walk before bed")]
    public double DogWalkLateHour { get; init; } = 21.5;

    /// <summary>A fourth walk, after work.</summary>
    [Parameter("h", 0, 24, "Reasoned: a walk after work, for dogs walked four times a day")]
    public double DogWalkAfternoonHour { get; init; } = 17.5;

    [Parameter("min", 0, 180, "Reasoned: dog walks keep to the owner's daily rhythm")]
    public double DogWalkSpreadMinutes { get; init; } = 15;

    /// <summary>The pause at the walk's turning point, where dogs sniff and owners chat on the pavement.</summary>
    [Parameter("min", 0, 60, "Reasoned: a short pause while the dogs sniff and the owners chat")]
    public double DogWalkPauseMinutes { get; init; } = 3;

    // In front of the home.

    /// <summary>Children play in the street after school.</summary>
    [Parameter("h", 0, 24, "Reasoned: after school ends at about 15:00")]
    public double StreetPlayWeekdayHour { get; init; } = 16;

    /// <summary>Children play in the street in the weekend's late morning.</summary>
    [Parameter("h", 0, 24, "Reasoned: a weekend late morning")]
    public double StreetPlayWeekendHour { get; init; } = 11;

    [Parameter("min", 0, 180, "Reasoned: play outside is loosely timed")]
    public double StreetPlaySpreadMinutes { get; init; } = 60;

    /// <summary>Residents sit out or chat at the door in the early evening on weekdays, after work and before dinner.</summary>
    [Parameter("h", 0, 24, "Reasoned: after work, before dinner")]
    public double FrontOfHouseWeekdayHour { get; init; } = 17.5;

    /// <summary>At weekends in the afternoon (front gardens are tended, neighbours chat).</summary>
    [Parameter("h", 0, 24, "Reasoned: a weekend afternoon")]
    public double FrontOfHouseWeekendHour { get; init; } = 14;

    /// <summary>Time in front of the home follows the weather and the day more than a clock: the widest spread.</summary>
    [Parameter("min", 0, 180, "Reasoned: time in front of the home follows weather and chance more than a clock")]
    public double FrontOfHouseSpreadMinutes { get; init; } = 90;

    // The day as a whole.

    /// <summary>Activities that overlap are pushed later, leaving at least this gap after the one before for the trip.</summary>
    [Parameter("min", 0, 120, "Reasoned: the least time between two activities to get from one to the other")]
    public double ActivityGapMinutes { get; init; } = 10;

    /// <summary>An activity pushed past this hour by those before it is dropped: too little of the day is left for it.</summary>
    [Parameter("h", 0, 24, "Reasoned: what cannot start before 23:30 is given up for the day")]
    public double LastStartHour { get; init; } = 23.5;
}
