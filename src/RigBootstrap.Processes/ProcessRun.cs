using System.ComponentModel;
using System.Diagnostics;

namespace RigBootstrap.Processes;

/// <summary>One started child process, from its start to its result.</summary>
internal sealed class ProcessRun
{
    // After the reads are told to stop they end at once; this only bounds a stream that ignores it.
    private static readonly TimeSpan StreamStopTimeout = TimeSpan.FromSeconds(1);

    private readonly CommandSpec _spec;
    private readonly TimeProvider _timeProvider;
    private readonly Process _process;
    private readonly Task<ClockReading> _exited;
    private readonly ClockReading _started;
    private readonly int _pid;
    private readonly LineDispatcher _dispatcher;
    private readonly OutputCapture _stdout;
    private readonly OutputCapture _stderr;
    private readonly CancellationTokenSource _stopStreams = new();
    private readonly Task _outputDrained;
    private readonly Task _stdinFed;

    private ProcessRun(CommandSpec spec, TimeProvider timeProvider, Process process, Task<ClockReading> exited)
    {
        _spec = spec;
        _timeProvider = timeProvider;
        _process = process;
        _exited = exited;
        _started = ClockReading.Take(timeProvider);
        _pid = process.Id;
        _dispatcher = new LineDispatcher(spec.OutputSink);
        _stdout = new OutputCapture(OutputStreamKind.Stdout, _dispatcher, spec.Secrets, spec.OutputTailBytes);
        _stderr = new OutputCapture(OutputStreamKind.Stderr, _dispatcher, spec.Secrets, spec.OutputTailBytes);

        // Both streams are drained from the start and at the same time: a child blocked on a full
        // stderr pipe while we wait on stdout is the classic deadlock.
        var stopToken = _stopStreams.Token;
        _outputDrained = Task.WhenAll(
            Task.Run(() => _stdout.DrainAsync(process.StandardOutput.BaseStream, stopToken)),
            Task.Run(() => _stderr.DrainAsync(process.StandardError.BaseStream, stopToken)));
        if (spec.StandardInput.IsNone)
        {
            StandardInputFeeder.Close(process.StandardInput);
            _stdinFed = Task.CompletedTask;
        }
        else
        {
            _stdinFed = Task.Run(() => StandardInputFeeder.FeedAsync(process.StandardInput, spec.StandardInput, stopToken));
        }
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

        var exited = new TaskCompletionSource<ClockReading>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = ProcessStartInfoFactory.Create(spec), EnableRaisingEvents = true };
        // The exit is stamped in the callback itself, not whenever someone next looks (CliWrap #93).
        process.Exited += (_, _) => exited.TrySetResult(ClockReading.Take(timeProvider));
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw StartFailure(spec, $"{ex.Message} (errno {ex.NativeErrorCode})", ex.NativeErrorCode, ex);
        }

        return new ProcessRun(spec, timeProvider, process, exited.Task);
    }

    public async Task<ProcessResult> CompleteAsync(ProcessTreeTerminator terminator, CancellationToken cancellationToken)
    {
        using (_process)
        using (_stopStreams)
        {
            var outcome = await WaitForExitAsync(terminator, cancellationToken).ConfigureAwait(false);

            // A background grandchild may hold the pipes open for ever (CliWrap #241): wait for end
            // of output only so long, then stop reading and say so in the result.
            var outputComplete = await BoundedWait.CompletesWithinAsync(_outputDrained, _spec.OutputDrainTimeout, _timeProvider)
                .ConfigureAwait(false);
            await _stopStreams.CancelAsync().ConfigureAwait(false);
            await BoundedWait.CompletesWithinAsync(Task.WhenAll(_outputDrained, _stdinFed), StreamStopTimeout, _timeProvider)
                .ConfigureAwait(false);

            var result = BuildResult(outcome, outputIncomplete: !outputComplete);
            _dispatcher.ThrowIfFaulted();
            var allowed = _spec.AllowedExitCodes;
            if (!outcome.Stopped && !allowed.IsEmpty && !allowed.Contains(result.ExitCode))
            {
                throw new ProcessFailedException(_spec.ToMasked(), result, allowed);
            }

            return result;
        }
    }

    private async Task<ExitOutcome> WaitForExitAsync(ProcessTreeTerminator terminator, CancellationToken cancellationToken)
    {
        using var timeout = _spec.Timeout is { } limit ? new CancellationTokenSource(limit, _timeProvider) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return new ExitOutcome(await _exited.WaitAsync(stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stop requested: handled below, outside the catch, because it awaits.
        }

        if (_exited.IsCompleted)
        {
            // The exit won the race against the stop: it ended on its own.
            return new ExitOutcome(await _exited.ConfigureAwait(false));
        }

        var canceled = cancellationToken.IsCancellationRequested;
        var graceful = await terminator.TerminateAsync(_process, _exited, _spec.GracePeriod, _spec.ToDisplayString())
            .ConfigureAwait(false);
        return new ExitOutcome(await _exited.ConfigureAwait(false))
        {
            Canceled = canceled,
            TimedOut = !canceled,
            TerminatedGracefully = graceful,
        };
    }

    private ProcessResult BuildResult(ExitOutcome outcome, bool outputIncomplete)
    {
        // A child that exits instantly can be reported before Start() returned and we stamped the start.
        var exitTime = outcome.Exit.Time < _started.Time ? _started.Time : outcome.Exit.Time;
        var duration = _timeProvider.GetElapsedTime(_started.Timestamp, outcome.Exit.Timestamp);
        return new ProcessResult
        {
            ExitCode = _process.ExitCode,
            Pid = _pid,
            StartTime = _started.Time,
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
