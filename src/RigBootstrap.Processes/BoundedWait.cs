namespace RigBootstrap.Processes;

/// <summary>Waits for a task for at most a given time on the injected clock.</summary>
internal static class BoundedWait
{
    /// <summary>True when the task completed in time; its own exception, if any, propagates.</summary>
    public static async Task<bool> CompletesWithinAsync(Task task, TimeSpan timeout, TimeProvider timeProvider)
    {
        if (task.IsCompleted)
        {
            await task.ConfigureAwait(false);
            return true;
        }

        // WhenAny rather than WaitAsync: a TimeoutException of our own cannot be confused with one the task threw.
        using var delayCancellation = new CancellationTokenSource();
        var delay = Task.Delay(timeout, timeProvider, delayCancellation.Token);
        var first = await Task.WhenAny(task, delay).ConfigureAwait(false);
        await delayCancellation.CancelAsync().ConfigureAwait(false);
        if (first != task)
        {
            return false;
        }

        await task.ConfigureAwait(false);
        return true;
    }
}
