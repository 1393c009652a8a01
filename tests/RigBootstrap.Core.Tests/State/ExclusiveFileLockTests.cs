using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.State;

public sealed class ExclusiveFileLockTests
{
    [Fact]
    public async Task A_second_holder_is_refused_while_the_first_holds_the_lock_and_admitted_after()
    {
        using var root = new TempHostRoot();
        var time = TimeProvider.System;

        using (var first = await ExclusiveFileLock.TryAcquireAsync(root.Paths.LockPath, TimeSpan.Zero, time, CancellationToken.None))
        {
            first.Should().NotBeNull();
            var second = await ExclusiveFileLock.TryAcquireAsync(root.Paths.LockPath, TimeSpan.FromMilliseconds(200), time, CancellationToken.None);
            second.Should().BeNull();
        }

        using var third = await ExclusiveFileLock.TryAcquireAsync(root.Paths.LockPath, TimeSpan.Zero, time, CancellationToken.None);
        third.Should().NotBeNull();
    }

    [Fact]
    public async Task A_waiter_gets_the_lock_when_the_holder_releases_it()
    {
        using var root = new TempHostRoot();
        var time = new TimerWatchingTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var first = await ExclusiveFileLock.TryAcquireAsync(root.Paths.LockPath, TimeSpan.Zero, time, CancellationToken.None);

        // The waiter's back-off timers are the signal that it tried and found the lock held (no guessed sleep).
        var waiter = ExclusiveFileLock.TryAcquireAsync(root.Paths.LockPath, TimeSpan.FromSeconds(10), time, CancellationToken.None);
        await time.WhenArmed(1).WaitAsync(TimeSpan.FromSeconds(10)); // its first try found the lock held
        time.Advance(TimeSpan.FromSeconds(1));
        await time.WhenArmed(2).WaitAsync(TimeSpan.FromSeconds(10)); // and so did its second, after the back-off
        var waitedWhileHeld = !waiter.IsCompleted;
        first!.Dispose();

        using var second = await time.AdvanceUntilDoneAsync(waiter, TimeSpan.FromMilliseconds(50));
        waitedWhileHeld.Should().BeTrue("the lock was held through two tries");
        second.Should().NotBeNull();
    }
}
