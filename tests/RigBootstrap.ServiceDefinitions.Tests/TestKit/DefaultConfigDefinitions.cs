namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

/// <summary>The service definitions the product writes for the default config: the inputs of the golden files.</summary>
public static class DefaultConfigDefinitions
{
    public const string InstalledProgramPath = "/usr/local/libexec/rig-bootstrap/rig-bootstrap";

    public static LaunchDaemonDefinition LaunchDaemon() => new()
    {
        Label = "com.rig.bootstrap",
        ProgramArguments = [InstalledProgramPath, "run"],
        RunAtLoad = true,
        KeepAliveUnlessSuccessfulExit = true,
        ThrottleIntervalSeconds = 10,
        ProcessType = "Standard",
        EnvironmentVariables = [new("PATH", "/usr/bin:/bin:/usr/sbin:/sbin:/usr/local/bin:/opt/homebrew/bin")],
        StandardOutPath = "/Library/Logs/rig-bootstrap/launchd.out.log",
        StandardErrorPath = "/Library/Logs/rig-bootstrap/launchd.err.log",
    };

    public static SystemdUnit Unit() => new()
    {
        Description = "rig-bootstrap: brings this host to the fleet agent across reboots",
        Wants = ["network-online.target"],
        After = ["network-online.target"],
        StartLimitIntervalSec = 600,
        StartLimitBurst = 5,
        Type = "simple",
        ExecStart = [InstalledProgramPath, "run"],
        Restart = "on-failure",
        RestartSec = 10,
        SuccessExitStatus = [143],
        Environment = [new("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
        WantedBy = ["multi-user.target"],
    };
}
