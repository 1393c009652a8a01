using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Install;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// The fleet agent's service definition (golden file `plists/rig-deploy.plist`): `~/.rig/current/bin/rig-deploy`
/// run as the agent user from `~/.rig/current`, started at load, restarted after a failed exit, with PATH and HOME
/// set (a daemon's environment is minimal). On a Mac a LaunchDaemon logging to `/Library/Logs/rig-deploy/`; on
/// Linux a systemd unit (the journal keeps its output). Under a host root every path in it is the rooted one.
/// </summary>
public static class AgentServiceDefinition
{
    public const int RestartSeconds = 10;

    /// <summary>The agent's launchd log directory, beside ours: /Library/Logs/rig-deploy.</summary>
    public static string LogDirPath(HostPaths paths) =>
        paths.Resolve(Path.Join(Path.GetDirectoryName(HostPaths.LogDirLocation), "rig-deploy"));

    public static ServiceDefinitionFile For(HostPlatform platform, HostPaths paths, FirstDeployConfig config, AgentConfig agent)
    {
        var layout = new AgentLayout(paths, agent.Home);
        return platform == HostPlatform.Linux
            ? new(paths.SystemdUnitPath(config.AgentLabel), SystemdUnitWriter.Write(Unit(paths, layout, config, agent)))
            : new(paths.LaunchDaemonPlistPath(config.AgentLabel), PlistWriter.Write(Plist(paths, layout, config, agent).ToPlist()));
    }

    public static LaunchDaemonDefinition Plist(HostPaths paths, AgentLayout layout, FirstDeployConfig config, AgentConfig agent) => new()
    {
        Label = config.AgentLabel,
        ProgramArguments = [layout.ProgramPath],
        RunAtLoad = true,
        // The definition model has one KeepAlive form; the handoff counts "exited 0" as healthy, so it fits.
        KeepAliveUnlessSuccessfulExit = true,
        ThrottleIntervalSeconds = RestartSeconds,
        ProcessType = "Standard",
        UserName = agent.User,
        WorkingDirectory = layout.CurrentPath,
        EnvironmentVariables =
        [
            new("PATH", CommandEnvironment.DaemonPath),
            new("HOME", paths.Resolve(agent.Home)),
        ],
        StandardOutPath = Path.Join(LogDirPath(paths), "rig-deploy.out.log"),
        StandardErrorPath = Path.Join(LogDirPath(paths), "rig-deploy.err.log"),
    };

    public static SystemdUnit Unit(HostPaths paths, AgentLayout layout, FirstDeployConfig config, AgentConfig agent) => new()
    {
        Description = $"rig-deploy fleet agent ({config.AgentLabel}), installed by rig-bootstrap",
        Wants = ["network-online.target"],
        After = ["network-online.target"],
        Type = "simple",
        ExecStart = [layout.ProgramPath],
        Restart = "on-failure",
        RestartSec = RestartSeconds,
        Environment =
        [
            new("PATH", SystemdUnitFactory.LinuxPath),
            new("HOME", paths.Resolve(agent.Home)),
        ],
        WorkingDirectory = layout.CurrentPath,
        User = agent.User,
        WantedBy = ["multi-user.target"],
    };
}
