using System.Diagnostics;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>Bounded polling for things that happen on another thread; fails with what was awaited.</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(20);

    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null, Action? betweenChecks = null)
    {
        var start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) > (within ?? DefaultWithin))
            {
                condition().Should().BeTrue($"{what} should have happened within {(within ?? DefaultWithin).TotalSeconds} s");
                return;
            }

            betweenChecks?.Invoke();
            await Task.Delay(10);
        }
    }
}
