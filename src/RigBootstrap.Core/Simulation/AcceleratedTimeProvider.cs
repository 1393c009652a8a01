namespace RigBootstrap.Core.Simulation;

/// <summary>
/// The simulated Mac's clock: time runs <see cref="Factor"/> times faster than the wall clock, so back-offs and
/// stability windows written for hours pass in seconds in `demo` and `rehearse`. Tool processes still run in real time.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp;

    public AcceleratedTimeProvider(double factor)
    {
        if (factor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "An accelerated clock runs at least as fast as the wall clock.");
        }

        Factor = factor;
        _start = System.GetUtcNow();
        _startTimestamp = System.GetTimestamp();
    }

    public double Factor { get; }

    public override DateTimeOffset GetUtcNow() => _start + System.GetElapsedTime(_startTimestamp) * Factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Factor;
}
