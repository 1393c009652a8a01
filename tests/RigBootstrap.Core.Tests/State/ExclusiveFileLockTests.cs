using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.State;

public sealed class ExclusiveFileLockTests
{
    [Fact(Timeout = 30000)]
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

    [Fact(Timeout = 30000)]
    public async Task A_waiter_gets_the_lock_when_the_holder_releases_it()
    {
        using var root = new TempHostRoot();
        var first = await ExclusiveFileLock.TryAcquireAsync(root.Paths.LockPath, TimeSpan.Zero, TimeProvider.System, CancellationToken.None);

        var waiter = ExclusiveFileLock.TryAcquireAsync(root.Paths.LockPath, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);
        await Task.Delay(150);
        first!.Dispose();

        using var second = await waiter;
        second.Should().NotBeNull();
    }
}
