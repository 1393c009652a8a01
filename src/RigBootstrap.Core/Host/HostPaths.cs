namespace RigBootstrap.Core.Host;

/// <summary>The one authority that maps every host path under the host root (docs/design.md §5).</summary>
public sealed record HostPaths
{
    public const string InstalledBinaryLocation = "/usr/local/libexec/rig-bootstrap/rig-bootstrap";
    public const string LaunchDaemonsLocation = "/Library/LaunchDaemons";
    public const string StateDirLocation = "/var/db/rig-bootstrap";
    public const string LogDirLocation = "/Library/Logs/rig-bootstrap";
    public const string LinuxLogDirLocation = "/var/log/rig-bootstrap";
    public const string SystemdUnitsLocation = "/etc/systemd/system";
    public const string LinuxBootIdLocation = "/proc/sys/kernel/random/boot_id";
    public const string SimulatorDirLocation = "/var/db/rig-bootstrap-simulator";
    public const string LoginWindowPreferencesLocation = "/Library/Preferences/com.apple.loginwindow";
    public const string KcPasswordLocation = "/etc/kcpassword";
    public const string ManagedLoginWindowPreferencesLocation = "/Library/Managed Preferences/com.apple.loginwindow";
    public const string SystemTccDatabaseLocation = "/Library/Application Support/com.apple.TCC/TCC.db";
    public const string UsersDirLocation = "/Users";
    public const string MdmOverridesLocation = "/Library/Application Support/com.apple.TCC/MDMOverrides.plist";

    /// <summary>Where `softwareupdate --install` puts the Command Line Tools (what `xcode-select -p` then names).</summary>
    public const string CommandLineToolsDirLocation = "/Library/Developer/CommandLineTools";

    /// <summary>
    /// While this file exists, `softwareupdate --list` offers the Command Line Tools (the in-progress marker of
    /// `xcode-select --install`; docs/command-line-tools.md gives the sources).
    /// </summary>
    public const string CommandLineToolsOnDemandMarkerLocation = "/tmp/.com.apple.dt.CommandLineTools.installondemand.in-progress";

    public const string ApplicationsLocation = "/Applications";

    /// <summary>
    /// Where the xcode step expands its archive: inside /Applications, so the expanded bundle is on the same volume as
    /// its final name and moves there by rename, never by a copy that a crash could leave half done.
    /// </summary>
    public const string XcodeStagingLocation = "/Applications/.rig-bootstrap-xcode-staging";

    private HostPaths(string rootDirPath) => RootDirPath = rootDirPath;

    /// <summary>The directory that stands for `/`: `/` on a real host, a temporary directory in simulations.</summary>
    public string RootDirPath { get; }

    public bool IsRealRoot => RootDirPath == "/";

    public static HostPaths ForRoot(string rootDirPath)
    {
        if (string.IsNullOrWhiteSpace(rootDirPath))
        {
            throw new ArgumentException("The host root is empty; pass --root DIR or leave it out for /.", nameof(rootDirPath));
        }

        var full = Path.GetFullPath(rootDirPath);
        var trimmed = full.Length > 1 ? full.TrimEnd('/') : full;
        return new HostPaths(trimmed.Length == 0 ? "/" : trimmed);
    }

    /// <summary>Maps an absolute host path (as written in configs and docs) to where it lives under the root.</summary>
    public string Resolve(string hostPath)
    {
        if (!hostPath.StartsWith('/'))
        {
            throw new ArgumentException($"'{hostPath}' is not an absolute host path.", nameof(hostPath));
        }

        return IsRealRoot ? hostPath : RootDirPath + hostPath;
    }

    public string InstalledBinaryPath => Resolve(InstalledBinaryLocation);

    public string InstalledBinaryDirPath => Path.GetDirectoryName(InstalledBinaryPath)!;

    public string LaunchDaemonsDirPath => Resolve(LaunchDaemonsLocation);

    public string LaunchDaemonPlistPath(string label) => Path.Join(LaunchDaemonsDirPath, label + ".plist");

    public string StateDirPath => Resolve(StateDirLocation);

    public string ConfigPath => Path.Join(StateDirPath, "config.json");

    public string StatePath => Path.Join(StateDirPath, "state.json");

    public string PreviousStatePath => StatePath + ".prev";

    public string JournalPath => Path.Join(StateDirPath, "journal.jsonl");

    public string LockPath => Path.Join(StateDirPath, "run.lock");

    /// <summary>Downloads in progress (<c>NAME.partial</c> and its sidecar) and verified archives waiting to be installed.</summary>
    public string DownloadsDirPath => Path.Join(StateDirPath, "downloads");

    public string InstallLockPath => Path.Join(StateDirPath, "install.lock");

    /// <summary>Logs: /Library/Logs on a Mac; /var/log on a real Linux host. Simulations keep the Mac layout.</summary>
    public string LogDirPath => Resolve(IsRealRoot && OperatingSystem.IsLinux() ? LinuxLogDirLocation : LogDirLocation);

    public string SystemdUnitsDirPath => Resolve(SystemdUnitsLocation);

    public string SystemdUnitPath(string name) => Path.Join(SystemdUnitsDirPath, name + ".service");

    public string LinuxBootIdPath => Resolve(LinuxBootIdLocation);

    public string LaunchdStdoutPath => Path.Join(Resolve(LogDirLocation), "launchd.out.log");

    public string LaunchdStderrPath => Path.Join(Resolve(LogDirLocation), "launchd.err.log");

    public string SimulatorDirPath => Resolve(SimulatorDirLocation);

    /// <summary>The loginwindow preferences, as `defaults` takes them: a plist path without its `.plist` extension.</summary>
    public string LoginWindowPreferencesPath => Resolve(LoginWindowPreferencesLocation);

    /// <summary>
    /// The loginwindow preferences an MDM profile installed (`defaults` form, no `.plist`): mcxd writes a profile's
    /// com.apple.loginwindow payload here, where `com.apple.login.mcx.DisableAutoLoginClient` forbids autologin.
    /// </summary>
    public string ManagedLoginWindowPreferencesPath => Resolve(ManagedLoginWindowPreferencesLocation);

    /// <summary>The obfuscated autologin password (root:wheel 0600) that loginwindow reads at boot.</summary>
    public string KcPasswordPath => Resolve(KcPasswordLocation);

    /// <summary>The system-wide TCC.db (SIP-protected; reading it needs Full Disk Access, even as root).</summary>
    public string SystemTccDatabasePath => Resolve(SystemTccDatabaseLocation);

    public string UsersDirPath => Resolve(UsersDirLocation);

    public string CommandLineToolsDirPath => Resolve(CommandLineToolsDirLocation);

    public string CommandLineToolsOnDemandMarkerPath => Resolve(CommandLineToolsOnDemandMarkerLocation);

    /// <summary>Where tccd keeps what the MDM's PPPC profiles granted (TCC-protected: reading it needs Full Disk Access).</summary>
    public string MdmOverridesPath => Resolve(MdmOverridesLocation);

    /// <summary>A user's own TCC.db under /Users/&lt;user&gt;; it exists only after that user's first login.</summary>
    public string UserTccDatabasePath(string userName)
    {
        // A name with a slash or a dot-segment would point the lookup at another user's or the system's database.
        if (string.IsNullOrEmpty(userName) || userName is "." or ".." || userName.Contains('/', StringComparison.Ordinal) || userName.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{userName}' is not a user name; a user's TCC.db lives under {UsersDirLocation}/<user>.", nameof(userName));
        }

        return Resolve(UsersDirLocation + "/" + userName + SystemTccDatabaseLocation);
    }
}
