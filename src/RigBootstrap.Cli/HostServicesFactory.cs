using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Linux;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Workflow;
using RigBootstrap.Processes;

namespace RigBootstrap.Cli;

/// <summary>
/// The composition root for a real host (or one whose tools are fakes in --tools-dir). The platform is chosen here,
/// once: the config's `platform` when there is a config, else the operating system this runs on.
/// </summary>
public static class HostServicesFactory
{
    public static HostServices ForHost(HostPaths paths, string? toolsDirPath, ILoggerFactory loggerFactory, BootstrapConfig? config)
    {
        var time = TimeProvider.System;
        var runner = new ProcessRunner(time);
        var tools = new ToolTable(toolsDirPath, config?.Tools ?? ImmutableDictionary<string, string>.Empty);
        var platform = config?.Platform ?? (OperatingSystem.IsLinux() ? HostPlatform.Linux : HostPlatform.MacOs);
        var services = new HostServices
        {
            Paths = paths,
            Platform = platform,
            Tools = tools,
            ServiceManager = new LaunchctlLaunchd(tools, runner, time),
            UserSession = user => new GuiSessionLaunchd(tools, runner, time, new UserIds(runner, tools), user),
            Power = new ShutdownPower(tools, runner),
            BootIdentity = new SysctlBootIdentity(tools, runner),
            Keychain = new KeychainTool(runner, tools, new UserIds(runner, tools)),
            LoginWindow = new LoginWindowTool(runner, tools, paths),
            SoftwareUpdate = new SoftwareUpdateTool(runner, tools, time),
            VolumeOwners = new ApfsVolumeOwners(runner, tools),
            Xcode = new XcodeTool(runner, tools, paths),
            CommandLineTools = new CommandLineToolsTool(runner, tools, paths),
            Tcc = new TccTool(runner, tools, paths),
            TccPolicy = new TccPolicySources(new MdmOverridesFile(runner, tools, paths), new ProfilesListing(runner, tools)),
            ProcessRunner = runner,
            Time = time,
            LoggerFactory = loggerFactory,
            PersistenceObserver = KillAtPersistencePoint.FromEnvironment(paths.IsRealRoot),
        };
        return platform == HostPlatform.Linux
            ? services with
            {
                ServiceManager = new SystemdServiceManager(tools, runner),
                UserSession = null,
                Power = new SystemctlPower(tools, runner),
                BootIdentity = new LinuxBootIdentity(paths),
            }
            : services;
    }

    /// <summary>The installed config when it can be read; verbs that need it to be valid load it themselves.</summary>
    public static BootstrapConfig? InstalledConfig(HostPaths paths)
    {
        try
        {
            return File.Exists(paths.ConfigPath) ? ConfigLoader.LoadFile(paths.ConfigPath) : null;
        }
        catch (ConfigException)
        {
            return null;
        }
    }
}
