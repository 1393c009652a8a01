namespace RigBootstrap.Processes;

/// <summary>Runs external commands as real child processes (macOS and Linux).</summary>
/// <remarks>
/// Start failures (<see cref="ProcessStartException"/>), invalid arguments and a token canceled
/// before the start are thrown synchronously from <see cref="RunAsync"/>, before anything is awaited.
/// </remarks>
public sealed class ProcessRunner : IProcessRunner
{
    private readonly TimeProvider _timeProvider;
    private readonly ProcessTreeTerminator _terminator;

    public ProcessRunner(TimeProvider timeProvider)
        : this(timeProvider, OperatingSystem.IsLinux() ? new ProcfsProcessTableReader() : new PsProcessTableReader(timeProvider))
    {
    }

    internal ProcessRunner(TimeProvider timeProvider, IProcessTableReader tableReader)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _terminator = new ProcessTreeTerminator(tableReader, timeProvider);
    }

    public Task<ProcessResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        cancellationToken.ThrowIfCancellationRequested();
        var run = ProcessRun.Start(spec, _timeProvider);
        return run.CompleteAsync(_terminator, cancellationToken);
    }
}
