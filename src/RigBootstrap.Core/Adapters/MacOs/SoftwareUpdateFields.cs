using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Splits a <c>Title: …, Version: …, Size: …, …</c> line of <c>softwareupdate</c> into its fields.</summary>
internal static partial class SoftwareUpdateFields
{
    /// <summary>Keys are case-sensitive; values are trimmed of spaces and of the trailing <c>,</c> Apple leaves.</summary>
    public static ImmutableDictionary<string, string> Split(string text)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var keys = KeyPattern().Matches(text);
        for (var i = 0; i < keys.Count; i++)
        {
            var start = keys[i].Index + keys[i].Length;
            var end = i + 1 < keys.Count ? keys[i + 1].Index : text.Length;
            // The line may end in "Action: restart, " or "Recommended: YES," (Catalina): drop the dangling comma.
            var value = text[start..end].Trim().TrimEnd(',').TrimEnd();
            fields.TryAdd(keys[i].Groups["key"].Value, value);
        }

        return fields.ToImmutable();
    }

    /// <summary><c>YES</c> (any case) is true; anything else, or a missing field, is false.</summary>
    public static bool Flag(ImmutableDictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var value) && value.Equals("YES", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>1508533K</c> or <c>3693075KiB</c> as KiB; null when missing or in another form.</summary>
    public static long? SizeKiB(string? size)
    {
        var match = SizePattern().Match(size ?? string.Empty);
        return match.Success && long.TryParse(match.Groups["kib"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var kib)
            ? kib
            : null;
    }

    // A key starts the text or follows ", ": a title such as "Safari" cannot contain ", Version: ".
    [GeneratedRegex(@"(?:^|, ?)(?<key>[A-Z][A-Za-z]+): ")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^(?<kib>[0-9]{1,15}) ?(?:K|KiB)$")]
    private static partial Regex SizePattern();
}
