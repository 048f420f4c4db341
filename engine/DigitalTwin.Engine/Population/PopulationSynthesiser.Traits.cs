using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Population;

internal static partial class PopulationSynthesiser
{
    /// <summary>
    /// Phase 2: traits. Each household draws from its own stream (seed, Household, household index), so the loop
    /// runs in parallel and gives the same arrays on any thread count. Tenure, background, income and the moving-in
    /// date are household traits; gender, education, health, occupation and work pattern are personal.
    /// </summary>
    private static Residents AssignTraits(
        HouseholdStructure structure, int[] householdHome, NeighbourhoodProfile profile, PopulationParameters p,
        ulong seed, List<string> warnings)
    {
        int n = structure.Household.Length;
        int households = structure.HouseholdCount;
        int[] start = structure.Start;
        byte[] ages = structure.Age;
        HouseholdRole[] roles = structure.Role;
        bool[] coupled = structure.Coupled;

        var home = new int[n];
        var ageBand = new AgeBand[n];
        var gender = new Gender[n];
        var income = new IncomeGroup[n];
        var health = new Health[n];
        var background = new Background[n];
        var tenure = new Tenure[n];
        var workPattern = new WorkPattern[n];
        var occupation = new Occupation[n];
        var education = new EducationLevel[n];
        var years = new float[n];

        // The second member of a couple takes the opposite gender of the first with a high probability, which pulls
        // couples towards half women; everyone else draws with the share that keeps the expected total on target:
        // E[women] = q (N − 2·S·o) + S·o for S couples and opposite-gender probability o.
        int couples = 0;
        foreach (bool c in coupled)
        {
            couples += c ? 1 : 0;
        }
        double o = p.OppositeGenderCoupleShare;
        double denominator = n - (2.0 * couples * o);
        double womenShare = profile.EffectiveWomenShare;
        double independentWomenShare = denominator > 0
            ? Math.Clamp(((womenShare * n) - (couples * o)) / denominator, 0, 1)
            : womenShare;

        double ownerShare = profile.EffectiveOwnerShare;
        BackgroundShares bg = profile.EffectiveBackground;
        EducationShares edu = profile.EffectiveEducation;
        double employmentScale = profile.LabourParticipation is > 0 and <= 1
            ? profile.LabourParticipation.Value / DutchNationalDefaults.LabourParticipation
            : 1.0;

        Parallel.For(0, households, h =>
        {
            var rng = new RandomStream(seed, StreamPurpose.Household, (ulong)h);
            Tenure hhTenure = rng.NextDouble() < ownerShare ? Tenure.Owner : Tenure.Renter;
            double u = rng.NextDouble();
            Background hhBackground = u < bg.Dutch ? Population.Background.Dutch
                : u < bg.Dutch + bg.European ? Population.Background.European
                : Population.Background.NonEuropean;
            double meanYears = hhTenure == Tenure.Owner ? p.OwnerMeanYearsInNeighbourhood : p.RenterMeanYearsInNeighbourhood;
            float hhYears = (float)rng.NextExponential(meanYears);
            int homeIndex = householdHome[h];

            for (int i = start[h]; i < start[h + 1]; i++)
            {
                int age = ages[i];
                home[i] = homeIndex;
                ageBand[i] = BandOf(age);
                tenure[i] = hhTenure;
                background[i] = hhBackground;
                years[i] = Math.Min(hhYears, age);
                gender[i] = coupled[h] && i == start[h] + 1
                    ? (rng.NextDouble() < o ? Opposite(gender[i - 1]) : gender[i - 1])
                    : (rng.NextDouble() < independentWomenShare ? Population.Gender.Woman : Population.Gender.Man);
                education[i] = age < 15 ? EducationLevel.None : DrawEducation(ref rng, edu);
                health[i] = rng.NextDouble() < p.LimitedMobilityShare.At(age) ? Population.Health.LimitedMobility : Population.Health.Good;
                occupation[i] = DrawOccupation(ref rng, age, p, employmentScale);
                workPattern[i] = occupation[i] == Population.Occupation.Worker ? DrawWorkPattern(ref rng, p) : Population.WorkPattern.None;
            }

            // Income is the household's: from the reference person's (first adult's) education and the tenure.
            EducationLevel headEducation = education[start[h]] == EducationLevel.None ? EducationLevel.Middle : education[start[h]];
            IncomeShares shares = p.IncomeFor(headEducation, hhTenure);
            double v = rng.NextDouble() * (shares.Low + shares.Middle + shares.High);
            IncomeGroup hhIncome = v < shares.Low ? IncomeGroup.Low : v < shares.Low + shares.Middle ? IncomeGroup.Middle : IncomeGroup.High;
            for (int i = start[h]; i < start[h + 1]; i++)
            {
                income[i] = hhIncome;
            }
        });

        var householdType = (HouseholdType[])structure.Types.Clone();
        return new Residents(
            structure.Household, home, ageBand, ages, gender, income, health, background, tenure, workPattern,
            occupation, education, roles, years, start, householdHome, householdType, warnings.AsReadOnly());
    }

    private static Gender Opposite(Gender g) => g == Population.Gender.Woman ? Population.Gender.Man : Population.Gender.Woman;

    private static EducationLevel DrawEducation(ref RandomStream rng, EducationShares shares)
    {
        double u = rng.NextDouble();
        return u < shares.Low ? EducationLevel.Low : u < shares.Low + shares.Middle ? EducationLevel.Middle : EducationLevel.High;
    }

    private static Occupation DrawOccupation(ref RandomStream rng, int age, PopulationParameters p, double employmentScale)
    {
        if (age < p.SchoolStartAgeYears)
        {
            return Population.Occupation.Infant;
        }
        if (age < p.AdultAgeYears)
        {
            return Population.Occupation.Pupil;
        }
        if (age < 25 && rng.NextDouble() < p.StudentShareAge18To24)
        {
            return Population.Occupation.Student;
        }
        double employment = Math.Min(p.EmploymentRate.At(age) * employmentScale, p.MaximumEmploymentRate);
        if (rng.NextDouble() < employment)
        {
            return Population.Occupation.Worker;
        }
        return age >= p.RetirementAgeYears ? Population.Occupation.Retired : Population.Occupation.NotWorking;
    }

    private static WorkPattern DrawWorkPattern(ref RandomStream rng, PopulationParameters p)
    {
        double u = rng.NextDouble();
        return u < p.NightWorkShare ? Population.WorkPattern.Night
            : u < p.NightWorkShare + p.ShiftWorkShare ? Population.WorkPattern.Shift
            : Population.WorkPattern.Day;
    }
}
