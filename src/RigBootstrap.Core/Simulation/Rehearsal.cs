using RigBootstrap.Core.Install;
using RigBootstrap.Core.Run;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Simulation;

/// <summary>
/// Runs a config on a simulated Mac from `install` to the end, the way launchd would: a run at every boot that loads
/// our daemon, a power cycle whenever a reboot is requested, and an operator beside it. Used by `demo` and `rehearse`.
/// </summary>
public sealed class Rehearsal
{
    public const int MaxBoots = 10;

    private readonly SimulatedHost _host;
    private readonly TextWriter _output;
    private readonly string _version;

    public Rehearsal(SimulatedHost host, TextWriter output, string version)
    {
        _host = host;
        _output = output;
        _version = version;
    }

    public async Task<StateFile> RunAsync(string configPath, string binaryPath, SimulatedOperator? @operator, CancellationToken cancellationToken)
    {
        var paths = _host.Services.Paths;
        var install = await new Installer(_host.Services).InstallAsync(configPath, binaryPath, _version, cancellationToken);
        _output.WriteLine($"install: {install.Message}");
        var label = new StateFileStore(paths).Load().State!.Label;
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = @operator?.WatchAsync(watching.Token) ?? Task.CompletedTask;
        try
        {
            for (var boot = 1; boot <= MaxBoots; boot++)
            {
                _output.WriteLine($"--- boot {_host.Mac.BootNumber} ({_host.Mac.ReadBootId()}): launchd starts {label} ---");
                var outcome = await RunOneBootAsync(@operator, cancellationToken);
                _output.WriteLine($"run ended: {outcome?.ToString() ?? "stopped"}");
                if (outcome is not (RunOutcome.RebootRequested or RunOutcome.AwaitingManualReboot))
                {
                    break;
                }

                var loaded = await _host.PowerCycle.RebootAsync(cancellationToken);
                _output.WriteLine($"*** reboot: the simulated Mac restarted; launchd loaded {string.Join(", ", loaded)} ***");
                if (!loaded.Contains(label))
                {
                    break;
                }
            }
        }
        finally
        {
            await watching.CancelAsync();
            await watch;
        }

        var final = new StateFileStore(paths).Load().State!;
        _output.WriteLine();
        _output.Write(StatusRenderer.Render(final, _host.Services.Time.GetUtcNow()));
        return final;
    }

    /// <summary>One boot's run; null when it had to stop because only a real person could let the host go on.</summary>
    private async Task<RunOutcome?> RunOneBootAsync(SimulatedOperator? @operator, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = new DaemonRun(_host.Services, _version).RunAsync(stop.Token);
        var blocked = @operator?.Blocked ?? new TaskCompletionSource<string>().Task;
        // The MDM's restart comes once; a boot after it has nothing to wait for from there.
        var restart = @operator?.MdmRestart is { IsCompleted: false } pending ? pending : new TaskCompletionSource().Task;
        var first = await Task.WhenAny(run, blocked, restart);
        if (first == run)
        {
            return await run;
        }

        if (first == restart)
        {
            // The restart stops the run wherever it is, as the real one does.
            await stop.CancelAsync();
            await StoppedAsync(run);
            return RunOutcome.RebootRequested;
        }

        _output.WriteLine($">>> the rehearsal stops here: {await blocked}");
        await stop.CancelAsync();
        await StoppedAsync(run);
        return null;
    }

    private static async Task StoppedAsync(Task<RunOutcome> run)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // The run was sleeping until its next check; stopping it there is what a person (or a restart) would do too.
        }
    }
}
