namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// Carries out a reboot on the simulated Mac, in the order a Mac boots: everything stops, a pending OS update
/// installs, the boot id changes, loginwindow logs the autologin user in (whose TCC.db appears at that first
/// login), and launchd loads the daemons again.
/// </summary>
public sealed class SimulatedPowerCycle(
    SimulatedMac mac,
    SimulatedLaunchd launchd,
    SimulatedSoftwareUpdate? softwareUpdate = null,
    SimulatedLoginWindow? loginWindow = null,
    SimulatedTcc? tcc = null)
{
    /// <summary>Reboots and returns the labels launchd loaded at boot.</summary>
    public async Task<IReadOnlyList<string>> RebootAsync(CancellationToken cancellationToken)
    {
        var next = mac.BootNumber + 1;
        launchd.UnloadAll();
        if (File.Exists(mac.RebootRequestPath))
        {
            File.Delete(mac.RebootRequestPath);
        }

        softwareUpdate?.ApplyPendingAtBoot();
        mac.WriteBootId(next);
        if (loginWindow?.LogInAtBoot() is { } user && tcc is not null)
        {
            await tcc.CreateUserDatabaseAtFirstLoginAsync(user, cancellationToken);
        }

        return launchd.LoadAllAtBoot();
    }
}
