using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// Reads `launchctl print-disabled system`: lines such as <c>"com.apple.ftpd" =&gt; disabled</c> (macOS 13 and later
/// write enabled/disabled, older releases true/false) inside a <c>disabled services = { … }</c> block.
/// </summary>
public static partial class LaunchdDisabledList
{
    /// <summary>The labels whose override says disabled.</summary>
    public static ImmutableHashSet<string> DisabledLabels(string output) =>
        Entry().Matches(output)
            .Where(m => m.Groups["value"].Value is "disabled" or "true")
            .Select(m => m.Groups["label"].Value)
            .ToImmutableHashSet(StringComparer.Ordinal);

    [GeneratedRegex("""^\s*"(?<label>[^"]+)"\s*=>\s*(?<value>\w+)\s*$""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Entry();
}
