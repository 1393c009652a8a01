using RigBootstrap.Core.Downloads;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// One download running beside the engine (docs/adr/0003-xip-download.md): the task, and the latest progress it
/// reported, read by the step each time it checks. It never touches the state file.
/// </summary>
public sealed class XipDownloadJob
{
    private readonly Task<DownloadOutcome> _task;
    private DownloadProgress? _latest;

    private XipDownloadJob(Func<Action<DownloadProgress>, Task<DownloadOutcome>> start) =>
        _task = Task.Run(() => start(p => Volatile.Write(ref _latest, p)));

    /// <summary>How many times the step has looked at this job: the first look comes soon, the rest at a coarse pace.</summary>
    public int Checks { get; private set; }

    public bool IsFinished => _task.IsCompleted;

    public static XipDownloadJob Start(Func<Action<DownloadProgress>, Task<DownloadOutcome>> start) => new(start);

    public StepProgress? Progress()
    {
        Checks++;
        return Volatile.Read(ref _latest) is { } latest
            ? new StepProgress { BytesDone = latest.BytesDone, BytesTotal = latest.BytesTotal, BytesPerSecond = latest.BytesPerSecond, UpdatedAt = latest.At }
            : null;
    }

    /// <summary>The outcome of a finished job; rethrows what stopped it.</summary>
    public Task<DownloadOutcome> OutcomeAsync() => _task;
}
