using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads <c>xcodes install</c> output: its <c>(n/6)</c> steps and the final install path.</summary>
public static partial class XcodesInstallOutputParser
{
    /// <summary>The step a progress line reports, or null for any other line.</summary>
    public static XcodesInstallStep? ParseStep(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = StepLine().Match(line.Trim());
        if (!match.Success)
        {
            return null;
        }

        var number = int.Parse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var total = int.Parse(match.Groups["total"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return number >= 1 && number <= total ? new XcodesInstallStep(number, total, match.Groups["description"].Value.Trim()) : null;
    }

    /// <summary>Every step line, in order; the download step may repeat as its percentage grows.</summary>
    public static ImmutableArray<XcodesInstallStep> Steps(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return [.. Lines(output).Select(ParseStep).OfType<XcodesInstallStep>()];
    }

    /// <summary>The <c>.app</c> path from the last line, <c>Xcode 11.2.0 has been installed to /Applications/Xcode-11.2.0.app</c>.</summary>
    /// <exception cref="FormatException">No such line: the install did not finish. The message names the last step reached.</exception>
    public static string ParseInstalledAppPath(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var installed = Lines(output).Select(line => InstalledLine().Match(line.Trim())).LastOrDefault(match => match.Success);
        if (installed is not null)
        {
            return installed.Groups["path"].Value;
        }

        var lastStep = Steps(output).LastOrDefault();
        var reached = lastStep is null
            ? "before its first step"
            : $"after step ({lastStep.Number}/{lastStep.Total}) {lastStep.Description}";
        throw new ToolOutputException(
            $"xcodes install stopped {reached} without saying where Xcode was installed; the output ended with '{ToolOutputExcerpt.Of(output)}'. "
            + "Check the Apple ID session (`xcodes signout`, then sign in again), free disk space and the password given on stdin, then retry the step.");
    }

    // The download step redraws its percentage with carriage returns, so "\r" splits lines too.
    private static string[] Lines(string output) => output.Split('\n', '\r');

    [GeneratedRegex(@"^\((?<number>[0-9]{1,3})/(?<total>[0-9]{1,3})\) (?<description>.+)$")]
    private static partial Regex StepLine();

    [GeneratedRegex(@"^Xcode (?<version>.+) has been installed to (?<path>/.+\.app)/?$")]
    private static partial Regex InstalledLine();
}
