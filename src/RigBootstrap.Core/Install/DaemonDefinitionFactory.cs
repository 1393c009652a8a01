using RigBootstrap.Core.Host;
using RigBootstrap.Core.Steps;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Install;

/// <summary>
/// Our own LaunchDaemon (docs/design.md §5, §10): RunAtLoad, KeepAlive unless it exits 0, a throttle, a fixed PATH, log
/// paths. Under a host root the plist carries --root and --tools-dir, so a simulated launchd starts the daemon
/// exactly as it was installed.
/// </summary>
public static class DaemonDefinitionFactory
{
    public static LaunchDaemonDefinition Create(HostPaths paths, string label, int throttleIntervalSeconds, string? toolsDirPath)
    {
        return new LaunchDaemonDefinition
        {
            Label = label,
            ProgramArguments = DaemonArguments.For(paths, toolsDirPath),
            RunAtLoad = true,
            KeepAliveUnlessSuccessfulExit = true,
            ThrottleIntervalSeconds = throttleIntervalSeconds,
            ProcessType = "Standard",
            EnvironmentVariables = [new KeyValuePair<string, string>("PATH", CommandEnvironment.DaemonPath)],
            StandardOutPath = paths.LaunchdStdoutPath,
            StandardErrorPath = paths.LaunchdStderrPath,
        };
    }
}
