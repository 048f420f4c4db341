using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Tests.Population;

public class PopulationSynthesiserTests
{
    private static readonly HomeSet ManyHomes = PopulationFixtures.Homes(400, 1, 4, 12, 30); // 400 homes, 4,700 dwellings

    private static Residents Synthesise(NeighbourhoodProfile profile, ulong seed = 42, HomeSet? homes = null, int? target = null)
    {
        var result = PopulationSynthesiser.Synthesise(profile, homes ?? ManyHomes, seed, target);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Unwrap();
    }

    private static double Share<T>(ReadOnlySpan<T> values, T value)
        where T : struct, Enum
    {
        int count = 0;
        foreach (T v in values)
        {
            count += EqualityComparer<T>.Default.Equals(v, value) ? 1 : 0;
        }
        return (double)count / values.Length;
    }

    [Fact]
    public void Age_bands_and_household_types_match_the_profile_exactly()
    {
        Residents r = Synthesise(PopulationFixtures.HandMade());

        // 10,000 residents: 2,000 / 1,000 / 3,000 / 2,500 / 1,500 by band; 4,500 households: 1,800 / 1,350 / 1,350.
        Assert.Equal(10_000, r.Count);
        Assert.Equal([2000, 1000, 3000, 2500, 1500], Enum.GetValues<AgeBand>().Select(b => (int)Math.Round(Share(r.AgeBand, b) * r.Count)));
        Assert.Equal(4500, r.HouseholdCount);
        Assert.Equal([1800, 1350, 1350], Enum.GetValues<HouseholdType>().Select(t => (int)Math.Round(Share(r.HouseholdType, t) * r.HouseholdCount)));
    }

    [Fact]
    public void Gender_background_and_tenure_match_the_profile_within_sampling_tolerance()
    {
        Residents r = Synthesise(PopulationFixtures.HandMade());

        // Gender is personal (standard error 0.005); background and tenure are per household, so the standard error
        // grows with household size (about 0.01): tolerances are about three standard errors.
        Assert.InRange(Share(r.Gender, Gender.Woman), 0.52 - 0.015, 0.52 + 0.015);
        Assert.InRange(Share(r.Background, Background.Dutch), 0.60 - 0.03, 0.60 + 0.03);
        Assert.InRange(Share(r.Background, Background.NonEuropean), 0.25 - 0.03, 0.25 + 0.03);
        int owners = 0;
        for (int h = 0; h < r.HouseholdCount; h++)
        {
            owners += r.Tenure[r.HouseholdStart[h]] == Tenure.Owner ? 1 : 0;
        }
        Assert.InRange((double)owners / r.HouseholdCount, 0.40 - 0.025, 0.40 + 0.025);
        Assert.InRange(Share(r.Education[..], EducationLevel.None), 0.199, 0.201); // exactly the 0–14 year-olds
    }

    [Fact]
    public void The_Utrecht_row_gives_its_own_counts()
    {
        NeighbourhoodProfile profile = CbsKerncijfers.Read(PopulationFixtures.UtrechtCsv, "BU03440111").Unwrap();

        Residents r = Synthesise(profile);

        Assert.Equal(1810, r.Count);
        Assert.Equal([200, 235, 780, 235, 360], Enum.GetValues<AgeBand>().Select(b => (int)Math.Round(Share(r.AgeBand, b) * r.Count)));
        Assert.Equal([630, 295, 145], Enum.GetValues<HouseholdType>().Select(t => (int)Math.Round(Share(r.HouseholdType, t) * r.HouseholdCount)));
    }

    [Fact]
    public void Every_household_has_an_adult_and_minors_live_only_in_households_with_children()
    {
        Residents r = Synthesise(PopulationFixtures.HandMade());

        for (int h = 0; h < r.HouseholdCount; h++)
        {
            Range members = r.MembersOf(h);
            ReadOnlySpan<byte> ages = r.AgeYears[members];
            ReadOnlySpan<HouseholdRole> roles = r.Role[members];
            Assert.True(ages[0] >= 18, $"household {h} starts with a {ages[0]}-year-old");
            bool hasMinor = ages.IndexOfAnyInRange((byte)0, (byte)17) >= 0;
            switch (r.HouseholdType[h])
            {
                case HouseholdType.OnePerson:
                    Assert.Equal(1, ages.Length);
                    Assert.Equal(HouseholdRole.Single, roles[0]);
                    break;
                case HouseholdType.WithoutChildren:
                    Assert.True(ages.Length >= 2);
                    Assert.False(hasMinor);
                    Assert.DoesNotContain(HouseholdRole.Child, roles.ToArray());
                    break;
                case HouseholdType.WithChildren:
                    Assert.Contains(HouseholdRole.Child, roles.ToArray());
                    Assert.Equal(HouseholdRole.Parent, roles[0]);
                    break;
            }
        }
    }

    [Fact]
    public void Parents_are_old_enough_for_their_children_and_older_people_live_in_small_households()
    {
        Residents r = Synthesise(PopulationFixtures.HandMade());

        int older = 0, olderInSmall = 0;
        for (int h = 0; h < r.HouseholdCount; h++)
        {
            Range members = r.MembersOf(h);
            ReadOnlySpan<byte> ages = r.AgeYears[members];
            ReadOnlySpan<HouseholdRole> roles = r.Role[members];
            for (int i = 0; i < ages.Length; i++)
            {
                if (roles[i] == HouseholdRole.Child && ages[i] < 18)
                {
                    Assert.True(ages[0] >= ages[i] + 18, $"parent {ages[0]} with child {ages[i]}");
                }
                if (ages[i] >= 65)
                {
                    older++;
                    olderInSmall += ages.Length <= 2 ? 1 : 0;
                }
            }
        }
        Assert.True(olderInSmall > 0.8 * older, $"{olderInSmall} of {older} people 65+ in 1–2 person households");
    }

    [Fact]
    public void Occupation_work_health_and_years_follow_age_and_tenure()
    {
        Residents r = Synthesise(PopulationFixtures.HandMade(20_000));

        int limitedYoung = 0, young = 0, limitedOld = 0, old = 0;
        double ownerYears = 0, renterYears = 0;
        int owners = 0, renters = 0;
        for (int i = 0; i < r.Count; i++)
        {
            int age = r.AgeYears[i];
            Occupation occupation = r.Occupation[i];
            Assert.True(r.YearsInNeighbourhood[i] <= age);
            Assert.Equal(occupation == Occupation.Worker, r.WorkPattern[i] != WorkPattern.None);
            if (age is >= 4 and < 18)
            {
                Assert.Equal(Occupation.Pupil, occupation);
            }
            if (age < 4)
            {
                Assert.Equal(Occupation.Infant, occupation);
            }
            if (age >= 75)
            {
                old++;
                limitedOld += r.Health[i] == Health.LimitedMobility ? 1 : 0;
                Assert.NotEqual(Occupation.NotWorking, occupation);
            }
            else if (age < 45)
            {
                young++;
                limitedYoung += r.Health[i] == Health.LimitedMobility ? 1 : 0;
            }
            if (age >= 30 && r.Tenure[i] == Tenure.Owner)
            {
                ownerYears += r.YearsInNeighbourhood[i];
                owners++;
            }
            else if (age >= 30)
            {
                renterYears += r.YearsInNeighbourhood[i];
                renters++;
            }
        }
        Assert.InRange((double)limitedOld / old, 0.25, 0.39);
        Assert.InRange((double)limitedYoung / young, 0.005, 0.04);
        Assert.True(ownerYears / owners > 1.5 * renterYears / renters);
        Assert.All(Enum.GetValues<IncomeGroup>(), g => Assert.InRange(Share(r.Income, g), 0.15, 0.60));
        Assert.InRange(Share(r.Occupation, Occupation.Worker), 0.35, 0.60);
    }

    [Fact]
    public void Members_of_a_household_share_home_tenure_background_and_income()
    {
        Residents r = Synthesise(PopulationFixtures.HandMade(3000));

        for (int h = 0; h < r.HouseholdCount; h++)
        {
            Range members = r.MembersOf(h);
            int first = members.Start.Value;
            for (int i = first; i < members.End.Value; i++)
            {
                Assert.Equal(h, r.Household[i]);
                Assert.Equal(r.HouseholdHome[h], r.Home[i]);
                Assert.Equal(r.Tenure[first], r.Tenure[i]);
                Assert.Equal(r.Background[first], r.Background[i]);
                Assert.Equal(r.Income[first], r.Income[i]);
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_arrays_and_another_seed_does_not()
    {
        NeighbourhoodProfile profile = PopulationFixtures.HandMade(5000);
        Residents a = Synthesise(profile, seed: 7);
        Residents b = Synthesise(profile, seed: 7);
        Residents c = Synthesise(profile, seed: 8);

        Assert.True(a.AgeYears.SequenceEqual(b.AgeYears));
        Assert.True(a.Household.SequenceEqual(b.Household));
        Assert.True(a.Home.SequenceEqual(b.Home));
        Assert.True(a.Gender.SequenceEqual(b.Gender));
        Assert.True(a.Income.SequenceEqual(b.Income));
        Assert.True(a.Health.SequenceEqual(b.Health));
        Assert.True(a.Background.SequenceEqual(b.Background));
        Assert.True(a.Tenure.SequenceEqual(b.Tenure));
        Assert.True(a.Occupation.SequenceEqual(b.Occupation));
        Assert.True(a.WorkPattern.SequenceEqual(b.WorkPattern));
        Assert.True(a.YearsInNeighbourhood.SequenceEqual(b.YearsInNeighbourhood));
        Assert.True(a.Role.SequenceEqual(b.Role));
        Assert.True(a.HouseholdType.SequenceEqual(b.HouseholdType));

        Assert.False(a.AgeYears.SequenceEqual(c.AgeYears));
        Assert.False(a.Home.SequenceEqual(c.Home));
        Assert.False(a.Gender.SequenceEqual(c.Gender));
    }

    [Fact]
    public async Task One_thread_gives_the_same_residents_as_many()
    {
        NeighbourhoodProfile profile = PopulationFixtures.HandMade(20_000);
        Residents many = Synthesise(profile, seed: 3);
        // Parallel.For runs on TaskScheduler.Current: an exclusive scheduler allows one task at a time.
        var oneThread = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        Residents one = await Task.Factory.StartNew(
            () => Synthesise(profile, seed: 3), CancellationToken.None, TaskCreationOptions.None, oneThread);

        Assert.True(one.Gender.SequenceEqual(many.Gender));
        Assert.True(one.Income.SequenceEqual(many.Income));
        Assert.True(one.Occupation.SequenceEqual(many.Occupation));
        Assert.True(one.YearsInNeighbourhood.SequenceEqual(many.YearsInNeighbourhood));
        Assert.True(one.Home.SequenceEqual(many.Home));
    }

    [Fact]
    public void Households_never_exceed_a_homes_dwellings_when_there_are_enough()
    {
        HomeSet homes = PopulationFixtures.Homes(900, 1, 2, 9); // 3,600 dwellings
        Residents r = Synthesise(PopulationFixtures.HandMade(7000), homes: homes); // 3,150 households

        var perHome = new int[homes.Count];
        foreach (int home in r.HouseholdHome)
        {
            perHome[home]++;
        }
        for (int i = 0; i < homes.Count; i++)
        {
            Assert.True(perHome[i] <= homes.Dwellings[i], $"home {i}: {perHome[i]} households in {homes.Dwellings[i]} dwellings");
        }
        Assert.Empty(r.Warnings);
        // Big buildings hold most households: 9-dwelling homes have 75 % of the dwellings.
        double inBig = Enumerable.Range(0, homes.Count).Where(i => homes.Dwellings[i] == 9).Sum(i => perHome[i]) / 3150.0;
        Assert.InRange(inBig, 0.72, 0.78);
    }

    [Fact]
    public void More_households_than_dwellings_overfill_evenly_with_a_warning()
    {
        HomeSet homes = PopulationFixtures.Homes(100, 1, 3); // 200 dwellings
        Residents r = Synthesise(PopulationFixtures.HandMade(1000), homes: homes); // 450 households: 2–3 per dwelling

        var perHome = new int[homes.Count];
        foreach (int home in r.HouseholdHome)
        {
            perHome[home]++;
        }
        for (int i = 0; i < homes.Count; i++)
        {
            Assert.InRange(perHome[i], 2 * homes.Dwellings[i], 3 * homes.Dwellings[i]);
        }
        Assert.Contains(r.Warnings, w => w.Contains("overfilled", StringComparison.Ordinal));
    }

    [Fact]
    public void Far_fewer_households_than_dwellings_is_noted_and_each_takes_its_own_dwelling()
    {
        Residents r = Synthesise(PopulationFixtures.HandMade(200)); // 90 households in 4,700 dwellings

        Assert.Contains(r.Warnings, w => w.Contains("stay empty", StringComparison.Ordinal));
        foreach (IGrouping<int, int> home in r.HouseholdHome.ToArray().GroupBy(h => h))
        {
            Assert.True(home.Count() <= ManyHomes.Dwellings[home.Key]);
        }
    }

    [Fact]
    public void A_target_number_of_residents_rescales_the_profile()
    {
        NeighbourhoodProfile profile = CbsKerncijfers.Read(PopulationFixtures.UtrechtCsv, "BU03440111").Unwrap();

        Residents r = Synthesise(profile, target: 905);

        Assert.Equal(905, r.Count);
        Assert.Equal(535, r.HouseholdCount);
    }

    [Fact]
    public void An_empty_population_is_a_problem()
    {
        NeighbourhoodProfile profile = CbsKerncijfers.Read(PopulationFixtures.UtrechtCsv, "BU03440952").Unwrap();

        var result = PopulationSynthesiser.Synthesise(profile, ManyHomes, 1);

        InputProblem problem = Assert.Single(result.Problems);
        Assert.Equal("population.residents", problem.Field);
        Assert.Contains("Strijkviertel", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_homes_is_a_problem()
    {
        var result = PopulationSynthesiser.Synthesise(PopulationFixtures.HandMade(), HomeSet.Empty, 1);

        Assert.Equal("homes", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void A_profile_of_only_children_is_a_problem()
    {
        var profile = new NeighbourhoodProfile { Residents = 100, Age = new AgeShares(1, 0, 0, 0, 0) };

        var result = PopulationSynthesiser.Synthesise(profile, ManyHomes, 1);

        Assert.Contains("none of them is 18 or older", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Children_without_households_with_children_get_some_with_a_warning()
    {
        var profile = new NeighbourhoodProfile
        {
            Residents = 1000,
            HouseholdTypes = new HouseholdTypeShares(0.5, 0.5, 0),
        };

        Residents r = Synthesise(profile);

        Assert.Contains(r.Warnings, w => w.Contains("households with children", StringComparison.Ordinal));
        Assert.True(Share(r.HouseholdType, HouseholdType.WithChildren) > 0);
    }

    [Fact]
    public void Largest_remainder_apportionment_sums_to_the_total()
    {
        Span<int> counts = stackalloc int[3];
        PopulationSynthesiser.Apportion(10, [1, 1, 1], counts);
        Assert.Equal([4, 3, 3], counts.ToArray());
        PopulationSynthesiser.Apportion(7, [0.5, 0.25, 0.25], counts);
        Assert.Equal([3, 2, 2], counts.ToArray()); // 3.5, 1.75, 1.75: the larger remainders win
    }
}
