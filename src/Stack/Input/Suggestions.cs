namespace DataPlatform.Stack.Input;

/// <summary>"Did you mean": the known names closest to a mistyped one (edit distance, case-insensitive).</summary>
public static class Suggestions
{
    private const int MaxCompared = 64;

    /// <summary>The closest names within a distance of about a third of the word (at least 1, at most 3), best first.</summary>
    public static IReadOnlyList<string> For(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        if (typed.Length == 0 || typed.Length > MaxCompared)
        {
            return [];
        }

        var limit = Math.Clamp(typed.Length / 3, 1, 3);
        return known
            .Select(k => (Name: k, Distance: k.Length > MaxCompared ? int.MaxValue : Distance(typed.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= limit)
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => k.Name)
            .Take(3)
            .ToList();
    }

    /// <summary>" Did you mean 'x'?" or "".</summary>
    public static string DidYouMean(string typed, IEnumerable<string> known)
    {
        var found = For(typed, known);
        return found.Count == 0 ? "" : $" Did you mean {string.Join(" or ", found.Select(f => $"'{f}'"))}?";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }
}
