using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Run;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Cli.Hosting;

/// <summary>
/// The engine as the Generic Host's one hosted service: it drives <see cref="DaemonRun"/> once and stops the host when
/// the run ends. When the host stops first (SIGTERM from launchd or systemd, SIGINT), the stopping token cancels the
/// step in progress: the process runner terminates the step's process tree, the step stays Running in the state file
/// (it was persisted before the work), and the next run probes it before doing anything again.
/// </summary>
public sealed class DaemonRunService : BackgroundService
{
    private readonly Func<CancellationToken, Task<int>> _run;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<int> _exitCode = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="run">One whole run; returns the exit code. Throws what the verb's catch ladder turns into one.</param>
    public DaemonRunService(Func<CancellationToken, Task<int>> run, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory)
    {
        _run = run;
        _lifetime = lifetime;
        _logger = loggerFactory.CreateLogger("rig-bootstrap");
    }

    /// <summary>The run's exit code (<see cref="ExitCodes.Stopped"/> when the host was stopped first), or the exception it ended with.</summary>
    public Task<int> ExitCode => _exitCode.Task;

    /// <summary>The run of `run`: events, the workflow, the last events out, and the wait for a requested reboot.</summary>
    public static async Task<int> RunWorkflowAsync(HostServices services, BootstrapConfig? config, CancellationToken cancellationToken)
    {
        var (events, wired) = await EventWiring.StartAsync(services, config, cancellationToken);
        await using var eventsLifetime = events;
        var outcome = await new DaemonRun(wired, AppVersion.Current, config, preflightDone: config is not null).RunAsync(cancellationToken);
        if (events is not null && outcome is not (RunOutcome.RebootRequested or RunOutcome.Completed))
        {
            // Halted or waiting for a person: let the last events leave before the process exits. (After Completed
            // the cleanup has waited for delivery already, up to events.deliverFor.)
            await events.DrainAsync(cancellationToken);
        }

        if (outcome == RunOutcome.RebootRequested)
        {
            // The reboot takes this process down. If it has not after the grace period, exit non-zero so launchd
            // runs us again: that run sees the intent in the same boot and asks again, a bounded number of times.
            var grace = config?.Reboot.ShutdownGrace ?? new RebootConfig().ShutdownGrace;
            await Task.Delay(grace, services.Time, cancellationToken);
            Console.Error.WriteLine($"rig-bootstrap: the requested reboot did not happen within {grace} (reboot.shutdownGrace); exiting so launchd starts the run again");
            return ExitCodes.TemporaryFailure;
        }

        return ExitCodes.Ok;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _exitCode.TrySetResult(await _run(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _logger.LogWarning("Stopped (SIGTERM or SIGINT) before the run ended; the step in progress was stopped and the next run probes it again");
            _exitCode.TrySetResult(ExitCodes.Stopped);
        }
        catch (Exception ex)
        {
            // Not logged here: the verb's catch ladder prints it with its exit code, as for every other verb.
            _exitCode.TrySetException(ex);
        }
        finally
        {
            _lifetime.StopApplication();
        }
    }
}
