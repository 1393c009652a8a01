using System.Globalization;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads the job's top-level keys from <c>launchctl print &lt;domain&gt;/&lt;label&gt;</c> output, defensively.</summary>
/// <remarks>
/// Apple's man page says the output "is NOT API in any sense at all" (quoted in Homebrew/brew PR #19602), so this
/// never throws on odd input: anything it cannot read stays null.
/// </remarks>
public static partial class LaunchctlPrintParser
{
    public static LaunchdJobInfo Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var info = LaunchdJobInfo.Unknown;
        foreach (var rawLine in stdout.Split('\n'))
        {
            // Only lines with exactly one leading tab belong to the job itself. Nested blocks (endpoints,
            // event triggers, resource coalitions) are indented further and repeat keys such as "state".
            var line = rawLine.TrimEnd('\r');
            if (line.Length < 2 || line[0] != '\t' || line[1] is '\t' or ' ')
            {
                continue;
            }

            var separator = line.IndexOf(" = ", StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            var key = line[1..separator];
            var value = line[(separator + 3)..].Trim();
            info = key switch
            {
                "state" => info with { State = info.State ?? NonEmpty(value) },
                "pid" => info with { Pid = info.Pid ?? Integer(value) },
                "runs" => info with { Runs = info.Runs ?? Integer(value) },
                "last exit code" => info with { LastExitCode = info.LastExitCode ?? LeadingInteger(value) },
                "type" => info with { Type = info.Type ?? NonEmpty(value) },
                "path" => info with { Path = info.Path ?? NonEmpty(value) },
                "domain" => info with { Domain = info.Domain ?? NonEmpty(value) },
                _ => info,
            };
        }

        return info;
    }

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;

    private static int? Integer(string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    // "last exit code" is an integer, "78: EX_CONFIG" (take 78), or "(never exited)" (no code yet).
    private static int? LeadingInteger(string value)
    {
        var match = LeadingIntegerPattern().Match(value);
        return match.Success ? Integer(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"^(-?[0-9]+)(?::|\z)")]
    private static partial Regex LeadingIntegerPattern();
}
