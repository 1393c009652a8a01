using System.Collections.Immutable;

namespace RigBootstrap.Core.Host;

/// <summary>The names of the external tools we run; each resolves to an absolute path, never through PATH.</summary>
public static class ToolNames
{
    public const string Launchctl = "launchctl";
    public const string Security = "security";
    public const string Sysadminctl = "sysadminctl";
    public const string Softwareupdate = "softwareupdate";
    public const string SwVers = "sw_vers";
    public const string Sysctl = "sysctl";
    public const string Shutdown = "shutdown";
    public const string Sqlite3 = "sqlite3";
    public const string Xcodes = "xcodes";
    public const string Xcodebuild = "xcodebuild";
    public const string XcodeSelect = "xcode-select";
    public const string Fdesetup = "fdesetup";
    public const string Git = "git";
    public const string Defaults = "defaults";
    public const string Dscl = "dscl";
    public const string Id = "id";
    public const string Systemctl = "systemctl";
    public const string Sh = "sh";
    public const string Stat = "stat";
    public const string Plutil = "plutil";
    public const string Diskutil = "diskutil";
    public const string Profiles = "profiles";
    public const string Codesign = "codesign";
    public const string Xattr = "xattr";
    public const string Xip = "xip";
    public const string DevToolsSecurity = "DevToolsSecurity";
    public const string Dseditgroup = "dseditgroup";
    public const string Sudo = "sudo";

    /// <summary>Every tool name, sorted so that messages listing them are stable.</summary>
    public static ImmutableSortedSet<string> All { get; } = ImmutableSortedSet.Create(
        StringComparer.Ordinal,
        Launchctl, Security, Sysadminctl, Softwareupdate, SwVers, Sysctl, Shutdown, Sqlite3,
        Xcodes, Xcodebuild, XcodeSelect, Fdesetup, Git, Defaults, Dscl, Id, Systemctl, Sh, Stat, Plutil, Profiles, Codesign, Xattr,
        Diskutil, Xip, DevToolsSecurity, Dseditgroup, Sudo);
}
