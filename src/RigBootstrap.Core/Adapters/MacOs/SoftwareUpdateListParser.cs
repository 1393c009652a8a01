using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads <c>softwareupdate --list</c> and <c>softwareupdate --list-full-installers</c> output.</summary>
/// <remarks>
/// Pass stdout and stderr together: the <c>softwareupdate[pid:tid] XType: …</c> noise is stderr, and the fixtures
/// do not say which stream <c>No new software available.</c> takes. Headers, noise and blank lines are skipped.
/// </remarks>
public static partial class SoftwareUpdateListParser
{
    private const string NothingToInstall = "No new software available.";
    private const string FullInstallersHeader = "found the following full installers";

    /// <summary>
    /// Reads both the current format (<c>* Label: …</c>, then a tab and <c>Title: …, Version: …, Size: …,
    /// Recommended: …, Action: …,</c>, with Catalina lacking <c>Action:</c>) and Mojave's (<c>   * label</c>, then a
    /// tab and <c>title (version), sizeK [recommended] [restart]</c>). <c>No new software available.</c> gives an
    /// empty list.
    /// </summary>
    /// <exception cref="FormatException">
    /// A label has no title line or the reverse, a title line lacks its title or version, or the output shows neither
    /// an update nor <c>No new software available.</c>: an empty list must never stand for output we could not read.
    /// </exception>
    public static ImmutableArray<SoftwareUpdate> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var updates = ImmutableArray.CreateBuilder<SoftwareUpdate>();
        string? pendingLabel = null;
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.StartsWith("* Label:", StringComparison.Ordinal) || OldLabelPattern().IsMatch(line))
            {
                if (pendingLabel is not null)
                {
                    throw Malformed($"the label '{pendingLabel}' has no title line", output);
                }

                pendingLabel = trimmed.StartsWith("* Label:", StringComparison.Ordinal) ? trimmed["* Label:".Length..].Trim() : trimmed[2..].Trim();
            }
            // A title line is indented with a tab, or (as one public Ventura sample stores it) with spaces.
            else if (trimmed.Length > 0 && (line.StartsWith('\t') || (line.StartsWith(' ') && trimmed.StartsWith("Title:", StringComparison.Ordinal))))
            {
                var label = pendingLabel ?? throw Malformed($"the title line '{trimmed}' follows no label line", output);
                updates.Add(trimmed.StartsWith("Title:", StringComparison.Ordinal) ? FromFields(label, trimmed, output) : FromMojaveLine(label, trimmed, output));
                pendingLabel = null;
            }
        }

        if (pendingLabel is not null)
        {
            throw Malformed($"the label '{pendingLabel}' has no title line", output);
        }

        if (updates.Count == 0 && !output.Contains(NothingToInstall, StringComparison.Ordinal))
        {
            throw Malformed($"it lists no update and does not say '{NothingToInstall}'", output);
        }

        return updates.ToImmutable();
    }

    /// <summary>Reads the <c>* Title: …, Version: …, Size: …, Build: …, Deferred: …</c> rows.</summary>
    /// <exception cref="FormatException">A row lacks its title, version or build, or the output has no row and no header.</exception>
    public static ImmutableArray<MacOsFullInstaller> ParseFullInstallers(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var installers = ImmutableArray.CreateBuilder<MacOsFullInstaller>();
        foreach (var rawLine in output.Split('\n'))
        {
            var trimmed = rawLine.Trim();
            if (!trimmed.StartsWith("* Title:", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = SoftwareUpdateFields.Split(trimmed[2..]);
            var versionText = Field(fields, "Version", trimmed, output);
            installers.Add(new MacOsFullInstaller
            {
                Title = Field(fields, "Title", trimmed, output),
                Version = MacOsVersion.TryParse(versionText, out var version)
                    ? version
                    : throw Malformed($"the row '{trimmed}' has the version '{versionText}', which is not a macOS version", output),
                SizeKiB = SoftwareUpdateFields.SizeKiB(fields.GetValueOrDefault("Size")),
                Build = Field(fields, "Build", trimmed, output),
                Deferred = SoftwareUpdateFields.Flag(fields, "Deferred"),
            });
        }

        // Before Big Sur the option does not exist and the tool prints its usage instead: no header, no rows.
        if (installers.Count == 0 && !output.Contains(FullInstallersHeader, StringComparison.Ordinal))
        {
            throw new ToolOutputException(
                $"softwareupdate --list-full-installers printed '{ToolOutputExcerpt.Of(output)}', which has no installer rows; the option needs macOS 11 or later.");
        }

        return installers.ToImmutable();
    }

    private static SoftwareUpdate FromFields(string label, string line, string output)
    {
        var fields = SoftwareUpdateFields.Split(line);
        return new SoftwareUpdate
        {
            Label = label,
            Title = Field(fields, "Title", line, output),
            Version = Field(fields, "Version", line, output),
            SizeKiB = SoftwareUpdateFields.SizeKiB(fields.GetValueOrDefault("Size")),
            Recommended = SoftwareUpdateFields.Flag(fields, "Recommended"),
            Action = fields.TryGetValue("Action", out var action) ? ActionOf(action) : null,
            Deferred = SoftwareUpdateFields.Flag(fields, "Deferred"),
        };
    }

    private static SoftwareUpdate FromMojaveLine(string label, string line, string output)
    {
        var match = MojaveTitlePattern().Match(line);
        if (!match.Success)
        {
            throw Malformed($"the title line '{line}' is neither 'Title: …, Version: …' nor 'title (version), sizeK'", output);
        }

        var flags = match.Groups["flags"].Value;
        return new SoftwareUpdate
        {
            Label = label,
            Title = match.Groups["title"].Value,
            Version = match.Groups["version"].Value,
            SizeKiB = SoftwareUpdateFields.SizeKiB(match.Groups["size"].Value),
            Recommended = flags.Contains("[recommended]", StringComparison.Ordinal),
            // The old format marks only updates that restart; no flag says nothing either way.
            Action = flags.Contains("[restart]", StringComparison.Ordinal) ? SoftwareUpdateAction.Restart : null,
        };
    }

    private static SoftwareUpdateAction ActionOf(string action) => action.ToLowerInvariant() switch
    {
        "restart" => SoftwareUpdateAction.Restart,
        "none" => SoftwareUpdateAction.None,
        _ => SoftwareUpdateAction.Other,
    };

    private static string Field(ImmutableDictionary<string, string> fields, string key, string line, string output) =>
        fields.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw Malformed($"the line '{line}' has no {key}", output);

    private static FormatException Malformed(string problem, string output) =>
        new($"softwareupdate printed a list that cannot be read: {problem}. The output was '{ToolOutputExcerpt.Of(output)}'; run `softwareupdate --list` by hand to see it whole.");

    // Mojave indents the label: "   * Safari14.0MojaveAuto-14.0".
    [GeneratedRegex(@"^[ \t]+\* (?!Label:|Title:)\S")]
    private static partial Regex OldLabelPattern();

    [GeneratedRegex(@"^(?<title>.+) \((?<version>[^()]+)\), (?<size>[0-9]+K(?:iB)?)(?<flags>(?: \[[a-z]+\])*)$")]
    private static partial Regex MojaveTitlePattern();
}
