using System.Collections.Immutable;
using System.Diagnostics;

namespace RigBootstrap.Processes;

/// <summary>Stops a running child: SIGTERM, a grace period, then SIGKILL for the child and all its descendants.</summary>
/// <remarks>
/// The orphan gap: descendants are found by parent PID, once before SIGTERM and again at kill time
/// (by <see cref="Process.Kill(bool)"/>). A process whose parent had already exited before the first
/// snapshot was re-parented to init (or a subreaper) and is invisible to both, so a daemon that
/// double-forked away escapes. Closing that gap needs a process group or session per run, which
/// .NET cannot set up, or a cgroup/launchd job, which is the service manager's business.
/// </remarks>
internal sealed class ProcessTreeTerminator
{
    // As CliWrap: a SIGKILLed process that is still there after this is stuck in the kernel.
    private static readonly TimeSpan KillConfirmTimeout = TimeSpan.FromSeconds(3);

    private readonly IProcessTableReader _tableReader;
    private readonly TimeProvider _timeProvider;

    public ProcessTreeTerminator(IProcessTableReader tableReader, TimeProvider timeProvider)
    {
        _tableReader = tableReader;
        _timeProvider = timeProvider;
    }

    /// <summary>Returns once the child has exited; true when SIGTERM alone was enough for the child.</summary>
    public async Task<bool> TerminateAsync(Process process, int pid, Task exited, TimeSpan gracePeriod, string commandLine)
    {
        // Snapshot first: once the child dies, its children are re-parented and no longer findable.
        var descendants = (await _tableReader.ReadAsync(CancellationToken.None).ConfigureAwait(false)).DescendantsOf(pid);

        // Checking the exit task right before signalling keeps us from hitting a reused PID.
        if (!exited.IsCompleted)
        {
            PosixSignals.TrySend(pid, PosixSignals.SigTerm);
        }

        var graceful = await BoundedWait.CompletesWithinAsync(exited, gracePeriod, _timeProvider).ConfigureAwait(false);
        Exception? killFailure = graceful ? null : KillTree(process);

        // Whether or not the child went quietly, whatever it started must not outlive the stop.
        await KillSurvivorsAsync(descendants).ConfigureAwait(false);

        if (!await BoundedWait.CompletesWithinAsync(exited, KillConfirmTimeout, _timeProvider).ConfigureAwait(false))
        {
            throw new ProcessTerminationException(pid, commandLine, KillConfirmTimeout, killFailure);
        }

        return graceful;
    }

    private static Exception? KillTree(Process process)
    {
        try
        {
            // The same call CliWrap's forceful cancellation makes, without its exception instead of a result.
            process.Kill(entireProcessTree: true);
            return null;
        }
        catch (AggregateException ex)
        {
            // Some descendant could not be killed (often: it was already gone). The bounded wait
            // for the child decides whether this matters; the cause is kept for the error.
            return ex;
        }
        catch (InvalidOperationException ex)
        {
            // The child exited between the grace period and the kill, and CliWrap may already have
            // disposed its handle (so HasExited would throw too): the bounded wait decides.
            return ex;
        }
    }

    private async Task KillSurvivorsAsync(ImmutableArray<ProcessEntry> descendants)
    {
        if (descendants.IsEmpty)
        {
            return;
        }

        var now = await _tableReader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var descendant in descendants.Where(now.StillRuns))
        {
            PosixSignals.TrySend(descendant.Pid, PosixSignals.SigKill);
        }
    }
}
