using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Picks the Command Line Tools from <c>softwareupdate --list</c>: labels such as <c>Command Line Tools for
/// Xcode-16.4</c>, <c>Command Line Tools for Xcode 26.2-26.2</c> (Sequoia) and, before Catalina, <c>Command Line Tools
/// (macOS Mojave version 10.14) for Xcode-10.3</c>. The newest version wins, not the last one listed (a list may
/// offer 16.2, 16.4 and 26.2 at once); a beta only when nothing else is offered.
/// </summary>
public static partial class CommandLineToolsLabel
{
    /// <summary>The newest Command Line Tools offered; null when the list offers none.</summary>
    public static SoftwareUpdate? Newest(ImmutableArray<SoftwareUpdate> offered) =>
        offered
            .Where(u => LabelPattern().IsMatch(u.Label))
            .OrderBy(u => u.Label.Contains("beta", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(u => VersionOf(u), VersionComparer.Instance)
            .LastOrDefault();

    /// <summary>Reads a whole <c>softwareupdate --list</c> output (stdout and stderr) and picks as <see cref="Newest"/>.</summary>
    /// <exception cref="FormatException">The output is not a list (see <see cref="SoftwareUpdateListParser.Parse"/>).</exception>
    public static SoftwareUpdate? NewestIn(string listOutput) => Newest(SoftwareUpdateListParser.Parse(listOutput));

    /// <summary>The version's numbers: the Title's <c>Version:</c> (or Mojave's <c>(10.3)</c>), else the label's text after its last <c>-</c>.</summary>
    public static ImmutableArray<int> VersionOf(SoftwareUpdate update)
    {
        var fromTitle = Numbers(update.Version);
        if (!fromTitle.IsEmpty)
        {
            return fromTitle;
        }

        var dash = update.Label.LastIndexOf('-');
        return dash < 0 ? [] : Numbers(update.Label[(dash + 1)..]);
    }

    private static ImmutableArray<int> Numbers(string text)
    {
        var parts = text.Trim().Split('.');
        var numbers = ImmutableArray.CreateBuilder<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return [];
            }

            numbers.Add(number);
        }

        return numbers.ToImmutable();
    }

    // Homebrew's installer takes every label that mentions "Command Line Tools"; Yosemite's had no "for Xcode" at all
    // ("Command Line Tools (OS X 10.10)-6.1", timsutton/osx-vm-templates#24).
    [GeneratedRegex(@"^Command Line Tools\b", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    /// <summary>Component by component, a missing one as 0 (16.4 = 16.4.0); an unreadable version sorts first.</summary>
    private sealed class VersionComparer : IComparer<ImmutableArray<int>>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(ImmutableArray<int> x, ImmutableArray<int> y)
        {
            for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
            {
                var order = (i < x.Length ? x[i] : 0).CompareTo(i < y.Length ? y[i] : 0);
                if (order != 0)
                {
                    return order;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
