using Microsoft.Extensions.Time.Testing;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>Lets code that waits on a FakeTimeProvider finish: advances the clock in small steps until the task ends.</summary>
public static class FakeClock
{
    public static async Task<T> AdvanceUntilDoneAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step)
    {
        await AdvanceUntilDoneAsync(time, (Task)task, step);
        return await task;
    }

    public static async Task AdvanceUntilDoneAsync(this FakeTimeProvider time, Task task, TimeSpan step)
    {
        // Bounded, so a wait that never ends fails the test instead of spinning forever.
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(step);
        }

        await task;
    }
}
