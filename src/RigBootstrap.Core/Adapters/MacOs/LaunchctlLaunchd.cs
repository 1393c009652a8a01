using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// launchd through the real `launchctl` in one domain (docs/design.md §10), the system domain unless told otherwise (the
/// agent's LaunchAgent lives in gui/&lt;uid&gt;, see <see cref="GuiSessionLaunchd"/>): print (113 = not loaded),
/// enable before bootstrap, bootstrap retried on the transient `5: Input/output error`, bootout where "No such
/// process" counts as done.
/// </summary>
public sealed class LaunchctlLaunchd : IServiceManager
{
    private static readonly TimeSpan BootstrapDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly ToolTable _tools;
    private readonly IProcessRunner _runner;
    private readonly TimeProvider _time;
    private readonly string _domain;

    /// <param name="domain">launchctl's domain target: `system`, or `gui/&lt;uid&gt;` for a user's GUI session.</param>
    public LaunchctlLaunchd(ToolTable tools, IProcessRunner runner, TimeProvider time, string domain = "system")
    {
        _tools = tools;
        _runner = runner;
        _time = time;
        _domain = domain;
    }

    public async Task<ServiceStatus?> GetStatusAsync(string label, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["print", $"{_domain}/{label}"], cancellationToken);
        if (result.ExitCode == 0)
        {
            var info = LaunchctlPrintParser.Parse(result.StdoutTail);
            return new ServiceStatus(label, info.State, info.Pid, info.LastExitCode, info.Runs);
        }

        return LaunchctlErrorClassifier.Classify(result.ExitCode, result.StderrTail) == LaunchctlErrorKind.NotLoaded
            ? null
            : throw Failure(label, "print", result);
    }

    public async Task EnableAsync(string label, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["enable", $"{_domain}/{label}"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw Failure(label, "enable", result);
        }
    }

    public async Task LoadAsync(string label, string plistPath, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + BootstrapDeadline;
        while (true)
        {
            var result = await RunAsync(["bootstrap", _domain, plistPath], cancellationToken);
            if (result.ExitCode == 0)
            {
                return;
            }

            // After a bootout, launchd answers 5 for a few seconds while the old job drains (headroom #1289).
            var kind = LaunchctlErrorClassifier.Classify(result.ExitCode, result.StderrTail);
            if (kind != LaunchctlErrorKind.TransientIo || _time.GetUtcNow() >= deadline)
            {
                throw Failure(label, "bootstrap", result);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken);
        }
    }

    public async Task UnloadAsync(string label, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["bootout", $"{_domain}/{label}"], cancellationToken);
        var kind = LaunchctlErrorClassifier.Classify(result.ExitCode, result.StderrTail);
        if (result.ExitCode != 0 && kind is not (LaunchctlErrorKind.NotLoaded or LaunchctlErrorKind.AlreadyStopped))
        {
            throw Failure(label, "bootout", result);
        }
    }

    /// <summary>launchd needs nothing before its plist goes: bootout works from the label alone.</summary>
    public Task PrepareRemovalAsync(string label, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task RestartAsync(string label, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["kickstart", $"{_domain}/{label}"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw Failure(label, "kickstart", result);
        }
    }

    private Task<ProcessResult> RunAsync(string[] arguments, CancellationToken cancellationToken) =>
        _runner.RunAsync(new CommandSpec
        {
            FileName = _tools.PathOf(Host.ToolNames.Launchctl),
            Arguments = [.. arguments],
            AllowedExitCodes = [],
            Timeout = CallTimeout,
        }, cancellationToken);

    private ServiceManagerException Failure(string label, string verb, ProcessResult result)
    {
        var kind = LaunchctlErrorClassifier.Classify(result.ExitCode, result.StderrTail);
        return new ServiceManagerException(
            $"launchctl {verb} {_domain}/{label} exited {result.ExitCode}: {result.StderrTail.Trim()} — {LaunchctlErrorClassifier.Describe(kind, label, _domain)}",
            kind == LaunchctlErrorKind.NoGuiSession ? ServiceManagerException.NoGuiSessionExitCode : result.ExitCode);
    }
}
