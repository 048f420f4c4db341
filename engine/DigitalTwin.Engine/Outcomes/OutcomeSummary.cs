using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Outcomes;

/// <summary>The outcomes MODEL.md asks for, averaged over a group of residents.</summary>
public sealed record OutcomeMeasures
{
    public int Residents { get; init; }

    public double EncountersPerResidentPerDay { get; init; }

    public double NoticedPerResidentPerDay { get; init; }

    public double NodsPerResidentPerDay { get; init; }

    public double DistinctPeopleMetPerResident { get; init; }

    public double FamiliarStrangersPerResident { get; init; }

    public double NoddingContactsPerResident { get; init; }

    public double AcquaintancesPerResident { get; init; }

    /// <summary>Share of residents with neither a nodding contact nor an acquaintance: the anonymity / isolation risk.</summary>
    public double ShareWithoutNoddingContact { get; init; }

    /// <summary>The measures by name, in a fixed order, for tables and comparisons.</summary>
    public IEnumerable<(string Name, double Value)> Values()
    {
        yield return ("encountersPerResidentPerDay", EncountersPerResidentPerDay);
        yield return ("noticedPerResidentPerDay", NoticedPerResidentPerDay);
        yield return ("nodsPerResidentPerDay", NodsPerResidentPerDay);
        yield return ("distinctPeopleMetPerResident", DistinctPeopleMetPerResident);
        yield return ("familiarStrangersPerResident", FamiliarStrangersPerResident);
        yield return ("noddingContactsPerResident", NoddingContactsPerResident);
        yield return ("acquaintancesPerResident", AcquaintancesPerResident);
        yield return ("shareWithoutNoddingContact", ShareWithoutNoddingContact);
    }

    /// <summary>
    /// One sentence per measure of <see cref="Values"/>, by name (summary.json's definitions): what it counts, per what,
    /// over which days. A measure without one fails the summary's test.
    /// </summary>
    public static IReadOnlyList<(string Name, string Definition)> Definitions { get; } =
    [
        ("encountersPerResidentPerDay", "Encounters (two residents within social distance, on the street, across a junction or at a place; one episode however long; passing, noticed or not) per resident per simulated day, each encounter counting for both people, averaged over the residents and all simulated days."),
        ("noticedPerResidentPerDay", "Encounters in which the two noticed each other (the attention model: time in view, crowding, mode), per resident per simulated day, each counting for both people; only these can become nods or build familiarity."),
        ("nodsPerResidentPerDay", "Encounters in which the two nodded or greeted, per resident per simulated day, each counting for both people, averaged over the residents and all simulated days."),
        ("distinctPeopleMetPerResident", "People noticed: distinct other residents each resident noticed (and was noticed by) in at least one encounter over all simulated days (pairs since forgotten included), averaged over the residents."),
        ("familiarStrangersPerResident", "Ties in the familiar-stranger state (seen repeatedly, no greeting) at the end of the last simulated day, per resident."),
        ("noddingContactsPerResident", "Ties in the nodding-contact state (greet or nod) at the end of the last simulated day, per resident."),
        ("acquaintancesPerResident", "Ties in the acquaintance state (greet and have spent time together while staying) at the end of the last simulated day, per resident."),
        ("shareWithoutNoddingContact", "Share (0 to 1) of residents with neither a nodding contact nor an acquaintance at the end of the last simulated day."),
    ];
}

/// <summary>A breakdown: the measures for each value of one resident trait (e.g. age band → Older → measures).</summary>
public sealed record GroupBreakdown(string Trait, IReadOnlyList<(string Group, OutcomeMeasures Measures)> Groups);

/// <summary>Overall outcomes and their breakdown by the individual differences of the source document's Tabel 1.</summary>
public sealed record OutcomeSummary(OutcomeMeasures Overall, IReadOnlyList<GroupBreakdown> ByGroup)
{
    public static OutcomeSummary From(ResidentOutcomes outcomes, Residents residents, int days)
    {
        var all = Measure(outcomes, days, _ => true);
        var byGroup = new List<GroupBreakdown>
        {
            Breakdown<AgeBand>("ageBand", outcomes, days, residents.AgeBand.ToArray()),
            Breakdown<Gender>("gender", outcomes, days, residents.Gender.ToArray()),
            Breakdown<IncomeGroup>("income", outcomes, days, residents.Income.ToArray()),
            Breakdown<Health>("health", outcomes, days, residents.Health.ToArray()),
            Breakdown<Background>("background", outcomes, days, residents.Background.ToArray()),
            Breakdown<Tenure>("tenure", outcomes, days, residents.Tenure.ToArray()),
        };
        return new OutcomeSummary(all, byGroup);
    }

    private static GroupBreakdown Breakdown<T>(string trait, ResidentOutcomes outcomes, int days, T[] values)
        where T : struct, Enum
    {
        var groups = new List<(string, OutcomeMeasures)>();
        foreach (T value in Enum.GetValues<T>())
        {
            groups.Add((value.ToString(), Measure(outcomes, days, r => EqualityComparer<T>.Default.Equals(values[r], value))));
        }
        return new GroupBreakdown(trait, groups);
    }

    private static OutcomeMeasures Measure(ResidentOutcomes o, int days, Func<int, bool> member)
    {
        // Sums of integers in resident order, divided once: the same on any machine.
        long n = 0, encounters = 0, noticed = 0, nods = 0, met = 0, familiar = 0, nodding = 0, acquainted = 0, anonymous = 0;
        for (int r = 0; r < o.ResidentCount; r++)
        {
            if (!member(r))
            {
                continue;
            }
            n++;
            encounters += o.Encounters[r];
            noticed += o.Noticed[r];
            nods += o.Nods[r];
            met += o.PeopleMet[r];
            familiar += o.FamiliarStrangers[r];
            nodding += o.NoddingContacts[r];
            acquainted += o.Acquaintances[r];
            anonymous += o.NoddingContacts[r] + o.Acquaintances[r] == 0 ? 1 : 0;
        }
        if (n == 0)
        {
            return new OutcomeMeasures();
        }
        double perDay = (double)n * Math.Max(1, days);
        return new OutcomeMeasures
        {
            Residents = (int)n,
            EncountersPerResidentPerDay = encounters / perDay,
            NoticedPerResidentPerDay = noticed / perDay,
            NodsPerResidentPerDay = nods / perDay,
            DistinctPeopleMetPerResident = (double)met / n,
            FamiliarStrangersPerResident = (double)familiar / n,
            NoddingContactsPerResident = (double)nodding / n,
            AcquaintancesPerResident = (double)acquainted / n,
            ShareWithoutNoddingContact = (double)anonymous / n,
        };
    }
}
