using System.Diagnostics;
using CliWrap;

namespace RigBootstrap.Processes;

/// <summary>A child that CliWrap has started: its handle and PID, our clock stamps, CliWrap's execution.</summary>
/// <param name="Process">CliWrap's handle, used only to kill the tree; CliWrap disposes it after the execution.</param>
/// <param name="Execution">Completes once the child has exited and both output pipes have returned.</param>
internal sealed record ProcessLaunch(Process Process, int Pid, ClockReading Started, Task<ClockReading> Exited, Task<CommandResult> Execution)
{
    /// <summary>Starts the command; a start failure is thrown here, synchronously.</summary>
    public static ProcessLaunch Execute(Command command, TimeProvider timeProvider)
    {
        Process? process = null;
        var started = default(ClockReading);
        var exited = new TaskCompletionSource<ClockReading>(TaskCreationOptions.RunContinuationsAsynchronously);

        // CliWrap stamps start and exit with DateTimeOffset.Now, not the injected clock, so both are
        // stamped here, the exit in the Exited callback itself rather than whenever someone next looks
        // (CliWrap #93). The overload that hands over the started Process is CliWrap's escape hatch.
        var execution = command.ExecuteAsync(
            null,
            child =>
            {
                process = child;
                started = ClockReading.Take(timeProvider);
                // CliWrap enabled the event before the start; a child that exited before we
                // subscribed is caught by the check after it.
                child.Exited += (_, _) => exited.TrySetResult(ClockReading.Take(timeProvider));
                if (child.HasExited)
                {
                    exited.TrySetResult(ClockReading.Take(timeProvider));
                }
            },
            CancellationToken.None,
            CancellationToken.None);

        return new ProcessLaunch(
            process ?? throw new InvalidOperationException("CliWrap started the command without handing over its process."),
            execution.ProcessId,
            started,
            exited.Task,
            execution.Task);
    }
}
