namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>What <c>fdesetup status</c> says, reduced to what the autologin step needs.</summary>
public sealed record FileVaultStatus
{
    public required FileVaultState State { get; init; }

    /// <summary>A change waits for a restart: <c>…, but needs to be restarted to finish.</c> or <c>…, but will be enabled after the next restart.</c></summary>
    public bool RestartPending { get; init; }

    /// <summary><c>FileVault is Off, but will be enabled after the next restart.</c> (deferred enablement).</summary>
    public bool EnabledAfterRestart { get; init; }

    /// <summary>An <c>Encryption in progress</c> or <c>Decryption in progress</c> line follows.</summary>
    public bool ConversionInProgress { get; init; }

    /// <summary>
    /// FileVault blocks autologin while it is on, and a deferred enablement turns it on at the next restart; the fix
    /// is <c>fdesetup authrestart</c> for a single reboot, or turning FileVault off.
    /// </summary>
    public bool BlocksAutologin => State == FileVaultState.On || EnabledAfterRestart;
}
