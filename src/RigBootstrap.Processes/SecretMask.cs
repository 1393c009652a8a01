using System.Collections.Immutable;
using System.Text;

namespace RigBootstrap.Processes;

/// <summary>Replaces every occurrence of known secret values with <c>****</c>.</summary>
public static class SecretMask
{
    public const string Mask = "****";

    /// <summary>
    /// Masks all occurrences of every non-empty secret. Overlapping or touching occurrences
    /// (of the same or different secrets) collapse into a single mask, so no fragment of either
    /// secret survives, which sequential string replacement would not guarantee.
    /// </summary>
    public static string Apply(string text, ImmutableArray<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (secrets.IsDefaultOrEmpty || text.Length == 0)
        {
            return text;
        }

        var spans = FindOccurrences(text, secrets);
        if (spans.Count == 0)
        {
            return text;
        }

        spans.Sort((left, right) => left.Start.CompareTo(right.Start));
        var masked = new StringBuilder(text.Length);
        var position = 0;
        var index = 0;
        while (index < spans.Count)
        {
            var (start, end) = spans[index];
            // Merge every following occurrence that starts inside or right at the end of this one.
            while (++index < spans.Count && spans[index].Start <= end)
            {
                end = Math.Max(end, spans[index].End);
            }

            masked.Append(text, position, start - position).Append(Mask);
            position = end;
        }

        return masked.Append(text, position, text.Length - position).ToString();
    }

    private static List<(int Start, int End)> FindOccurrences(string text, ImmutableArray<string> secrets)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            // Step by one character, not by the secret's length, to catch self-overlaps ("aa" in "aaa").
            for (var at = text.IndexOf(secret, StringComparison.Ordinal);
                 at >= 0;
                 at = at + 1 < text.Length ? text.IndexOf(secret, at + 1, StringComparison.Ordinal) : -1)
            {
                spans.Add((at, at + secret.Length));
            }
        }

        return spans;
    }
}
