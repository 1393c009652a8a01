using RigBootstrap.Core.Host;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Install;

/// <summary>
/// Our own systemd unit (golden file `plists/rig-bootstrap.service`): restarted on failure with a rate limit, after
/// the network is up, started at boot. Like the plist, under a host root it carries --root and --tools-dir.
/// </summary>
public static class SystemdUnitFactory
{
    public const string LinuxPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static SystemdUnit Create(HostPaths paths, int restartSeconds, string? toolsDirPath) => new()
    {
        Description = "rig-bootstrap: brings this host to the fleet agent across reboots",
        Wants = ["network-online.target"],
        After = ["network-online.target"],
        // Mirrors launchd's crash budget: a unit that keeps failing is left stopped instead of looping.
        StartLimitIntervalSec = 600,
        StartLimitBurst = 5,
        Type = "simple",
        ExecStart = DaemonArguments.For(paths, toolsDirPath),
        Restart = "on-failure",
        RestartSec = restartSeconds,
        // `run` exits 143 when SIGTERM stops it (docs/adr/0006-generic-host.md): `systemctl stop` leaves the unit
        // inactive, not failed. Restart=on-failure does not restart a clean stop, as for a process SIGTERM killed.
        SuccessExitStatus = [143],
        Environment = [new KeyValuePair<string, string>("PATH", LinuxPath)],
        WantedBy = ["multi-user.target"],
    };
}
