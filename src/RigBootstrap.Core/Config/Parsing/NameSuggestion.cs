using System.Collections.Immutable;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Turns an unknown name into a fix: the closest known name, or the list of known names.</summary>
internal static class NameSuggestion
{
    private const int MaxDistance = 2;

    public static string Fix(string unknown, ImmutableArray<string> known)
    {
        var closest = Closest(unknown, known);
        return closest is not null
            ? $"did you mean `{closest}`?"
            : $"use one of: {string.Join(", ", known)}";
    }

    public static string? Closest(string unknown, ImmutableArray<string> known)
    {
        string? best = null;
        var bestDistance = MaxDistance + 1;
        foreach (var candidate in known)
        {
            // Case differences are free: "Label" and "VERSION" are plain typos of known names.
            var distance = Distance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance with two rolling rows.</summary>
    public static int Distance(string a, string b)
    {
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
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
