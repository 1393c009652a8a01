using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>Records a reboot request; the simulation carries it out after the run exits (see SimulatedPowerCycle).</summary>
public sealed class SimulatedPower(SimulatedMac mac) : IPower
{
    public Task RebootAsync(string reason, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(mac.DirPath);
        File.WriteAllText(mac.RebootRequestPath, reason + "\n");
        return Task.CompletedTask;
    }
}
