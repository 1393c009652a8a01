namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// Carries out a reboot on the simulated Mac, in the order a Mac boots: everything stops, a pending OS update
/// installs, the boot id changes, loginwindow logs the autologin user in (whose TCC.db and login keychain appear at
/// that first login, and whose LaunchAgents load into its GUI session), and launchd loads the daemons again.
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
        var loaded = launchd.LoadAllAtBoot();
        if (loginWindow?.LogInAtBoot() is { } user)
        {
            if (tcc is not null)
            {
                await tcc.CreateUserDatabaseAtFirstLoginAsync(user, cancellationToken);
            }

            var home = mac.Paths.Resolve(Path.Join("/Users", user));
            var keychain = Path.Join(home, "Library", "Keychains", "login.keychain-db");
            Directory.CreateDirectory(Path.GetDirectoryName(keychain)!);
            using (File.Open(keychain, FileMode.OpenOrCreate))
            {
                // The first login creates the login keychain; later ones find it.
            }

            new SimulatedLaunchd(mac, user, loginWindow).LoadAgentsAtLogin(home);
        }

        return loaded;
    }
}
