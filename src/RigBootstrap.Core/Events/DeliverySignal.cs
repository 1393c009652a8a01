namespace RigBootstrap.Core.Events;

/// <summary>Wakes an idle delivery loop when an event is appended, without the appender ever waiting for it.</summary>
public sealed class DeliverySignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes the task handed out by the latest <see cref="NextNotification"/>; never blocks.</summary>
    public void Notify()
    {
        lock (_gate)
        {
            _next.TrySetResult();
        }
    }

    /// <summary>
    /// A task that completes at the first <see cref="Notify"/> after this call. Take it before looking for work, so
    /// an append that lands between the look and the wait is not missed.
    /// </summary>
    public Task NextNotification()
    {
        lock (_gate)
        {
            if (_next.Task.IsCompleted)
            {
                _next = NewSource();
            }

            return _next.Task;
        }
    }

    // Continuations run elsewhere, so Notify on the workflow thread never runs the delivery loop inline.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
