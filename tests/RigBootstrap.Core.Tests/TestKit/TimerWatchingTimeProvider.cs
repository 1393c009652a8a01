using Microsoft.Extensions.Time.Testing;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that counts the timers armed on it (every <c>Task.Delay(…, time, …)</c> and
/// <c>CreateTimer</c>) and those that fired, so a test waits for "the code under test is now sleeping" as a signal
/// instead of a fixed sleep, and knows after an <see cref="FakeTimeProvider.Advance(TimeSpan)"/> whether anything
/// fell due (FakeTimeProvider fires due timers inside Advance, on the caller's thread).
/// </summary>
public sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Armed)> _waiters = [];
    private int _armed;
    private int _fired;

    public int TimersArmed
    {
        get
        {
            lock (_gate)
            {
                return _armed;
            }
        }
    }

    public int TimersFired => Volatile.Read(ref _fired);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(s =>
        {
            Interlocked.Increment(ref _fired);
            callback(s);
        }, state, dueTime, period);
        lock (_gate)
        {
            _armed++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _armed).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Armed.TrySetResult();
            }
        }

        return timer;
    }

    /// <summary>
    /// Completes once <paramref name="count"/> timers in all have been armed (never by itself otherwise: bound it with
    /// WaitAsync, or race it against the task under test).
    /// </summary>
    public Task WhenArmed(int count)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_armed >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, armed));
        }

        return armed.Task;
    }
}
