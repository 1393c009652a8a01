namespace RigBootstrap.Core.Config;

/// <summary>What kind of host a config bootstraps: a Mac under launchd, or a Linux host under systemd.</summary>
public enum HostPlatform
{
    MacOs,
    Linux,
}
