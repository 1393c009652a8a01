namespace RigBootstrap.Core.Config;

/// <summary>The lowest macOS version the host must run, such as <c>15.1</c>, and how to get there (docs/os-upgrade.md).</summary>
public sealed record OsUpgradeConfig
{
    /// <summary>Two nights of an MDM's maintenance window: long enough for a scheduled enforcement, short enough to notice.</summary>
    public static readonly TimeSpan DefaultMdmDeadline = TimeSpan.FromHours(48);

    public required string MinimumVersion { get; init; }

    /// <summary>Null: chosen at run time, <see cref="OsUpgradeMode.Mdm"/> on Apple Silicon, softwareupdate on Intel.</summary>
    public OsUpgradeMode? Mode { get; init; }

    /// <summary>Only with <see cref="OsUpgradeMode.SoftwareUpdate"/>; needed on Apple Silicon.</summary>
    public VolumeOwnerConfig? VolumeOwner { get; init; }

    /// <summary>In mdm mode, how long to wait for the MDM's upgrade before failing with what the MDM must send.</summary>
    public TimeSpan MdmDeadline { get; init; } = DefaultMdmDeadline;
}
