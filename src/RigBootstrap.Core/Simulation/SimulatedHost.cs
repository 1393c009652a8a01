using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Workflow;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Simulation;

/// <summary>The simulated Mac (DESIGN §6): its adapters over files under the host root, and the power cycle that reboots it.</summary>
public sealed class SimulatedHost
{
    public SimulatedHost(HostPaths paths, TimeProvider time, ILoggerFactory loggerFactory, ImmutableDictionary<string, string>? toolOverrides = null)
    {
        Mac = new SimulatedMac(paths);
        Launchd = new SimulatedLaunchd(Mac);
        PowerCycle = new SimulatedPowerCycle(Mac, Launchd);
        Services = new HostServices
        {
            Paths = paths,
            // Tools the simulation does not model (age, git) are the real ones, as the operator's config names them.
            Tools = new ToolTable(null, toolOverrides ?? ImmutableDictionary<string, string>.Empty),
            ServiceManager = Launchd,
            Power = new SimulatedPower(Mac),
            BootIdentity = new SimulatedBootIdentity(Mac),
            ProcessRunner = new ProcessRunner(time),
            Time = time,
            LoggerFactory = loggerFactory,
        };
    }

    public SimulatedMac Mac { get; }

    public SimulatedLaunchd Launchd { get; }

    public SimulatedPowerCycle PowerCycle { get; }

    public HostServices Services { get; }
}
