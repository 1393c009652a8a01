namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Whether FileVault protects the boot volume now, per the first line of <c>fdesetup status</c>.</summary>
public enum FileVaultState
{
    Off,
    On,
}
