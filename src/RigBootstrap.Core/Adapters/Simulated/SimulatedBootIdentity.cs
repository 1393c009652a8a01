using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>The boot id of the simulated Mac (changes only when the simulation power-cycles it).</summary>
public sealed class SimulatedBootIdentity(SimulatedMac mac) : IBootIdentity
{
    public Task<string> GetBootIdAsync(CancellationToken cancellationToken) => Task.FromResult(mac.ReadBootId());
}
