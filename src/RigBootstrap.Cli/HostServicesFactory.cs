using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Workflow;
using RigBootstrap.Processes;

namespace RigBootstrap.Cli;

/// <summary>The composition root for a real host (or one whose tools are fakes in --tools-dir): the platform is chosen here, once.</summary>
public static class HostServicesFactory
{
    public static HostServices ForHost(HostPaths paths, string? toolsDirPath, ILoggerFactory loggerFactory, ImmutableDictionary<string, string>? toolOverrides = null)
    {
        var time = TimeProvider.System;
        var runner = new ProcessRunner(time);
        var tools = new ToolTable(toolsDirPath, toolOverrides ?? ImmutableDictionary<string, string>.Empty);
        return new HostServices
        {
            Paths = paths,
            Tools = tools,
            ServiceManager = new LaunchctlLaunchd(tools, runner, time),
            Power = new ShutdownPower(tools, runner),
            BootIdentity = new SysctlBootIdentity(tools, runner),
            ProcessRunner = runner,
            Time = time,
            LoggerFactory = loggerFactory,
            PersistenceObserver = KillAtPersistencePoint.FromEnvironment(paths.IsRealRoot),
        };
    }

    /// <summary>Tool overrides from the installed config, when it can be read; commands that need the config load it themselves.</summary>
    public static ImmutableDictionary<string, string> ToolOverrides(HostPaths paths)
    {
        try
        {
            return File.Exists(paths.ConfigPath) ? ConfigLoader.LoadFile(paths.ConfigPath).Tools : ImmutableDictionary<string, string>.Empty;
        }
        catch (ConfigException)
        {
            return ImmutableDictionary<string, string>.Empty;
        }
    }
}
