using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Install;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// The fleet agent's service definition (golden file `plists/rig-deploy.plist`): `~/.rig/current/bin/rig-deploy`
/// run as the agent user from `~/.rig/current`, with PATH and HOME set (launchd's environment is minimal). On a Mac
/// a LaunchAgent in the agent user's `~/Library/LaunchAgents`, as the fleet plan runs it: in that user's GUI session
/// (gui/&lt;uid&gt;, where autologin has unlocked the login keychain), a pull loop started at load and every
/// `startIntervalSeconds`, logging to `/Library/Logs/rig-deploy/`. On Linux a systemd unit restarted after a failed
/// exit (the journal keeps its output). Under a host root every path in it is the rooted one.
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
            : new(layout.LaunchAgentPlistPath(config.AgentLabel), PlistWriter.Write(Plist(paths, layout, config, agent).ToPlist()));
    }

    public static LaunchDaemonDefinition Plist(HostPaths paths, AgentLayout layout, FirstDeployConfig config, AgentConfig agent) => new()
    {
        Label = config.AgentLabel,
        ProgramArguments = [layout.ProgramPath],
        RunAtLoad = true,
        // A pull loop: each run deploys what changed and exits; launchd starts the next one (launchd.plist(5)).
        StartIntervalSeconds = config.StartIntervalSeconds,
        ProcessType = "Standard",
        // No UserName: launchd.plist(5) honours it only in the system domain; an agent runs as its session's user.
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
