using System.Globalization;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Cli.Outputs;

/// <summary>
/// What a run will need, said before it starts: peak memory and time from residents × days, fitted to the measured
/// scale points (benchmarks/results/scale.md, 2-core VM): Delft 7,140 residents × 28 days peaked at 0.96-1.4 GB in
/// 8-10 s, 100,000 × 28 days at 5.1 GB in 80 s, 1,000,000 × 1 day at 6.0 GB in 54 s. Memory is a fixed part (runtime,
/// map, route trees) plus per resident a fixed part (traits, plans, outcome counters) and a part that grows with the
/// days (the familiarity ledger: each day adds the pairs who met). The fit errs high (100,000 × 28 days: 8.2 GB
/// estimated for 5.1 measured), so a run refused for memory would almost surely not have fitted; a run that would
/// is refused only when the machine has less free memory than the estimate, and --ignore-memory-check runs it anyway.
/// <para>
/// Those points met at most 46 times per resident and day. On a given map each resident meets in proportion to the
/// residents on its streets, so a day's encounters grow as the square of a crowding factor (<see cref="CrowdingOf"/>):
/// new housing that adds 60,000 residents to Delft's 7,140 meets 30 million times a day, not 3. What that adds is
/// estimated per encounter beyond the fit's 46 (benchmarks/results/population-memory.md: Delft plus 5,000 to 60,000
/// residents, 1 to 28 days, from 11 % below to 82 % above the measured peaks; a CBS profile that overfills Delft's
/// homes, up to 39 % below, since Delft's streets meet three times as often as the fit's synthetic city).
/// </para>
/// </summary>
/// <param name="PeakBytes">The estimated peak memory.</param>
/// <param name="Seconds">The estimated simulation time.</param>
/// <param name="Crowding">Residents per resident the map was filled with (<see cref="CrowdingOf"/>).</param>
internal readonly record struct RunEstimate(long PeakBytes, double Seconds, double Crowding = 1)
{
    private const long FixedBytes = 512L << 20;
    private const long BytesPerResident = 8L << 10;
    private const long BytesPerResidentDay = 2560;

    /// <summary>Days past which the ledger is taken to grow no more: the measured runs reach 28; a tie not renewed in 64 days fades.</summary>
    private const int LedgerDays = 64;

    /// <summary>Simulated resident-days per second per thread, the slowest of the measured points (1,000,000 × 1 day).</summary>
    private const double ResidentDaysPerThreadSecond = 9_000;

    /// <summary>Encounters per resident-day that the fit's per-resident bytes hold: Delft's 1-day scale point, the most of them.</summary>
    private const double FittedEncountersPerResidentDay = 46;

    /// <summary>
    /// Peak bytes per encounter beyond the fit's, on a one-day run: the fragments as found and sorted and the joined
    /// encounter (about 200 at 30 million a day, more with fewer; measured 200-630).
    /// </summary>
    private const long BytesPerExtraEncounter = 400;

    /// <summary>The same on a longer run, which keeps every day-sized buffer for the next day (measured 290-450).</summary>
    private const long BytesPerExtraEncounterKept = 600;

    /// <summary>What the ledger grows by per extra encounter and later day: about a fifth of the day's encounters are new pairs, at some 80 bytes each.</summary>
    private const long LedgerBytesPerExtraEncounterDay = 20;

    /// <summary>Extra encounters per second per thread, below the measured 640,000 (Delft plus 60,000 residents, 1 day).</summary>
    private const double ExtraEncountersPerThreadSecond = 500_000;

    /// <summary>Residents per dwelling that a map's homes hold without crowding its streets: the synthetic city's fill, near the Dutch household average of 2.1.</summary>
    private const double ResidentsPerDwelling = 2;

    /// <param name="crowding">Residents per resident that the map's streets were filled with (<see cref="CrowdingOf"/>); 1 or less adds nothing.</param>
    public static RunEstimate For(long residents, int days, int threads, double crowding = 1)
    {
        int ledgerDays = Math.Min(days, LedgerDays);
        int perThread = Math.Max(1, threads);
        double extraEncountersPerDay = residents * FittedEncountersPerResidentDay * Math.Max(0, crowding - 1);
        long bytesPerExtraEncounter = (days == 1 ? BytesPerExtraEncounter : BytesPerExtraEncounterKept) + (LedgerBytesPerExtraEncounterDay * (ledgerDays - 1));
        return new(
            FixedBytes + (residents * BytesPerResident) + (residents * ledgerDays * BytesPerResidentDay) + (long)(extraEncountersPerDay * bytesPerExtraEncounter),
            (residents * (double)days / (ResidentDaysPerThreadSecond * perThread)) + (extraEncountersPerDay * days / (ExtraEncountersPerThreadSecond * perThread)),
            crowding);
    }

    /// <summary>The estimate for a prepared scenario's run, its crowding (<see cref="CrowdingOf"/>) included.</summary>
    public static RunEstimate For(PreparedScenario world, int days, int threads) => For(world.Residents.Count, days, threads, CrowdingOf(world));

    /// <summary>
    /// How many times more residents the run has than its map's streets were filled with: the residents the population
    /// profile puts in the map's own homes, or at most <see cref="ResidentsPerDwelling"/> per dwelling of them (new
    /// housing adds dwellings, not streets). A scenario that fits its map is 1; Delft with 60,000 more residents 9.4.
    /// </summary>
    public static double CrowdingOf(PreparedScenario world)
    {
        ArgumentNullException.ThrowIfNull(world);
        long mapDwellings = world.Neighbourhood.Homes.TotalDwellings - world.Effects.Sum(effect => (long)effect.DwellingsAdded);
        double filled = Math.Min(world.Scenario.Population.Profile.Residents, ResidentsPerDwelling * Math.Max(1, mapDwellings));
        return filled > 0 ? world.Residents.Count / filled : 1;
    }

    /// <summary>Free memory now: what the GC may use (a container's limit included), and on Linux no more than MemAvailable.</summary>
    public static long AvailableBytes()
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        try
        {
            foreach (string line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)
                    && long.TryParse(line["MemAvailable:".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kilobytes))
                {
                    return Math.Min(available, kilobytes * 1024);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or /proc hidden: the GC's figure is the best there is.
        }
        return available;
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"about {Gigabytes(PeakBytes)} of memory and {Duration(Seconds)}");

    /// <summary>Why the estimate is above the residents' share, when the map is crowded; empty otherwise.</summary>
    public string Why => Crowding < 1.5 ? string.Empty : string.Create(CultureInfo.InvariantCulture,
        $" ({Crowding:0.0} times as many residents as the map's own homes hold: each meets about that many times more people)");

    /// <summary>The refusal, or null when the estimate fits in <paramref name="availableBytes"/>.</summary>
    public string? Refusal(long residents, int days, long availableBytes) => PeakBytes <= availableBytes ? null : string.Create(CultureInfo.InvariantCulture,
        $"error: {residents:N0} residents × {days} days needs {Gigabytes(PeakBytes)} of memory by the estimate{Why}, and this machine has {Gigabytes(availableBytes)} free; simulate fewer days (--days) or fewer residents, free memory, or give --ignore-memory-check to run anyway (the estimate errs high)");

    private static string Gigabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GB");

    private static string Duration(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, seconds):0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} h"),
    };
}
