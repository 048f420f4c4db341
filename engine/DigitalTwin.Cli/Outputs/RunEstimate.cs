using System.Globalization;

namespace DigitalTwin.Cli.Outputs;

/// <summary>
/// What a run will need, said before it starts: peak memory and time from residents × days, fitted to the measured
/// scale points (benchmarks/results/scale.md, 2-core VM): Delft 7,140 residents × 28 days peaked at 0.96-1.4 GB in
/// 8-10 s, 100,000 × 28 days at 5.1 GB in 80 s, 1,000,000 × 1 day at 6.0 GB in 54 s. Memory is a fixed part (runtime,
/// map, route trees) plus per resident a fixed part (traits, plans, outcome counters) and a part that grows with the
/// days (the familiarity ledger: each day adds the pairs who met). The fit errs high (100,000 × 28 days: 8.2 GB
/// estimated for 5.1 measured), so a run refused for memory would almost surely not have fitted; a run that would
/// is refused only when the machine has less free memory than the estimate, and --ignore-memory-check runs it anyway.
/// </summary>
internal readonly record struct RunEstimate(long PeakBytes, double Seconds)
{
    private const long FixedBytes = 512L << 20;
    private const long BytesPerResident = 8L << 10;
    private const long BytesPerResidentDay = 2560;

    /// <summary>Days past which the ledger is taken to grow no more: the measured runs reach 28; a tie not renewed in 64 days fades.</summary>
    private const int LedgerDays = 64;

    /// <summary>Simulated resident-days per second per thread, the slowest of the measured points (1,000,000 × 1 day).</summary>
    private const double ResidentDaysPerThreadSecond = 9_000;

    public static RunEstimate For(long residents, int days, int threads) => new(
        FixedBytes + (residents * BytesPerResident) + (residents * Math.Min(days, LedgerDays) * BytesPerResidentDay),
        residents * (double)days / (ResidentDaysPerThreadSecond * Math.Max(1, threads)));

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

    /// <summary>The refusal, or null when the estimate fits in <paramref name="availableBytes"/>.</summary>
    public string? Refusal(long residents, int days, long availableBytes) => PeakBytes <= availableBytes ? null : string.Create(CultureInfo.InvariantCulture,
        $"error: {residents:N0} residents × {days} days needs {Gigabytes(PeakBytes)} of memory by the estimate, and this machine has {Gigabytes(availableBytes)} free; simulate fewer days (--days) or fewer residents, free memory, or give --ignore-memory-check to run anyway (the estimate errs high)");

    private static string Gigabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GB");

    private static string Duration(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, seconds):0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} h"),
    };
}
