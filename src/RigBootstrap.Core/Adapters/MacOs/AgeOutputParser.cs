using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Reads what age and age-keygen print (fixtures `age-keygen-*`): `Public key: age1…` on stderr after `-o`, one
/// recipient per line after `-y`, and `…: error: <reason>` lines when they fail.
/// </summary>
public static partial class AgeOutputParser
{
    private const string PublicKeyPrefix = "Public key: ";

    /// <summary>True for an age recipient (`age1` and bech32 text); plugin recipients (`age1yubikey1…`) included.</summary>
    public static bool IsRecipient(string text) => RecipientPattern().IsMatch(text);

    /// <summary>The recipient after `Public key: ` in `age-keygen -o` stderr, or null when there is none.</summary>
    public static string? ParsePublicKeyLine(string stderr) =>
        Lines(stderr)
            .Where(line => line.StartsWith(PublicKeyPrefix, StringComparison.Ordinal))
            .Select(line => line[PublicKeyPrefix.Length..].Trim())
            .FirstOrDefault(IsRecipient);

    /// <summary>The recipients `age-keygen -y` printed (one per identity); empty when any line is not a recipient.</summary>
    public static ImmutableArray<string> ParseRecipients(string stdout)
    {
        var lines = Lines(stdout).ToImmutableArray();
        return lines.All(IsRecipient) ? lines : [];
    }

    /// <summary>What went wrong, from the tool's stderr, and the tool's own reason (`error: …`) for the message.</summary>
    public static (AgeErrorKind Kind, string Reason) ClassifyError(string stderr)
    {
        var reason = Lines(stderr)
            .Select(line => line.IndexOf("error: ", StringComparison.Ordinal) is var at and >= 0 ? line[(at + "error: ".Length)..] : null)
            .FirstOrDefault(r => r is not null)
            ?? Lines(stderr).FirstOrDefault()
            ?? "no error message";
        var kind = reason switch
        {
            _ when reason.Contains("file exists", StringComparison.Ordinal) => AgeErrorKind.KeyFileExists,
            _ when reason.Contains("no identity matched", StringComparison.Ordinal) => AgeErrorKind.NoIdentityMatched,
            _ when reason.Contains("no such file or directory", StringComparison.Ordinal) => AgeErrorKind.KeyFileMissing,
            _ when reason.Contains("failed to parse input", StringComparison.Ordinal)
                || reason.Contains("unknown identity type", StringComparison.Ordinal)
                || reason.Contains("malformed secret key", StringComparison.Ordinal)
                || reason.Contains("no secret keys found", StringComparison.Ordinal) => AgeErrorKind.KeyFileUnreadable,
            _ when reason.Contains("header", StringComparison.Ordinal)
                || reason.Contains("armor", StringComparison.Ordinal) => AgeErrorKind.BadInput,
            _ => AgeErrorKind.Failed,
        };
        return (kind, reason);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("^age1[0-9a-z]{50,}\\z")]
    private static partial Regex RecipientPattern();
}
