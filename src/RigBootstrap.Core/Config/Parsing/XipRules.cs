using System.Net;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>The format rules of <c>steps.xcode</c>'s source fields; each returns the problem and its fix, or <c>null</c>.</summary>
internal static partial class XipRules
{
    /// <summary>
    /// https, or plain http to a loopback host only: the SHA-256 already pins the bytes, but an archive of 3 GB fetched
    /// in the clear over a network tells every observer what the host installs and lets anyone on the path waste its
    /// attempts; a loopback server (a test, or a local cache proxy) has no such path.
    /// </summary>
    public static string? Url(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Host.Length == 0 || url.Scheme is not ("https" or "http"))
        {
            return $"must be an absolute https URL such as https://mirror.example/Xcode_16.2.xip, not \"{value}\"";
        }

        if (url.Scheme == "http" && !IsLoopback(url))
        {
            return $"uses plain http to {url.Host}; use https (plain http is allowed only to a loopback host such as 127.0.0.1)";
        }

        return url.UserInfo.Length > 0 ? "holds a user name or password; serve the archive without credentials in the URL" : null;
    }

    public static string? Sha256(string value) =>
        Sha256Pattern().IsMatch(value)
            ? null
            : $"must be 64 hex digits (a SHA-256, as `shasum -a 256` prints it), not \"{value}\"";

    public static string? AppleId(string value) =>
        value.Contains('@', StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace)
            ? null
            : $"must be an Apple ID (an email address) such as ci@example.com, not \"{value}\"";

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex("^[0-9A-Fa-f]{64}\\z")]
    private static partial Regex Sha256Pattern();
}
