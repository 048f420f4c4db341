namespace DigitalTwin.Engine.Population;

/// <summary>
/// The choices the population synthesiser makes that the CBS row does not: how households are composed, who works,
/// who has a mobility limitation, how income follows education and tenure, how long people have lived here. Each
/// default names its source or reasoning; a scenario may override any of them.
/// </summary>
public sealed record PopulationParameters
{
    public static PopulationParameters Default { get; } = new();

    /// <summary>Oldest age drawn, in years; the 85+ tail is spread evenly up to it.</summary>
    [Parameter("years", 85, 120, "Reasoned: the 85+ tail of the CBS age bands is spread evenly up to it")]
    public int MaximumAgeYears { get; init; } = 99;

    /// <summary>Share of the 65+ band aged 65–74 (CBS 2023: 2.07 of 3.66 million).</summary>
    [Parameter("share", 0, 1, "CBS 2023: 2.07 of 3.66 million people aged 65+ are 65-74")]
    public double Share65To74OfOlder { get; init; } = 0.57;

    /// <summary>Share of the 65+ band aged 75–84 (CBS 2023: 1.20 of 3.66 million); the rest is 85+.</summary>
    [Parameter("share", 0, 1, "CBS 2023: 1.20 of 3.66 million people aged 65+ are 75-84")]
    public double Share75To84OfOlder { get; init; } = 0.33;

    /// <summary>Share of households with children that have one parent (CBS 2023: about 0.59 of 2.6 million).</summary>
    [Parameter("share", 0, 1, "CBS 2023: about 0.59 of 2.6 million households with children have one parent")]
    public double SingleParentShare { get; init; } = 0.23;

    /// <summary>Youngest age gap between a parent and their eldest child, in years.</summary>
    [Parameter("years", 12, 40, "Reasoned: youngest age gap between a parent and their eldest child")]
    public int ParentMinimumAgeGapYears { get; init; } = 18;

    /// <summary>Largest age gap between a parent and their youngest child, in years (late parents, step-parents).</summary>
    [Parameter("years", 20, 70, "Reasoned: late parents and step-parents")]
    public int ParentMaximumAgeGapYears { get; init; } = 45;

    /// <summary>Partners are drawn within this many years of each other first (Dutch couples: median gap 2–3 years).</summary>
    [Parameter("years", 0, 40, "Dutch couples: median age gap of 2-3 years")]
    public int PartnerAgeGapYears { get; init; } = 6;

    /// <summary>Chance that a couple is of opposite gender (CBS: about 2 % of couples are same-sex).</summary>
    [Parameter("share", 0, 1, "CBS: about 2 % of couples are same-sex")]
    public double OppositeGenderCoupleShare { get; init; } = 0.98;

    /// <summary>Oldest age of a "child" living at home when a household with children has no minor (CBS counts adult children).</summary>
    [Parameter("years", 18, 60, "CBS counts adult children living at home")]
    public int MaximumChildAtHomeAgeYears { get; init; } = 30;

    /// <summary>Most children placed in one household before another is chosen.</summary>
    [Parameter("children", 1, 20, "Reasoned: large families are rare")]
    public int MaximumChildrenPerHousehold { get; init; } = 6;

    /// <summary>
    /// Chance that an adult left over after the core households are formed (the residents beyond singles, couples
    /// and parents) joins a household with children as an adult child, when young enough; otherwise a flatmate or
    /// relative in a household without children. Reasoning: in the Netherlands most 18–24 year-olds who do not live
    /// alone or with a partner still live with their parents.
    /// </summary>
    [Parameter("share", 0, 1, "Reasoned: most Dutch 18-24 year-olds not living alone or with a partner live with their parents")]
    public double LeftoverAdultChildShare { get; init; } = 0.6;

    /// <summary>
    /// Relative propensity to live alone, per age group (adults only). Older people, and the very old most, live
    /// alone far more often (CBS 2023: about half of the 75+ live alone; one-person households are about 38 % 65+).
    /// </summary>
    [Parameter("relative weight", 0, 100, "CBS 2023: about half of the 75+ live alone; one-person households are about 38 % 65+")]
    public AgeGroupValues LivingAloneWeights { get; init; } = new(0, 1.0, 1.0, 0.8, 1.3, 2.5);

    /// <summary>Relative propensity of the first partner of a couple without children (empty nesters are many).</summary>
    [Parameter("relative weight", 0, 100, "Reasoned: empty nesters are many")]
    public AgeGroupValues CoupleWeights { get; init; } = new(0, 0.4, 1.0, 1.0, 1.6, 1.0);

    /// <summary>
    /// Relative propensity to be one of the adults beyond singles, couples and parents (adult children at home,
    /// flatmates, a relative living in). Mostly young: most Dutch 18–24 year-olds live with their parents or share
    /// a student house, while very few older people live in households of three or more (CBS 2023).
    /// </summary>
    [Parameter("relative weight", 0, 100, "CBS 2023: extra members are mostly young; few older people live in households of three or more")]
    public AgeGroupValues ExtraMemberWeights { get; init; } = new(0, 4.0, 1.0, 0.5, 0.15, 0.1);

    /// <summary>
    /// An extra adult in a household without children (a flatmate or relative) is placed with a first adult within
    /// this many years of their own age where one is found in a few tries; otherwise anywhere.
    /// </summary>
    [Parameter("years", 0, 80, "Reasoned: flatmates and relatives are placed near their own age")]
    public int FlatmateAgeGapYears { get; init; } = 10;

    /// <summary>
    /// Share with at least one mobility limitation, by age (CBS Gezondheidsenquête / RIVM, OECD indicator for
    /// walking and stairs, rounded): about 1–3 % under 45, 8 % at 45–64, 13 % at 65–74 and 32 % at 75+.
    /// </summary>
    [Parameter("share", 0, 1, "CBS Gezondheidsenquete / RIVM, OECD indicator for walking and stairs, rounded")]
    public AgeGroupValues LimitedMobilityShare { get; init; } = new(0.005, 0.015, 0.03, 0.08, 0.13, 0.32);

    /// <summary>
    /// Employment rate by age at the national participation level (CBS 2023 nettoarbeidsparticipatie, rounded):
    /// 18–24 non-students 75 %, 25–44 86 %, 45–64 80 %, 65–74 15 %, 75+ 2 %. Scaled by the profile's participation
    /// relative to <see cref="DutchNationalDefaults.LabourParticipation"/> when the row has it.
    /// </summary>
    [Parameter("share", 0, 1, "CBS 2023 nettoarbeidsparticipatie by age, rounded")]
    public AgeGroupValues EmploymentRate { get; init; } = new(0, 0.75, 0.86, 0.80, 0.15, 0.02);

    /// <summary>Highest employment rate any age group can be scaled to.</summary>
    [Parameter("share", 0, 1, "Reasoned: the highest rate any age group can be scaled to")]
    public double MaximumEmploymentRate { get; init; } = 0.98;

    /// <summary>Share of 18–24 year-olds in education (CBS: a little over half of this age group is enrolled).</summary>
    [Parameter("share", 0, 1, "CBS: a little over half of 18-24 year-olds are enrolled in education")]
    public double StudentShareAge18To24 { get; init; } = 0.55;

    /// <summary>Dutch children start primary school at 4 (compulsory from 5); younger ones are <see cref="Occupation.Infant"/>.</summary>
    [Parameter("years", 2, 7, "Dutch children start primary school at 4 (compulsory from 5)")]
    public int SchoolStartAgeYears { get; init; } = 4;

    /// <summary>Pupils until 18 (leerplicht and kwalificatieplicht).</summary>
    [Parameter("years", 16, 21, "Leerplicht and kwalificatieplicht: pupils until 18")]
    public int AdultAgeYears { get; init; } = 18;

    /// <summary>Age from which people not working are <see cref="Occupation.Retired"/> (AOW age is about 67; early retirement common).</summary>
    [Parameter("years", 50, 75, "AOW age is about 67; early retirement is common")]
    public int RetirementAgeYears { get; init; } = 65;

    /// <summary>Share of workers in rotating shifts (CBS/TNO Nationale Enquête Arbeidsomstandigheden: about one in eight).</summary>
    [Parameter("share", 0, 1, "CBS/TNO Nationale Enquete Arbeidsomstandigheden: about one in eight workers")]
    public double ShiftWorkShare { get; init; } = 0.12;

    /// <summary>Share of workers who mainly work at night (NEA: a few percent work nights regularly).</summary>
    [Parameter("share", 0, 1, "NEA: a few percent of workers work nights regularly")]
    public double NightWorkShare { get; init; } = 0.04;

    /// <summary>
    /// Income group of a household from the education of its reference person and its tenure. The CBS income
    /// columns are empty in the 2023 release; these shares follow the CBS pattern that income rises with education
    /// and that renters (social housing is income-tested) are far more often in the lowest group than owners.
    /// With national education and tenure shares they give roughly a third per group.
    /// </summary>
    [Parameter("share", 0, 1, "Reasoned from the CBS pattern: income rises with education; renters are more often in the lowest group")]
    public IncomeShares OwnerLowEducationIncome { get; init; } = new(0.30, 0.50, 0.20);

    [Parameter("share", 0, 1, "Reasoned from the CBS pattern: income rises with education; renters are more often in the lowest group")]
    public IncomeShares OwnerMiddleEducationIncome { get; init; } = new(0.15, 0.50, 0.35);

    [Parameter("share", 0, 1, "Reasoned from the CBS pattern: income rises with education; renters are more often in the lowest group")]
    public IncomeShares OwnerHighEducationIncome { get; init; } = new(0.05, 0.35, 0.60);

    [Parameter("share", 0, 1, "Reasoned from the CBS pattern: income rises with education; renters are more often in the lowest group")]
    public IncomeShares RenterLowEducationIncome { get; init; } = new(0.65, 0.30, 0.05);

    [Parameter("share", 0, 1, "Reasoned from the CBS pattern: income rises with education; renters are more often in the lowest group")]
    public IncomeShares RenterMiddleEducationIncome { get; init; } = new(0.40, 0.45, 0.15);

    [Parameter("share", 0, 1, "Reasoned from the CBS pattern: income rises with education; renters are more often in the lowest group")]
    public IncomeShares RenterHighEducationIncome { get; init; } = new(0.20, 0.50, 0.30);

    /// <summary>
    /// Mean years a household has lived in the neighbourhood, exponentially distributed (capped by age). Owners
    /// stay about twice as long as renters (CBS WoON: owner-occupiers move about half as often); the means are a
    /// documented starting point, not a calibration.
    /// </summary>
    [Parameter("years", 0.5, 80, "CBS WoON: owner-occupiers move about half as often as renters")]
    public double OwnerMeanYearsInNeighbourhood { get; init; } = 14;

    [Parameter("years", 0.5, 80, "CBS WoON: renters move about twice as often as owner-occupiers")]
    public double RenterMeanYearsInNeighbourhood { get; init; } = 7;

    /// <summary>Above this many households per dwelling on average, the result carries a warning.</summary>
    [NotAParameter("a warning threshold for the report; results do not depend on it")]
    public double OverfillWarningRatio { get; init; } = 1.0;

    /// <summary>Below this share of dwellings occupied, the result carries a warning (many homes stay empty).</summary>
    [NotAParameter("a warning threshold for the report; results do not depend on it")]
    public double UnderfillWarningRatio { get; init; } = 0.5;

    internal IncomeShares IncomeFor(EducationLevel education, Tenure tenure) => (tenure, education) switch
    {
        (Tenure.Owner, EducationLevel.Low) => OwnerLowEducationIncome,
        (Tenure.Owner, EducationLevel.High) => OwnerHighEducationIncome,
        (Tenure.Owner, _) => OwnerMiddleEducationIncome,
        (_, EducationLevel.Low) => RenterLowEducationIncome,
        (_, EducationLevel.High) => RenterHighEducationIncome,
        _ => RenterMiddleEducationIncome,
    };
}
