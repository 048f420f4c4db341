namespace DigitalTwin.Engine.Collections;

/// <summary>
/// A stable least-significant-digit radix sort of 64-bit keys carrying an int each, for the day's big sorts (pair keys
/// of encounter fragments): linear in the number of items where a comparison sort is n log n with a branch per step.
/// Digits of 8 bits; a digit in which every key agrees costs one histogram count and no pass, so keys that use few
/// bits (resident indices in both halves of a pair key) take few passes.
/// </summary>
public static class RadixSort
{
    private const int DigitBits = 8;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = 64 / DigitBits;

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending, moving <paramref name="values"/> with them; equal keys keep their input
    /// order. The scratch spans must be at least as long as the input; the result is always in the input spans.
    /// </summary>
    public static void Sort(Span<ulong> keys, Span<int> values, Span<ulong> keyScratch, Span<int> valueScratch)
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
        Span<int> counts = stackalloc int[Digits * Buckets];
        counts.Clear();
        foreach (ulong key in keys)
        {
            for (int d = 0; d < Digits; d++)
            {
                counts[(d * Buckets) + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
            }
        }
        Span<ulong> fromKeys = keys;
        Span<int> fromValues = values;
        Span<ulong> toKeys = keyScratch[..n];
        Span<int> toValues = valueScratch[..n];
        bool inScratch = false;
        for (int d = 0; d < Digits; d++)
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
                ulong key = fromKeys[i];
                int at = histogram[(int)((key >> shift) & (Buckets - 1))]++;
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
}
