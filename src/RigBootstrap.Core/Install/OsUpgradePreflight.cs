using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Install;

/// <summary>
/// The one os-upgrade refusal that needs the host: `"mode": "softwareupdate"` without a volumeOwner cannot install on
/// Apple Silicon. `install` runs on the host and asks `sysctl`; where it cannot tell (the tool does not start), the
/// step refuses at run time instead, before any reboot (docs/os-upgrade.md).
/// </summary>
public static class OsUpgradePreflight
{
    public static async Task CheckAsync(BootstrapConfig config, string configPath, ISoftwareUpdate softwareUpdate, CancellationToken cancellationToken)
    {
        if (config is not { Platform: HostPlatform.MacOs, Steps.OsUpgrade: { Mode: OsUpgradeMode.SoftwareUpdate, VolumeOwner: null } })
        {
            return;
        }

        bool appleSilicon;
        try
        {
            appleSilicon = await softwareUpdate.IsAppleSiliconAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is ProcessStartException or SoftwareUpdateException)
        {
            // Cannot know here; the step checks again before it spends a reboot.
            return;
        }

        if (appleSilicon)
        {
            throw new ConfigException(ImmutableArray.Create(new ConfigError(configPath, "steps.osUpgrade.volumeOwner",
                "steps.osUpgrade.volumeOwner is missing, and this is an Apple Silicon Mac (sysctl hw.optional.arm64 = 1), where "
                + "`softwareupdate --install` needs a volume owner's --user/--stdinpass; add \"volumeOwner\": { \"user\": \"<a volume owner>\", "
                + "\"passwordSecret\": \"<secret name>\" }, or set steps.osUpgrade.mode to \"mdm\" (docs/os-upgrade.md)")));
        }
    }
}
