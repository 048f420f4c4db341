using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Population;

internal static partial class PopulationSynthesiser
{
    /// <summary>
    /// Phase 1: who lives with whom. People are fungible until they are placed, so the pool is a count per exact
    /// age; each draw picks an age (within a range, weighted by a propensity) and takes one person of that age.
    /// Households are filled in a fixed order, most constrained first: a child for every household with children,
    /// the other minors, then (after setting aside the extra adults by their own propensity) first and second
    /// parents, the singles, the first and second partners of couples, and last the extra adults as adult children,
    /// flatmates or relatives.
    /// </summary>
    private sealed class HouseholdStructure
    {
        private readonly NeighbourhoodProfile _profile;
        private readonly PopulationParameters _p;
        private readonly List<string> _warnings;
        private RandomStream _rng;
        private int[] _pool = [];
        private HouseholdType[] _types = [];
        private int[] _size = [];
        private int[] _firstAdultAge = [];
        private int[] _firstMember = [];
        private int[] _minChildAge = [];
        private int[] _maxChildAge = [];
        private List<int> _memberHousehold = [];
        private List<byte> _memberAge = [];
        private List<HouseholdRole> _memberRole = [];

        public HouseholdStructure(NeighbourhoodProfile profile, PopulationParameters parameters, ulong seed, List<string> warnings)
        {
            _profile = profile;
            _p = parameters;
            _warnings = warnings;
            _rng = new RandomStream(seed, StreamPurpose.Population, 0);
        }

        public int HouseholdCount => _types.Length;

        public HouseholdType[] Types => _types;

        /// <summary>After <see cref="Build"/>: first member of each household (plus the total at the end).</summary>
        public int[] Start { get; private set; } = [];

        /// <summary>After <see cref="Build"/>: per resident, in household order, adults first.</summary>
        public int[] Household { get; private set; } = [];

        public byte[] Age { get; private set; } = [];

        public HouseholdRole[] Role { get; private set; } = [];

        /// <summary>Per household: whether its first two members are a couple (partners or two parents).</summary>
        public bool[] Coupled { get; private set; } = [];

        public bool Build(out string? failure)
        {
            int residents = _profile.Residents;
            int maxAge = Math.Clamp(_p.MaximumAgeYears, 66, byte.MaxValue - 1);
            _pool = new int[maxAge + 1];
            DrawAges(residents, maxAge);

            int adult = _p.AdultAgeYears;
            int minors = 0;
            for (int a = 0; a < adult; a++)
            {
                minors += _pool[a];
            }
            int adults = residents - minors;
            if (adults == 0)
            {
                failure = $"the profile has {residents} residents and none of them is {adult} or older";
                return false;
            }

            Span<int> typeCounts = stackalloc int[3];
            HouseholdTypeShares shares = _profile.EffectiveHouseholdTypes;
            Apportion(_profile.EffectiveHouseholds, [shares.OnePerson, shares.WithoutChildren, shares.WithChildren], typeCounts);
            FitHouseholdsToPeople(typeCounts, minors, adults);
            MakeTypes(typeCounts);

            int households = _types.Length;
            _size = new int[households];
            _firstAdultAge = new int[households];
            _minChildAge = new int[households];
            _maxChildAge = new int[households];
            _firstMember = new int[households];
            Array.Fill(_firstAdultAge, -1);
            Array.Fill(_minChildAge, int.MaxValue);
            Array.Fill(_maxChildAge, -1);
            _memberHousehold = new List<int>(residents);
            _memberAge = new List<byte>(residents);
            _memberRole = new List<HouseholdRole>(residents);
            var coupled = new bool[households];

            int[] withChildren = IndicesOf(HouseholdType.WithChildren);
            int[] without = IndicesOf(HouseholdType.WithoutChildren);
            int[] onePerson = IndicesOf(HouseholdType.OnePerson);
            double[] aloneWeights = WeightsByAge(_p.LivingAloneWeights, maxAge);
            double[] coupleWeights = WeightsByAge(_p.CoupleWeights, maxAge);

            // A child for every household with children: a minor while there are any, else an adult child at home.
            foreach (int h in withChildren)
            {
                int age = Draw(0, adult - 1);
                if (age < 0)
                {
                    age = Draw(adult, _p.MaximumChildAtHomeAgeYears);
                }
                if (age < 0)
                {
                    age = Draw(adult, maxAge);
                }
                AddChild(h, age);
            }
            // The other minors join households with children at random (a Poisson-like spread of siblings).
            for (int a = 0; a < adult; a++)
            {
                while (_pool[a] > 0)
                {
                    _pool[a]--;
                    int h = withChildren[_rng.NextInt(withChildren.Length)];
                    for (int tries = 0; tries < 4 && _size[h] >= _p.MaximumChildrenPerHousehold; tries++)
                    {
                        h = withChildren[_rng.NextInt(withChildren.Length)];
                    }
                    AddChild(h, a);
                }
            }
            // Who gets a second parent is decided now, so the adults beyond the core households (flatmates, adult
            // children, relatives) can be set aside first, drawn by their own propensity: mostly young people, so
            // older people end up alone or in couples.
            var secondParent = new bool[households];
            int core = onePerson.Length + (2 * without.Length) + withChildren.Length;
            foreach (int h in withChildren)
            {
                secondParent[h] = _rng.NextDouble() >= _p.SingleParentShare;
                core += secondParent[h] ? 1 : 0;
            }
            int adultsLeft = 0;
            for (int a = adult; a <= maxAge; a++)
            {
                adultsLeft += _pool[a];
            }
            int extras = Math.Max(0, adultsLeft - core);
            double[] extraWeights = WeightsByAge(_p.ExtraMemberWeights, maxAge);
            var setAside = new int[maxAge + 1];
            for (int k = 0; k < extras; k++)
            {
                int age = Draw(adult, maxAge, extraWeights);
                if (age < 0)
                {
                    age = Draw(adult, maxAge);
                }
                setAside[age]++;
            }

            // A parent old enough for the eldest child and young enough for the youngest.
            foreach (int h in withChildren)
            {
                int age = Draw(Math.Max(adult, _maxChildAge[h] + _p.ParentMinimumAgeGapYears), _minChildAge[h] + _p.ParentMaximumAgeGapYears);
                if (age < 0)
                {
                    age = Draw(adult, maxAge);
                }
                Add(h, age, HouseholdRole.Parent);
            }
            // Second parents before the singles and couples: their ages are constrained, the others' are not.
            foreach (int h in withChildren)
            {
                if (!secondParent[h])
                {
                    continue;
                }
                int lowest = Math.Max(adult, _maxChildAge[h] + _p.ParentMinimumAgeGapYears);
                int first = _firstAdultAge[h];
                int age = Draw(Math.Max(lowest, first - _p.PartnerAgeGapYears), first + _p.PartnerAgeGapYears);
                if (age < 0)
                {
                    age = Draw(Math.Max(lowest, first - (3 * _p.PartnerAgeGapYears)), first + (3 * _p.PartnerAgeGapYears));
                }
                if (age >= 0)
                {
                    Add(h, age, HouseholdRole.Parent);
                    coupled[h] = true;
                }
            }
            foreach (int h in onePerson)
            {
                int age = Draw(adult, maxAge, aloneWeights);
                Add(h, age >= 0 ? age : Draw(adult, maxAge), HouseholdRole.Single);
            }
            foreach (int h in without)
            {
                int age = Draw(adult, maxAge, coupleWeights);
                Add(h, age >= 0 ? age : Draw(adult, maxAge), HouseholdRole.Partner);
            }
            foreach (int h in without)
            {
                int age = DrawNear(_firstAdultAge[h], adult, maxAge);
                if (age < 0)
                {
                    break;
                }
                Add(h, age, HouseholdRole.Partner);
                coupled[h] = true;
            }
            for (int a = 0; a <= maxAge; a++)
            {
                _pool[a] += setAside[a];
            }
            PlaceLeftovers(adult, maxAge, withChildren, without, onePerson, coupled);
            Sort(households, coupled);
            failure = null;
            return true;
        }

        /// <summary>Exact ages: band counts by largest remainder (so the age marginal is exact), ages within a band drawn.</summary>
        private void DrawAges(int residents, int maxAge)
        {
            AgeShares age = _profile.EffectiveAge;
            Span<int> bandCounts = stackalloc int[5];
            Apportion(residents, [age.Child, age.Youth, age.YoungAdult, age.MiddleAge, age.Older], bandCounts);
            ReadOnlySpan<(int From, int To)> bands = [(0, 14), (15, 24), (25, 44), (45, 64)];
            for (int b = 0; b < 4; b++)
            {
                for (int i = 0; i < bandCounts[b]; i++)
                {
                    _pool[bands[b].From + _rng.NextInt(bands[b].To - bands[b].From + 1)]++;
                }
            }
            double young = _p.Share65To74OfOlder, middle = young + _p.Share75To84OfOlder;
            for (int i = 0; i < bandCounts[4]; i++)
            {
                double u = _rng.NextDouble();
                int age65 = u < young ? 65 + _rng.NextInt(10)
                    : u < middle ? 75 + _rng.NextInt(10)
                    : 85 + _rng.NextInt(Math.Max(1, maxAge - 85 + 1));
                _pool[Math.Min(age65, maxAge)]++;
            }
        }

        /// <summary>
        /// Makes the household counts possible with the people there are: minors need a household with children, and
        /// every household needs an adult (plus an adult child where a household with children has no minor).
        /// </summary>
        private void FitHouseholdsToPeople(Span<int> typeCounts, int minors, int adults)
        {
            const int OnePerson = 0, Without = 1, With = 2;
            if (minors > 0 && typeCounts[With] == 0)
            {
                int needed = Math.Max(1, (int)Math.Ceiling(minors / 2.0));
                int converted = 0;
                for (int from = Without; from >= OnePerson && converted < needed; from--)
                {
                    int take = Math.Min(typeCounts[from], needed - converted);
                    typeCounts[from] -= take;
                    converted += take;
                }
                if (converted == 0)
                {
                    converted = 1;
                }
                typeCounts[With] += converted;
                _warnings.Add($"{minors} residents under {_p.AdultAgeYears} but no households with children in the profile: " +
                    $"{converted} households were made households with children");
            }
            int removed = 0;
            while (typeCounts[OnePerson] + typeCounts[Without] + typeCounts[With]
                + Math.Max(0, typeCounts[With] - minors) > adults)
            {
                int from = typeCounts[OnePerson] > 0 ? OnePerson : typeCounts[Without] > 0 ? Without : With;
                typeCounts[from]--;
                removed++;
            }
            if (removed > 0)
            {
                _warnings.Add($"only {adults} adults for the profile's households: {removed} fewer households were formed");
            }
        }

        private void MakeTypes(ReadOnlySpan<int> typeCounts)
        {
            _types = new HouseholdType[typeCounts[0] + typeCounts[1] + typeCounts[2]];
            int i = 0;
            for (int t = 0; t < 3; t++)
            {
                for (int k = 0; k < typeCounts[t]; k++)
                {
                    _types[i++] = (HouseholdType)t;
                }
            }
            // Shuffle so household indices (and so resident order) do not cluster by type.
            for (int k = _types.Length - 1; k > 0; k--)
            {
                int j = _rng.NextInt(k + 1);
                (_types[k], _types[j]) = (_types[j], _types[k]);
            }
        }

        private int[] IndicesOf(HouseholdType type)
        {
            var indices = new List<int>();
            for (int h = 0; h < _types.Length; h++)
            {
                if (_types[h] == type)
                {
                    indices.Add(h);
                }
            }
            return [.. indices];
        }

        private static double[] WeightsByAge(AgeGroupValues values, int maxAge)
        {
            var weights = new double[maxAge + 1];
            for (int a = 0; a <= maxAge; a++)
            {
                weights[a] = values.At(a);
            }
            return weights;
        }

        /// <summary>Takes one person aged lo..hi from the pool, weighted by count × weight; -1 when there is none.</summary>
        private int Draw(int lo, int hi, double[]? weights = null)
        {
            lo = Math.Max(lo, 0);
            hi = Math.Min(hi, _pool.Length - 1);
            double total = 0;
            for (int a = lo; a <= hi; a++)
            {
                total += _pool[a] * (weights?[a] ?? 1.0);
            }
            if (total <= 0)
            {
                return -1;
            }
            double target = _rng.NextDouble() * total;
            double cumulative = 0;
            int last = -1;
            for (int a = lo; a <= hi; a++)
            {
                double w = _pool[a] * (weights?[a] ?? 1.0);
                if (w <= 0)
                {
                    continue;
                }
                last = a;
                cumulative += w;
                if (target < cumulative)
                {
                    break;
                }
            }
            _pool[last]--;
            return last;
        }

        /// <summary>A partner: within the usual age gap first, then a wider one, then any adult.</summary>
        private int DrawNear(int age, int adult, int maxAge)
        {
            int found = Draw(Math.Max(adult, age - _p.PartnerAgeGapYears), age + _p.PartnerAgeGapYears);
            if (found < 0)
            {
                found = Draw(Math.Max(adult, age - (3 * _p.PartnerAgeGapYears)), age + (3 * _p.PartnerAgeGapYears));
            }
            return found >= 0 ? found : Draw(adult, maxAge);
        }

        /// <summary>Adults beyond singles, couples and parents: adult children at home, flatmates, relatives.</summary>
        private void PlaceLeftovers(int adult, int maxAge, int[] withChildren, int[] without, int[] onePerson, bool[] coupled)
        {
            int merged = 0;
            for (int a = adult; a <= maxAge; a++)
            {
                while (_pool[a] > 0)
                {
                    _pool[a]--;
                    if (a <= _p.MaximumChildAtHomeAgeYears && withChildren.Length > 0 && _rng.NextDouble() < _p.LeftoverAdultChildShare)
                    {
                        bool placed = false;
                        for (int tries = 0; tries < 8 && !placed; tries++)
                        {
                            int h = withChildren[_rng.NextInt(withChildren.Length)];
                            if (_firstAdultAge[h] >= a + _p.ParentMinimumAgeGapYears)
                            {
                                AddChild(h, a);
                                placed = true;
                            }
                        }
                        if (placed)
                        {
                            continue;
                        }
                    }
                    if (without.Length > 0)
                    {
                        // A flatmate or relative of about the same age: young extras do not join older couples.
                        int h = without[_rng.NextInt(without.Length)];
                        for (int tries = 0; tries < 8 && Math.Abs(_firstAdultAge[h] - a) > _p.FlatmateAgeGapYears; tries++)
                        {
                            h = without[_rng.NextInt(without.Length)];
                        }
                        Add(h, a, HouseholdRole.OtherMember);
                    }
                    else if (withChildren.Length > 0)
                    {
                        Add(withChildren[_rng.NextInt(withChildren.Length)], a, HouseholdRole.OtherMember);
                    }
                    else
                    {
                        // Only one-person households: two people must share, so that household becomes a couple.
                        int h = onePerson[_rng.NextInt(onePerson.Length)];
                        if (_types[h] == HouseholdType.OnePerson)
                        {
                            _types[h] = HouseholdType.WithoutChildren;
                            _memberRole[_firstMember[h]] = HouseholdRole.Partner;
                            Add(h, a, HouseholdRole.Partner);
                            coupled[h] = true;
                            merged++;
                        }
                        else
                        {
                            Add(h, a, HouseholdRole.OtherMember);
                        }
                    }
                }
            }
            if (merged > 0)
            {
                _warnings.Add($"the profile has only one-person households but more residents than households: " +
                    $"{merged} of them became two-person households");
            }
        }

        private void AddChild(int h, int age)
        {
            Add(h, age, HouseholdRole.Child);
            _minChildAge[h] = Math.Min(_minChildAge[h], age);
            _maxChildAge[h] = Math.Max(_maxChildAge[h], age);
        }

        private void Add(int h, int age, HouseholdRole role)
        {
            if (_size[h] == 0)
            {
                _firstMember[h] = _memberHousehold.Count;
            }
            _memberHousehold.Add(h);
            _memberAge.Add((byte)age);
            _memberRole.Add(role);
            _size[h]++;
            if (role is HouseholdRole.Parent or HouseholdRole.Partner or HouseholdRole.Single && _firstAdultAge[h] < 0)
            {
                _firstAdultAge[h] = age;
            }
        }

        /// <summary>Counting sort by household; within a household adults first (couple, others), then children, stably.</summary>
        private void Sort(int households, bool[] coupled)
        {
            int n = _memberHousehold.Count;
            var start = new int[households + 1];
            foreach (int h in _memberHousehold)
            {
                start[h + 1]++;
            }
            for (int h = 0; h < households; h++)
            {
                start[h + 1] += start[h];
            }
            var next = (int[])start.Clone();
            var household = new int[n];
            var age = new byte[n];
            var role = new HouseholdRole[n];
            for (int rank = 0; rank < 3; rank++)
            {
                for (int i = 0; i < n; i++)
                {
                    HouseholdRole r = _memberRole[i];
                    int memberRank = r switch
                    {
                        HouseholdRole.Child => 2,
                        HouseholdRole.OtherMember => 1,
                        _ => 0,
                    };
                    if (memberRank != rank)
                    {
                        continue;
                    }
                    int h = _memberHousehold[i];
                    int slot = next[h]++;
                    household[slot] = h;
                    age[slot] = _memberAge[i];
                    role[slot] = r;
                }
            }
            Start = start;
            Household = household;
            Age = age;
            Role = role;
            Coupled = coupled;
        }
    }
}
