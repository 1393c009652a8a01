using System.Globalization;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Durations in the config: TimeSpan's invariant "c" format, <c>hh:mm:ss</c> or <c>d.hh:mm:ss</c>.</summary>
internal static partial class DurationFormat
{
    public const string Fix = "use hh:mm:ss such as 00:01:00";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        // "c" alone also takes "5" (five days) and "-00:01:00"; the pattern keeps only the documented shapes.
        duration = default;
        return Shape().IsMatch(text)
            && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out duration);
    }

    [GeneratedRegex(@"^([0-9]+\.)?[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
