using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.Linux;

/// <summary>
/// systemd through `systemctl`: load = daemon-reload + enable --now; removal = disable while the unit file
/// exists, then (after the file is gone) daemon-reload and stop, so stopping ourselves is the last act.
/// </summary>
public sealed class SystemdServiceManager(ToolTable tools, IProcessRunner runner) : IServiceManager
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(90);

    public async Task<ServiceStatus?> GetStatusAsync(string label, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["show", "-p", "LoadState,ActiveState,SubState,MainPID,ExecMainStatus,NRestarts", Unit(label)], cancellationToken);
        return result.ExitCode == 0
            ? SystemctlShowParser.Parse(label, result.StdoutTail)
            : throw Failure(label, "show", result);
    }

    public Task EnableAsync(string label, CancellationToken cancellationToken) => RequireAsync(label, ["enable", Unit(label)], cancellationToken);

    public async Task LoadAsync(string label, string definitionPath, CancellationToken cancellationToken)
    {
        await RequireAsync(label, ["daemon-reload"], cancellationToken);
        await RequireAsync(label, ["enable", "--now", Unit(label)], cancellationToken);
    }

    public async Task UnloadAsync(string label, CancellationToken cancellationToken)
    {
        await RequireAsync(label, ["daemon-reload"], cancellationToken);
        // Stopping our own unit ends this process: it is the very last call the handoff makes (docs/invariants.md I8).
        var result = await RunAsync(["stop", Unit(label)], cancellationToken);
        if (result.ExitCode is not (0 or 5))
        {
            throw Failure(label, "stop", result);
        }
    }

    public async Task PrepareRemovalAsync(string label, CancellationToken cancellationToken)
    {
        // disable needs the unit file to find its [Install] links; exit 1 with "does not exist" means already gone.
        var result = await RunAsync(["disable", Unit(label)], cancellationToken);
        if (result.ExitCode != 0 && !result.StderrTail.Contains("does not exist", StringComparison.Ordinal))
        {
            throw Failure(label, "disable", result);
        }
    }

    public Task RestartAsync(string label, CancellationToken cancellationToken) => RequireAsync(label, ["restart", Unit(label)], cancellationToken);

    private static string Unit(string label) => label + ".service";

    private async Task RequireAsync(string label, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await RunAsync(arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw Failure(label, arguments[0], result);
        }
    }

    private Task<ProcessResult> RunAsync(string[] arguments, CancellationToken cancellationToken) =>
        runner.RunAsync(new CommandSpec
        {
            FileName = tools.PathOf(ToolNames.Systemctl),
            Arguments = [.. arguments],
            AllowedExitCodes = [],
            Timeout = CallTimeout,
            // systemctl pages and colours for a terminal; a daemon wants plain, complete output.
            Environment = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add("SYSTEMD_PAGER", "").Add("SYSTEMD_COLORS", "0"),
        }, cancellationToken);

    private static ServiceManagerException Failure(string label, string verb, ProcessResult result) =>
        new($"systemctl {verb} {label}.service exited {result.ExitCode}: {result.StderrTail.Trim()} — check `systemctl status {label}.service` and `journalctl -u {label}.service`",
            result.ExitCode);
}
