namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>How the <see cref="MacFleet"/> config upgrades its Apple Silicon Mac (docs/os-upgrade.md).</summary>
public enum MacUpgradeMode
{
    /// <summary>No mode in the config: Apple Silicon chooses mdm, and <see cref="FleetUpdateMdm"/> upgrades and restarts the host.</summary>
    Mdm,

    /// <summary>`"mode": "softwareupdate"` with the agent user as volume owner, its password from the SOPS file.</summary>
    SoftwareUpdate,
}
