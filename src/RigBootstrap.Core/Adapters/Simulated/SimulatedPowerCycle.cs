namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>Carries out a reboot on the simulated Mac: stop everything, new boot id, launchd loads the daemons again.</summary>
public sealed class SimulatedPowerCycle(SimulatedMac mac, SimulatedLaunchd launchd)
{
    /// <summary>Reboots and returns the labels launchd loaded at boot.</summary>
    public IReadOnlyList<string> Reboot()
    {
        var next = mac.BootNumber + 1;
        launchd.UnloadAll();
        File.Delete(mac.RebootRequestPath);
        mac.WriteBootId(next);
        return launchd.LoadAllAtBoot();
    }
}
