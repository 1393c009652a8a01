using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>The format rules of single config values; each returns the problem and its fix, or <c>null</c>.</summary>
/// <remarks>
/// Patterns use [0-9], not \d, which in .NET also matches non-ASCII digits, and end in \z, because $
/// also matches before a final newline ("claude\n" would pass as a user name).
/// </remarks>
internal static partial class FieldRules
{
    public static Func<string, string?> ReverseDns(string example) =>
        value => ReverseDnsPattern().IsMatch(value)
            ? null
            : $"must be a reverse-DNS label with at least one dot, such as {example}, not \"{value}\"";

    public static string? UserName(string value) =>
        UserNamePattern().IsMatch(value)
            ? null
            : $"must be a short user name (a-z, 0-9, _ . -, not starting with a digit, . or -), such as claude, not \"{value}\"";

    public static Func<string, string?> Version(string example) =>
        value => VersionPattern().IsMatch(value)
            ? null
            : $"is a bad version string (\"{value}\"); use a version such as {example}";

    public static string? CommitSha(string value) =>
        ShaPattern().IsMatch(value)
            ? null
            : $"must be a full 40-character lowercase hex commit SHA such as 0123456789abcdef0123456789abcdef01234567, not \"{value}\"";

    public static Func<string, string?> SecretName(string example) =>
        value => SecretNamePattern().IsMatch(value)
            ? null
            : $"must be a secret name (letters, digits and _, not starting with a digit) such as {example}, not \"{value}\"";

    public static string? TccService(string value) =>
        TccServicePattern().IsMatch(value)
            ? null
            : $"must be a TCC service name such as kTCCServiceAccessibility, not \"{value}\"";

    public static string? TccClient(string value) =>
        value.StartsWith('/')
            ? HostPathRule.For("/usr/local/bin/rig-agent")(value)
            : ReverseDnsPattern().IsMatch(value)
                ? null
                : $"must be an absolute path or a bundle id, such as /usr/local/bin/rig-agent or com.example.agent, not \"{value}\"";

    public static string? CommandId(string value) =>
        CommandIdPattern().IsMatch(value)
            ? null
            : $"must be lowercase letters, digits and -, starting with a letter or digit, such as brew-bundle, not \"{value}\"";

    public static string? HttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0
            ? null
            : $"must be an absolute http or https URL such as https://conductor.example/api/events, not \"{value}\"";

    public static string? Repository(string value)
    {
        const string Fix = "use an https://, ssh://, file:// or git@host:path URL, or an absolute path, "
            + "such as https://github.com/example/automate-e.git";
        if (value.StartsWith('/'))
        {
            return HostPathRule.Problem(value) is { } problem ? $"{problem}; {Fix}" : null;
        }

        if (ScpStylePattern().IsMatch(value))
        {
            return null;
        }

        var isUrl = Uri.TryCreate(value, UriKind.Absolute, out var url)
            && (url.Scheme is "https" or "ssh" ? url.Host.Length > 0 : url.Scheme == "file");
        return isUrl ? null : $"is not a repository location (\"{value}\"); {Fix}";
    }

    public static Func<string, string?> OneOf(params string[] allowed) =>
        value => allowed.Contains(value, StringComparer.Ordinal)
            ? null
            : $"must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}, not \"{value}\"";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9][A-Za-z0-9_-]*)+\\z")]
    private static partial Regex ReverseDnsPattern();

    [GeneratedRegex("^[a-z_][a-z0-9_.-]*\\z")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[0-9]+(\\.[0-9]+){0,2}\\z")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[0-9a-f]{40}\\z")]
    private static partial Regex ShaPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z")]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex("^kTCCService[A-Za-z0-9]+\\z")]
    private static partial Regex TccServicePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\z")]
    private static partial Regex CommandIdPattern();

    // scp-like git syntax: user@host:path, such as git@github.com:example/repo.git.
    [GeneratedRegex("^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s]+\\z")]
    private static partial Regex ScpStylePattern();
}
