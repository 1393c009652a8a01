using System.Collections.Immutable;

namespace RigBootstrap.Core.Host;

/// <summary>
/// Resolves every external tool to an absolute path: a root daemon never searches PATH (docs/design.md §6).
/// Precedence: --tools-dir (a simulation switch that covers every tool), then the config's overrides, then the defaults.
/// </summary>
public sealed class ToolTable
{
    private static readonly ImmutableDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        [ToolNames.Launchctl] = "/bin/launchctl",
        [ToolNames.Security] = "/usr/bin/security",
        [ToolNames.Sysadminctl] = "/usr/sbin/sysadminctl",
        [ToolNames.Softwareupdate] = "/usr/sbin/softwareupdate",
        [ToolNames.SwVers] = "/usr/bin/sw_vers",
        [ToolNames.Sysctl] = "/usr/sbin/sysctl",
        [ToolNames.Shutdown] = "/sbin/shutdown",
        [ToolNames.Sqlite3] = "/usr/bin/sqlite3",
        // Only for steps.xcode.xcodes (an Apple ID install); the release binary from github.com/XcodesOrg/xcodes, not Homebrew.
        [ToolNames.Xcodes] = "/usr/local/bin/xcodes",
        [ToolNames.Xcodebuild] = "/usr/bin/xcodebuild",
        [ToolNames.XcodeSelect] = "/usr/bin/xcode-select",
        [ToolNames.Fdesetup] = "/usr/bin/fdesetup",
        [ToolNames.Git] = "/usr/bin/git",
        [ToolNames.Defaults] = "/usr/bin/defaults",
        [ToolNames.Dscl] = "/usr/bin/dscl",
        [ToolNames.Id] = "/usr/bin/id",
        [ToolNames.Systemctl] = "/usr/bin/systemctl",
        [ToolNames.Sh] = "/bin/sh",
        [ToolNames.Stat] = "/usr/bin/stat",
        [ToolNames.Plutil] = "/usr/bin/plutil",
        [ToolNames.Profiles] = "/usr/bin/profiles",
        [ToolNames.Codesign] = "/usr/bin/codesign",
        [ToolNames.Xattr] = "/usr/bin/xattr",
        [ToolNames.Diskutil] = "/usr/sbin/diskutil",
        [ToolNames.Xip] = "/usr/bin/xip",
        [ToolNames.DevToolsSecurity] = "/usr/sbin/DevToolsSecurity",
        [ToolNames.Dseditgroup] = "/usr/sbin/dseditgroup",
        [ToolNames.Sudo] = "/usr/bin/sudo",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private readonly string? _toolsDirPath;
    private readonly ImmutableDictionary<string, string> _overrides;

    public ToolTable(string? toolsDirPath, ImmutableDictionary<string, string> overrides)
    {
        _toolsDirPath = string.IsNullOrEmpty(toolsDirPath) ? null : Path.GetFullPath(toolsDirPath);
        _overrides = overrides;
    }

    public string? ToolsDirPath => _toolsDirPath;

    /// <summary>True when the config's `tools` section names this tool and no --tools-dir covers it.</summary>
    public bool IsOverridden(string toolName) => _toolsDirPath is null && _overrides.ContainsKey(toolName);

    public string PathOf(string toolName)
    {
        if (_toolsDirPath is not null)
        {
            return Path.Join(_toolsDirPath, toolName);
        }

        if (_overrides.TryGetValue(toolName, out var overridden))
        {
            return overridden;
        }

        return Defaults.TryGetValue(toolName, out var path)
            ? path
            : throw new ArgumentException($"Unknown tool '{toolName}'.", nameof(toolName));
    }
}
