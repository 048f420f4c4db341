using System.Globalization;

namespace DigitalTwin.Viewer.Maps;

/// <summary>
/// Maps a street's value to a position on the colour map. Street counts are heavy-tailed (a shopping street sees a
/// hundred times a cul-de-sac), so a linear scale would paint all but a few streets the bottom colour. Two kinds:
/// a log scale for one run and a symmetric log scale for differences, centred on zero.
/// </summary>
public sealed class HeatScale
{
    /// <summary>
    /// The top of the scale is this quantile of the streets' values, not the maximum: one outlier would squeeze every
    /// other street into the bottom colours. Streets above it get the top colour (the legend says "or more").
    /// </summary>
    public const double UpperQuantile = 0.99;

    /// <summary>The bottom of the log scale: this quantile of the non-zero values (but no lower than a thousandth of the top).</summary>
    public const double LowerQuantile = 0.05;

    /// <summary>Range of the log scale in decades at most; below it values share the first colour above "none".</summary>
    public const double MaximumDecades = 3;

    /// <summary>
    /// Share of the colour map kept for "none at all": a street with a single passage is set apart from an empty
    /// one. Zero maps to the bottom colour; the smallest non-zero value to this position.
    /// </summary>
    public const double FirstNonZeroPosition = 0.06;

    /// <summary>The symmetric log scale is linear within this fraction of its limit and logarithmic beyond.</summary>
    public const double LinearFractionOfLimit = 0.02;

    private HeatScale(bool diverging, double lower, double upper)
    {
        IsDiverging = diverging;
        Lower = lower;
        Upper = upper;
    }

    public bool IsDiverging { get; }

    /// <summary>Log scale: the smallest value with its own colour. Diverging: unused (0).</summary>
    public double Lower { get; }

    /// <summary>Log scale: the value with the top colour. Diverging: the change with the end colours (±).</summary>
    public double Upper { get; }

    public static HeatScale ForValues(ReadOnlySpan<float> values)
    {
        float[] positive = Positive(values, absolute: false);
        if (positive.Length == 0)
        {
            return new HeatScale(false, 0.1, 1);
        }
        Array.Sort(positive);
        double upper = Quantile(positive, UpperQuantile);
        double lower = Math.Max(Quantile(positive, LowerQuantile), upper / Math.Pow(10, MaximumDecades));
        if (lower >= upper)
        {
            lower = upper / 10;
        }
        return new HeatScale(false, lower, upper);
    }

    public static HeatScale ForDifferences(ReadOnlySpan<float> differences)
    {
        float[] changes = Positive(differences, absolute: true);
        if (changes.Length == 0)
        {
            return new HeatScale(true, 0, 1);
        }
        Array.Sort(changes);
        return new HeatScale(true, 0, Quantile(changes, UpperQuantile));
    }

    /// <summary>Position on the colour map, 0 to 1; exactly 0 for nothing (log) and exactly 0.5 for no change (diverging).</summary>
    public double Position(double value)
    {
        if (IsDiverging)
        {
            if (value == 0)
            {
                return 0.5;
            }
            double linear = Upper * LinearFractionOfLimit;
            double magnitude = Math.Log(1 + (Math.Abs(value) / linear)) / Math.Log(1 + (Upper / linear));
            return 0.5 + (0.5 * Math.Sign(value) * Math.Min(1, magnitude));
        }
        if (value <= 0)
        {
            return 0;
        }
        double f = (Math.Log(value) - Math.Log(Lower)) / (Math.Log(Upper) - Math.Log(Lower));
        return FirstNonZeroPosition + ((1 - FirstNonZeroPosition) * Math.Clamp(f, 0, 1));
    }

    /// <summary>The value at a position (for legend ticks); inverse of <see cref="Position"/> within the range.</summary>
    public double ValueAt(double position)
    {
        if (IsDiverging)
        {
            double linear = Upper * LinearFractionOfLimit;
            double m = Math.Abs((position - 0.5) * 2);
            double magnitude = linear * (Math.Exp(m * Math.Log(1 + (Upper / linear))) - 1);
            return Math.Sign(position - 0.5) * magnitude;
        }
        if (position <= 0)
        {
            return 0;
        }
        double f = Math.Clamp((position - FirstNonZeroPosition) / (1 - FirstNonZeroPosition), 0, 1);
        return Math.Exp(Math.Log(Lower) + (f * (Math.Log(Upper) - Math.Log(Lower))));
    }

    /// <summary>A number as a legend shows it: two significant digits, no exponent.</summary>
    public static string Format(double value)
    {
        var c = CultureInfo.InvariantCulture;
        double a = Math.Abs(value);
        string text = a switch
        {
            0 => "0",
            >= 100 => Math.Round(value).ToString("N0", c),
            >= 10 => value.ToString("0", c),
            >= 1 => value.ToString("0.#", c),
            >= 0.1 => value.ToString("0.0#", c),
            >= 0.01 => value.ToString("0.00#", c),
            _ => value.ToString("0.0###", c),
        };
        return text;
    }

    private static float[] Positive(ReadOnlySpan<float> values, bool absolute)
    {
        var list = new List<float>(values.Length);
        foreach (float v in values)
        {
            float x = absolute ? Math.Abs(v) : v;
            if (x > 0 && float.IsFinite(x))
            {
                list.Add(x);
            }
        }
        return [.. list];
    }

    private static double Quantile(float[] sorted, double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
}
