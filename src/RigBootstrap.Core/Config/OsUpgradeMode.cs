namespace RigBootstrap.Core.Config;

/// <summary>How os-upgrade brings macOS to its minimum (docs/os-upgrade.md).</summary>
public enum OsUpgradeMode
{
    /// <summary>The MDM upgrades and restarts the host; rig-bootstrap waits with a deadline and never installs.</summary>
    Mdm,

    /// <summary>`softwareupdate --install … --restart`; on Apple Silicon with a volume owner's `--user`/`--stdinpass`.</summary>
    SoftwareUpdate,
}
