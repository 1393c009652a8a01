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
    public SimulatedHost(
        HostPaths paths,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        ImmutableDictionary<string, string>? toolOverrides = null,
        SimulatedMacProfile? profile = null)
    {
        profile ??= new SimulatedMacProfile();
        // Tools the simulation does not model (age, git, sqlite3) are the real ones, as the operator's config names them.
        var tools = new ToolTable(null, toolOverrides ?? ImmutableDictionary<string, string>.Empty);
        var runner = new ProcessRunner(time);
        Mac = new SimulatedMac(paths);
        Launchd = new SimulatedLaunchd(Mac);
        LoginWindow = new SimulatedLoginWindow(Mac);
        SoftwareUpdate = new SimulatedSoftwareUpdate(Mac, profile.StartVersion, profile.OfferedUpdates, profile.AppleSilicon, LoginWindow);
        Tcc = new SimulatedTcc(Mac, runner, tools);
        PowerCycle = new SimulatedPowerCycle(Mac, Launchd, SoftwareUpdate, LoginWindow, Tcc);
        Services = new HostServices
        {
            Paths = paths,
            Tools = tools,
            ServiceManager = Launchd,
            Power = new SimulatedPower(Mac),
            BootIdentity = new SimulatedBootIdentity(Mac),
            Keychain = new SimulatedKeychain(Mac),
            LoginWindow = LoginWindow,
            SoftwareUpdate = SoftwareUpdate,
            VolumeOwners = new SimulatedVolumeOwners(Mac, profile.VolumeOwners),
            Xcode = new SimulatedXcode(Mac),
            Tcc = Tcc,
            ProcessRunner = runner,
            Time = time,
            LoggerFactory = loggerFactory,
        };
    }

    public SimulatedMac Mac { get; }

    public SimulatedLaunchd Launchd { get; }

    public SimulatedLoginWindow LoginWindow { get; }

    public SimulatedSoftwareUpdate SoftwareUpdate { get; }

    /// <summary>The demo's "MDM" grants through it what a PPPC profile would.</summary>
    public SimulatedTcc Tcc { get; }

    public SimulatedPowerCycle PowerCycle { get; }

    public HostServices Services { get; }
}
