namespace DigitalTwin.Engine;

/// <summary>"Did you mean" help for misspelt names: the nearest candidates by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>
    /// Up to <paramref name="count"/> candidates nearest to <paramref name="value"/> (case-insensitive Levenshtein),
    /// ties broken by ordinal order so the text is stable. A candidate that contains the value, or is contained in
    /// it ("seats" in "seatsPerBench"), counts as one edit away. Only candidates within half the value's length (at
    /// least 2 edits) count as near, so "xyz" does not suggest "Mekelweg", and only those about as near as the
    /// best, so one clear match is not buried under distant ones.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string value, IEnumerable<string> candidates, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(candidates);
        int limit = Math.Max(2, value.Length / 2);
        string upper = value.ToUpperInvariant();
        var scored = candidates
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Candidate: c, Score: Score(upper, c.ToUpperInvariant())))
            .Where(p => p.Score <= limit)
            .OrderBy(p => p.Score)
            .ThenBy(p => p.Candidate, StringComparer.Ordinal)
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }
        int best = scored[0].Score;
        return [.. scored.Where(p => p.Score <= 2 * best + 1).Take(count).Select(p => p.Candidate)];
    }

    private static int Score(string value, string candidate)
    {
        int distance = Distance(value, candidate);
        bool containment = Math.Min(value.Length, candidate.Length) >= 3
            && (candidate.Contains(value, StringComparison.Ordinal) || value.Contains(candidate, StringComparison.Ordinal));
        return containment ? Math.Min(distance, 1) : distance;
    }

    /// <summary>"did you mean 'a', 'b'?" or null when nothing is near.</summary>
    public static string? DidYouMean(string value, IEnumerable<string> candidates, int count = 3)
    {
        IReadOnlyList<string> nearest = Nearest(value, candidates, count);
        return nearest.Count == 0 ? null : "did you mean " + string.Join(", ", nearest.Select(n => $"'{n}'")) + "?";
    }

    /// <summary>Levenshtein distance with two rolling rows.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
