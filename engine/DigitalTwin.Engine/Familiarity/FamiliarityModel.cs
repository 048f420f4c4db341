using System.Numerics;
using System.Runtime.CompilerServices;
using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;

namespace DigitalTwin.Engine.Familiarity;

/// <summary>Everything remembered about one pair, and its key (64 bytes). Times are days since the run's first day.</summary>
internal struct PairMemory : IPairRecord
{
    public ulong Key { get; set; }

    /// <summary>Bit i: met i days before <see cref="LastDay"/>.</summary>
    public ulong DayMask;

    /// <summary>Bit i: nodded i days before <see cref="LastDay"/>.</summary>
    public ulong NodDayMask;

    public int Encounters;
    public int Nods;
    public int LastDay;
    public float FirstDays;

    // The last RecentHistoryLength encounter times, most recent first (float days: 0.7 s resolution at 90 days).
    public float Recent0;
    public float Recent1;
    public float Recent2;
    public float Recent3;
    public float StationarySeconds;
    public TieState Peak;
}

/// <summary>
/// How a pair's memory and tie evolve (MODEL.md step 7): repeated encounters build familiarity, and it fades without
/// contact.
/// <para>
/// Activation A = ln Σ t_j^−d (ACT-R base level; Pachur et al. 2014: contact probability rises with past frequency and
/// falls as a power function of recency) is kept compactly with Petrov's (2006) approximation: the last
/// <see cref="RecentHistoryLength"/> encounter times exactly, and the older ones as if spread evenly between the first
/// encounter and the oldest kept one, which needs only their count and the first time. Petrov shows one to three exact
/// terms already bring the error to a few percent of the full sum; we keep four. Days met are a 64-bit mask (bit i:
/// met i days before the last day met), which answers "on how many different days within 14 days" with one popcount.
/// </para>
/// <para>
/// States (<see cref="FamiliarityParameters"/>): familiar stranger (met on enough different days within a window),
/// nodding contact (nodded on enough different days within a window), acquaintance (a nodding contact who has also
/// spent time staying together after a greeting). A state is earned when its criteria hold at an update and kept as the
/// pair's peak; the tie holds its peak while activation stays above the peak's fade threshold. Activation only falls
/// between encounters, so the state at any day follows from the stored history without a daily pass over all pairs. A
/// faded tie has to be earned again: the next encounter clears its nods and shared stationary time.
/// </para>
/// <para>
/// Forgetting bounds the memory: a pair with no tie, no nod within the nodding window and activation below
/// <see cref="FamiliarityParameters.ForgottenActivation"/> is forgotten. That only becomes more true as days pass without
/// a meeting, so it is decided lazily and exactly: a forgotten pair reads as a stranger and, when it meets again, starts
/// afresh.
/// </para>
/// </summary>
internal readonly struct FamiliarityModel
{
    /// <summary>Exact encounter times kept per pair for activation (Petrov 2006 approximates the rest).</summary>
    public const int RecentHistoryLength = 4;

    private readonly FamiliarityParameters _parameters;
    private readonly double _forgottenStrength;  // e^ForgottenActivation
    private readonly double _youngestForgottenDays; // a pair last met more recently than this is never forgotten

    // ACT-R's default decay d = 0.5 makes t^−d a reciprocal square root: several times cheaper than Pow, which was a
    // tenth of the familiarity phase (every pair met, every day, and every pair again at the tie snapshot).
    private readonly bool _squareRootDecay;

    public FamiliarityModel(FamiliarityParameters parameters)
    {
        _parameters = parameters;
        _forgottenStrength = Math.Exp(parameters.ForgottenActivation);
        _squareRootDecay = parameters.ActivationDecay == 0.5;
        // Σ t^−d ≥ t_last^−d, so strength < e^θ needs t_last > e^(−θ/d).
        _youngestForgottenDays = Math.Exp(-parameters.ForgottenActivation / parameters.ActivationDecay);
    }

    /// <summary>Days since the last meeting before which no pair is forgotten.</summary>
    public double YoungestForgottenDays => _youngestForgottenDays;

    /// <summary>
    /// Pair <paramref name="run"/> of <paramref name="today"/> met: its encounters in start order, each with when it
    /// was (days since the run's first day), the stationary time shared after a greeting, and whether it was a nod.
    /// A renewed pair (new, or forgotten) starts afresh; otherwise a tie that faded by the start of the day (its
    /// strength then) is earned again from here. Returns the tie at the start of the next day.
    /// </summary>
    public TieState Remember(ref PairMemory pair, FamiliarityDay today, int run)
    {
        int day = today.Day;
        int start = today.RunStarts[run];
        int end = today.RunStarts[run + 1];
        if (today.Renewed[run])
        {
            // New, or forgotten and met again: memory starts afresh.
            pair = new PairMemory { Key = today.Keys[run] };
            pair.LastDay = day;
            pair.FirstDays = today.WhenDays[start];
        }
        else
        {
            if (pair.Peak != TieState.None && Math.Log(today.Strengths[run]) < FadeThreshold(pair.Peak))
            {
                // The tie faded before this meeting: it is earned again from here.
                pair.Peak = TieState.None;
                pair.NodDayMask = 0;
                pair.StationarySeconds = 0;
            }
            int shift = day - pair.LastDay;
            pair.DayMask = shift >= 64 ? 0 : pair.DayMask << shift;
            pair.NodDayMask = shift >= 64 ? 0 : pair.NodDayMask << shift;
            pair.LastDay = day;
        }
        pair.DayMask |= 1;
        for (int j = start; j < end; j++)
        {
            pair.Encounters++;
            pair.Recent3 = pair.Recent2;
            pair.Recent2 = pair.Recent1;
            pair.Recent1 = pair.Recent0;
            pair.Recent0 = today.WhenDays[j];
            if (today.Nods[j])
            {
                pair.Nods++;
                pair.NodDayMask |= 1;
            }
            pair.StationarySeconds += today.StationarySeconds[j];
        }
        TieState earned = Earned(in pair);
        if (earned > pair.Peak)
        {
            pair.Peak = earned;
        }
        return pair.Peak == TieState.None ? TieState.None : StateAt(in pair, day + 1);
    }

    /// <summary>The pair's tie at the start of <paramref name="day"/>, as exported.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Tie TieOf(in PairMemory pair, double strength, int day)
    {
        int shift = day - 1 - pair.LastDay;
        ulong mask = shift <= 0 ? pair.DayMask : shift >= 64 ? 0 : pair.DayMask << shift;
        return new Tie(
            PairKeys.Lower(pair.Key), PairKeys.Higher(pair.Key), StateFrom(in pair, strength), pair.Encounters, pair.Nods,
            BitOperations.PopCount(mask), pair.Recent0, pair.StationarySeconds, Math.Log(strength));
    }

    /// <summary>Whether the pair is forgotten at the start of <paramref name="day"/>.</summary>
    public bool IsForgotten(in PairMemory pair, int day)
    {
        if (day - pair.Recent0 <= _youngestForgottenDays)
        {
            return false;
        }
        double strength = Strength(in pair, day);
        return IsForgotten(in pair, day, strength, StateFrom(in pair, strength));
    }

    /// <summary>As <see cref="IsForgotten(in PairMemory, int)"/>, with the day's strength and state at hand.</summary>
    public bool IsForgotten(in PairMemory pair, int day, double strength, TieState state)
    {
        if (state != TieState.None || strength >= _forgottenStrength)
        {
            return false;
        }
        int sinceLast = day - pair.LastDay;
        int window = _parameters.NoddingContactWindowDays;
        return sinceLast >= window || (pair.NodDayMask & WindowMask(window - sinceLast)) == 0;
    }

    /// <summary>The pair's tie state at the start of <paramref name="day"/> (after days before it were recorded).</summary>
    public TieState StateAt(in PairMemory pair, int day) => StateFrom(in pair, Strength(in pair, day));

    /// <summary>The pair's tie state given its strength: its peak while activation stays above the peak's fade threshold.</summary>
    public TieState StateFrom(in PairMemory pair, double strength)
    {
        TieState peak = pair.Peak;
        return peak != TieState.None && Math.Log(strength) >= FadeThreshold(peak) ? peak : TieState.None;
    }

    /// <summary>
    /// Σ t^−d = e^A at <paramref name="nowDays"/>: the last <see cref="RecentHistoryLength"/> encounters exactly (each
    /// at least <see cref="FamiliarityParameters.MinimumAgeDays"/> old), the older ones by Petrov's approximation.
    /// </summary>
    public double Strength(in PairMemory pair, double nowDays)
    {
        double d = _parameters.ActivationDecay;
        double minimum = _parameters.MinimumAgeDays;
        int n = pair.Encounters;
        double sum = Decayed(Math.Max(nowDays - pair.Recent0, minimum));
        if (n > 1)
        {
            sum += Decayed(Math.Max(nowDays - pair.Recent1, minimum));
        }
        if (n > 2)
        {
            sum += Decayed(Math.Max(nowDays - pair.Recent2, minimum));
        }
        if (n > 3)
        {
            sum += Decayed(Math.Max(nowDays - pair.Recent3, minimum));
        }
        if (n > RecentHistoryLength)
        {
            // Petrov (2006): the n − k older encounters spread evenly over [t_k, t_n].
            double tk = Math.Max(nowDays - pair.Recent3, minimum);
            double tn = Math.Max(nowDays - pair.FirstDays, minimum);
            int older = n - RecentHistoryLength;
            sum += tn > tk
                ? older * (Integrand(tn) - Integrand(tk)) / ((1 - d) * (tn - tk))
                : older * Decayed(tk);
        }
        return sum;
    }

    /// <summary>The state whose criteria the pair's history meets now (before fading is considered).</summary>
    private TieState Earned(in PairMemory pair)
    {
        FamiliarityParameters p = _parameters;
        bool familiar = BitOperations.PopCount(pair.DayMask & WindowMask(p.FamiliarStrangerWindowDays)) >= p.FamiliarStrangerDays;
        bool nodding = BitOperations.PopCount(pair.NodDayMask & WindowMask(p.NoddingContactWindowDays)) >= p.NoddingContactNodDays;
        return nodding && pair.StationarySeconds >= p.AcquaintanceStationarySeconds ? TieState.Acquaintance
            : nodding ? TieState.NoddingContact
            : familiar ? TieState.FamiliarStranger
            : TieState.None;
    }

    private static ulong WindowMask(int days) => days >= 64 ? ulong.MaxValue : (1UL << days) - 1;

    private double FadeThreshold(TieState state) => state switch
    {
        TieState.Acquaintance => _parameters.AcquaintanceFadeActivation,
        TieState.NoddingContact => _parameters.NoddingContactFadeActivation,
        _ => _parameters.FamiliarStrangerFadeActivation,
    };

    /// <summary>t^−d: one past encounter's part of the strength, t days after it.</summary>
    private double Decayed(double t) => _squareRootDecay ? 1 / Math.Sqrt(t) : Math.Pow(t, -_parameters.ActivationDecay);

    /// <summary>t^(1−d): the integral of t^−d, times 1 − d (Petrov's older encounters).</summary>
    private double Integrand(double t) => _squareRootDecay ? Math.Sqrt(t) : Math.Pow(t, 1 - _parameters.ActivationDecay);
}
