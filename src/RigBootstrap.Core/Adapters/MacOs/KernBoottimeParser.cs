using System.Globalization;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Turns <c>sysctl kern.boottime</c> output into a boot id: the same value until the host reboots.</summary>
public static partial class KernBoottimeParser
{
    /// <summary>
    /// Accepts <c>kern.boottime: { sec = 1426005997, usec = 0 } Tue Mar 10 11:46:37 2015</c> and the <c>-n</c>
    /// form without the prefix, and returns <c>"1426005997.000000"</c> (seconds, then six digits of microseconds).
    /// </summary>
    /// <exception cref="FormatException">The output has no <c>{ sec = N, usec = N }</c> part; the message quotes it.</exception>
    public static string Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // Anchored on "{ sec =": an unanchored "sec = " also matches inside "usec = " (the ronin bug).
        var match = BoottimePattern().Match(output);
        if (!match.Success)
        {
            throw new ToolOutputException(
                $"sysctl kern.boottime printed '{output.Trim()}', which has no '{{ sec = <seconds>, usec = <microseconds> }}' part; the boot id cannot be read.");
        }

        var seconds = long.Parse(match.Groups["sec"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var microseconds = int.Parse(match.Groups["usec"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{microseconds:D6}");
    }

    [GeneratedRegex(@"\{\s*sec\s*=\s*(?<sec>[0-9]{1,18})\s*,\s*usec\s*=\s*(?<usec>[0-9]{1,6})\s*\}")]
    private static partial Regex BoottimePattern();
}
