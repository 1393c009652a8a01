namespace RigBootstrap.Core.Events;

/// <summary>
/// Exponential back-off with "equal jitter": after the n-th failure in a row, a delay between half and all of
/// initial × 2^(n-1), capped, so a fleet that lost its receiver at once does not come back in lockstep.
/// </summary>
public sealed class RetryBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly Random _random;

    public RetryBackoff(TimeSpan initial, TimeSpan max, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        _initial = initial;
        _max = max;
        _random = random;
    }

    public TimeSpan DelayAfter(int failuresInARow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresInARow, 1);
        // Doubles, and the exponent clamped, so a long outage cannot overflow the tick count.
        var ceiling = Math.Min(_max.Ticks, _initial.Ticks * Math.Pow(2, Math.Min(failuresInARow - 1, 62)));
        return TimeSpan.FromTicks((long)(ceiling / 2 + _random.NextDouble() * ceiling / 2));
    }
}
