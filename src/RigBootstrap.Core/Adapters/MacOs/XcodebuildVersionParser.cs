using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads <c>xcodebuild -version</c> output.</summary>
public static partial class XcodebuildVersionParser
{
    /// <summary>
    /// Finds the <c>Xcode &lt;version&gt;</c> and <c>Build version &lt;build&gt;</c> lines wherever they are:
    /// Xcode 13.2.1 prints <c>objc[…]: Class … is implemented in both …</c> warnings first.
    /// </summary>
    /// <exception cref="FormatException">Either line is missing; the message quotes the output.</exception>
    public static XcodeVersionInfo Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var version = VersionLine().Match(stdout);
        var build = BuildLine().Match(stdout);
        if (!version.Success || !build.Success)
        {
            // xcodebuild without a full Xcode (only the Command Line Tools) prints an xcode-select error instead.
            throw new ToolOutputException(
                $"xcodebuild -version printed '{ToolOutputExcerpt.Of(stdout)}', which has no 'Xcode <version>' and 'Build version <build>' lines; "
                + "check that a full Xcode is selected with `xcode-select -p`.");
        }

        var qualifier = version.Groups["qualifier"].Value.Trim();
        return new XcodeVersionInfo
        {
            Version = version.Groups["version"].Value,
            Qualifier = qualifier.Length == 0 ? null : qualifier,
            Build = build.Groups["build"].Value,
        };
    }

    // Multiline and anchored, after bitrise go-xcode's patterns; "\r?" lets CRLF captures through.
    [GeneratedRegex(@"^Xcode +(?<version>[0-9]+(?:\.[0-9]+){0,2})(?<qualifier>(?: +[^\r\n]*)?)\r?$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^Build version +(?<build>[0-9A-Za-z]+)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex BuildLine();
}
