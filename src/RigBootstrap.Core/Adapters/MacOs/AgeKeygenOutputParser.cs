using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads an age recipient (<c>age1…</c>) from what <c>age-keygen</c> prints or writes.</summary>
/// <remarks>
/// A recipient is checked for shape only (<c>age1</c>, then lowercase Bech32 characters), not for its checksum:
/// <c>age</c> itself rejects a damaged one when it encrypts.
/// </remarks>
public static partial class AgeKeygenOutputParser
{
    /// <summary>The recipient from <c>Public key: age1…</c>, which <c>age-keygen -o FILE</c> prints on stderr.</summary>
    /// <exception cref="FormatException">No such line, or its value is not a recipient.</exception>
    public static string ParseGeneratedRecipient(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        return FindRecipient(stderr, "Public key:", "age-keygen -o printed", "a 'Public key: age1…' line");
    }

    /// <summary>The recipient from a key file's <c># public key: age1…</c> comment line.</summary>
    /// <exception cref="FormatException">No such line, or its value is not a recipient.</exception>
    public static string ParseKeyFileRecipient(string keyFileText)
    {
        ArgumentNullException.ThrowIfNull(keyFileText);
        return FindRecipient(keyFileText, "# public key:", "the age key file holds", "a '# public key: age1…' line");
    }

    /// <summary>The recipients <c>age-keygen -y FILE</c> prints, one per identity in the file, in order.</summary>
    /// <exception cref="FormatException">No line, or a non-empty line that is not a recipient.</exception>
    public static ImmutableArray<string> ParseRecipients(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var lines = stdout.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToImmutableArray();
        if (lines.IsEmpty || !lines.All(line => RecipientPattern().IsMatch(line)))
        {
            throw new FormatException(
                $"age-keygen -y printed '{ToolOutputExcerpt.Of(stdout)}', which is not one age1… recipient per line; check that the key file holds AGE-SECRET-KEY-1… lines.");
        }

        return lines;
    }

    /// <summary>
    /// True for <c>age-keygen: error: failed to open output file "…": … file exists</c>: <c>-o</c> never overwrites a
    /// key, so read the recipient from the existing file instead (or move it away to make a new key).
    /// </summary>
    public static bool IsOutputFileExistsError(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        return stderr.Contains("failed to open output file", StringComparison.Ordinal)
            && stderr.Contains("file exists", StringComparison.Ordinal);
    }

    private static string FindRecipient(string text, string prefix, string what, string expected)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var value = line[prefix.Length..].Trim();
                return RecipientPattern().IsMatch(value)
                    ? value
                    : throw new FormatException($"{what} '{ToolOutputExcerpt.Of(line)}', whose value is not an age1… recipient.");
            }
        }

        throw new FormatException($"{what} '{ToolOutputExcerpt.Of(text)}', which has no {expected}.");
    }

    // Bech32: a human-readable part, the separator "1", then data characters (no "1", "b", "i" or "o"). X25519
    // recipients are "age" + "1" + 58 characters; plugin ("age1yubikey1…") and post-quantum ("age1pq1…")
    // recipients have a longer part and more data, so only a floor is set.
    [GeneratedRegex("^age1(?:[a-z0-9]+1)?[02-9ac-hj-np-z]{50,}$")]
    private static partial Regex RecipientPattern();
}
