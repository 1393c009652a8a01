using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Workflow;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Simulation;

/// <summary>The simulated Mac (docs/design.md §6): its adapters over files under the host root, and the power cycle that reboots it.</summary>
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
        // Tools the simulation does not model (age, sqlite3) are the real ones, as the operator's config names them. git
        // is modelled: it comes with the simulated Command Line Tools, which link it to the real one.
        var overrides = toolOverrides ?? ImmutableDictionary<string, string>.Empty;
        var tools = new ToolTable(null, overrides.Remove(ToolNames.Git));
        var runner = new ProcessRunner(time);
        Mac = new SimulatedMac(paths);
        CommandLineTools = new SimulatedCommandLineTools(Mac, runner, overrides.GetValueOrDefault(ToolNames.Git));
        Launchd = new SimulatedLaunchd(Mac);
        LoginWindow = new SimulatedLoginWindow(Mac);
        SoftwareUpdate = new SimulatedSoftwareUpdate(Mac, profile.StartVersion, profile.OfferedUpdates, profile.AppleSilicon, LoginWindow);
        Tcc = new SimulatedTcc(Mac, runner, tools);
        Mdm = new SimulatedMdm(Mac);
        PowerCycle = new SimulatedPowerCycle(Mac, Launchd, SoftwareUpdate, LoginWindow, Tcc);
        Services = new HostServices
        {
            Paths = paths,
            Tools = tools,
            ServiceManager = Launchd,
            UserSession = user => new SimulatedLaunchd(Mac, user, LoginWindow),
            Power = new SimulatedPower(Mac),
            BootIdentity = new SimulatedBootIdentity(Mac),
            Keychain = new SimulatedKeychain(Mac, LoginWindow),
            LoginWindow = LoginWindow,
            SoftwareUpdate = SoftwareUpdate,
            VolumeOwners = new SimulatedVolumeOwners(Mac, profile.VolumeOwners),
            Xcode = new SimulatedXcode(Mac),
            CommandLineTools = CommandLineTools,
            Tcc = Tcc,
            TccPolicy = new TccPolicySources(Mdm.MdmOverrides, Mdm.InstalledProfiles),
            ProcessRunner = runner,
            Time = time,
            LoggerFactory = loggerFactory,
        };
    }

    public SimulatedMac Mac { get; }

    public SimulatedLaunchd Launchd { get; }

    public SimulatedLoginWindow LoginWindow { get; }

    public SimulatedCommandLineTools CommandLineTools { get; }

    public SimulatedSoftwareUpdate SoftwareUpdate { get; }

    /// <summary>TCC.db: a person's approvals land here, never the MDM's.</summary>
    public SimulatedTcc Tcc { get; }

    /// <summary>The demo's MDM: installs the PPPC profile (MDMOverrides.plist and the profiles listing).</summary>
    public SimulatedMdm Mdm { get; }

    public SimulatedPowerCycle PowerCycle { get; }

    public HostServices Services { get; }
}
