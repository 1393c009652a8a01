namespace RigBootstrap.Processes;

/// <summary>One reading of the injected clock: wall time for the record, a monotonic stamp for durations.</summary>
internal readonly record struct ClockReading(DateTimeOffset Time, long Timestamp)
{
    public static ClockReading Take(TimeProvider timeProvider) => new(timeProvider.GetUtcNow(), timeProvider.GetTimestamp());
}
