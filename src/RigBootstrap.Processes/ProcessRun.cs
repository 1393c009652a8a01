using System.ComponentModel;
using System.Diagnostics;
using CliWrap;

namespace RigBootstrap.Processes;

/// <summary>One started child process, from its start to its result.</summary>
/// <remarks>
/// CliWrap starts the child, feeds stdin, pumps both output pipes into our captures and reports the
/// exit code. What it lacks stays here (docs/adr/0005-cliwrap.md): start and exit stamped on the
/// injected clock, the timeout as a result, SIGTERM then the tree kill, and a bounded drain.
/// </remarks>
internal sealed class ProcessRun
{
    // After the reads are told to stop they end at once; this only bounds a stream that ignores it.
    private static readonly TimeSpan StreamStopTimeout = TimeSpan.FromSeconds(1);

    private readonly CommandSpec _spec;
    private readonly TimeProvider _timeProvider;
    private readonly ProcessLaunch _launch;
    private readonly LineDispatcher _dispatcher;
    private readonly OutputCapture _stdout;
    private readonly OutputCapture _stderr;
    private readonly CancellationTokenSource _stopStreams;

    private ProcessRun(
        CommandSpec spec, TimeProvider timeProvider, ProcessLaunch launch, LineDispatcher dispatcher, OutputCapture stdout, OutputCapture stderr,
        CancellationTokenSource stopStreams)
    {
        _spec = spec;
        _timeProvider = timeProvider;
        _launch = launch;
        _dispatcher = dispatcher;
        _stdout = stdout;
        _stderr = stderr;
        _stopStreams = stopStreams;
    }

    /// <summary>Starts the process or throws <see cref="ProcessStartException"/>; never leaves a child behind.</summary>
    public static ProcessRun Start(CommandSpec spec, TimeProvider timeProvider)
    {
        // Checked up front for a clear message; the OS error below still covers races and other causes.
        if (!File.Exists(spec.FileName))
        {
            throw StartFailure(spec, "no such file; check the path of the tool", nativeErrorCode: null, inner: null);
        }

        if (spec.WorkingDirPath is not null && !Directory.Exists(spec.WorkingDirPath))
        {
            throw StartFailure(spec, "the working directory does not exist; create it first", nativeErrorCode: null, inner: null);
        }

        var dispatcher = new LineDispatcher(spec.OutputSink);
        var stdout = new OutputCapture(OutputStreamKind.Stdout, dispatcher, spec.Secrets, spec.OutputTailBytes);
        var stderr = new OutputCapture(OutputStreamKind.Stderr, dispatcher, spec.Secrets, spec.OutputTailBytes);
        var stopStreams = new CancellationTokenSource();

        // CliWrap drains both pipes at the same time from the start (no deadlock on a full stderr
        // pipe). Its token for them is ignored: only our own stop, after exit, ends a read early. Each
        // drain runs on the thread pool, so no sink call happens on the caller's thread inside the start.
        var stopToken = stopStreams.Token;
        var command = CliCommandFactory.Create(
            spec,
            PipeTarget.Create((stream, _) => Task.Run(() => stdout.DrainAsync(stream, stopToken))),
            PipeTarget.Create((stream, _) => Task.Run(() => stderr.DrainAsync(stream, stopToken))));
        try
        {
            var launch = ProcessLaunch.Execute(command, timeProvider);
            return new ProcessRun(spec, timeProvider, launch, dispatcher, stdout, stderr, stopStreams);
        }
        catch (Win32Exception ex)
        {
            stopStreams.Dispose();
            // CliWrap wraps the OS error in a message of its own (unmasked path included); the inner
            // one carries the errno and .NET's reason.
            var osError = ex.InnerException as Win32Exception ?? ex;
            throw StartFailure(spec, $"{osError.Message} (errno {osError.NativeErrorCode})", osError.NativeErrorCode, osError);
        }
    }

    public async Task<ProcessResult> CompleteAsync(ProcessTreeTerminator terminator, CancellationToken cancellationToken)
    {
        using (_stopStreams)
        {
            try
            {
                return await FinishAsync(terminator, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Whatever happened, no read outlives the run.
                await _stopStreams.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<ProcessResult> FinishAsync(ProcessTreeTerminator terminator, CancellationToken cancellationToken)
    {
        var outcome = await WaitForExitAsync(terminator, cancellationToken).ConfigureAwait(false);

        // CliWrap's execution ends only at end of output, which a background grandchild may hold off
        // for ever (CliWrap #241): wait for it only so long, then stop reading and say so in the result.
        var outputComplete = await BoundedWait.CompletesWithinAsync(_launch.Execution, _spec.OutputDrainTimeout, _timeProvider)
            .ConfigureAwait(false);
        await _stopStreams.CancelAsync().ConfigureAwait(false);
        if (!await BoundedWait.CompletesWithinAsync(_launch.Execution, StreamStopTimeout, _timeProvider).ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"The output pipes of process {_launch.Pid} kept reading {StreamStopTimeout.TotalSeconds:0} s after they were told to stop: "
                    + $"{_spec.ToDisplayString()}. This is a bug in the process runner; report it with this message.");
        }

        var exit = await _launch.Execution.ConfigureAwait(false);
        var result = BuildResult(exit.ExitCode, outcome, outputIncomplete: !outputComplete);
        _dispatcher.ThrowIfFaulted();
        var allowed = _spec.AllowedExitCodes;
        if (!outcome.Stopped && !allowed.IsEmpty && !allowed.Contains(result.ExitCode))
        {
            throw new ProcessFailedException(_spec.ToMasked(), result, allowed);
        }

        return result;
    }

    private async Task<ExitOutcome> WaitForExitAsync(ProcessTreeTerminator terminator, CancellationToken cancellationToken)
    {
        var exited = _launch.Exited;
        using var timeout = _spec.Timeout is { } limit ? new CancellationTokenSource(limit, _timeProvider) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return new ExitOutcome(await exited.WaitAsync(stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stop requested: handled below, outside the catch, because it awaits.
        }

        if (exited.IsCompleted)
        {
            // The exit won the race against the stop: it ended on its own.
            return new ExitOutcome(await exited.ConfigureAwait(false));
        }

        // Not CliWrap's cancellation: its graceful one sends SIGINT with no escalation, its forceful
        // one throws instead of returning a result, and neither reaches orphaned descendants.
        var canceled = cancellationToken.IsCancellationRequested;
        var graceful = await terminator.TerminateAsync(_launch.Process, _launch.Pid, exited, _spec.GracePeriod, _spec.ToDisplayString())
            .ConfigureAwait(false);
        return new ExitOutcome(await exited.ConfigureAwait(false))
        {
            Canceled = canceled,
            TimedOut = !canceled,
            TerminatedGracefully = graceful,
        };
    }

    private ProcessResult BuildResult(int exitCode, ExitOutcome outcome, bool outputIncomplete)
    {
        var started = _launch.Started;
        // A child that exits instantly can be reported before we stamped the start.
        var exitTime = outcome.Exit.Time < started.Time ? started.Time : outcome.Exit.Time;
        var duration = _timeProvider.GetElapsedTime(started.Timestamp, outcome.Exit.Timestamp);
        return new ProcessResult
        {
            ExitCode = exitCode,
            Pid = _launch.Pid,
            StartTime = started.Time,
            ExitTime = exitTime,
            Duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration,
            StdoutTail = _stdout.TailText,
            StderrTail = _stderr.TailText,
            StdoutTruncated = _stdout.Truncated,
            StderrTruncated = _stderr.Truncated,
            OutputIncomplete = outputIncomplete,
            TimedOut = outcome.TimedOut,
            Canceled = outcome.Canceled,
            TerminatedGracefully = outcome.TerminatedGracefully,
        };
    }

    private static ProcessStartException StartFailure(CommandSpec spec, string reason, int? nativeErrorCode, Exception? inner) =>
        new(spec.Mask(reason), spec.Mask(spec.FileName), spec.WorkingDirPath is null ? null : spec.Mask(spec.WorkingDirPath), nativeErrorCode, inner);
}
