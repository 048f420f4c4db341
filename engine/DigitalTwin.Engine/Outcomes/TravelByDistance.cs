namespace DigitalTwin.Engine.Outcomes;

/// <summary>A trip's main mode as a travel survey counts it: a walk to a transit stop is a trip by public transport.</summary>
public enum SurveyMode
{
    Walk = 0,
    Bike = 1,
    Car = 2,
    Transit = 3,
}

/// <summary>The main-mode shares of one distance class, for all trips or for the commute.</summary>
public readonly record struct DistanceClassShares(string Name, double FromKilometres, double ToKilometres, long Trips, double Walk, double Bike, double Car, double Transit)
{
    public double ShareOf(SurveyMode mode) => mode switch
    {
        SurveyMode.Walk => Walk,
        SurveyMode.Bike => Bike,
        SurveyMode.Car => Car,
        _ => Transit,
    };
}

/// <summary>A published split of one distance class, for the summary to set beside the run's.</summary>
public sealed record SurveyDistanceSplit(int Class, bool Commute, double Walk, double Bike, double Car, double Transit, string Source)
{
    /// <summary>The class's key in summary.json (<see cref="TravelByDistance.ClassKeys"/>).</summary>
    public string ClassKey => TravelByDistance.ClassKeys[Class];

    /// <summary>The split's own key in summary.json: the trips it counts and its class, as "commuteUnder1km".</summary>
    public string Key => (Commute ? "commute" : "all") + char.ToUpperInvariant(ClassKey[0]) + ClassKey[1..];
}

/// <summary>
/// Trips of residents aged 6+ by distance class and main mode, as Dutch travel surveys tabulate them, for all trips and
/// for the commute (to or from work, school or study). The class bounds are those of the published figures the run is
/// set beside: 1 and 3.7 km (CBS 2018, commute by distance, OViN 2016; 3.7 km is an ODiN class bound, where KiM's
/// Fietsfeiten 2023 finds the car overtakes the bike), 7.5 and 15 km (ODiN 2019, trips of 7.5–15 km).
/// </summary>
public static class TravelByDistance
{
    /// <summary>Upper bounds of the classes in kilometres; the last class is open.</summary>
    public static IReadOnlyList<double> UpperKilometres { get; } = [1, 3.7, 7.5, 15];

    public static IReadOnlyList<string> ClassNames { get; } = ["under 1 km", "1-3.7 km", "3.7-7.5 km", "7.5-15 km", "15 km and over"];

    /// <summary>The classes' keys in summary.json (no dots: its definitions are keyed by dotted paths).</summary>
    public static IReadOnlyList<string> ClassKeys { get; } = ["under1km", "from1km", "from3point7km", "from7point5km", "from15km"];

    public const int Classes = 5;

    public const int Modes = 4;

    /// <summary>Counters per run: commute or not × class × mode.</summary>
    public const int Cells = 2 * Classes * Modes;

    /// <summary>
    /// The published splits the run's classes are set beside. Each has fewer modes than the run where the source gives
    /// fewer (a missing mode is NaN).
    /// </summary>
    public static IReadOnlyList<SurveyDistanceSplit> Survey { get; } =
    [
        // CBS, "4 procent gaat lopend naar het werk" (2018), from OViN 2016: commute trips under 1 km are almost half
        // on foot, 40 % by bike and 9 % by car; of 1-3.7 km six in ten by bike, over a quarter by car, 7 % on foot.
        new(0, Commute: true, Walk: 0.48, Bike: 0.40, Car: 0.09, Transit: double.NaN, "CBS 2018 (OViN 2016), trips to and from work under 1 km"),
        new(1, Commute: true, Walk: 0.07, Bike: 0.60, Car: 0.26, Transit: double.NaN, "CBS 2018 (OViN 2016), trips to and from work of 1-3.7 km"),
        // The split the transit constant was set by (ModeChoiceParameters.TransitConstant): all purposes.
        new(3, Commute: false, Walk: double.NaN, Bike: 0.20, Car: 0.67, Transit: 0.10, "CBS ODiN 2019, all trips of 7.5-15 km"),
    ];

    /// <summary>The counter of a trip.</summary>
    public static int IndexOf(bool commute, double kilometres, SurveyMode mode) =>
        (((commute ? 1 : 0) * Classes) + ClassOf(kilometres)) * Modes + (int)mode;

    public static int ClassOf(double kilometres)
    {
        int c = 0;
        while (c < UpperKilometres.Count && kilometres >= UpperKilometres[c])
        {
            c++;
        }
        return c;
    }

    /// <summary>The shares per class from a run's counters (<see cref="Simulation.RunTotals.SurveyedTrips"/>).</summary>
    public static IReadOnlyList<DistanceClassShares> Shares(IReadOnlyList<long> counters, bool commute)
    {
        ArgumentNullException.ThrowIfNull(counters);
        if (counters.Count != Cells)
        {
            throw new ArgumentException($"Expected {Cells} counters.", nameof(counters));
        }
        var shares = new DistanceClassShares[Classes];
        for (int c = 0; c < Classes; c++)
        {
            int first = (((commute ? 1 : 0) * Classes) + c) * Modes;
            long trips = 0;
            for (int m = 0; m < Modes; m++)
            {
                trips += counters[first + m];
            }
            double Share(SurveyMode mode) => trips == 0 ? double.NaN : (double)counters[first + (int)mode] / trips;
            shares[c] = new DistanceClassShares(ClassNames[c], c == 0 ? 0 : UpperKilometres[c - 1], c < UpperKilometres.Count ? UpperKilometres[c] : double.PositiveInfinity,
                trips, Share(SurveyMode.Walk), Share(SurveyMode.Bike), Share(SurveyMode.Car), Share(SurveyMode.Transit));
        }
        return shares;
    }
}

/// <summary>
/// A run's counters of <see cref="TravelByDistance"/> (commute or not × class × mode) and of <see cref="TravelByMotive"/>
/// (<see cref="ByMotive"/>), compared by value, so two runs' totals are equal when their counts are.
/// </summary>
public sealed class SurveyedTripCounts : IReadOnlyList<long>, IEquatable<SurveyedTripCounts>
{
    private readonly long[] _counts;
    private readonly long[] _byMotive;

    public SurveyedTripCounts(IEnumerable<long> counts, IEnumerable<long>? byMotive = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _counts = [.. counts];
        _byMotive = byMotive is null ? new long[TravelByMotive.Count] : [.. byMotive];
        if (_counts.Length != TravelByDistance.Cells || _byMotive.Length != TravelByMotive.Count)
        {
            throw new ArgumentException($"Expected {TravelByDistance.Cells} counters by distance and {TravelByMotive.Count} by motive, not {_counts.Length} and {_byMotive.Length}.", nameof(counts));
        }
    }

    public static SurveyedTripCounts None { get; } = new(new long[TravelByDistance.Cells]);

    /// <summary>The same trips by <see cref="SurveyMotive"/>.</summary>
    public IReadOnlyList<long> ByMotive => _byMotive;

    public long this[int index] => _counts[index];

    public int Count => _counts.Length;

    public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)_counts).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(SurveyedTripCounts? other) => other is not null && _counts.AsSpan().SequenceEqual(other._counts) && _byMotive.AsSpan().SequenceEqual(other._byMotive);

    public override bool Equals(object? obj) => Equals(obj as SurveyedTripCounts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (long c in _counts)
        {
            hash.Add(c);
        }
        foreach (long c in _byMotive)
        {
            hash.Add(c);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(" ", _counts) + " | " + string.Join(" ", _byMotive);
}
