using RigBootstrap.Core.Status.Watch;

namespace RigBootstrap.Core.Tests.Status.Watch;

/// <summary>
/// A change signal the test fires by hand, or never (file events unavailable). It counts the watcher's waits, so a
/// test knows the watcher has read the state and is parked before it changes anything or moves the clock.
/// </summary>
public sealed class ManualSignal : IStateChangeSignal
{
    private readonly object _gate = new();
    private TaskCompletionSource _fired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _parked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waits;

    public int Waits
    {
        get
        {
            lock (_gate)
            {
                return _waits;
            }
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _waits++;
            _parked.TrySetResult();
            _parked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var fired = _fired;
            return fired.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes once the watcher has waited <paramref name="count"/> times in all.</summary>
    public async Task ParkedAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_waits >= count)
                {
                    return;
                }

                next = _parked.Task;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    public void Fire()
    {
        lock (_gate)
        {
            _fired.TrySetResult();
            _fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Dispose()
    {
    }
}
