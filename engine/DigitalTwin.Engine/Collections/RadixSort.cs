using System.Numerics;
using System.Runtime.CompilerServices;

namespace DigitalTwin.Engine.Collections;

/// <summary>
/// A stable least-significant-digit radix sort of unsigned integer keys carrying an int each, for the day's big sorts
/// (pair keys of encounter fragments) and its many middling ones (start times in a sweep, as 32-bit keys): linear in
/// the number of items where a comparison sort is n log n with a branch per step. Digits of 8 bits; a digit in which
/// every key agrees costs one histogram count and no pass, so keys that use few bits take few passes.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 8;
    private const int Buckets = 1 << DigitBits;

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending, moving <paramref name="values"/> with them; equal keys keep their input
    /// order. The scratch spans must be at least as long as the input; the result is always in the input spans.
    /// </summary>
    [SkipLocalsInit] // the histograms are cleared once, explicitly: a sweep sorts hundreds of thousands of times a day
    public static void Sort<TKey>(Span<TKey> keys, Span<int> values, Span<TKey> keyScratch, Span<int> valueScratch)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        int n = keys.Length;
        if (values.Length != n || keyScratch.Length < n || valueScratch.Length < n)
        {
            throw new ArgumentException("Values and scratch must match the keys' length.");
        }
        if (n < 2)
        {
            return;
        }
        int digits = Unsafe.SizeOf<TKey>() * 8 / DigitBits;
        Span<int> counts = stackalloc int[digits * Buckets];
        counts.Clear();
        foreach (TKey key in keys)
        {
            for (int d = 0; d < digits; d++)
            {
                counts[(d * Buckets) + Digit(key, d * DigitBits)]++;
            }
        }
        Span<TKey> fromKeys = keys;
        Span<int> fromValues = values;
        Span<TKey> toKeys = keyScratch[..n];
        Span<int> toValues = valueScratch[..n];
        bool inScratch = false;
        for (int d = 0; d < digits; d++)
        {
            var histogram = counts.Slice(d * Buckets, Buckets);
            if (histogram.Contains(n))
            {
                continue; // every key has the same digit here
            }
            int sum = 0;
            for (int b = 0; b < Buckets; b++)
            {
                int c = histogram[b];
                histogram[b] = sum;
                sum += c;
            }
            int shift = d * DigitBits;
            for (int i = 0; i < n; i++)
            {
                TKey key = fromKeys[i];
                int at = histogram[Digit(key, shift)]++;
                toKeys[at] = key;
                toValues[at] = fromValues[i];
            }
            var keysWritten = toKeys;
            var valuesWritten = toValues;
            toKeys = fromKeys;
            toValues = fromValues;
            fromKeys = keysWritten;
            fromValues = valuesWritten;
            inScratch = !inScratch;
        }
        if (inScratch)
        {
            fromKeys.CopyTo(keys);
            fromValues.CopyTo(values);
        }
    }

    private static int Digit<TKey>(TKey key, int shift)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey> =>
        int.CreateTruncating(key >>> shift) & (Buckets - 1);
}
