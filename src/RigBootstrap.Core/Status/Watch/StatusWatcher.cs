using RigBootstrap.Core.Host;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status.Watch;

/// <summary>
/// `status --watch`: reads the state at every file event on the state directory and at least every poll interval,
/// shows a frame each time what the format shows changed, and returns the state once the workflow is Completed or
/// Halted. A missing state file is waited for (said once); the daemon removing itself at Completed does not matter,
/// since the state file stays (docs/state-file.md).
/// </summary>
public sealed class StatusWatcher
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    private readonly HostPaths _paths;
    private readonly StateFileStore _store;
    private readonly IWatchFormat _format;
    private readonly IStateChangeSignal _signal;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;

    public StatusWatcher(HostPaths paths, IWatchFormat format, IStateChangeSignal signal, TimeProvider time, TimeSpan pollInterval)
    {
        if (pollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), pollInterval, "The poll interval must be positive.");
        }

        _paths = paths;
        _store = new StateFileStore(paths);
        _format = format;
        _signal = signal;
        _time = time;
        _pollInterval = pollInterval;
    }

    /// <summary>Watches until the workflow is final; <paramref name="show"/> gets each changed frame, in order.</summary>
    public async Task<StateFile> WatchAsync(Action<WatchFrame> show, CancellationToken cancellationToken)
    {
        string? shownKey = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = _store.Load().State;
            var now = _time.GetUtcNow();
            var frame = state is null ? _format.Absent(_paths.StatePath, now) : _format.Frame(state, now);
            if (frame.Key != shownKey)
            {
                show(frame);
                shownKey = frame.Key;
            }

            if (state is { Workflow.State: WorkflowState.Completed or WorkflowState.Halted })
            {
                return state;
            }

            await NextChangeAsync(cancellationToken);
        }
    }

    /// <summary>Until a file event or the poll interval, whichever comes first.</summary>
    private async Task NextChangeAsync(CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poll = Task.Delay(_pollInterval, _time, either.Token);
        var change = _signal.WaitAsync(either.Token);
        await Task.WhenAny(poll, change);
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
